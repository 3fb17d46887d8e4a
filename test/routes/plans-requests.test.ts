// Plan requests (docs/API.md, "Annual plan"): who may file them for whom, the date rules of a
// plan year, scoped lists, and withdrawal. "Today" is 2027-01-10 (test/helpers/app.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { call, createUserAndLogin, loginAdmin } from '../helpers/api.js';

let ctx: TestContext;
let office: string;
let hangzhou: string;
let ningbo: string;
let aksuHq: string;

const request = (over: Record<string, unknown> = {}) => ({
  regionId: 'aksu',
  kind: 'inspection',
  days: 3,
  headcount: 5,
  earliest: '2027-03-01',
  latest: '2027-03-31',
  priority: 2,
  leaderName: '张三',
  purpose: '考察援建项目',
  ...over,
});

const file = (token: string, body: Record<string, unknown>, year = 2027) =>
  call(ctx, 'POST', `/api/v1/plans/${year}/requests`, { token, body });

beforeAll(async () => {
  ctx = await createTestApp();
  office = await loginAdmin(ctx);
  hangzhou = (await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'hangzhou' })).token;
  ningbo = (await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'ningbo' })).token;
  aksuHq = (await createUserAndLogin(ctx, office, { role: 'hq', regionId: 'aksu' })).token;
});

