// JSON endpoints refuse other bodies with 415 before any handler reads them, and a JSON body
// that is not valid UTF-8 with 422: decoding it leniently would store U+FFFD in place of the
// bytes the client sent (RFC 8259 §8.1: JSON text exchanged between systems is UTF-8).
// Document uploads are multipart and streamed by their own route (src/http/uploads.ts).
import type { MiddlewareHandler } from 'hono';
import { AppError, validationFailed } from '../services/errors.js';
import { requestBytes } from './request-body.js';
import { isUploadRequest } from './uploads.js';

const JSON_TYPE = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export function jsonOnly(): MiddlewareHandler {
  return async (c, next) => {
    if (BODY_METHODS.has(c.req.method) && !isUploadRequest(c.req.method, c.req.path) && hasBody(c.req.raw)) {
      const type = c.req.header('content-type') ?? '';
      if (!JSON_TYPE.test(type)) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Send the body as application/json (got "${type.slice(0, 80) || 'none'}").`);
      }
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(await requestBytes(c));
      } catch {
        throw validationFailed([{ path: '', message: 'the body is not valid UTF-8' }]);
      }
      // The validator's c.req.json() parses this cached text: the body is read and decoded once.
      (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text);
    }
    await next();
  };
}

function hasBody(request: Request): boolean {
  const length = request.headers.get('content-length');
  if (length !== null) return Number(length) > 0;
  return request.headers.has('transfer-encoding') || request.body !== null;
}
