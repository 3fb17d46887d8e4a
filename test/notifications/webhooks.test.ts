// Webhooks against a real HTTP receiver: a generic hook's signature verifies with the Standard
// Webhooks reference library, a DingTalk hook's `sign` with DingTalk's documented algorithm
// (recomputed here with node:crypto), WeCom gets its markdown message; failures are retried and
// logged; the office's API registers, tests, lists and removes them.
import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { call, createUserAndLogin, loginAdmin } from '../helpers/api.js';
import { type HttpReceiver, startHttpReceiver, waitFor } from '../helpers/receivers.js';
import { mayVisitBody } from '../helpers/visits.js';

let ctx: TestContext;
let http: HttpReceiver;
let office: string;
let unit: string;
let hq: string;
const DINGTALK_SECRET = 'SEC0f3c2b9a8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1';

async function ok(method: string, path: string, token: string, body?: unknown) {
  const res = await call(ctx, method, path, { token, body });
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const callsTo = (name: string) => http.calls.filter((c) => c.path === `/${name}`);

beforeAll(async () => {
  http = await startHttpReceiver();
  ctx = await createTestApp({
    ticking: true,
    notifications: {
      mail: null,
      webhookHttpHosts: ['127.0.0.1'],
      retry: { baseMs: 100, maxMs: 300, giveUpAfterMs: 24 * 3_600_000 },
      leaseMs: 30_000,
      pollMs: 100,
    },
    delivery: { mail: null, fetch },
  });
  office = await loginAdmin(ctx);
  unit = (await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'hangzhou' })).token;
  hq = (await createUserAndLogin(ctx, office, { role: 'hq', regionId: 'aksu' })).token;
  await ok('PUT', '/api/v1/regions/aksu/rules', office, { maxConcurrentDelegations: 20, minGapDays: 0, blackouts: [] });
});

afterAll(async () => {
  await ctx.delivery?.stop();
  ctx.database.client.close();
  await http.stop();
});

describe('registering webhooks', () => {
  it('refuses plain http to hosts not listed, a malformed secret, a secret for WeCom, an unknown region; office only', async () => {
    const post = (body: Record<string, unknown>, token = office) => call(ctx, 'POST', '/api/v1/webhooks', { token, body });
    const refused = await post({ url: 'http://example.test/hook', kind: 'generic' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].path).toBe('url');
    expect((await post({ url: 'ftp://127.0.0.1/x', kind: 'generic' })).status).toBe(422);
    expect((await post({ url: `${http.baseUrl}/x`, kind: 'generic', secret: 'not-a-whsec' })).body.errors[0].path).toBe('secret');
    expect((await post({ url: `${http.baseUrl}/x`, kind: 'wecom', secret: 'abc' })).body.errors[0].path).toBe('secret');
    expect((await post({ url: `${http.baseUrl}/x`, kind: 'generic', regionId: 'atlantis' })).body.errors[0].path).toBe('regionId');
    expect((await post({ url: `${http.baseUrl}/x`, kind: 'generic', events: ['visit.exploded'] })).status).toBe(422);
    expect((await post({ url: 'https://example.test/hook', kind: 'generic' }, unit)).status).toBe(403);
    expect((await call(ctx, 'GET', '/api/v1/webhooks', { token: hq })).status).toBe(403);
  });
});

