// Committing a proposal is all or nothing. Whatever moved since the solve (a booking in the way,
// a withdrawn request, a lowered cap, a booking that lands between the re-check and the batch)
// → 409 PLAN_STALE naming the requests, and a fresh connection finds nothing committed. The
// batch itself rolls back when any placement's guard refuses. Each year has its own requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import type { Db } from '../../src/db/client.js';
import { commitPlacements } from '../../src/db/repo/plan-commit.js';
import { openDatabase } from '../../src/db/setup.js';
import { createTestApp, FIXED_NOW, type TestContext } from '../helpers/app.js';
import { call, loginAdmin } from '../helpers/api.js';

let ctx: TestContext;
let office: string;
const CONFIG = { publicUrl: 'http://planner.test', adminEmail: 'x@y.z', adminPassword: 'unused-pass', adminPasswordIsDefault: false };

const request = (unitId: string, regionId: string, over: Record<string, unknown> = {}) => ({
  unitId,
  regionId,
  kind: 'inspection',
  days: 2,
  headcount: 3,
  earliest: '2027-06-01',
  latest: '2027-06-10',
  priority: 1,
  leaderName: '李四',
  purpose: '考察',
  ...over,
});

/** Files requests for `year` (their windows moved into that year), solves, and returns the proposal. */
async function solved(year: number, bodies: Record<string, unknown>[]): Promise<{ ids: string[]; proposal: any }> {
  const ids: string[] = [];
  for (const body of bodies) {
    const moved = { ...body, earliest: `${year}${String(body.earliest).slice(4)}`, latest: `${year}${String(body.latest).slice(4)}` };
    const res = await call(ctx, 'POST', `/api/v1/plans/${year}/requests`, { token: office, body: moved });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids.push(res.body.id);
  }
  const res = await call(ctx, 'POST', `/api/v1/plans/${year}/solve`, { token: office, body: { timeLimitMs: 500 } });
  expect(res.status).toBe(201);
  expect(res.body.placements).toHaveLength(bodies.length);
  return { ids, proposal: res.body };
}

async function stored<T = Record<string, unknown>>(sql: string, args: (string | number)[] = []): Promise<T[]> {
  const fresh = ctx.freshConnection();
  try {
    return (await fresh.client.execute({ sql, args })).rows as unknown as T[];
  } finally {
    fresh.client.close();
  }
}

/** Nothing of the proposal landed: no visits in its year, its requests open, it is still open. */
async function expectNothingCommitted(year: number, ids: string[], proposalId: string, visitsBefore = 0) {
  expect(await stored('SELECT count(*) AS n FROM visits WHERE year = ?', [year])).toEqual([{ n: visitsBefore }]);
  const requests = await stored<{ status: string; visit_id: string | null }>(
    `SELECT status, visit_id FROM plan_requests WHERE id IN (${ids.map(() => '?').join(',')})`,
    ids,
  );
  expect(requests.filter((r) => r.status === 'committed' || r.visit_id !== null)).toEqual([]);
  expect(await stored('SELECT status, committed_at FROM plan_proposals WHERE id = ?', [proposalId])).toEqual([
    { status: 'open', committed_at: null },
  ]);
  expect(
    await stored("SELECT count(*) AS n FROM audit_log WHERE entity = 'plan_proposal' AND entity_id = ? AND action = 'commit'", [
      proposalId,
    ]),
  ).toEqual([{ n: 0 }]);
}

const commit = (year: number, id: string, app = ctx) =>
  call(app, 'POST', `/api/v1/plans/${year}/proposals/${id}/commit`, { token: office });

beforeAll(async () => {
  ctx = await createTestApp();
  office = await loginAdmin(ctx);
  // One delegation a day everywhere, so any booking on a placement's days is in its way.
  for (const region of ['aksu', 'alar', 'nagqu', 'haixi']) {
    expect(
      (
        await call(ctx, 'PUT', `/api/v1/regions/${region}/rules`, {
          token: office,
          body: {
            maxConcurrentDelegations: 1,
            minGapDays: 0,
            blackouts: [{ startDate: '2030-07-01', endDate: '2030-07-10', reason: '雨季' }],
          },
        })
      ).status,
    ).toBe(200);
  }
});

afterAll(() => ctx.database.client.close());

