// A booking's latency with every notification channel down vs none configured (issue: "a stuck or
// failing channel never slows a booking"). Two real Node servers (src/server.ts) run side by side:
// one with no mail and no webhooks; one whose SMTP_URL points at a closed port and whose webhooks
// fail (a receiver answering 500, a closed port, a receiver that never answers), with a fast retry
// schedule so its sender keeps failing in the background. Bookings alternate between the two, one
// at a time, so both are measured under the same machine load. Only 127.0.0.1 is contacted.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays } from '../../src/domain/dates.js';
import { httpLogin, httpOk } from './lib/http.js';
import { freePort, startServer, type ServerProcess } from './lib/server-process.js';
import { summarise, type Summary } from './lib/stats.js';

const ADMIN = { email: 'latency@bench.local', password: 'latency-password-1' };

export interface NotificationLatencyResult {
  bookings: number;
  none: Summary;
  allDown: Summary;
  /** Deliveries the failing server had tried (and failed) while it was measured. */
  failedAttempts: number;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return (server.address() as AddressInfo).port;
}

async function prepare(server: ServerProcess, hooks: { url: string; kind: string }[]): Promise<{ unit: string; office: string }> {
  const office = await httpLogin(server.baseUrl, ADMIN.email, ADMIN.password);
  const year = new Date().getUTCFullYear() + 1;
  await httpOk(server.baseUrl, 'PUT', `/api/v1/quotas/${year}`, {
    token: office,
    body: { maxBatches: 10_000, maxHeadcountPerBatch: 100, maxPersonTrips: 1_000_000 },
  });
  await httpOk(server.baseUrl, 'PUT', '/api/v1/regions/aksu/rules', {
    token: office,
    body: { maxConcurrentDelegations: 100, minGapDays: 0, blackouts: [] },
  });
  await httpOk(server.baseUrl, 'POST', '/api/v1/users', {
    token: office,
    body: { email: 'hq@bench.local', password: 'hq-password-1', role: 'hq', regionId: 'aksu' },
  });
  await httpOk(server.baseUrl, 'POST', '/api/v1/users', {
    token: office,
    body: { email: 'unit@bench.local', password: 'unit-password-1', role: 'unit', unitId: 'hangzhou' },
  });
  for (const hook of hooks) await httpOk(server.baseUrl, 'POST', '/api/v1/webhooks', { token: office, body: hook });
  return { unit: await httpLogin(server.baseUrl, 'unit@bench.local', 'unit-password-1'), office };
}

async function book(server: ServerProcess, token: string, i: number): Promise<number> {
  const start = addDays(`${new Date().getUTCFullYear() + 1}-01-05`, i % 300);
  const t0 = performance.now();
  const res = await fetch(`${server.baseUrl}/api/v1/visits`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      regionId: 'aksu',
      kind: 'inspection',
      startDate: start,
      endDate: start,
      headcount: 2,
      leaderName: '带队',
      purpose: '考察',
    }),
  });
  await res.text();
  const ms = performance.now() - t0;
  if (res.status !== 201) throw new Error(`booking ${i} → ${res.status}`);
  return ms;
}

export async function benchNotificationLatency(options: { bookings: number }): Promise<NotificationLatencyResult> {
  const dir = mkdtempSync(join(tmpdir(), 'planner-bench-notify-'));
  // Receivers that fail: one answers 500 at once, one never answers (the sender's time limit ends it).
  const failing = createServer((_req, res) => res.writeHead(500).end('down'));
  const hanging = createServer(() => {
    // never answers
  });
  const failingPort = await listen(failing);
  const hangingPort = await listen(hanging);
  const closedPort = await freePort();
  let quiet: ServerProcess | undefined;
  let noisy: ServerProcess | undefined;
  try {
    quiet = await startServer({ databaseUrl: `file:${join(dir, 'quiet.db')}`, adminEmail: ADMIN.email, adminPassword: ADMIN.password });
    noisy = await startServer({
      databaseUrl: `file:${join(dir, 'noisy.db')}`,
      adminEmail: ADMIN.email,
      adminPassword: ADMIN.password,
      env: {
        SMTP_URL: `smtp://127.0.0.1:${closedPort}`,
        WEBHOOK_HTTP_HOSTS: '127.0.0.1',
        DELIVERY_RETRY_BASE_SECONDS: '0.5',
        DELIVERY_RETRY_MAX_SECONDS: '2',
        DELIVERY_POLL_SECONDS: '0.2',
      },
    });
    const quietTokens = await prepare(quiet, []);
    const noisyTokens = await prepare(noisy, [
      { url: `http://127.0.0.1:${failingPort}/hook`, kind: 'generic' },
      { url: `http://127.0.0.1:${closedPort}/robot/send?access_token=x`, kind: 'dingtalk' },
      { url: `http://127.0.0.1:${hangingPort}/cgi-bin/webhook/send?key=x`, kind: 'wecom' },
    ]);
    // Warm-up on both, then alternate one booking each.
    for (let i = 0; i < 30; i++) {
      await book(quiet, quietTokens.unit, 10_000 + i);
      await book(noisy, noisyTokens.unit, 10_000 + i);
    }
    const none: number[] = [];
    const allDown: number[] = [];
    for (let i = 0; i < options.bookings; i++) {
      none.push(await book(quiet, quietTokens.unit, i));
      allDown.push(await book(noisy, noisyTokens.unit, i));
    }
    const log = await httpOk(noisy.baseUrl, 'GET', '/api/v1/webhooks', { token: noisyTokens.office });
    let failedAttempts = 0;
    for (const hook of log.items as { id: string }[]) {
      const attempts = await httpOk(noisy.baseUrl, 'GET', `/api/v1/webhooks/${hook.id}/deliveries?limit=200`, {
        token: noisyTokens.office,
      });
      failedAttempts += (attempts.items as { status: string }[]).filter((a) => a.status === 'failed').length;
    }
    return { bookings: options.bookings, none: summarise(none), allDown: summarise(allDown), failedAttempts };
  } finally {
    await quiet?.stop();
    await noisy?.stop();
    failing.close();
    hanging.closeAllConnections();
    hanging.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
