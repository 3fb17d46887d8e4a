// The real Node server (src/server.ts as a child process) wired to a test SMTP server and a test
// webhook receiver on 127.0.0.1, with a fast retry schedule through the app's own settings, and
// the bookkeeping the outage and crash tests share: who should receive what, and what arrived.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { httpLogin, httpOk } from '../../bench/lib/http.js';
import { startServer, type ServerProcess } from '../../bench/lib/server-process.js';
import type { HttpReceiver, SmtpReceiver } from '../../helpers/receivers.js';

export const ADMIN = { email: 'notify-admin@test.local', password: 'notify-admin-password' };

export interface Scenario {
  databaseUrl: string;
  env: Record<string, string>;
  start: () => Promise<ServerProcess>;
}

export function scenario(options: { smtpPort: number; leaseSeconds: number }): Scenario {
  const dir = mkdtempSync(join(tmpdir(), 'planner-notify-'));
  const databaseUrl = `file:${join(dir, 'planner.db')}`;
  const env = {
    SMTP_URL: `smtp://127.0.0.1:${options.smtpPort}`,
    MAIL_FROM: 'planner@test.local',
    WEBHOOK_HTTP_HOSTS: '127.0.0.1',
    DELIVERY_RETRY_BASE_SECONDS: '1',
    DELIVERY_RETRY_MAX_SECONDS: '4',
    DELIVERY_LEASE_SECONDS: String(options.leaseSeconds),
    DELIVERY_POLL_SECONDS: '0.5',
  };
  return {
    databaseUrl,
    env,
    start: () => startServer({ databaseUrl, adminEmail: ADMIN.email, adminPassword: ADMIN.password, env }),
  };
}

export interface Actors {
  office: string;
  unit: { token: string; email: string };
  hq: { token: string; email: string };
  webhookSecret: string;
  webhookId: string;
}

/** The office, one unit and one HQ account, room in the region, and a generic webhook. */
export async function setUp(baseUrl: string, hookUrl: string): Promise<Actors> {
  const office = await httpLogin(baseUrl, ADMIN.email, ADMIN.password);
  const year = new Date().getUTCFullYear() + 1;
  await httpOk(baseUrl, 'PUT', '/api/v1/regions/aksu/rules', {
    token: office,
    body: { maxConcurrentDelegations: 50, minGapDays: 0, blackouts: [] },
  });
  await httpOk(baseUrl, 'PUT', `/api/v1/quotas/${year}`, {
    token: office,
    body: { maxBatches: 100, maxHeadcountPerBatch: 50, maxPersonTrips: 1000 },
  });
  const account = async (email: string, body: Record<string, string>) => {
    await httpOk(baseUrl, 'POST', '/api/v1/users', { token: office, body: { email, password: 'user-password-1', ...body } });
    return { token: await httpLogin(baseUrl, email, 'user-password-1'), email };
  };
  const unit = await account('unit@test.local', { role: 'unit', unitId: 'hangzhou' });
  const hq = await account('hq@test.local', { role: 'hq', regionId: 'aksu' });
  const hook = await httpOk(baseUrl, 'POST', '/api/v1/webhooks', { token: office, body: { url: hookUrl, kind: 'generic' } });
  return { office, unit, hq, webhookSecret: hook.secret, webhookId: hook.id };
}

/** Books and coordinates `count` visits; answers the (event, record, recipient) mails and (event, record) calls expected. */
export async function bookAndCoordinate(baseUrl: string, actors: Actors, count: number) {
  const year = new Date().getUTCFullYear() + 1;
  const mails: string[] = [];
  const calls: string[] = [];
  for (let i = 0; i < count; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(3 + Math.floor(i / 28)).padStart(2, '0');
    const visit = await httpOk(baseUrl, 'POST', '/api/v1/visits', {
      token: actors.unit.token,
      body: {
        regionId: 'aksu',
        kind: 'inspection',
        startDate: `${year}-${month}-${day}`,
        endDate: `${year}-${month}-${day}`,
        headcount: 3,
        leaderName: `带队${i}`,
        purpose: '考察',
      },
    });
    await httpOk(baseUrl, 'POST', `/api/v1/visits/${visit.id}/coordinate`, {
      token: actors.hq.token,
      body: { opinion: '同意', agree: true },
    });
    mails.push(`visit.submitted visit/${visit.id} ${actors.hq.email}`);
    mails.push(`visit.coordinated visit/${visit.id} ${ADMIN.email}`, `visit.coordinated visit/${visit.id} ${actors.unit.email}`);
    calls.push(`visit.submitted visit/${visit.id}`, `visit.coordinated visit/${visit.id}`);
  }
  return { mails, calls };
}

/** What arrived, as the same keys, leaving out the monthly outlook (the real clock may be in its days). */
export function arrivedMails(smtp: SmtpReceiver): string[] {
  return smtp.mails.filter((m) => m.record.startsWith('visit/')).map((m) => `${m.event} ${m.record} ${m.to[0]}`);
}

export function arrivedCalls(http: HttpReceiver): string[] {
  return http.calls.filter((c) => c.json?.data?.recordType === 'visit').map((c) => `${c.json.event} visit/${c.json.data.recordId}`);
}

/**
 * Every duplicate is the same message: mails with one key share one Message-ID and one
 * Message-ID is one key; likewise webhook-id for calls. Returns the number of duplicates.
 */
export function duplicatesShareIds(
  smtp: SmtpReceiver,
  http: HttpReceiver,
): { mailDuplicates: number; callDuplicates: number; problems: string[] } {
  const problems: string[] = [];
  const byKey = new Map<string, Set<string>>();
  const byId = new Map<string, Set<string>>();
  const note = (map: Map<string, Set<string>>, k: string, v: string) => map.set(k, (map.get(k) ?? new Set()).add(v));
  // Every message counts here, the monthly outlook's too (the real clock may be in its days).
  const mails = smtp.mails;
  for (const m of mails) {
    const key = `${m.event} ${m.record} ${m.to[0]}`;
    note(byKey, `mail ${key}`, m.messageId);
    note(byId, `mail ${m.messageId}`, key);
  }
  const calls = http.calls;
  for (const c of calls) {
    const key = `${c.json?.event} ${c.json?.data?.recordType}/${c.json?.data?.recordId}`;
    const id = String(c.headers['webhook-id']);
    note(byKey, `call ${key}`, id);
    note(byId, `call ${id}`, key);
  }
  for (const [k, ids] of [...byKey, ...byId]) if (ids.size !== 1) problems.push(`${k}: ${[...ids].join(', ')}`);
  const distinctMails = new Set(mails.map((m) => m.messageId)).size;
  const distinctCalls = new Set(calls.map((c) => String(c.headers['webhook-id']))).size;
  return { mailDuplicates: mails.length - distinctMails, callDuplicates: calls.length - distinctCalls, problems };
}

/** Every generic call verifies with the Standard Webhooks reference library (timestamps within its 5 minutes). */
export function unverifiedCalls(http: HttpReceiver, secret: string): number {
  const verifier = new Webhook(secret);
  let bad = 0;
  for (const c of http.calls) {
    try {
      verifier.verify(c.body, {
        'webhook-id': String(c.headers['webhook-id']),
        'webhook-timestamp': String(c.headers['webhook-timestamp']),
        'webhook-signature': String(c.headers['webhook-signature']),
      });
    } catch {
      bad++;
    }
  }
  return bad;
}