describe('PLAN_STALE: something moved since the solve', () => {
  it('a booking in the way of one placement: 409 naming that request, and nothing committed', async () => {
    const { ids, proposal } = await solved(2027, [request('quzhou', 'nagqu'), request('lishui', 'haixi')]);
    const nagqu = proposal.placements.find((p: any) => p.regionId === 'nagqu');
    const booked = await call(ctx, 'POST', '/api/v1/visits', {
      token: office,
      body: {
        unitId: 'taizhou',
        regionId: 'nagqu',
        kind: 'inspection',
        startDate: nagqu.startDate,
        endDate: nagqu.endDate,
        headcount: 2,
        leaderName: '王五',
        purpose: '考察',
      },
    });
    expect(booked.status).toBe(201);
    expect((await call(ctx, 'GET', `/api/v1/plans/2027/proposals/${proposal.id}`, { token: office })).body.upToDate).toBe(false);

    const res = await commit(2027, proposal.id);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'PLAN_STALE', requestIds: [nagqu.requestId] });
    expect(res.body.reasons).toEqual([
      expect.objectContaining({
        requestId: nagqu.requestId,
        code: 'REGION_CAPACITY_EXCEEDED',
        limit: 1,
        dates: expect.arrayContaining([nagqu.startDate]),
      }),
    ]);
    await expectNothingCommitted(2027, ids, proposal.id, 1);
  });

  it('a request withdrawn since the solve: REQUEST_NOT_OPEN', async () => {
    const { ids, proposal } = await solved(2028, [request('quzhou', 'alar'), request('lishui', 'aksu')]);
    expect((await call(ctx, 'POST', `/api/v1/plans/2028/requests/${ids[0]}/withdraw`, { token: office })).status).toBe(200);
    const res = await commit(2028, proposal.id);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'PLAN_STALE',
      requestIds: [ids[0]],
      reasons: [{ requestId: ids[0], code: 'REQUEST_NOT_OPEN', status: 'withdrawn' }],
    });
    await expectNothingCommitted(2028, ids, proposal.id);
  });

  it('a cap lowered since the solve: the cap’s code with its numbers', async () => {
    const { ids, proposal } = await solved(2029, [request('zhoushan', 'alar'), request('lishui', 'aksu')]);
    const cap = await call(ctx, 'PUT', '/api/v1/quotas/2029/units/zhoushan', {
      token: office,
      body: { maxBatches: 0, maxHeadcountPerBatch: 20, maxPersonTrips: 100 },
    });
    expect(cap.status).toBe(200);
    const res = await commit(2029, proposal.id);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'PLAN_STALE',
      requestIds: [ids[0]],
      reasons: [{ requestId: ids[0], code: 'BATCH_CAP_EXCEEDED', limit: 0, used: 0 }],
    });
    await expectNothingCommitted(2029, ids, proposal.id);
  });

  it('a booking that lands between the re-check and the batch: the batch rolls back, 409 names the request', async () => {
    const { ids, proposal } = await solved(2031, [request('quzhou', 'nagqu'), request('lishui', 'haixi')]);
    const nagqu = proposal.placements.find((p: any) => p.regionId === 'nagqu');
    // The app's database, with a competitor's booking written through another connection just
    // before the commit's batch runs: after the re-check passed, before the guarded inserts.
    const competitor = ctx.freshConnection();
    let armed = true;
    let batches = 0;
    const db = new Proxy(ctx.database.db, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (prop !== 'batch' || typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          batches++;
          if (armed) {
            armed = false;
            await competitor.client.execute({
              sql: `INSERT INTO visits (id, unit_id, region_id, kind, start_date, end_date, year, headcount, leader_name, purpose, status, sequence, last_op_id, created_by, created_at, updated_at)
                    VALUES ('competitor', 'taizhou', 'nagqu', 'inspection', ?, ?, 2031, 2, '王五', '考察', 'submitted', 0, 'op', 'x', 'now', 'now')`,
              args: [nagqu.startDate, nagqu.endDate],
            });
          }
          return value.apply(target, args);
        };
      },
    }) as Db;
    const racing = { ...ctx, app: createApp({ db, config: CONFIG, now: () => FIXED_NOW, files: ctx.files }) };
    const res = await commit(2031, proposal.id, racing);
    competitor.client.close();
    // One batch in all, the commit's: the booking landed after the re-check, and the guard refused.
    expect(batches).toBe(1);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'PLAN_STALE',
      requestIds: [nagqu.requestId],
      reasons: [expect.objectContaining({ code: 'REGION_CAPACITY_EXCEEDED' })],
    });
    // Only the competitor's visit: the haixi placement, which fitted, was rolled back too.
    expect(await stored('SELECT id FROM visits WHERE year = 2031')).toEqual([{ id: 'competitor' }]);
    await expectNothingCommitted(2031, ids, proposal.id, 1);
  });
});

