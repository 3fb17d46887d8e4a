// Solving a plan year and committing the proposal (docs/API.md, "Annual plan"): placements that
// respect the rules, unplaced requests with the rule that stops them, a commit that makes
// submitted visits all at once, and roles. What was stored is read through a fresh connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { call, createUserAndLogin, loginAdmin } from '../helpers/api.js';

let ctx: TestContext;
let office: string;
let officeId: string;
let unit: string;
let hq: string;

const request = (unitId: string, over: Record<string, unknown> = {}) => ({
  unitId,
  regionId: 'aksu',
  kind: 'inspection',
  days: 3,
  headcount: 4,
  earliest: '2027-03-01',
  latest: '2027-03-31',
  priority: 2,
  leaderName: '张三',
  purpose: '考察援建项目',
  ...over,
});

async function file(body: Record<string, unknown>, year = 2027): Promise<string> {
  const res = await call(ctx, 'POST', `/api/v1/plans/${year}/requests`, { token: office, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

async function stored<T = Record<string, unknown>>(sql: string, args: (string | number)[] = []): Promise<T[]> {
  const fresh = ctx.freshConnection();
  try {
    return (await fresh.client.execute({ sql, args })).rows as unknown as T[];
  } finally {
    fresh.client.close();
  }
}

beforeAll(async () => {
  ctx = await createTestApp();
  office = await loginAdmin(ctx);
  officeId = (await call(ctx, 'GET', '/api/v1/me', { token: office })).body.id;
  unit = (await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'hangzhou' })).token;
  hq = (await createUserAndLogin(ctx, office, { role: 'hq', regionId: 'aksu' })).token;
  // One delegation a day in aksu, a festival blackout in August; alar roomy.
  const rules = {
    maxConcurrentDelegations: 1,
    minGapDays: 0,
    blackouts: [{ startDate: '2027-08-01', endDate: '2027-08-10', reason: '古尔邦节' }],
  };
  expect((await call(ctx, 'PUT', '/api/v1/regions/aksu/rules', { token: office, body: rules })).status).toBe(200);
});

afterAll(() => ctx.database.client.close());

describe('solve and commit', () => {
  const ids = {} as Record<'first' | 'second' | 'blackout' | 'narrow', string>;
  let proposal: any;

  beforeAll(async () => {
    ids.first = await file(request('hangzhou', { preferredStart: '2027-03-10', priority: 1 }));
    ids.second = await file(request('ningbo', { preferredStart: '2027-03-10', priority: 2 }));
    ids.blackout = await file(request('wenzhou', { days: 5, earliest: '2027-08-01', latest: '2027-08-10' }));
    ids.narrow = await file(request('jiaxing', { regionId: 'alar', days: 5, earliest: '2027-04-01', latest: '2027-04-03' }));
    const res = await call(ctx, 'POST', '/api/v1/plans/2027/solve', { token: office, body: { timeLimitMs: 1000 } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    proposal = res.body;
  });

  it('places the two feasible requests apart (one delegation a day) and as near 10 March as that allows', () => {
    expect(proposal).toMatchObject({ year: 2027, status: 'open' });
    const placed = Object.fromEntries(proposal.placements.map((p: any) => [p.requestId, p]));
    expect(Object.keys(placed).sort()).toEqual([ids.first, ids.second].sort());
    expect(placed[ids.first]).toMatchObject({ unitId: 'hangzhou', regionId: 'aksu' });
    const [a, b] = [placed[ids.first], placed[ids.second]].sort((x, y) => (x.startDate < y.startDate ? -1 : 1));
    expect(a.endDate < b.startDate, `${a.startDate}..${a.endDate} and ${b.startDate}..${b.endDate} overlap`).toBe(true);
    // The optimum: one starts on the 10th, the other 3 days away.
    expect(proposal.objective).toMatchObject({ placedWeight: 3 + 2, totalDeviationDays: 3 });
  });

  it('names the rule that stops each other request', () => {
    expect(proposal.unplaced).toEqual(
      expect.arrayContaining([
        { requestId: ids.blackout, code: 'BLACKOUT_CONFLICT' },
        { requestId: ids.narrow, code: 'WINDOW_TOO_NARROW' },
      ]),
    );
    expect(proposal.unplaced).toHaveLength(2);
  });

  it('stores the proposal and books nothing yet', async () => {
    expect(await stored('SELECT count(*) AS n FROM visits')).toEqual([{ n: 0 }]);
    const [row] = await stored<{ status: string; year: number }>('SELECT status, year FROM plan_proposals WHERE id = ?', [proposal.id]);
    expect(row).toEqual({ status: 'open', year: 2027 });
    const got = await call(ctx, 'GET', `/api/v1/plans/2027/proposals/${proposal.id}`, { token: office });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id: proposal.id, placements: proposal.placements, upToDate: true });
    expect((await call(ctx, 'GET', `/api/v1/plans/2028/proposals/${proposal.id}`, { token: office })).status).toBe(404);
  });

  it('refuses units and HQs (403) on solve, proposals and commit', async () => {
    for (const token of [unit, hq]) {
      expect((await call(ctx, 'POST', '/api/v1/plans/2027/solve', { token, body: {} })).status).toBe(403);
      expect((await call(ctx, 'GET', `/api/v1/plans/2027/proposals/${proposal.id}`, { token })).status).toBe(403);
      expect((await call(ctx, 'POST', `/api/v1/plans/2027/proposals/${proposal.id}/commit`, { token })).status).toBe(403);
    }
    expect(await stored('SELECT count(*) AS n FROM visits')).toEqual([{ n: 0 }]);
  });

  it('bounds the time limit', async () => {
    for (const timeLimitMs of [99, 10_001, 1.5]) {
      expect((await call(ctx, 'POST', '/api/v1/plans/2027/solve', { token: office, body: { timeLimitMs } })).status).toBe(422);
    }
  });

  it('commits: submitted visits created by the office for each unit, requests committed, all stored', async () => {
    const res = await call(ctx, 'POST', `/api/v1/plans/2027/proposals/${proposal.id}/commit`, { token: office });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.proposalId).toBe(proposal.id);
    expect(res.body.visits).toHaveLength(2);
    for (const p of proposal.placements) {
      expect(res.body.visits).toContainEqual(
        expect.objectContaining({
          unitId: p.unitId,
          regionId: 'aksu',
          startDate: p.startDate,
          endDate: p.endDate,
          status: 'submitted',
          createdBy: officeId,
          headcount: 4,
          leaderName: '张三',
        }),
      );
    }
    const listed = await call(ctx, 'GET', '/api/v1/visits?year=2027', { token: office });
    expect(listed.body.items.map((v: any) => v.id).sort()).toEqual(res.body.visits.map((v: any) => v.id).sort());
    // A unit sees its own new visit, with its history starting at "create".
    const own = res.body.visits.find((v: any) => v.unitId === 'hangzhou');
    expect((await call(ctx, 'GET', `/api/v1/visits/${own.id}`, { token: unit })).status).toBe(200);
    const history = await call(ctx, 'GET', `/api/v1/visits/${own.id}/history`, { token: unit });
    expect(history.body.items).toEqual([expect.objectContaining({ action: 'create', toStatus: 'submitted', actorId: officeId })]);

    const visits = await stored<{ id: string; status: string }>('SELECT id, status FROM visits ORDER BY id');
    expect(visits.map((v) => v.id)).toEqual(res.body.visits.map((v: any) => v.id).sort());
    const requests = await stored<{ id: string; status: string; visit_id: string | null }>(
      'SELECT id, status, visit_id FROM plan_requests',
    );
    const byId = Object.fromEntries(requests.map((r) => [r.id, r]));
    expect(byId[ids.first]).toMatchObject({ status: 'committed', visit_id: own.id });
    expect(byId[ids.second]?.status).toBe('committed');
    expect(byId[ids.blackout]).toMatchObject({ status: 'open', visit_id: null });
    expect(byId[ids.narrow]?.status).toBe('open');
    expect(await stored('SELECT status FROM plan_proposals WHERE id = ?', [proposal.id])).toEqual([{ status: 'committed' }]);
    const listedRequests = await call(ctx, 'GET', '/api/v1/plans/2027/requests?status=committed', { token: unit });
    expect(listedRequests.body.items).toEqual([expect.objectContaining({ id: ids.first, visitId: own.id })]);
    // The committed visits count now: hangzhou has used one batch.
    expect((await call(ctx, 'GET', '/api/v1/quotas/2027/units/hangzhou', { token: unit })).body.used).toEqual({
      batches: 1,
      personTrips: 4,
    });
  });

  it('commits a proposal once: again is 409 INVALID_TRANSITION and adds nothing', async () => {
    const again = await call(ctx, 'POST', `/api/v1/plans/2027/proposals/${proposal.id}/commit`, { token: office });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'INVALID_TRANSITION', from: 'committed', action: 'commit' });
    expect(await stored('SELECT count(*) AS n FROM visits')).toEqual([{ n: 2 }]);
  });

  it('answers 404 for an unknown proposal', async () => {
    expect((await call(ctx, 'POST', '/api/v1/plans/2027/proposals/nope/commit', { token: office })).status).toBe(404);
  });
});
