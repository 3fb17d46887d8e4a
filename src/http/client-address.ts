// The client's IP address, for the per-address login limit. On Node, the socket's peer (behind a
// reverse proxy, with TRUST_PROXY set, the last X-Forwarded-For entry: the one that proxy added,
// which a client cannot forge). On Workers, CF-Connecting-IP, which Cloudflare sets itself.
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

export function clientAddress(c: Context<AppEnv>): string | null {
  const socket = (c.env as NodeBindings | undefined)?.incoming?.socket;
  if (socket) {
    if (c.var.deps.config.trustProxy) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
      if (forwarded) return forwarded;
    }
    return socket.remoteAddress ?? null;
  }
  return c.req.header('cf-connecting-ip') ?? null;
}
