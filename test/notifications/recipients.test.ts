// Every event of the contract's table reaches exactly the listed recipients: their inboxes (the
// API), their mailboxes (a real SMTP server) and the webhooks that match (a real HTTP receiver),
// through the same sender loop the Node server runs, within 10 s of the last change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECIPIENTS } from '../../src/domain/notifications.js';
import { smtpSender } from '../../src/node-smtp.js';
import { ADMIN, createTestApp, type TestContext } from '../helpers/app.js';
import { call, createUserAndLogin, loginAdmin } from '../helpers/api.js';
import { type HttpReceiver, type SmtpReceiver, startHttpReceiver, startSmtpReceiver, waitFor } from '../helpers/receivers.js';
import { mayVisitBody } from '../helpers/visits.js';

type Account = { token: string; id: string; email: string; role: 'office' | 'hq' | 'unit'; unitId?: string; regionId?: string };

let ctx: TestContext;
let smtp: SmtpReceiver;
let http: HttpReceiver;
let office: Account;
const accounts: Account[] = [];
/** What happened, in order: each event type with its record. */
const happened: { type: keyof typeof RECIPIENTS; recordType: 'visit' | 'reception'; id: string; regionId: string; unitId: string }[] = [];
const hooks: Record<string, { id: string; regionId?: string; events?: string[] }> = {};

async function account(role: Account['role'], where: { unitId?: string; regionId?: string }, emailOff = false): Promise<Account> {
  const made = await createUserAndLogin(ctx, office.token, { role, ...where });
  if (emailOff)
    expect((await call(ctx, 'PATCH', '/api/v1/me', { token: made.token, body: { emailNotifications: false } })).status).toBe(200);
  const a = { ...made, role, ...where };
  accounts.push(a);
  return a;
}

const reception = (over: Record<string, unknown> = {}) => ({
  regionId: 'aksu',
  officialLetterRef: '阿地委函〔2027〕12号',
  startDate: '2027-05-10',
  endDate: '2027-05-11',
  guestCount: 2,
  leadRank: 'county',
  guests: [
    { name: '艾力', title: '副专员', rank: 'county' },
    { name: '王芳', title: '处长', rank: 'county' },
  ],
  ...over,
});

async function ok(method: string, path: string, token: string, body?: unknown) {
  const res = await call(ctx, method, path, { token, body });
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

function whoIsTold(e: (typeof happened)[number]): Account[] {
  return accounts.filter((a) =>
    RECIPIENTS[e.type].some(
      (party) =>
        (party === 'office' && a.role === 'office') ||
        (party === 'region-hq' && a.role === 'hq' && a.regionId === e.regionId) ||
        (party === 'record-unit' && a.role === 'unit' && a.unitId === e.unitId),
    ),
  );
}

const emailOff = new Set<string>();

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  http = await startHttpReceiver();
  const mail = { url: smtp.url, from: 'planner@planner.test' };
  ctx = await createTestApp({
    notifications: {
      mail,
      webhookHttpHosts: ['127.0.0.1'],
      retry: { baseMs: 200, maxMs: 1000, giveUpAfterMs: 24 * 3_600_000 },
      leaseMs: 30_000,
      pollMs: 200,
    },
    delivery: { mail: smtpSender(mail), fetch },
  });
  const adminToken = await loginAdmin(ctx);
  const me = (await call(ctx, 'GET', '/api/v1/me', { token: adminToken })).body;
  office = { token: adminToken, id: me.id, email: ADMIN.email, role: 'office' };
  accounts.push(office);
  await ok('PUT', '/api/v1/regions/aksu/rules', adminToken, { maxConcurrentDelegations: 20, minGapDays: 0, blackouts: [] });
  await ok('PUT', '/api/v1/quotas/2027', adminToken, { maxBatches: 50, maxHeadcountPerBatch: 50, maxPersonTrips: 500 });
  await account('office', {});
  await account('hq', { regionId: 'aksu' });
  await account('hq', { regionId: 'aksu' });
  await account('hq', { regionId: 'alar' });
  await account('unit', { unitId: 'hangzhou' });
  const quiet = await account('unit', { unitId: 'hangzhou' }, true);
  emailOff.add(quiet.id);
  await account('unit', { unitId: 'ningbo' });

  const hook = async (name: string, body: Record<string, unknown>) => {
    const created = await ok('POST', '/api/v1/webhooks', adminToken, { url: `${http.baseUrl}/${name}`, ...body });
    hooks[name] = { id: created.id, regionId: body.regionId as string | undefined, events: body.events as string[] | undefined };
  };
  await hook('generic-all', { kind: 'generic' });
  await hook('generic-aksu', { kind: 'generic', regionId: 'aksu' });
  await hook('dingtalk-approved', { kind: 'dingtalk', secret: 'SECtest-secret', events: ['visit.approved'] });
  await hook('wecom-alar', { kind: 'wecom', regionId: 'alar' });
}, 60_000);

