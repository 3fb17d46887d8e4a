// At most `maxBytes` of body, refused with 413 PAYLOAD_TOO_LARGE. A body the Node entry has
// already read is measured directly; otherwise Hono's bodyLimit counts the stream (it also
// catches a chunked body that declares no length). Document uploads stream under their own,
// larger limit (src/http/uploads.ts).
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { preReadBody } from './request-body.js';
import { AppError } from '../services/errors.js';
import { isUploadRequest } from './uploads.js';

export function limitBody(maxBytes: number): MiddlewareHandler {
  const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', `The body may be at most ${maxBytes} bytes.`);
  const streamed = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw tooLarge();
    },
  });
  return async (c, next) => {
    if (isUploadRequest(c.req.method, c.req.path)) return next();
    const read = preReadBody(c);
    if (!read) return streamed(c, next);
    if (read.byteLength > maxBytes) throw tooLarge();
    await next();
  };
}
