// Documents from the browser: the upload and withdraw form posts, and, until the record pages
// exist, an interim page per record at /visits/<id>/documents and /receptions/<id>/documents
// showing its summary and the documents section (src/views/components/documents-section.tsx).
// The record pages will mount the same section; the forms post here and come back to `back`.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { DocumentRecordType } from '../domain/documents.js';
import { httpStatusOf } from '../http/problem.js';
import { uploadDocument } from '../services/document-upload.js';
import {
  type RecordRef,
  recordDocuments,
  recordOfDocument,
  mayManageRecordDocuments,
  withdrawRecordDocument,
} from '../services/documents.js';
import { AppError, errorFields } from '../services/errors.js';
import { visibleReception } from '../services/receptions.js';
import { referenceNames } from '../services/reference.js';
import { visibleVisit } from '../services/visit-reads.js';
import { DocumentsSection } from '../views/components/documents-section.js';
import { ReceptionStatusBadge, VisitStatusBadge } from '../views/components/status-badge.js';
import { kindLabel } from '../views/labels.js';
import { Layout, type Flash, type PageContext } from '../views/layout.js';
import { problemMessages } from '../views/problem-messages.js';
import { formFields, pageContext, problemFlash } from './page.js';
import { checkUploadToken, homeFor, webUser } from './session.js';

const PLURAL: Record<DocumentRecordType, string> = { visit: 'visits', reception: 'receptions' };
const SHOWN = 200;

/**
 * Where a form may send the user back to: a page of the same record, never elsewhere (no open
 * redirect). Without a valid `back`, the interim documents page.
 */
export function documentsBackPath(record: RecordRef, requested: string | undefined): string {
  const base = `/${PLURAL[record.type]}/${encodeURIComponent(record.id)}`;
  return requested === base || requested === `${base}/documents` ? requested : `${base}/documents`;
}

async function RecordSummary(props: { c: Context<AppEnv>; page: PageContext; record: RecordRef }) {
  const { c, page, record } = props;
  const { t } = page;
  const { regions, units } = await referenceNames(c.var.deps);
  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? id;
  const regionName = (id: string) => {
    const region = regions.find((r) => r.id === id);
    return region ? t(region.name, region.nameEn) : id;
  };
  const user = webUser(c);
  if (record.type === 'visit') {
    const v = await visibleVisit(c.var.deps, user, record.id);
    return (
      <dl class="card summary">
        <dt>{t('考察团', 'Delegation')}</dt>
        <dd>
          {unitName(v.unitId)} → {regionName(v.regionId)} · {kindLabel(v.kind, t)} · {t(`${v.headcount} 人`, `${v.headcount} people`)}
        </dd>
        <dt>{t('日期', 'Dates')}</dt>
        <dd>
          {v.startDate} {t('至', 'to')} {v.endDate}
        </dd>
        <dt>{t('状态', 'Status')}</dt>
        <dd>
          <VisitStatusBadge status={v.status} t={t} />
        </dd>
      </dl>
    );
  }
  const r = await visibleReception(c.var.deps, user, record.id);
  return (
    <dl class="card summary">
      <dt>{t('公务接待', 'Reception')}</dt>
      <dd>
        {unitName(r.hostUnitId)} ← {regionName(r.regionId)} · {t(`${r.guestCount} 位来宾`, `${r.guestCount} guests`)}
      </dd>
      <dt>{t('公函', 'Official letter')}</dt>
      <dd>{r.officialLetterRef}</dd>
      <dt>{t('日期', 'Dates')}</dt>
      <dd>
        {r.startDate} {t('至', 'to')} {r.endDate}
      </dd>
      <dt>{t('状态', 'Status')}</dt>
      <dd>
        <ReceptionStatusBadge status={r.status} t={t} />
      </dd>
    </dl>
  );
}

