// The request body as bytes, from wherever the runtime put it: the Node entry reads bodies
// before the app runs (src/node-body.ts) and leaves them on the incoming message; elsewhere
// (Workers, app.request in tests) the body is read from the Request as usual.
import type { Context } from 'hono';

interface NodeBindings {
  incoming?: { rawBody?: unknown };
}

/** The body the Node entry has already read, if it did. */
export function preReadBody(c: Context): Uint8Array | undefined {
  const raw = (c.env as NodeBindings | undefined)?.incoming?.rawBody;
  return raw instanceof Uint8Array ? raw : undefined;
}

/** The whole body as bytes, read once (Hono caches a body read through c.req). */
export async function requestBytes(c: Context): Promise<Uint8Array> {
  return preReadBody(c) ?? new Uint8Array(await c.req.arrayBuffer());
}