afterAll(async () => {
  await ctx.delivery?.stop();
  ctx.database.client.close();
  await smtp.stop();
  await http.stop();
});

describe('who is told of each event', () => {
  it('inboxes, mailboxes and matching webhooks get exactly the listed recipients, within 10 s', async () => {
    const unit = accounts.find((a) => a.role === 'unit' && a.unitId === 'hangzhou')!;
    const hq = accounts.find((a) => a.role === 'hq' && a.regionId === 'aksu')!;
    const v = (id: string, type: (typeof happened)[number]['type']) =>
      happened.push({ type, recordType: 'visit', id, regionId: 'aksu', unitId: 'hangzhou' });
    const r = (id: string, type: (typeof happened)[number]['type']) =>
      happened.push({ type, recordType: 'reception', id, regionId: 'aksu', unitId: 'hangzhou' });

    // One visit through the whole happy path, then cancelled.
    const a = await ok('POST', '/api/v1/visits', unit.token, mayVisitBody());
    v(a.id, 'visit.submitted');
    await ok('PATCH', `/api/v1/visits/${a.id}`, unit.token, { headcount: 5 });
    v(a.id, 'visit.submitted');
    await ok('POST', `/api/v1/visits/${a.id}/coordinate`, hq.token, { opinion: '同意', agree: true });
    v(a.id, 'visit.coordinated');
    await ok('POST', `/api/v1/visits/${a.id}/approve`, office.token);
    v(a.id, 'visit.approved');
    await ok('POST', `/api/v1/visits/${a.id}/cancel`, unit.token, { reason: '行程调整' });
    v(a.id, 'visit.cancelled');
    // Rejected by the office, withdrawn by the unit, refused by the HQ.
    const b = await ok('POST', '/api/v1/visits', unit.token, mayVisitBody({ startDate: '2027-05-05', endDate: '2027-05-06' }));
    v(b.id, 'visit.submitted');
    await ok('POST', `/api/v1/visits/${b.id}/reject`, office.token, { reason: '与当地重大活动冲突' });
    v(b.id, 'visit.rejected');
    const c = await ok('POST', '/api/v1/visits', unit.token, mayVisitBody({ startDate: '2027-05-08', endDate: '2027-05-09' }));
    v(c.id, 'visit.submitted');
    await ok('POST', `/api/v1/visits/${c.id}/withdraw`, unit.token);
    v(c.id, 'visit.withdrawn');
    const d = await ok('POST', '/api/v1/visits', unit.token, mayVisitBody({ startDate: '2027-05-12', endDate: '2027-05-13' }));
    v(d.id, 'visit.submitted');
    await ok('POST', `/api/v1/visits/${d.id}/coordinate`, hq.token, { opinion: '时间不合适', agree: false });
    v(d.id, 'visit.rejected');
    // Receptions: approved then cancelled; rejected.
    const x = await ok('POST', '/api/v1/receptions', unit.token, reception());
    r(x.id, 'reception.submitted');
    await ok('POST', `/api/v1/receptions/${x.id}/approve`, office.token);
    r(x.id, 'reception.approved');
    await ok('POST', `/api/v1/receptions/${x.id}/cancel`, unit.token, { reason: '来访推迟' });
    r(x.id, 'reception.cancelled');
    const y = await ok('POST', '/api/v1/receptions', unit.token, reception({ startDate: '2027-06-01', endDate: '2027-06-02' }));
    r(y.id, 'reception.submitted');
    await ok('POST', `/api/v1/receptions/${y.id}/reject`, office.token, { reason: '公函不全' });
    r(y.id, 'reception.rejected');
    const lastChange = Date.now();

    // Expected: per recipient, the events they are told of; per mailbox, those with e-mail on.
    const key = (type: string, recordType: string, id: string) => `${type} ${recordType}/${id}`;
    const expectedInbox = new Map<string, string[]>(accounts.map((acc) => [acc.id, []]));
    for (const e of happened) for (const acc of whoIsTold(e)) expectedInbox.get(acc.id)!.push(key(e.type, e.recordType, e.id));
    const expectedMails = accounts.flatMap((acc) =>
      emailOff.has(acc.id) ? [] : expectedInbox.get(acc.id)!.map((k) => `${acc.email.toLowerCase()} ${k}`),
    );
    const matches = (hook: (typeof hooks)[string], e: (typeof happened)[number]) =>
      (!hook.regionId || hook.regionId === e.regionId) && (!hook.events || hook.events.includes(e.type));
    const expectedCalls = Object.entries(hooks).flatMap(([name, hook]) => happened.filter((e) => matches(hook, e)).map(() => name));

    // 16 changes told to 1–4 accounts each, 4 webhooks of which each matches some of them.
    expect(happened).toHaveLength(16);
    expect(expectedMails.length).toBeGreaterThan(30);
    expect(new Set(expectedCalls)).toEqual(new Set(['generic-all', 'generic-aksu', 'dingtalk-approved']));
    const arrived = await waitFor(
      () =>
        smtp.mails.filter((m) => m.record !== '' && !m.record.startsWith('month/')).length >= expectedMails.length &&
        http.calls.length >= expectedCalls.length,
      10_000,
    );
    const elapsed = Date.now() - lastChange;
    expect(arrived, `mails ${smtp.mails.length}/${expectedMails.length}, calls ${http.calls.length}/${expectedCalls.length}`).toBe(true);
    expect(elapsed).toBeLessThan(10_000);

    for (const acc of accounts) {
      const inbox = await ok('GET', '/api/v1/notifications?limit=200', acc.token);
      const got = inbox.items.filter((n: any) => n.recordType !== 'month').map((n: any) => key(n.event, n.recordType, n.recordId));
      expect(got.sort(), `${acc.role} ${acc.unitId ?? acc.regionId ?? ''} inbox`).toEqual([...expectedInbox.get(acc.id)!].sort());
      expect(inbox.unreadCount).toBe(inbox.items.length);
    }
    const mails = smtp.mails.filter((m) => !m.record.startsWith('month/'));
    expect(mails.map((m) => `${m.to[0]} ${m.event} ${m.record}`).sort()).toEqual(expectedMails.sort());
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(mails.length);
    const calls = http.calls.filter((c) => !(c.json?.event === 'monthly.outlook'));
    expect(calls.map((c) => c.path.slice(1)).sort()).toEqual(expectedCalls.sort());
    // Each mail names the record and links to its page.
    const approvedMail = mails.find((m) => m.event === 'visit.approved')!;
    expect(approvedMail.subject).toContain('考察已批准');
    expect(approvedMail.subject).toContain('杭州');
    expect(approvedMail.subject).toContain('2027-05-01');
    expect(approvedMail.text).toContain(`http://planner.test/visits/${a.id}`);
    const rejectedMail = mails.find((m) => m.event === 'visit.rejected' && m.record === `visit/${b.id}`)!;
    expect(rejectedMail.text).toContain('与当地重大活动冲突');
  });
});
