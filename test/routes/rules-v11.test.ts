// The rule loopholes an attacker's probe found (docs/API.md, "Rule changes"), each as it was
// reported: self-declared lodging ranks, a declared guest count that raised the diner limit, an
// invisible letter reference, condolence visits without substance, a zero median that hid the
// largest spender, and API values rounded away.
import { beforeAll, describe, expect, it } from 'vitest';
import { call, createUserAndLogin, loginAdmin } from '../helpers/api.js';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { visitBody } from '../helpers/visits.js';

let ctx: TestContext;
let office: string;
const unit: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestApp();
  office = await loginAdmin(ctx);
  for (const unitId of ['hangzhou', 'ningbo', 'wenzhou', 'jiaxing', 'huzhou']) {
    unit[unitId] = (await createUserAndLogin(ctx, office, { role: 'unit', unitId })).token;
  }
  await call(ctx, 'PUT', '/api/v1/quotas/2027', {
    token: office,
    body: { maxBatches: 50, maxHeadcountPerBatch: 20, maxPersonTrips: 1000 },
  });
  for (const regionId of ['aksu', 'nagqu']) {
    await call(ctx, 'PUT', `/api/v1/regions/${regionId}/rules`, {
      token: office,
      body: { maxConcurrentDelegations: 50, minGapDays: 0, blackouts: [] },
    });
  }
});

const guest = (rank: string, i = 0) => ({ name: `来宾${i}`, title: '干部', rank });

/** A reception of two county-rank guests, within every standard. */
function reception(over: Record<string, unknown> = {}) {
  return {
    regionId: 'aksu',
    officialLetterRef: '阿地委函〔2027〕5号',
    startDate: '2027-05-10',
    endDate: '2027-05-11',
    guestCount: 2,
    leadRank: 'county',
    guests: [guest('county', 1), guest('county', 2)],
    lodging: [{ rank: 'county', rooms: 2, nights: 1, ratePerNightYuan: 380 }],
    ...over,
  };
}

const postReception = (body: Record<string, unknown>) => call(ctx, 'POST', '/api/v1/receptions', { token: unit.hangzhou!, body });
const violationsOf = (res: { body: { violations?: { code: string }[] } }) => res.body.violations ?? [];

describe('receptions', () => {
  it('accepts a reception within the rules', async () => {
    expect((await postReception(reception())).status).toBe(201);
  });

  it('refuses lodging at a rank no listed guest holds (two county guests at the provincial rate)', async () => {
    const res = await postReception(reception({ lodging: [{ rank: 'provincial', rooms: 2, nights: 1, ratePerNightYuan: 800 }] }));
    expect(res.status).toBe(409);
    expect(violationsOf(res)).toContainEqual({ code: 'LODGING_RANK_NOT_IN_GUESTS', rank: 'provincial' });
  });

  it('refuses more rooms at a rank than guests of that rank, summed over lines', async () => {
    const res = await postReception(
      reception({
        guestCount: 3,
        guests: [guest('departmental', 1), guest('county', 2), guest('county', 3)],
        lodging: [
          { rank: 'departmental', rooms: 1, nights: 1, ratePerNightYuan: 450 },
          { rank: 'departmental', rooms: 1, nights: 1, ratePerNightYuan: 450 },
          { rank: 'county', rooms: 1, nights: 1, ratePerNightYuan: 380 },
        ],
      }),
    );
    expect(res.status).toBe(409);
    expect(violationsOf(res)).toEqual([{ code: 'LODGING_RANK_NOT_IN_GUESTS', rank: 'departmental' }]);
  });

  it('requires the guest list, and guestCount to be its length (the accompanying-diner limit follows the list)', async () => {
    const { guests: _guests, ...withoutGuests } = reception();
    const missing = await postReception(withoutGuests);
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toContainEqual(expect.objectContaining({ path: 'guests' }));
    const inflated = await postReception(
      reception({
        guestCount: 30,
        guests: [guest('county', 1)],
        lodging: [],
        workMeal: { date: '2027-05-10', accompanyCount: 10, costPerPersonYuan: 80 },
      }),
    );
    expect(inflated.status).toBe(422);
    expect(inflated.body.errors).toContainEqual(expect.objectContaining({ path: 'guestCount' }));
    const empty = await postReception(reception({ guestCount: 0, guests: [], lodging: [] }));
    expect(empty.status).toBe(422);
  });

  it('counts a letter reference only with a visible letter or digit', async () => {
    for (const ref of ['\u200b', '\u3000', '〔〕', '-—_/', '\ufeff\u200d']) {
      const res = await postReception(reception({ officialLetterRef: ref }));
      expect(res.status, JSON.stringify(ref)).toBe(409);
      expect(violationsOf(res)).toContainEqual({ code: 'OFFICIAL_LETTER_REQUIRED' });
    }
    expect((await postReception(reception({ officialLetterRef: '〔2027〕1号' }))).status).toBe(201);
  });
});

