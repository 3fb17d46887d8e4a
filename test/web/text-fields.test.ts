// Text typed into the pages is held to the same rule as the API (src/schemas/text.ts): no control
// characters (tab and newline only where a field has several lines), and a required text must
// show something. Each refusal comes back as the form with 422, and nothing is stored.
import { beforeAll, describe, expect, it } from 'vitest';
import { call, createUserAndLogin, loginAdmin } from '../helpers/api.js';
import { ADMIN, createTestApp, type TestContext } from '../helpers/app.js';
import { mayVisitBody, visitBody } from '../helpers/visits.js';
import { createWebUser, postForm, webLogin, type WebSession } from '../helpers/web.js';

let ctx: TestContext;
let office: string;
let officeWeb: WebSession;
let unit: { token: string; web: WebSession };
let hq: { token: string; web: WebSession };

beforeAll(async () => {
  ctx = await createTestApp();
  office = await loginAdmin(ctx);
  officeWeb = await webLogin(ctx, ADMIN.email, ADMIN.password);
  unit = await createWebUser(ctx, office, { role: 'unit', unitId: 'hangzhou' });
  hq = await createWebUser(ctx, office, { role: 'hq', regionId: 'aksu' });
  await call(ctx, 'PUT', '/api/v1/regions/aksu/rules', {
    token: office,
    body: { maxConcurrentDelegations: 50, minGapDays: 0, blackouts: [] },
  });
  await call(ctx, 'PUT', '/api/v1/quotas/2027', {
    token: office,
    body: { maxBatches: 50, maxHeadcountPerBatch: 20, maxPersonTrips: 1000 },
  });
});

async function book(over: Record<string, unknown> = {}): Promise<string> {
  const res = await call(ctx, 'POST', '/api/v1/visits', { token: unit.token, body: mayVisitBody(over) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

const visitOf = async (id: string) => (await call(ctx, 'GET', `/api/v1/visits/${id}`, { token: office })).body;
const visitCount = async () => (await call(ctx, 'GET', '/api/v1/visits', { token: office })).body.items.length as number;

describe('the pages refuse control characters and invisible-only text', () => {
  it('booking form: a NUL in the leader’s name, a bell in the purpose, an invisible leader', async () => {
    const before = await visitCount();
    const base = Object.fromEntries(
      Object.entries(visitBody({ startDate: '2027-06-01', endDate: '2027-06-02' })).map(([k, v]) => [k, String(v)]),
    );
    const cases: Record<string, string>[] = [
      { leaderName: '\u0000' },
      { leaderName: '张\u0000三' },
      { purpose: '考察\u0007' },
      { leaderName: '\u200b\u200b' },
    ];
    for (const fields of cases) {
      const res = await postForm(ctx, unit.web, '/unit/visits', { ...base, ...fields });
      expect(res.status, JSON.stringify(fields)).toBe(422);
    }
    // A purpose over several lines is fine: a textarea sends CRLF and tabs.
    const ok = await postForm(ctx, unit.web, '/unit/visits', { ...base, purpose: '考察产业项目\r\n\t走访援疆干部' });
    expect(ok.status).toBe(303);
    expect(await visitCount()).toBe(before + 1);
  });

  it('HQ coordination opinion', async () => {
    const id = await book({ startDate: '2027-07-01', endDate: '2027-07-02' });
    // Control characters are refused either way; an invisible opinion is no opinion, which
    // only disagreeing needs.
    for (const [opinion, decision] of [
      ['同意\u0000', 'agree'],
      ['\u001b[31m同意', 'agree'],
      ['\u200b', 'disagree'],
    ] as const) {
      const res = await postForm(ctx, hq.web, `/hq/visits/${id}/coordinate`, { opinion, decision });
      expect(res.status, JSON.stringify(opinion)).toBe(422);
    }
    expect((await visitOf(id)).status).toBe('submitted');
  });

  it('withdraw and cancel reasons of the unit', async () => {
    const id = await book({ startDate: '2027-08-01', endDate: '2027-08-02' });
    const res = await postForm(ctx, unit.web, `/unit/visits/${id}/withdraw`, { reason: '行程\u0000变化', year: '2027' });
    expect(res.status).toBe(422);
    expect((await visitOf(id)).status).toBe('submitted');
  });

  it('the office’s reject reasons for visits and receptions', async () => {
    const id = await book({ startDate: '2027-09-01', endDate: '2027-09-02' });
    const visit = await postForm(ctx, officeWeb, `/office/visits/${id}/reject`, { reason: '\u200b\u200c' });
    expect(visit.status).toBe(422);
    expect((await visitOf(id)).status).toBe('submitted');
    const reception = await call(ctx, 'POST', '/api/v1/receptions', {
      token: unit.token,
      body: {
        regionId: 'aksu',
        officialLetterRef: '阿地委函〔2027〕9号',
        startDate: '2027-05-10',
        endDate: '2027-05-10',
        guestCount: 1,
        leadRank: 'county',
        guests: [{ name: '王五', title: '副县长', rank: 'county' }],
      },
    });
    expect(reception.status, JSON.stringify(reception.body)).toBe(201);
    const refused = await postForm(ctx, officeWeb, `/office/receptions/${reception.body.id}/reject`, { reason: '材料\u0000不全' });
    expect(refused.status).toBe(422);
    const cancel = await postForm(ctx, unit.web, `/unit/receptions/${reception.body.id}/cancel`, { reason: '\u0007', year: '2027' });
    expect(cancel.status).toBe(422);
    expect((await call(ctx, 'GET', `/api/v1/receptions/${reception.body.id}`, { token: office })).body.status).toBe('submitted');
  });

  it('feed labels and blackout reasons', async () => {
    const feed = await postForm(ctx, unit.web, '/feeds', { label: '我的\u0000日历' });
    expect(feed.status).toBe(422);
    expect((await call(ctx, 'GET', '/api/v1/feeds', { token: unit.token })).body.items).toHaveLength(0);
    const rules = await postForm(ctx, officeWeb, '/office/settings/regions/aksu', {
      maxConcurrentDelegations: '50',
      minGapDays: '0',
      newStartDate: '2027-10-01',
      newEndDate: '2027-10-07',
      newReason: '国庆\u0000',
    });
    expect(rules.status).toBe(422);
  });
});

describe('the API refuses a NUL in leaderName instead of storing an empty name', () => {
  it('answers 422 naming the field', async () => {
    const hqApi = await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'ningbo' });
    const res = await call(ctx, 'POST', '/api/v1/visits', { token: hqApi.token, body: visitBody({ leaderName: '\u0000' }) });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'leaderName' })]);
  });
});
