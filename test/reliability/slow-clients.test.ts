// Slow and idle clients over real sockets (issue: 500 connections trickling bytes stayed open for
// more than 20 s). The real server (src/server.ts) closes a request whose headers have not all
// arrived within 10 s and an idle kept-alive connection after 5 s, and takes at most 128
// connections from one address; another client is served meanwhile. The attacker connects from
// 127.0.0.2, the well-behaved client from 127.0.0.1: two addresses on the loopback.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/app.js';
import { createNodeServer } from '../../src/node-body.js';
import { CONNECTION_LIMITS, limitConnections } from '../../src/node-connections.js';
import { type ServerProcess, startServer } from '../bench/lib/server-process.js';
import { createTestApp } from '../helpers/app.js';

let server: ServerProcess;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'planner-slow-'));
  server = await startServer({
    databaseUrl: `file:${join(dir, 'db.sqlite')}`,
    adminEmail: 'slow@test.local',
    adminPassword: 'slow-password-1',
  });
}, 60_000);

afterAll(async () => {
  await server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

interface Tracked {
  socket: Socket;
  openedAt: number;
  closedAt?: number;
}

function open(port: number, localAddress: string): Promise<Tracked> {
  return new Promise((resolve) => {
    const tracked: Tracked = { socket: connect({ port, host: '127.0.0.1', localAddress }), openedAt: performance.now() };
    tracked.socket.on('error', () => {});
    tracked.socket.on('close', () => (tracked.closedAt = performance.now()));
    tracked.socket.once('connect', () => resolve(tracked));
  });
}

async function healthzMs(): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${server.baseUrl}/healthz`, { signal: AbortSignal.timeout(5_000) });
  expect(res.status).toBe(200);
  return performance.now() - t0;
}

describe('slow clients against the real server', () => {
  it('closes 300 trickling connections from one address: beyond 128 at once, the rest when their headers are 10 s late', async () => {
    const port = Number(new URL(server.baseUrl).port);
    const attackers = await Promise.all(Array.from({ length: 300 }, () => open(port, '127.0.0.2')));
    // One byte of a request line every 500 ms, never finishing the headers.
    const request = `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ${'a'.repeat(100)}`;
    let sent = 0;
    const trickle = setInterval(() => {
      for (const a of attackers) if (a.closedAt === undefined) a.socket.write(request[sent % request.length]!);
      sent++;
    }, 500);
    try {
      await new Promise((r) => setTimeout(r, 1_500));
      const early = attackers.filter((a) => a.closedAt !== undefined).length;
      expect(early, 'connections over the per-address cap are closed as they open').toBeGreaterThanOrEqual(
        300 - CONNECTION_LIMITS.perAddress,
      );
      expect(early).toBeLessThan(300);
      // Someone else is served meanwhile, quickly.
      expect(await healthzMs()).toBeLessThan(1_000);
      const deadline = performance.now() + CONNECTION_LIMITS.headersTimeoutMs + 5_000;
      while (attackers.some((a) => a.closedAt === undefined) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 250));
      const lifetimes = attackers.map((a) => ((a.closedAt ?? Number.POSITIVE_INFINITY) - a.openedAt) / 1000);
      expect(Math.max(...lifetimes), 'the longest a trickling connection stayed open, in s').toBeLessThan(
        CONNECTION_LIMITS.headersTimeoutMs / 1000 + 3,
      );
    } finally {
      clearInterval(trickle);
      for (const a of attackers) a.socket.destroy();
    }
    expect(await healthzMs()).toBeLessThan(1_000);
  }, 40_000);

  it('closes an idle kept-alive connection after 5 s, and serves a browser’s six connections', async () => {
    const port = Number(new URL(server.baseUrl).port);
    const browser = await Promise.all(Array.from({ length: 6 }, () => open(port, '127.0.0.3')));
    const answers = await Promise.all(
      browser.map(
        (b) =>
          new Promise<string>((resolve) => {
            let text = '';
            b.socket.on('data', (chunk) => {
              text += chunk.toString();
              if (text.includes('{"ok":true}')) resolve(text);
            });
            b.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
          }),
      ),
    );
    for (const text of answers) expect(text).toMatch(/^HTTP\/1\.1 200 /);
    const answeredAt = performance.now();
    while (browser.some((b) => b.closedAt === undefined) && performance.now() < answeredAt + 10_000)
      await new Promise((r) => setTimeout(r, 100));
    for (const b of browser) {
      expect(b.closedAt, 'closed by the server').toBeDefined();
      expect((b.closedAt! - answeredAt) / 1000).toBeLessThan(CONNECTION_LIMITS.keepAliveTimeoutMs / 1000 + 2);
    }
  }, 20_000);
});

describe('a body that trickles', () => {
  it('is cut when the whole request is later than the request timeout (a 2 s limit here, 60 s in production)', async () => {
    const ctx = await createTestApp();
    const node = createNodeServer(ctx.app.fetch, MAX_BODY_BYTES);
    limitConnections(node, { ...CONNECTION_LIMITS, headersTimeoutMs: 1_000, requestTimeoutMs: 2_000 });
    await new Promise<void>((resolve) => node.listen(0, '127.0.0.1', resolve));
    try {
      const slow = await open((node.address() as AddressInfo).port, '127.0.0.1');
      let answer = '';
      slow.socket.on('data', (chunk) => (answer += chunk.toString()));
      slow.socket.write('POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
      const trickle = setInterval(() => slow.socket.write(' '), 200);
      while (slow.closedAt === undefined && performance.now() < slow.openedAt + 6_000) await new Promise((r) => setTimeout(r, 100));
      clearInterval(trickle);
      expect(slow.closedAt, 'closed by the server').toBeDefined();
      expect((slow.closedAt! - slow.openedAt) / 1000).toBeLessThan(4);
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      await new Promise((resolve) => node.close(resolve));
      ctx.database.client.close();
    }
  }, 20_000);
});