describe('condolence visits', () => {
  const condolence = (over: Record<string, unknown> = {}) =>
    visitBody({ kind: 'condolence', startDate: '2027-06-01', endDate: '2027-06-02', cadresVisited: 2, consolationYuan: 2000, ...over });

  it('require cadresVisited ≥ 1 (422), on booking and on an edit that makes one', async () => {
    for (const cadresVisited of [undefined, null, 0]) {
      const res = await call(ctx, 'POST', '/api/v1/visits', { token: unit.ningbo!, body: condolence({ cadresVisited }) });
      expect(res.status, String(cadresVisited)).toBe(422);
      expect(res.body.errors).toContainEqual(expect.objectContaining({ path: 'cadresVisited' }));
    }
    const inspection = await call(ctx, 'POST', '/api/v1/visits', {
      token: unit.ningbo!,
      body: visitBody({ startDate: '2027-06-03', endDate: '2027-06-03' }),
    });
    expect(inspection.status).toBe(201);
    const edited = await call(ctx, 'PATCH', `/api/v1/visits/${inspection.body.id}`, { token: unit.ningbo!, body: { kind: 'condolence' } });
    expect(edited.status).toBe(422);
  });

  it('are booked where the roster shows no cadres of the unit, with the warning NO_CADRES_ON_ROSTER', async () => {
    await call(ctx, 'PUT', '/api/v1/cadres/2027', {
      token: office,
      body: { entries: [{ unitId: 'wenzhou', regionId: 'aksu', count: 4 }] },
    });
    const elsewhere = await call(ctx, 'POST', '/api/v1/visits', { token: unit.wenzhou!, body: condolence({ regionId: 'nagqu' }) });
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body.warnings).toContainEqual({ code: 'NO_CADRES_ON_ROSTER' });
    const onRoster = await call(ctx, 'POST', '/api/v1/visits', {
      token: unit.wenzhou!,
      body: condolence({ startDate: '2027-06-05', endDate: '2027-06-05' }),
    });
    expect(onRoster.status).toBe(201);
    expect(onRoster.body.warnings).not.toContainEqual({ code: 'NO_CADRES_ON_ROSTER' });
  });
});

