// Node only: how long a client may take and how many connections it may hold, so slow or idle
// connections cannot pile up (issue: 500 connections trickling bytes stayed open for more than
// 20 s). Node's defaults let headers take a minute and a request five, checked every 30 s.
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionLimits {
  /** All request headers must arrive within this, however slowly they trickle. */
  headersTimeoutMs: number;
  /** The whole request, headers and body (at most 64 KiB here), must arrive within this. */
  requestTimeoutMs: number;
  /** An idle kept-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** A socket with no traffic at all (e.g. a client that stops reading the answer) is closed after this. */
  idleTimeoutMs: number;
  /** Connections one client address may hold at once; more are closed as they open. */
  perAddress: number;
  /** Connections the server holds at once, from everyone. */
  total: number;
}

/**
 * A browser opens at most six connections to a site and closes idle ones; 128 per address leaves
 * room for a whole office behind one NAT address. Timeouts are checked every second.
 */
export const CONNECTION_LIMITS: ConnectionLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 60_000,
  perAddress: 128,
  total: 4096,
};

/**
 * Applies the limits to a node:http server before it listens. `perAddress` counts the socket's
 * peer: behind a reverse proxy every connection comes from the proxy, so set `countPerAddress`
 * false there and let the proxy limit its clients.
 */
export function limitConnections(server: Server, limits: ConnectionLimits = CONNECTION_LIMITS, countPerAddress = true): void {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  // How often Node looks for requests over their time (30 s by default); read when the server starts listening.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = 1_000;
  server.setTimeout(limits.idleTimeoutMs);
  server.maxConnections = limits.total;
  if (!countPerAddress) return;
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const count = (open.get(address) ?? 0) + 1;
    if (count > limits.perAddress) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