describe('signed deliveries', () => {
  let genericSecret: string;
  let genericId: string;

  beforeAll(async () => {
    const generic = await ok('POST', '/api/v1/webhooks', office, { url: `${http.baseUrl}/generic`, kind: 'generic', label: '数据中心' });
    genericSecret = generic.secret;
    genericId = generic.id;
    await ok('POST', '/api/v1/webhooks', office, {
      url: `${http.baseUrl}/dingtalk?access_token=tok123456`,
      kind: 'dingtalk',
      secret: DINGTALK_SECRET,
    });
    await ok('POST', '/api/v1/webhooks', office, { url: `${http.baseUrl}/wecom?key=abcdef-123`, kind: 'wecom' });
  });

  it('gives a generic hook without a secret a whsec_ secret once, and never lists it', async () => {
    expect(genericSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const list = await ok('GET', '/api/v1/webhooks', office);
    expect(list.nextCursor).toBeNull();
    expect(JSON.stringify(list)).not.toContain(genericSecret.slice(6));
    const listed = list.items.find((h: any) => h.id === genericId);
    expect(listed).toMatchObject({ kind: 'generic', hasSecret: true, regionId: null, events: null, label: '数据中心' });
    // Robot tokens in the URL are masked.
    expect(list.items.find((h: any) => h.kind === 'dingtalk').url).toContain('access_token=…3456');
  });

  it('signs generic messages as Standard Webhooks and DingTalk ones with its documented sign', async () => {
    const visit = await ok('POST', '/api/v1/visits', unit, mayVisitBody());
    expect(
      await waitFor(() => callsTo('generic').length >= 1 && callsTo('dingtalk').length >= 1 && callsTo('wecom').length >= 1, 10_000),
    ).toBe(true);

    const generic = callsTo('generic')[0]!;
    const id = String(generic.headers['webhook-id']);
    const timestamp = String(generic.headers['webhook-timestamp']);
    expect(id).toMatch(/^msg_/);
    expect(timestamp).toMatch(/^[0-9]{10}$/);
    // The reference library computes the signature from the secret and the raw body we received.
    const expected = new Webhook(genericSecret).sign(id, new Date(Number(timestamp) * 1000), generic.body);
    expect(generic.headers['webhook-signature']).toBe(expected);
    expect(generic.json).toMatchObject({ event: 'visit.submitted', data: { recordType: 'visit', recordId: visit.id, regionId: 'aksu' } });
    expect(generic.json.id).toBeTruthy();
    expect(generic.json.data.link).toBe(`http://planner.test/visits/${visit.id}`);
    expect(generic.json.data.unitName).toBe('杭州市');
    // A tampered body no longer matches.
    expect(new Webhook(genericSecret).sign(id, new Date(Number(timestamp) * 1000), `${generic.body} `)).not.toBe(expected);

    const dingtalk = callsTo('dingtalk')[0]!;
    const ts = dingtalk.query.get('timestamp')!;
    expect(ts).toMatch(/^[0-9]{13}$/);
    expect(dingtalk.query.get('access_token')).toBe('tok123456');
    const sign = createHmac('sha256', DINGTALK_SECRET).update(`${ts}\n${DINGTALK_SECRET}`).digest('base64');
    expect(dingtalk.query.get('sign')).toBe(sign);
    // Sent URL-encoded, as DingTalk documents (base64's + / = escaped).
    const rawQuery = new URL(`http://x${dingtalk.path}?${dingtalk.query.toString()}`).search;
    expect(rawQuery).toContain(`sign=${encodeURIComponent(sign)}`);
    expect(dingtalk.json.msgtype).toBe('markdown');
    expect(dingtalk.json.markdown.title).toContain('新的考察预约待衔接');
    expect(dingtalk.json.markdown.text).toContain(`(http://planner.test/visits/${visit.id})`);

    const wecom = callsTo('wecom')[0]!;
    expect(wecom.query.get('key')).toBe('abcdef-123');
    expect(wecom.json.msgtype).toBe('markdown');
    expect(wecom.json.markdown.content).toContain('杭州市');
  });

  it('retries a failing receiver with backoff, logs every attempt, and keeps webhook-id across retries', async () => {
    let failures = 2;
    http.respond = (c) =>
      c.path === '/generic' && failures-- > 0 ? { status: 503, body: 'busy' } : { status: 200, body: '{"errcode":0}' };
    const before = callsTo('generic').length;
    await ok('POST', '/api/v1/visits', unit, mayVisitBody({ startDate: '2027-05-05', endDate: '2027-05-06' }));
    expect(await waitFor(() => callsTo('generic').length >= before + 3, 10_000)).toBe(true);
    const tries = callsTo('generic').slice(before);
    expect(new Set(tries.map((c) => c.headers['webhook-id'])).size).toBe(1);
    http.respond = () => ({ status: 200, body: '{"errcode":0,"errmsg":"ok"}' });

    // The receiver answers before the sender records the attempt: wait for the log to say so.
    const logged = async () => (await ok('GET', `/api/v1/webhooks/${genericId}/deliveries?limit=2`, office)).items[0]?.attempt === 3;
    expect(await waitFor(logged, 10_000)).toBe(true);
    const log = await ok('GET', `/api/v1/webhooks/${genericId}/deliveries?limit=2`, office);
    expect(log.items).toHaveLength(2);
    expect(log.items[0]).toMatchObject({ status: 'sent', responseStatus: 200, attempt: 3, event: 'visit.submitted' });
    expect(log.items[1]).toMatchObject({ status: 'failed', responseStatus: 503, attempt: 2 });
    const next = await ok('GET', `/api/v1/webhooks/${genericId}/deliveries?limit=2&cursor=${log.nextCursor}`, office);
    expect(next.items[0]).toMatchObject({ status: 'failed', attempt: 1 });
  });

  it('counts a robot answering errcode ≠ 0 as failed', async () => {
    let refusals = 1;
    http.respond = (c) =>
      c.path === '/wecom' && refusals-- > 0
        ? { status: 200, body: '{"errcode":93000,"errmsg":"invalid webhook url"}' }
        : { status: 200, body: '{"errcode":0}' };
    const before = callsTo('wecom').length;
    await ok('POST', '/api/v1/visits', unit, mayVisitBody({ startDate: '2027-05-08', endDate: '2027-05-09' }));
    expect(await waitFor(() => callsTo('wecom').length >= before + 2, 10_000)).toBe(true);
    http.respond = () => ({ status: 200, body: '{"errcode":0,"errmsg":"ok"}' });
  });

  it('sends a test message at once, then removes the hook: nothing more arrives, the log stays', async () => {
    const test = await ok('POST', `/api/v1/webhooks/${genericId}/test`, office);
    expect(test).toEqual({ status: 'sent', responseStatus: 200, error: null });
    const last = callsTo('generic').at(-1)!;
    expect(last.json.event).toBe('webhook.test');
    expect(
      new Webhook(genericSecret).sign(
        String(last.headers['webhook-id']),
        new Date(Number(last.headers['webhook-timestamp']) * 1000),
        last.body,
      ),
    ).toBe(last.headers['webhook-signature']);

    expect((await call(ctx, 'DELETE', `/api/v1/webhooks/${genericId}`, { token: office })).status).toBe(204);
    expect((await call(ctx, 'DELETE', `/api/v1/webhooks/${genericId}`, { token: office })).status).toBe(404);
    expect((await ok('GET', '/api/v1/webhooks', office)).items.map((h: any) => h.id)).not.toContain(genericId);
    expect((await ok('GET', `/api/v1/webhooks/${genericId}/deliveries`, office)).items.length).toBeGreaterThan(0);
    expect((await call(ctx, 'GET', '/api/v1/webhooks/nope/deliveries', { token: office })).status).toBe(404);

    const before = callsTo('generic').length;
    const wecomBefore = callsTo('wecom').length;
    await ok('POST', '/api/v1/visits', unit, mayVisitBody({ startDate: '2027-05-12', endDate: '2027-05-13' }));
    expect(await waitFor(() => callsTo('wecom').length > wecomBefore, 10_000)).toBe(true);
    expect(callsTo('generic').length).toBe(before);
  });
});
