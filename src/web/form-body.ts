// The body of a page's form POST, read once and checked before anything looks at it. A browser
// sends forms as application/x-www-form-urlencoded (UTF-8, every escape well-formed) or as
// multipart/form-data; anything else that claims those types is refused with 422 here, so no
// page ever meets a parse error (a broken multipart body made every web POST answer 500).
import type { Context } from 'hono';
import { AppError } from '../services/errors.js';

export type FormBody = Record<string, string | File | (string | File)[]>;

const UNREADABLE = 'The form could not be read; reload the page and send it again.';
const read = new WeakMap<Request, Promise<FormBody>>();

export function formBody(c: Context): Promise<FormBody> {
  let body = read.get(c.req.raw);
  if (!body) {
    body = parse(c);
    read.set(c.req.raw, body);
  }
  return body;
}

async function parse(c: Context): Promise<FormBody> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') checkUrlencoded(new Uint8Array(await c.req.arrayBuffer()));
  try {
    return (await c.req.parseBody({ all: true })) as FormBody;
  } catch {
    throw new AppError('VALIDATION_FAILED', UNREADABLE, { errors: [{ path: '', message: 'malformed form body' }] });
  }
}

/** UTF-8 throughout, before and after the escapes are decoded; no `%` without two hex digits. */
function checkUrlencoded(bytes: Uint8Array): void {
  const refuse = (message: string) => new AppError('VALIDATION_FAILED', UNREADABLE, { errors: [{ path: '', message }] });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse('the form is not valid UTF-8');
  }
  if (/%(?![0-9a-f]{2})/i.test(text)) throw refuse('the form has a broken %-escape');
  try {
    for (const pair of text.split('&')) decodeURIComponent(pair.replace(/\+/g, ' '));
  } catch {
    throw refuse('the form escapes bytes that are not UTF-8');
  }
}
