// The requests whose body is a document upload (multipart, up to 10 MB, streamed to the file
// store): the API's POST …/{visits|receptions}/{id}/documents and the pages' upload forms. They
// skip the 64 KiB limit and the up-front reading every other body gets, and enforce their own
// limit while streaming (services/document-upload.ts). Plain strings only, so the Node entry can
// ask before Hono sees the request.
const UPLOAD_PATH = /^(\/api\/v1)?\/(visits|receptions)\/[^/]+\/documents\/?$/;

export function isUploadRequest(method: string, path: string): boolean {
  return method === 'POST' && UPLOAD_PATH.test(path);
}
