// Documents of visits and receptions (docs/API.md, "Documents and the archive"): upload
// (multipart, streamed), list, download, withdraw. Whoever may see the record may list and
// download; anyone else gets 404, as for the record itself.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { DocumentRecordType } from '../domain/documents.js';
import { requireUser } from '../http/auth.js';
import { attachmentDisposition } from '../lib/content-disposition.js';
import { withKnownLength } from '../lib/known-length.js';
import { DocumentIdSchema, DocumentListQuery, DocumentPageSchema, DocumentSchema, UPLOAD_BODY_DOC } from '../schemas/documents.js';
import { MAX_UPLOAD_BODY_BYTES, uploadDocument } from '../services/document-upload.js';
import { openDocument, recordDocuments, withdrawRecordDocument } from '../services/documents.js';
import { notFound } from '../services/errors.js';
import { bearerSecurity, conflictResponse, createRouter, jsonContent, problemResponses } from './openapi.js';

const TAGS = ['Documents and archive'];

const RecordIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const DocumentIdParam = z.object({ docId: DocumentIdSchema.openapi({ param: { name: 'docId', in: 'path' } }) });

const PLURAL: Record<DocumentRecordType, string> = { visit: 'visits', reception: 'receptions' };

function uploadRoute(type: DocumentRecordType) {
  return createRoute({
    method: 'post',
    path: `/${PLURAL[type]}/{id}/documents`,
    tags: TAGS,
    summary: `Add a document to a ${type} (the ${type === 'visit' ? 'booking' : 'host'} unit or the office)`,
    description: [
      'multipart/form-data with `file` and `kind`. The file is accepted by its bytes, never by its name or declared type:',
      'PDF, PNG, JPEG, or OFD (GB/T 33190: a ZIP package with OFD.xml at its root, checked from its central directory;',
      'a package that would unpack to far more than it is, has too many entries, overlapping entries or paths leaving their folder is refused).',
      `Anything else → 415. A file over ${MAX_UPLOAD_BODY_BYTES - 64 * 1024} bytes → 413, refused as soon as the limit is passed.`,
      'The file name is kept as given (Chinese names too) with control characters removed and "/" or "\\" replaced by "_";',
      'it is never used as a path: the bytes are stored under their SHA-256, so the same file uploaded twice is stored once.',
      'A record the caller may not see → 404; one it sees but does not own (HQ, another unit) → 403.',
    ].join(' '),
    security: bearerSecurity,
    request: {
      params: RecordIdParam,
      body: { required: true, content: { 'multipart/form-data': { schema: UPLOAD_BODY_DOC } } },
    },
    responses: {
      201: jsonContent(DocumentSchema, 'The stored document'),
      ...problemResponses,
      413: { description: 'PAYLOAD_TOO_LARGE: the file is over 10 MB', content: problemResponses[413].content },
      415: {
        description: 'UNSUPPORTED_MEDIA_TYPE: not multipart, or the file is not PDF, PNG, JPEG or OFD',
        content: problemResponses[415].content,
      },
    },
  });
}

function listRoute(type: DocumentRecordType) {
  return createRoute({
    method: 'get',
    path: `/${PLURAL[type]}/{id}/documents`,
    tags: TAGS,
    summary: `A ${type}'s current documents, in upload order`,
    description:
      'Withdrawn documents are left out (they stay in the year’s archive). Whoever may see the record may list them; ' +
      'anyone else, also without a token, gets 404.',
    security: bearerSecurity,
    request: { params: RecordIdParam, query: DocumentListQuery },
    responses: {
      200: jsonContent(DocumentPageSchema, 'A page of documents'),
      404: problemResponses[404],
      422: problemResponses[422],
    },
  });
}

const downloadRoute = createRoute({
  method: 'get',
  path: '/documents/{docId}',
  tags: TAGS,
  summary: "A document's bytes",
  description:
    'Always an attachment (`Content-Disposition: attachment` with the UTF-8 file name), with `X-Content-Type-Options: nosniff` and the ' +
    'content type told from the bytes, so nothing uploaded is ever shown inline. To anyone who may not see the record, also ' +
    'without a token: 404. ' +
    'A withdrawn document: 404, except for the office (it is in the archive).',
  security: bearerSecurity,
  request: { params: DocumentIdParam },
  responses: {
    200: { description: 'The bytes', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
    404: problemResponses[404],
  },
});

const withdrawRoute = createRoute({
  method: 'post',
  path: '/documents/{docId}/withdraw',
  tags: TAGS,
  summary: 'Withdraw a document (the record’s unit or the office)',
  description: 'It leaves the record’s list and stays stored, in the history and in the year’s archive. Never deleted.',
  security: bearerSecurity,
  request: { params: DocumentIdParam },
  responses: {
    200: jsonContent(DocumentSchema, 'The document, withdrawn'),
    401: problemResponses[401],
    403: problemResponses[403],
    404: problemResponses[404],
    ...conflictResponse('INVALID_TRANSITION {from:"withdrawn", action:"withdraw"}: already withdrawn'),
  },
});

async function upload(c: Context<AppEnv>, type: DocumentRecordType, id: string) {
  const actor = requireUser(c);
  const length = c.req.header('content-length');
  const { document } = await uploadDocument(c.var.deps, actor, {
    record: { type, id },
    contentType: c.req.header('content-type') ?? '',
    contentLength: length !== undefined && /^\d+$/.test(length) ? Number(length) : null,
    body: c.req.raw.body,
  });
  return c.json(document, 201);
}

/**
 * The caller reading a document or a list. Nobody logged in is one more caller who may not see
 * the record: 404, as for another unit, so not even a document's existence is confirmed.
 */
function reader(c: Context<AppEnv>) {
  if (!c.var.user) throw notFound('document');
  return c.var.user;
}

function list(c: Context<AppEnv>, type: DocumentRecordType, id: string, page: { limit?: number; cursor?: string }) {
  return recordDocuments(c.var.deps, reader(c), { record: { type, id }, page });
}

export const documentRoutes = createRouter()
  .openapi(uploadRoute('visit'), (c) => upload(c, 'visit', c.req.valid('param').id))
  .openapi(uploadRoute('reception'), (c) => upload(c, 'reception', c.req.valid('param').id))
  .openapi(listRoute('visit'), async (c) => c.json(await list(c, 'visit', c.req.valid('param').id, c.req.valid('query')), 200))
  .openapi(listRoute('reception'), async (c) => c.json(await list(c, 'reception', c.req.valid('param').id, c.req.valid('query')), 200))
  .openapi(downloadRoute, async (c) => {
    const { document, file } = await openDocument(c.var.deps, reader(c), c.req.valid('param').docId);
    return c.body(withKnownLength(file.body, file.size), 200, {
      'content-type': document.contentType,
      'content-length': String(file.size),
      'content-disposition': attachmentDisposition(document.filename),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
  })
  .openapi(withdrawRoute, async (c) => c.json(await withdrawRecordDocument(c.var.deps, requireUser(c), c.req.valid('param').docId), 200));