describe('condolence plan requests', () => {
  it('name the cadres too, and the visit committed from one carries them', async () => {
    const request = {
      regionId: 'nagqu',
      kind: 'condolence',
      days: 2,
      headcount: 3,
      earliest: '2027-09-01',
      latest: '2027-09-30',
      priority: 1,
      leaderName: '张三',
      purpose: '慰问援藏干部',
      unitId: 'huzhou',
    };
    const without = await call(ctx, 'POST', '/api/v1/plans/2027/requests', { token: office, body: request });
    expect(without.status).toBe(422);
    expect(without.body.errors).toContainEqual(expect.objectContaining({ path: 'cadresVisited' }));
    const filed = await call(ctx, 'POST', '/api/v1/plans/2027/requests', {
      token: office,
      body: { ...request, cadresVisited: 3, consolationYuan: 3000 },
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect(filed.body).toMatchObject({ cadresVisited: 3, consolationYuan: 3000 });
    const solved = await call(ctx, 'POST', '/api/v1/plans/2027/solve', { token: office, body: { timeLimitMs: 200 } });
    expect(solved.status).toBe(201);
    const committed = await call(ctx, 'POST', `/api/v1/plans/2027/proposals/${solved.body.id}/commit`, { token: office });
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(committed.body.visits).toEqual([expect.objectContaining({ kind: 'condolence', cadresVisited: 3, consolationYuan: 3000 })]);
  });
});

describe('the balance', () => {
  it('takes the money median over units that made a counted condolence visit, and flags the largest spender', async () => {
    const bctx = await createTestApp();
    const admin = await loginAdmin(bctx);
    await call(bctx, 'PUT', '/api/v1/quotas/2028', {
      token: admin,
      body: { maxBatches: 50, maxHeadcountPerBatch: 20, maxPersonTrips: 1000 },
    });
    await call(bctx, 'PUT', '/api/v1/regions/haixi/rules', {
      token: admin,
      body: { maxConcurrentDelegations: 50, minGapDays: 0, blackouts: [] },
    });
    const units = ['hangzhou', 'ningbo', 'wenzhou', 'jiaxing', 'huzhou'];
    await call(bctx, 'PUT', '/api/v1/cadres/2028', {
      token: admin,
      body: { entries: units.map((unitId) => ({ unitId, regionId: 'haixi', count: 10 })) },
    });
    // Most units have made no condolence visit yet; two have, one of them lavishly.
    const book = (unitId: string, yuan: number, day: string) =>
      call(bctx, 'POST', '/api/v1/visits', {
        token: admin,
        body: visitBody({
          unitId,
          regionId: 'haixi',
          kind: 'condolence',
          startDate: day,
          endDate: day,
          cadresVisited: 10,
          consolationYuan: yuan,
        }),
      });
    expect((await book('hangzhou', 10_000, '2028-03-01')).status).toBe(201);
    const lavish = await book('ningbo', 100_000, '2028-03-02');
    expect(lavish.status).toBe(201);
    expect(lavish.body.warnings).toContainEqual(expect.objectContaining({ code: 'CONDOLENCE_IMBALANCE', metric: 'consolationPerCadre' }));
    const report = await call(bctx, 'GET', '/api/v1/reports/balance?year=2028&regionId=haixi', { token: admin });
    const region = report.body.regions[0];
    // Money per cadre: 1,000 and 10,000 among the units that went: median 5,500. Visits per cadre:
    // 0.1, 0.1, 0, 0, 0 over all five units with cadres: median 0.
    expect(region.median).toEqual({ consolationPerCadre: 5_500, visitsPerCadre: 0 });
    const ningbo = region.units.find((u: { unitId: string }) => u.unitId === 'ningbo');
    expect(ningbo.flags).toContainEqual({ metric: 'consolationPerCadre', level: 'over' });
    bctx.database.client.close();
  });

  it('reports values unrounded: 3 visits over 40 cadres is 0.075, not 0.08', async () => {
    const bctx = await createTestApp();
    const admin = await loginAdmin(bctx);
    await call(bctx, 'PUT', '/api/v1/quotas/2028', {
      token: admin,
      body: { maxBatches: 50, maxHeadcountPerBatch: 20, maxPersonTrips: 1000 },
    });
    await call(bctx, 'PUT', '/api/v1/regions/alar/rules', {
      token: admin,
      body: { maxConcurrentDelegations: 50, minGapDays: 0, blackouts: [] },
    });
    await call(bctx, 'PUT', '/api/v1/cadres/2028', {
      token: admin,
      body: { entries: [{ unitId: 'hangzhou', regionId: 'alar', count: 40 }] },
    });
    for (const day of ['2028-04-01', '2028-04-03', '2028-04-05']) {
      const res = await call(bctx, 'POST', '/api/v1/visits', {
        token: admin,
        body: visitBody({
          unitId: 'hangzhou',
          regionId: 'alar',
          kind: 'condolence',
          startDate: day,
          endDate: day,
          cadresVisited: 3,
          consolationYuan: 1000,
        }),
      });
      expect(res.status).toBe(201);
    }
    const report = await call(bctx, 'GET', '/api/v1/reports/balance?year=2028&regionId=alar', { token: admin });
    const row = report.body.regions[0].units[0];
    expect(row.visitsPerCadre).toBe(0.075);
    expect(row.consolationPerCadre).toBe(75);
    bctx.database.client.close();
  });
});