describe('the commit batch itself', () => {
  let ids: string[];
  let proposal: any;
  let db: Db;

  beforeAll(async () => {
    ({ ids, proposal } = await solved(2030, [
      request('quzhou', 'alar'),
      request('lishui', 'alar', { earliest: '2027-06-20', latest: '2027-06-30' }),
    ]));
    db = ctx.database.db;
  });

  const placements = () => proposal.placements.map((p: any) => ({ ...p, headcount: 3 }));

  it('rolls back every placement when one guarded insert is refused (a blackout day)', async () => {
    const [first, second] = placements();
    const inBlackout = { ...second, startDate: '2030-07-01', endDate: '2030-07-02' };
    const result = await commitPlacements(db, {
      proposalId: proposal.id,
      placements: [first, inBlackout],
      actorId: 'office',
      now: FIXED_NOW,
    });
    expect(result).toEqual({ ok: false, reason: 'refused' });
    await expectNothingCommitted(2030, ids, proposal.id);
  });

  it('counts the earlier placements of the same batch: two on the same day of a one-a-day region are refused', async () => {
    const [first, second] = placements();
    const sameDays = { ...second, startDate: first.startDate, endDate: first.endDate };
    const result = await commitPlacements(db, {
      proposalId: proposal.id,
      placements: [first, sameDays],
      actorId: 'office',
      now: FIXED_NOW,
    });
    expect(result.ok).toBe(false);
    await expectNothingCommitted(2030, ids, proposal.id);
  });

  it('writes them all when every guard holds', async () => {
    const result = await commitPlacements(db, { proposalId: proposal.id, placements: placements(), actorId: 'office', now: FIXED_NOW });
    expect(result.ok).toBe(true);
    expect(await stored('SELECT count(*) AS n FROM visits WHERE year = 2030')).toEqual([{ n: 2 }]);
    expect(await stored('SELECT status FROM plan_proposals WHERE id = ?', [proposal.id])).toEqual([{ status: 'committed' }]);
    // A committed proposal's placements can never land twice.
    const again = await commitPlacements(db, { proposalId: proposal.id, placements: placements(), actorId: 'office', now: FIXED_NOW });
    expect(again.ok).toBe(false);
    expect(await stored('SELECT count(*) AS n FROM visits WHERE year = 2030')).toEqual([{ n: 2 }]);
  });
});

describe('simultaneous commits', () => {
  it('of several proposals for the same requests: exactly one commits, the rest are PLAN_STALE', async () => {
    const other = await openDatabase(ctx.url);
    const second = { ...ctx, app: createApp({ db: other.db, config: CONFIG, now: () => FIXED_NOW, files: ctx.files }) };
    const { ids, proposal } = await solved(2032, [request('quzhou', 'nagqu'), request('lishui', 'haixi')]);
    const more = [];
    for (let i = 0; i < 5; i++)
      more.push((await call(ctx, 'POST', '/api/v1/plans/2032/solve', { token: office, body: { timeLimitMs: 200 } })).body.id);
    const all = [proposal.id, ...more];
    const answers = await Promise.all(all.map((id, i) => commit(2032, id, i % 2 ? second : ctx)));
    other.client.close();
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    for (const a of answers.filter((x) => x.status !== 200)) expect(a.body).toMatchObject({ status: 409, code: 'PLAN_STALE' });
    expect(await stored('SELECT count(*) AS n FROM visits WHERE year = 2032')).toEqual([{ n: 2 }]);
    const committed = await stored<{ visit_id: string }>(
      `SELECT visit_id FROM plan_requests WHERE status = 'committed' AND id IN (?, ?)`,
      ids,
    );
    expect(committed).toHaveLength(2);
    expect(await stored("SELECT count(*) AS n FROM plan_proposals WHERE year = 2032 AND status = 'committed'")).toEqual([{ n: 1 }]);
  });
});
