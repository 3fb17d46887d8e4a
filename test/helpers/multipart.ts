// Multipart bodies built byte by byte, so a test decides exactly what a client sends (a file name
// with control characters, parts in any order, a body cut short), and uploads through the app.
import type { TestContext } from './app.js';

export interface Part {
  name: string;
  /** Present: a file part. */
  filename?: string;
  /** Sent as RFC 5987 `filename*` (percent-encoded UTF-8), where any character can travel. */
  filenameStar?: string;
  contentType?: string;
  data: Uint8Array | string;
}

export function multipartBody(parts: Part[], boundary = `----planner${Math.random().toString(16).slice(2)}`) {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"`;
    if (part.filename !== undefined) head += `; filename="${part.filename}"`;
    if (part.filenameStar !== undefined) head += `; filename*=UTF-8''${encodeURIComponent(part.filenameStar)}`;
    head += '\r\n';
    if (part.contentType) head += `Content-Type: ${part.contentType}\r\n`;
    chunks.push(encoder.encode(`${head}\r\n`));
    chunks.push(typeof part.data === 'string' ? encoder.encode(part.data) : part.data);
    chunks.push(encoder.encode('\r\n'));
  }
  chunks.push(encoder.encode(`--${boundary}--\r\n`));
  const body = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** An upload as the API takes it: `kind` first, then the file. */
export function documentForm(file: { bytes: Uint8Array | string; filename: string; contentType?: string }, kind = 'other') {
  return multipartBody([
    { name: 'kind', data: kind },
    { name: 'file', filename: file.filename, contentType: file.contentType ?? 'application/octet-stream', data: file.bytes },
  ]);
}

export async function upload(
  ctx: TestContext,
  path: string,
  form: { body: Uint8Array<ArrayBuffer>; contentType: string },
  token?: string,
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { 'content-type': form.contentType };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await ctx.app.request(path, { method: 'POST', headers, body: form.body });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text,
  };
}

export async function download(ctx: TestContext, id: string, token?: string) {
  const res = await ctx.app.request(`/api/v1/documents/${id}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}
