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
 * How much of an over-large body is read and thrown away before the 413 is sent. A client that
 * is still sending when the server closes its socket gets a TCP reset, and the reset makes its
 * kernel drop the 413 it had already received (issue: 15 of 40 fetches of a 200 KB POST failed
 * with socket errors). So the answer waits until the client has sent everything, up to this
 * much; beyond it the 413 goes out at once and the connection is cut.
 */
export const MAX_DRAIN_BYTES = 16 * 1024 * 1024;

/**
 * Reads at most `maxBytes + 1` bytes of each body, then hands the request on with the bytes as
 * `rawBody`; the app refuses a body over `maxBytes` (or one whose content-length says so) with
 * its usual 413. The rest of an over-large body is read and dropped first, never buffered, and
 * the 413 closes the connection (`Connection: close`) once it is sent. A request that `streams`
 * (a document upload) is handed on unread: its route reads the body as it arrives.
 */
export function readBodiesFirst(listener: Listener, maxBytes: number, streams = isUploadRequest): Listener {
  return (incoming, outgoing) => {
    const method = incoming.method ?? 'GET';
    if (method === 'GET' || method === 'HEAD') return listener(incoming, outgoing);
    if (streams(method, (incoming.url ?? '/').split('?')[0] ?? '/')) return listener(incoming, outgoing);
    const declared = Number(incoming.headers['content-length'] ?? Number.NaN);
    const chunks: Buffer[] = [];
    let size = 0;
    let handedOn = false;
    const handOn = () => {
      if (handedOn) return;
      handedOn = true;
      incoming.off('end', handOn);
      (incoming as IncomingMessage & { rawBody?: Buffer }).rawBody = Buffer.concat(chunks, Math.min(size, maxBytes + 1));
      // An over-large body: the connection ends with this answer, so nothing of it is read as the next request.
      if (size > maxBytes || declared > maxBytes) outgoing.shouldKeepAlive = false;
      listener(incoming, outgoing);
    };
    incoming.on('data', (chunk: Buffer) => {
      if (size <= maxBytes) chunks.push(chunk);
      size += chunk.length;
      // Past the drain limit the answer goes now, and the socket is cut with it.
      if (size > maxBytes + MAX_DRAIN_BYTES && !handedOn) {
        incoming.pause();
        handOn();
      }
    });
    incoming.on('end', handOn);
    // A client that goes away mid-body gets no answer; nothing was handed to the app.
    incoming.on('error', () => incoming.destroy());
  };
}

/** node:http's server for a fetch handler (the app), reading bodies first. Not yet listening. */
export function createNodeServer(fetch: Parameters<typeof getRequestListener>[0], maxBodyBytes: number): Server {
  // The body is consumed here before the app runs, so the adapter must not drain it again
  // (its drain closes the socket 500 ms after the answer when no more bytes come).
  const app = getRequestListener(fetch, { autoCleanupIncoming: false });
  const readFirst = readBodiesFirst(app, maxBodyBytes);
  const server = createServer(readFirst);
  // `Expect: 100-continue` (curl sends it for large bodies): a body whose declared length is
  // over the limit is refused before the client sends it, so there is nothing to drain.
  server.on('checkContinue', (incoming: IncomingMessage, outgoing: ServerResponse) => {
    // An upload streams under its own, larger limit (src/http/uploads.ts).
    const upload = isUploadRequest(incoming.method ?? 'GET', (incoming.url ?? '/').split('?')[0] ?? '/');
    if (!upload && Number(incoming.headers['content-length'] ?? Number.NaN) > maxBodyBytes) {
      outgoing.shouldKeepAlive = false;
      return app(incoming, outgoing);
    }
    outgoing.writeContinue();
    readFirst(incoming, outgoing);
  });
  return server;
}
