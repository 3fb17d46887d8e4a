// A record's documents (文件) as a page section: the current documents with download links, an
// upload form, and withdraw buttons, the last two only for who may add to the record (its unit,
// the office). Self-contained: the record pages mount it; the upload form posts to
// /{visits|receptions}/<id>/documents, and the handlers come back to the record's page.
import { DOCUMENT_KINDS, type DocumentKind, type DocumentRecordType, MAX_DOCUMENT_BYTES } from '../../domain/documents.js';
import { PROGRAMME_TIME_ZONE } from '../../domain/dates.js';
import type { DocumentView } from '../../services/documents.js';
import type { Translate } from '../i18n.js';
import { DOCUMENT_KIND_WORDS, say } from '../labels.js';
import { CsrfField, type PageContext } from '../layout.js';

export const documentKindLabel = (kind: DocumentKind, t: Translate) => say(DOCUMENT_KIND_WORDS[kind], t);

export interface DocumentsSectionProps {
  page: PageContext;
  record: { type: DocumentRecordType; id: string };
  documents: DocumentView[];
  /** True when more documents exist than shown (the list is paged). */
  more: boolean;
  mayManage: boolean;
  /** A refused upload's message, shown by the form. */
  uploadError?: string;
}

const PLURAL: Record<DocumentRecordType, string> = { visit: 'visits', reception: 'receptions' };
const UPLOADED_AT = new Intl.DateTimeFormat('sv-SE', { timeZone: PROGRAMME_TIME_ZONE, dateStyle: 'short', timeStyle: 'short' });

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

export function DocumentsSection(props: DocumentsSectionProps) {
  const { page } = props;
  const { t } = page;
  return (
    <section class="card documents" id="documents" aria-labelledby="documents-title">
      <h2 id="documents-title">{t('文件', 'Documents')}</h2>
      {props.documents.length === 0 ? (
        <p class="muted">{t('尚无文件。', 'No documents yet.')}</p>
      ) : (
        <div class="table-wrap">
          <table class="cards">
            <thead>
              <tr>
                <th scope="col">{t('文件名', 'File')}</th>
                <th scope="col">{t('类别', 'Kind')}</th>
                <th scope="col">{t('大小', 'Size')}</th>
                <th scope="col">{t('上传', 'Uploaded')}</th>
                {props.mayManage && <th scope="col">{t('操作', 'Actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {props.documents.map((d) => (
                <tr id={`document-${d.id}`}>
                  <td data-label={t('文件名', 'File')}>
                    <a href={`/api/v1/documents/${encodeURIComponent(d.id)}`} download={d.filename}>
                      {d.filename}
                    </a>
                  </td>
                  <td data-label={t('类别', 'Kind')}>{documentKindLabel(d.kind, t)}</td>
                  <td class="nowrap" data-label={t('大小', 'Size')}>
                    {formatBytes(d.size)}
                  </td>
                  <td data-label={t('上传', 'Uploaded')}>
                    {UPLOADED_AT.format(new Date(d.uploadedAt))}
                    {d.uploadedByName && <span class="hint"> · {d.uploadedByName}</span>}
                  </td>
                  {props.mayManage && (
                    <td data-label={t('操作', 'Actions')}>
                      <form
                        method="post"
                        action={`/documents/${encodeURIComponent(d.id)}/withdraw`}
                        data-confirm={t(
                          `撤回 ${d.filename}?撤回后不再列出,仍保存在年度档案中。`,
                          `Withdraw ${d.filename}? It leaves the list and stays in the archive.`,
                        )}
                      >
                        <CsrfField page={page} />
                        <button type="submit" class="secondary" aria-label={t(`撤回 ${d.filename}`, `Withdraw ${d.filename}`)}>
                          {t('撤回', 'Withdraw')}
                        </button>
                      </form>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.more && (
        <p class="hint">
          {t('只显示前 200 个文件;全部文件见年度档案。', 'The first 200 documents are shown; the year’s archive has them all.')}
        </p>
      )}
      {props.mayManage && <UploadForm {...props} />}
      <p class="hint">
        {t(
          '撤回的文件不再列出,但仍保存在年度档案中;文件一律以下载方式提供。',
          'Withdrawn documents leave this list but stay in the year’s archive. Files are always offered as downloads.',
        )}
      </p>
    </section>
  );
}

function UploadForm(props: DocumentsSectionProps) {
  const { page, record } = props;
  const { t } = page;
  const errorId = 'document-file-error';
  return (
    // The token comes first: the upload is read as it streams, and the form's token must be
    // checked before a byte of the file is stored. The handler comes back to the record's page.
    <form
      method="post"
      action={`/${PLURAL[record.type]}/${encodeURIComponent(record.id)}/documents`}
      enctype="multipart/form-data"
      class="upload"
    >
      <CsrfField page={page} />
      <h3>{t('上传文件', 'Upload a document')}</h3>
      <div class="row">
        <div>
          <label for="document-kind">{t('类别', 'Kind')}</label>
          <select id="document-kind" name="kind">
            {DOCUMENT_KINDS.map((kind) => (
              <option value={kind}>{documentKindLabel(kind, t)}</option>
            ))}
          </select>
        </div>
        <div>
          <label for="document-file">{t('文件', 'File')}</label>
          <input
            id="document-file"
            name="file"
            type="file"
            required
            accept=".pdf,.png,.jpg,.jpeg,.ofd,application/pdf,image/png,image/jpeg,application/ofd"
            aria-describedby={props.uploadError ? `${errorId} document-file-hint` : 'document-file-hint'}
            aria-invalid={props.uploadError ? 'true' : undefined}
          />
          <p class="hint" id="document-file-hint">
            {t(
              `PDF、PNG、JPEG 或 OFD,最大 ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB;按文件内容识别类型。`,
              `PDF, PNG, JPEG or OFD, at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; the type is told from the content.`,
            )}
          </p>
          {props.uploadError && (
            <p class="field-error" id={errorId}>
              {props.uploadError}
            </p>
          )}
        </div>
      </div>
      <div class="actions">
        <button type="submit">{t('上传', 'Upload')}</button>
      </div>
    </form>
  );
}
