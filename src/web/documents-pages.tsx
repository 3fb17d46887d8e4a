// Documents from the browser: the upload and withdraw forms of the documents section on each record
// page (/visits/<id>, /receptions/<id>; src/views/components/documents-section.tsx) post here and
// come back to that page, or show it again with the reason when the upload is refused.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { DocumentRecordType } from '../domain/documents.js';
import { httpStatusOf } from '../http/problem.js';
import { uploadDocument } from '../services/document-upload.js';
import { type RecordRef, recordOfDocument, withdrawRecordDocument } from '../services/documents.js';
import { AppError, errorFields } from '../services/errors.js';
import type { Flash } from '../views/layout.js';
import { problemMessages } from '../views/problem-messages.js';
import { pageContext, problemFlash } from './page.js';
import { renderReception, renderVisit } from './records/index.js';
import { checkUploadToken, webUser } from './session.js';

const PLURAL: Record<DocumentRecordType, string> = { visit: 'visits', reception: 'receptions' };

/** The record's page, where its documents are listed and uploaded. */
export function recordPagePath(record: RecordRef): string {
  return `/${PLURAL[record.type]}/${encodeURIComponent(record.id)}`;
}

/** The record page with a message and, for a refused upload, the message by the form. */
function renderRecord(
  c: Context<AppEnv>,
  record: RecordRef,
  options: { messages: Flash[]; uploadError?: string; status: 409 | 413 | 415 | 422 },
) {
  return record.type === 'visit' ? renderVisit(c, options, record.id) : renderReception(c, options, record.id);
}

/** Refusals the user can act on come back to the page; the rest (404, 403, a bad token) are the error page. */
function isPageRefusal(error: unknown): error is AppError {
  if (!(error instanceof AppError)) return false;
  const status = httpStatusOf(error);
  return status === 409 || status === 413 || status === 415 || status === 422;
}

async function upload(c: Context<AppEnv>, type: DocumentRecordType) {
  // Like every other form post without a session (csrfProtection): the form is stale, say so.
  // A redirect to the login page would drop the file without a word.
  if (!c.var.user)
    throw new AppError('CSRF_REJECTED', 'The form has expired or did not come from this site. Reload the page and try again.');
  const user = webUser(c);
  const record = { type, id: c.req.param('id') ?? '' };
  const length = c.req.header('content-length');
  try {
    const { document } = await uploadDocument(c.var.deps, user, {
      record,
      contentType: c.req.header('content-type') ?? '',
      contentLength: length !== undefined && /^\d+$/.test(length) ? Number(length) : null,
      body: c.req.raw.body,
      beforeFile: (fields) => checkUploadToken(c, fields),
    });
    return c.redirect(`${recordPagePath(record)}?uploaded=${encodeURIComponent(document.id)}#documents`, 303);
  } catch (error) {
    if (!isPageRefusal(error)) throw error;
    const page = pageContext(c);
    const message = problemMessages(errorFields(error), page.lang).join(' ');
    const status = httpStatusOf(error) as 409 | 413 | 415 | 422;
    return renderRecord(c, record, { messages: [{ kind: 'error', lines: [message] }], uploadError: message, status });
  }
}

export const documentPages = new Hono<AppEnv>()
  // The documents are a section of the record page: older links land there.
  .get('/visits/:id/documents', (c) => c.redirect(`${recordPagePath({ type: 'visit', id: c.req.param('id') })}#documents`, 301))
  .get('/receptions/:id/documents', (c) => c.redirect(`${recordPagePath({ type: 'reception', id: c.req.param('id') })}#documents`, 301))
  .post('/visits/:id/documents', (c) => upload(c, 'visit'))
  .post('/receptions/:id/documents', (c) => upload(c, 'reception'))
  .post('/documents/:docId/withdraw', async (c) => {
    const user = webUser(c);
    const id = c.req.param('docId');
    const record = await recordOfDocument(c.var.deps, user, id);
    try {
      await withdrawRecordDocument(c.var.deps, user, id);
    } catch (error) {
      if (!isPageRefusal(error)) throw error;
      return renderRecord(c, record, { messages: [problemFlash(error, pageContext(c)).flash], status: 409 });
    }
    return c.redirect(`${recordPagePath(record)}?withdrawn=1#documents`, 303);
  });
