// JSON endpoints refuse other bodies with 415 before any handler reads them.
import type { MiddlewareHandler } from 'hono';
import { Problem } from '../lib/problem.js';

const JSON_TYPE = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export function jsonOnly(): MiddlewareHandler {
  return async (c, next) => {
    if (BODY_METHODS.has(c.req.method) && hasBody(c.req.raw)) {
      const type = c.req.header('content-type') ?? '';
      if (!JSON_TYPE.test(type)) {
        throw new Problem(415, 'UNSUPPORTED_MEDIA_TYPE', `Send the body as application/json (got "${type.slice(0, 80) || 'none'}").`);
      }
    }
    await next();
  };
}

function hasBody(request: Request): boolean {
  const length = request.headers.get('content-length');
  if (length !== null) return Number(length) > 0;
  return request.headers.has('transfer-encoding') || request.body !== null;
}
