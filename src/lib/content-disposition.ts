// `Content-Disposition: attachment` with a file name any browser shows right (RFC 6266 §4.3):
// a plain ASCII `filename` for old clients and the exact UTF-8 name as `filename*` (RFC 8187),
// so 公函.pdf downloads as 公函.pdf. Nothing of the name can break out of the header.

export function attachmentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(filename)}`;
}

/** RFC 8187 §3.2.1: everything but attr-char percent-encoded as UTF-8. */
function encodeExtValue(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}