async function renderDocumentsPage(
  c: Context<AppEnv>,
  record: RecordRef,
  options: { messages?: Flash[]; uploadError?: string; status?: 200 | 403 | 409 | 413 | 415 | 422 } = {},
) {
  const user = webUser(c);
  const page = pageContext(c);
  const { t } = page;
  // 404 for a record the caller may not see, before anything is shown.
  const [listed, mayManage] = await Promise.all([
    recordDocuments(c.var.deps, user, { record, page: { limit: SHOWN } }),
    mayManageRecordDocuments(c.var.deps, user, record),
  ]);
  const messages = [...(options.messages ?? []), ...doneMessages(c, page, listed.items)];
  const title = record.type === 'visit' ? t('考察团文件', 'Delegation documents') : t('公务接待文件', 'Reception documents');
  return c.html(
    <Layout page={page} title={title} messages={messages}>
      <p>
        <a href={homeFor(user.role)}>{t('← 返回', '← Back')}</a>
      </p>
      <RecordSummary c={c} page={page} record={record} />
      <DocumentsSection
        page={page}
        record={record}
        documents={listed.items}
        more={listed.nextCursor !== null}
        mayManage={mayManage}
        back={`/${PLURAL[record.type]}/${encodeURIComponent(record.id)}/documents`}
        uploadError={options.uploadError}
      />
    </Layout>,
    options.status ?? 200,
  );
}

function doneMessages(c: Context<AppEnv>, page: PageContext, documents: { id: string; filename: string }[]): Flash[] {
  const { t } = page;
  const uploaded = documents.find((d) => d.id === c.req.query('uploaded'));
  if (uploaded) return [{ kind: 'ok', lines: [t(`已上传:${uploaded.filename}`, `Uploaded: ${uploaded.filename}`)] }];
  if (c.req.query('withdrawn'))
    return [{ kind: 'ok', lines: [t('文件已撤回(仍保存在年度档案中)。', 'The document is withdrawn (it stays in the year’s archive).')] }];
  return [];
}

/** Refusals the user can act on come back to the page; the rest (404, 403, a bad token) are the error page. */
function isPageRefusal(error: unknown): error is AppError {
  if (!(error instanceof AppError)) return false;
  const status = httpStatusOf(error);
  return status === 409 || status === 413 || status === 415 || status === 422;
}

async function upload(c: Context<AppEnv>, type: DocumentRecordType) {
  const user = webUser(c);
  const record = { type, id: c.req.param('id') ?? '' };
  const length = c.req.header('content-length');
  try {
    const { document, fields } = await uploadDocument(c.var.deps, user, {
      record,
      contentType: c.req.header('content-type') ?? '',
      contentLength: length !== undefined && /^\d+$/.test(length) ? Number(length) : null,
      body: c.req.raw.body,
      beforeFile: (fields) => checkUploadToken(c, fields),
    });
    return c.redirect(`${documentsBackPath(record, fields.back)}?uploaded=${encodeURIComponent(document.id)}#documents`, 303);
  } catch (error) {
    if (!isPageRefusal(error)) throw error;
    const page = pageContext(c);
    const message = problemMessages(errorFields(error), page.lang).join(' ');
    const status = httpStatusOf(error) as 409 | 413 | 415 | 422;
    return renderDocumentsPage(c, record, { messages: [{ kind: 'error', lines: [message] }], uploadError: message, status });
  }
}

export const documentPages = new Hono<AppEnv>()
  .get('/visits/:id/documents', (c) => renderDocumentsPage(c, { type: 'visit', id: c.req.param('id') }))
  .get('/receptions/:id/documents', (c) => renderDocumentsPage(c, { type: 'reception', id: c.req.param('id') }))
  .post('/visits/:id/documents', (c) => upload(c, 'visit'))
  .post('/receptions/:id/documents', (c) => upload(c, 'reception'))
  .post('/documents/:docId/withdraw', async (c) => {
    const user = webUser(c);
    const id = c.req.param('docId');
    const record = await recordOfDocument(c.var.deps, user, id);
    const form = await formFields(c);
    try {
      await withdrawRecordDocument(c.var.deps, user, id);
    } catch (error) {
      if (!isPageRefusal(error)) throw error;
      return renderDocumentsPage(c, record, { messages: [problemFlash(error, pageContext(c)).flash], status: 409 });
    }
    return c.redirect(`${documentsBackPath(record, form.back)}?withdrawn=1#documents`, 303);
  });