describe('filing a request', () => {
  it('lets a unit file for itself: 201, open, no visit, and no cap used', async () => {
    const res = await file(hangzhou, request({ preferredStart: '2027-03-10', priority: 1 }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      year: 2027,
      unitId: 'hangzhou',
      regionId: 'aksu',
      status: 'open',
      visitId: null,
      preferredStart: '2027-03-10',
      priority: 1,
      days: 3,
    });
    const usage = await call(ctx, 'GET', '/api/v1/quotas/2027/units/hangzhou', { token: hangzhou });
    expect(usage.body.used).toEqual({ batches: 0, personTrips: 0 });
  });

  it('refuses a unit naming another unit (403) but accepts its own id', async () => {
    expect((await file(hangzhou, request({ unitId: 'ningbo' }))).status).toBe(403);
    expect((await file(hangzhou, request({ unitId: 'hangzhou' }))).status).toBe(201);
  });

  it('makes the office name a known unit', async () => {
    const missing = await file(office, request());
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toContainEqual(expect.objectContaining({ path: 'unitId' }));
    const unknown = await file(office, request({ unitId: 'atlantis' }));
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].message).toContain('atlantis');
    const ok = await file(office, request({ unitId: 'wenzhou' }));
    expect(ok.status).toBe(201);
    expect(ok.body.unitId).toBe('wenzhou');
  });

  it('refuses an HQ', async () => {
    const res = await file(aksuHq, request());
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('accepts a window that is too short for the visit (the solver reports it)', async () => {
    expect((await file(hangzhou, request({ days: 5, earliest: '2027-04-01', latest: '2027-04-03' }))).status).toBe(201);
  });

  it('lets latest run into the next year exactly as far as a visit starting on 31 December lasts', async () => {
    expect((await file(hangzhou, request({ days: 5, earliest: '2027-12-20', latest: '2028-01-04' }))).status).toBe(201);
    const beyond = await file(hangzhou, request({ days: 5, earliest: '2027-12-20', latest: '2028-01-05' }));
    expect(beyond.status).toBe(422);
    expect(beyond.body.errors).toEqual([expect.objectContaining({ path: 'latest', message: expect.stringContaining('2028-01-04') })]);
  });

  it('accepts a preferred start on the last day a whole visit still fits', async () => {
    expect((await file(hangzhou, request({ preferredStart: '2027-03-29' }))).status).toBe(201);
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ['earliest in the previous year', { earliest: '2026-12-30' }, 'earliest'],
    ['earliest in the next year', { earliest: '2028-01-02', latest: '2028-01-20' }, 'earliest'],
    ['latest before earliest', { earliest: '2027-03-10', latest: '2027-03-09' }, 'latest'],
    ['a window already past', { earliest: '2027-01-01', latest: '2027-01-09' }, 'latest'],
    ['an impossible date', { latest: '2027-02-30' }, 'latest'],
    ['0 days', { days: 0 }, 'days'],
    ['32 days', { days: 32 }, 'days'],
    ['headcount 0', { headcount: 0 }, 'headcount'],
    ['priority 4', { priority: 4 }, 'priority'],
    ['preferred start before earliest', { preferredStart: '2027-02-28' }, 'preferredStart'],
    ['preferred start leaving no room for the visit', { preferredStart: '2027-03-30' }, 'preferredStart'],
    [
      'a preferred start in a window too short for any visit',
      { days: 5, earliest: '2027-04-01', latest: '2027-04-03', preferredStart: '2027-04-01' },
      'preferredStart',
    ],
    ['an unknown region', { regionId: 'atlantis' }, 'regionId'],
    ['an unknown kind', { kind: 'holiday' }, 'kind'],
    ['an extra field', { status: 'committed' }, ''],
  ];
  it.each(invalid)('refuses %s with 422 naming the field', async (_label, over, path) => {
    const res = await file(hangzhou, request(over));
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('refuses a year that is not four digits', async () => {
    expect((await call(ctx, 'POST', '/api/v1/plans/0x7e3/requests', { token: hangzhou, body: request() })).status).toBe(422);
  });
});

describe('listing and withdrawing', () => {
  let nagqu: string;
  let aksuOfNingbo: string;

  beforeAll(async () => {
    nagqu = (await file(hangzhou, request({ regionId: 'nagqu' }))).body.id;
    aksuOfNingbo = (await file(ningbo, request())).body.id;
  });

  const ids = async (token: string, query = '') =>
    (await call(ctx, 'GET', `/api/v1/plans/2027/requests${query}`, { token })).body.items.map((r: { id: string }) => r.id) as string[];

  it('shows a unit its own requests, an HQ its region, the office all', async () => {
    const unitIds = await ids(hangzhou);
    expect(unitIds).toContain(nagqu);
    expect(unitIds).not.toContain(aksuOfNingbo);
    const hqIds = await ids(aksuHq);
    expect(hqIds).toContain(aksuOfNingbo);
    expect(hqIds).not.toContain(nagqu);
    const all = await ids(office);
    expect(all).toEqual(expect.arrayContaining([nagqu, aksuOfNingbo]));
    expect(await ids(office, '?regionId=nagqu')).toEqual([nagqu]);
  });

  it('keeps years apart', async () => {
    const next = await file(hangzhou, request({ earliest: '2028-03-01', latest: '2028-03-31' }), 2028);
    expect(next.status).toBe(201);
    expect(await ids(hangzhou)).not.toContain(next.body.id);
    expect(
      (await call(ctx, 'GET', '/api/v1/plans/2028/requests', { token: hangzhou })).body.items.map((r: { id: string }) => r.id),
    ).toEqual([next.body.id]);
    // Withdrawing it through the wrong year's path finds nothing.
    expect((await call(ctx, 'POST', `/api/v1/plans/2027/requests/${next.body.id}/withdraw`, { token: hangzhou })).status).toBe(404);
  });

  it('lets the owner withdraw an open request once; again is INVALID_TRANSITION', async () => {
    const res = await call(ctx, 'POST', `/api/v1/plans/2027/requests/${nagqu}/withdraw`, { token: hangzhou });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: nagqu, status: 'withdrawn' });
    const again = await call(ctx, 'POST', `/api/v1/plans/2027/requests/${nagqu}/withdraw`, { token: hangzhou });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'INVALID_TRANSITION', from: 'withdrawn', action: 'withdraw' });
    const listed = (await call(ctx, 'GET', '/api/v1/plans/2027/requests?status=withdrawn', { token: hangzhou })).body.items;
    expect(listed.map((r: { id: string }) => r.id)).toContain(nagqu);
  });

  it('hides another unit’s request (404), refuses the region’s HQ (403), lets the office withdraw', async () => {
    expect((await call(ctx, 'POST', `/api/v1/plans/2027/requests/${aksuOfNingbo}/withdraw`, { token: hangzhou })).status).toBe(404);
    expect((await call(ctx, 'POST', `/api/v1/plans/2027/requests/${aksuOfNingbo}/withdraw`, { token: aksuHq })).status).toBe(403);
    const res = await call(ctx, 'POST', `/api/v1/plans/2027/requests/${aksuOfNingbo}/withdraw`, { token: office });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('withdrawn');
    const fresh = ctx.freshConnection();
    const stored = await fresh.client.execute({ sql: 'SELECT status FROM plan_requests WHERE id = ?', args: [aksuOfNingbo] });
    fresh.client.close();
    expect(stored.rows[0]?.status).toBe('withdrawn');
  });

  it('answers 404 for an unknown request and 401 without a token', async () => {
    expect((await call(ctx, 'POST', '/api/v1/plans/2027/requests/nope/withdraw', { token: office })).status).toBe(404);
    expect((await call(ctx, 'GET', '/api/v1/plans/2027/requests')).status).toBe(401);
  });
});
