// Node only: read a request's body into one Buffer before Hono sees the request.
//
// @hono/node-server turns a body into a Web ReadableStream (Readable.toWeb) and a full undici
// Request the moment anything touches it; measured on a bare Hono app, reading a small JSON body
// that way costs more than the rest of the request (echoing it: 4,900 requests/s against 26,000
// for the same POST unread). The adapter takes an already-read body from `incoming.rawBody`
// (its hook for platforms that pre-read bodies), and the app's middleware reads it from there
// without building a Request at all (src/lib/request-body.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { isUploadRequest } from './http/uploads.js';

type Listener = (incoming: IncomingMessage, outgoing: ServerResponse) => void;

/**
 * Reads at most `maxBytes + 1` bytes of each body, then hands the request on with the bytes as
 * `rawBody`. A body over the limit is cut at `maxBytes + 1`, enough for the app's limit check to
 * refuse it with its usual 413; the rest is never buffered. A body whose content-length is
 * already over the limit is not read at all: the app refuses it from the header. A request that
 * `streams` (a document upload) is handed on unread: its route reads the body as it arrives.
 */
export function readBodiesFirst(listener: Listener, maxBytes: number, streams = isUploadRequest): Listener {
  return (incoming, outgoing) => {
    const method = incoming.method ?? 'GET';
    const declared = Number(incoming.headers['content-length'] ?? NaN);
    if (method === 'GET' || method === 'HEAD' || declared > maxBytes) return listener(incoming, outgoing);
    if (streams(method, (incoming.url ?? '/').split('?')[0] ?? '/')) return listener(incoming, outgoing);
    const chunks: Buffer[] = [];
    let size = 0;
    let handedOn = false;
    const handOn = () => {
      if (handedOn) return;
      handedOn = true;
      incoming.off('data', onData);
      incoming.off('end', handOn);
      (incoming as IncomingMessage & { rawBody?: Buffer }).rawBody = Buffer.concat(chunks, Math.min(size, maxBytes + 1));
      listener(incoming, outgoing);
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > maxBytes) handOn();
    };
    incoming.on('data', onData);
    incoming.on('end', handOn);
    // A client that goes away mid-body gets no answer; nothing was handed to the app.
    incoming.on('error', () => incoming.destroy());
  };
}

/** node:http's server for a fetch handler (the app), reading bodies first. Not yet listening. */
export function createNodeServer(fetch: Parameters<typeof getRequestListener>[0], maxBodyBytes: number): Server {
  return createServer(readBodiesFirst(getRequestListener(fetch), maxBodyBytes));
}
