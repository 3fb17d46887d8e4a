// Condolence balance over HTTP against a real libSQL file: rosters, thresholds, the report's
// numbers against hand-computed values, and the CONDOLENCE_IMBALANCE warning on bookings.
// Each test owns its year (a roster PUT replaces the whole year), so none depends on another.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { call, createUserAndLogin, loginAdmin } from '../helpers/api.js';

let ctx: TestContext;
let office: string;
const unit: Record<string, string> = {};
const hq: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestApp();
  office = await loginAdmin(ctx);
  for (const year of [2027, 2028, 2029, 2030]) {
    await call(ctx, 'PUT', `/api/v1/quotas/${year}`, {
      token: office,
      body: { maxBatches: 20, maxHeadcountPerBatch: 20, maxPersonTrips: 500 },
    });
  }
  for (const region of ['aksu', 'alar', 'nagqu', 'haixi']) {
    const res = await call(ctx, 'PUT', `/api/v1/regions/${region}/rules`, {
      token: office,
      body: { maxConcurrentDelegations: 10, minGapDays: 0, blackouts: [] },
    });
    expect(res.status).toBe(200);
    hq[region] = (await createUserAndLogin(ctx, office, { role: 'hq', regionId: region })).token;
  }
  for (const unitId of ['hangzhou', 'ningbo', 'wenzhou', 'jiaxing', 'lishui', 'huzhou', 'shaoxing', 'jinhua', 'quzhou', 'zhoushan']) {
    unit[unitId] = (await createUserAndLogin(ctx, office, { role: 'unit', unitId })).token;
  }
});

afterAll(() => ctx.database.client.close());

const condolence = (regionId: string, startDate: string, consolationYuan: number, extra: Record<string, unknown> = {}) => ({
  regionId,
  kind: 'condolence',
  startDate,
  endDate: startDate,
  headcount: 3,
  leaderName: '李四',
  purpose: '慰问援派干部',
  cadresVisited: 2,
  consolationYuan,
  ...extra,
});

async function book(token: string, body: Record<string, unknown>) {
  const res = await call(ctx, 'POST', '/api/v1/visits', { token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function putRoster(year: number, entries: { unitId: string; regionId: string; count: number }[]) {
  const res = await call(ctx, 'PUT', `/api/v1/cadres/${year}`, { token: office, body: { entries } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

const report = (token: string, query: string) => call(ctx, 'GET', `/api/v1/reports/balance?${query}`, { token });

const row = (
  unitId: string,
  cadres: number,
  condolenceVisits: number,
  consolationYuan: number,
  perCadre: [number, number] | null,
  flags: unknown[] = [],
) => ({
  unitId,
  cadres,
  condolenceVisits,
  consolationYuan,
  consolationPerCadre: perCadre ? perCadre[0] : null,
  visitsPerCadre: perCadre ? perCadre[1] : null,
  flags,
});

const imbalance = (metric: string, value: number, median: number) => ({ code: 'CONDOLENCE_IMBALANCE', metric, value, median });

describe('end to end: roster, bookings, report, warnings (2027, haixi)', () => {
  it('computes the report by hand-checked numbers and warns exactly on the bookings that cross the line', async () => {
    await putRoster(2027, [
      { unitId: 'hangzhou', regionId: 'haixi', count: 2 },
      { unitId: 'ningbo', regionId: 'haixi', count: 4 },
      { unitId: 'wenzhou', regionId: 'haixi', count: 4 },
      { unitId: 'jiaxing', regionId: 'haixi', count: 4 },
      { unitId: 'lishui', regionId: 'haixi', count: 8 },
      { unitId: 'ningbo', regionId: 'aksu', count: 1 },
    ]);

    // The money median is over the units that went (ningbo, then wenzhou: 1000 yuan per cadre), so
    // each of them sits at it; the visits median over all five stays 0 while most have not gone.
    expect((await book(unit.ningbo!, condolence('haixi', '2027-03-01', 4000))).warnings).toEqual([]);
    expect((await book(unit.wenzhou!, condolence('haixi', '2027-03-05', 4000))).warnings).toEqual([]);
    // Now 3 of 5 units at 1000 yuan / 0.25 visits per cadre: the medians; jiaxing is at them.
    const jiaxingVisit = await book(unit.jiaxing!, condolence('haixi', '2027-03-10', 4000));
    expect(jiaxingVisit.warnings).toEqual([]);
    // No cadres in haixi: listed, never flagged; booked with the roster warning.
    expect((await book(unit.huzhou!, condolence('haixi', '2027-03-12', 500))).warnings).toEqual([{ code: 'NO_CADRES_ON_ROSTER' }]);
    // Not condolence: neither counted nor warned.
    const inspection = await book(unit.ningbo!, { ...condolence('haixi', '2027-03-15', 0), kind: 'inspection', consolationYuan: null });
    expect(inspection.warnings).toEqual([]);
    // Other region and other year: counted there, not in haixi 2027.
    expect((await book(unit.ningbo!, condolence('aksu', '2027-03-16', 999))).warnings).toEqual([]);
    // (2028 has no haixi roster: booked, with the roster warning.)
    expect((await book(unit.hangzhou!, condolence('haixi', '2028-02-01', 9000))).warnings).toEqual([{ code: 'NO_CADRES_ON_ROSTER' }]);

    // hangzhou: 2000 yuan / 2 cadres = 1000 (median 1000), 1 visit / 2 = 0.5 > 1.5 × 0.25.
    const crossing = await book(unit.hangzhou!, condolence('haixi', '2027-03-20', 2000));
    expect(crossing.warnings).toEqual([imbalance('visitsPerCadre', 0.5, 0.25)]);
    // ningbo's second: 8000 / 4 = 2000 > 1.5 × 1000, 2 / 4 = 0.5 > 1.5 × 0.25.
    const second = await book(unit.ningbo!, condolence('haixi', '2027-04-01', 4000));
    expect(second.warnings).toEqual([imbalance('consolationPerCadre', 2000, 1000), imbalance('visitsPerCadre', 0.5, 0.25)]);

    const res = await report(office, 'year=2027');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2027, overRatio: 1.5, underRatio: 0.5 });
    expect(res.body.regions.map((r: { regionId: string }) => r.regionId)).toEqual(['aksu', 'alar', 'haixi', 'nagqu']);
    // Money median over the 4 units with cadres that went: [1000, 1000, 1000, 2000] → 1000; visits
    // median over all 5 with cadres: [0, 0.25, 0.25, 0.5, 0.5] → 0.25. Over: > 1500 / > 0.375;
    // under: < 500 / < 0.125.
    expect(res.body.regions[2]).toEqual({
      regionId: 'haixi',
      median: { consolationPerCadre: 1000, visitsPerCadre: 0.25 },
      units: [
        row('hangzhou', 2, 1, 2000, [1000, 0.5], [{ metric: 'visitsPerCadre', level: 'over' }]),
        row('huzhou', 0, 1, 500, null),
        row('jiaxing', 4, 1, 4000, [1000, 0.25]),
        row(
          'lishui',
          8,
          0,
          0,
          [0, 0],
          [
            { metric: 'consolationPerCadre', level: 'under' },
            { metric: 'visitsPerCadre', level: 'under' },
          ],
        ),
        row(
          'ningbo',
          4,
          2,
          8000,
          [2000, 0.5],
          [
            { metric: 'consolationPerCadre', level: 'over' },
            { metric: 'visitsPerCadre', level: 'over' },
          ],
        ),
        row('wenzhou', 4, 1, 4000, [1000, 0.25]),
      ],
    });
    expect(res.body.regions[0]).toEqual({
      regionId: 'aksu',
      median: { consolationPerCadre: 999, visitsPerCadre: 1 },
      units: [row('ningbo', 1, 1, 999, [999, 1])],
    });
    expect(res.body.regions[1]).toEqual({ regionId: 'alar', median: { consolationPerCadre: 0, visitsPerCadre: 0 }, units: [] });

    // The HQ sees the booking's warning when it reads and when it coordinates the visit.
    const seen = await call(ctx, 'GET', `/api/v1/visits/${crossing.id}`, { token: hq.haixi });
    expect(seen.status).toBe(200);
    expect(seen.body.warnings).toEqual([imbalance('visitsPerCadre', 0.5, 0.25)]);
    const coordinated = await call(ctx, 'POST', `/api/v1/visits/${crossing.id}/coordinate`, {
      token: hq.haixi,
      body: { opinion: '同意,注意平衡', agree: true },
    });
    expect(coordinated.status).toBe(200);
    expect(coordinated.body.status).toBe('coordinated');
    expect(coordinated.body.warnings).toEqual([imbalance('visitsPerCadre', 0.5, 0.25)]);
    // ningbo is over now, but its inspection visit is no condolence and carries no warning.
    expect((await call(ctx, 'GET', `/api/v1/visits/${inspection.id}`, { token: hq.haixi })).body.warnings).toEqual([]);
    // A unit at the median carries no warning on read either.
    expect((await call(ctx, 'GET', `/api/v1/visits/${jiaxingVisit.id}`, { token: hq.haixi })).body.warnings).toEqual([]);
  });
});

describe('visits that hold no place stop counting (2028, alar)', () => {
  it('drops a withdrawn and an HQ-rejected visit from the report and from the warnings', async () => {
    await putRoster(
      2028,
      ['shaoxing', 'jinhua', 'quzhou'].map((unitId) => ({ unitId, regionId: 'alar', count: 1 })),
    );
    await book(unit.shaoxing!, condolence('alar', '2028-03-01', 1000));
    await book(unit.jinhua!, condolence('alar', '2028-03-02', 1000));
    const first = await book(unit.quzhou!, condolence('alar', '2028-03-03', 1000));
    expect(first.warnings).toEqual([]);
    const extra = await book(unit.quzhou!, condolence('alar', '2028-03-10', 1000));
    expect(extra.warnings).toEqual([imbalance('consolationPerCadre', 2000, 1000), imbalance('visitsPerCadre', 2, 1)]);
    const third = await book(unit.quzhou!, condolence('alar', '2028-03-12', 1000));
    expect(third.warnings).toEqual([imbalance('consolationPerCadre', 3000, 1000), imbalance('visitsPerCadre', 3, 1)]);
    // A withdrawn visit carries no warning even while its unit is still over through the others.
    const thirdWithdrawn = await call(ctx, 'POST', `/api/v1/visits/${third.id}/withdraw`, { token: unit.quzhou });
    expect(thirdWithdrawn.body).toMatchObject({ status: 'withdrawn', warnings: [] });
    expect((await call(ctx, 'GET', `/api/v1/visits/${first.id}`, { token: unit.quzhou })).body.warnings).toEqual([
      imbalance('consolationPerCadre', 2000, 1000),
      imbalance('visitsPerCadre', 2, 1),
    ]);

    const withdrawn = await call(ctx, 'POST', `/api/v1/visits/${extra.id}/withdraw`, { token: unit.quzhou });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', warnings: [] });
    expect((await call(ctx, 'GET', `/api/v1/visits/${first.id}`, { token: unit.quzhou })).body.warnings).toEqual([]);

    const rejectedBooking = await book(unit.jinhua!, condolence('alar', '2028-03-20', 3000));
    expect(rejectedBooking.warnings).toEqual([imbalance('consolationPerCadre', 4000, 1000), imbalance('visitsPerCadre', 2, 1)]);
    const rejected = await call(ctx, 'POST', `/api/v1/visits/${rejectedBooking.id}/coordinate`, {
      token: hq.alar,
      body: { opinion: '不同意,已慰问', agree: false },
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', warnings: [] });

    const res = await report(office, 'year=2028&regionId=alar');
    expect(res.status).toBe(200);
    expect(res.body.regions).toEqual([
      {
        regionId: 'alar',
        median: { consolationPerCadre: 1000, visitsPerCadre: 1 },
        units: [row('jinhua', 1, 1, 1000, [1000, 1]), row('quzhou', 1, 1, 1000, [1000, 1]), row('shaoxing', 1, 1, 1000, [1000, 1])],
      },
    ]);
  });
});

describe('role scoping (2029, nagqu)', () => {
  beforeAll(async () => {
    await putRoster(2029, [
      { unitId: 'zhoushan', regionId: 'nagqu', count: 2 },
      { unitId: 'taizhou', regionId: 'nagqu', count: 2 },
      { unitId: 'quzhou', regionId: 'nagqu', count: 4 },
      { unitId: 'zhoushan', regionId: 'alar', count: 1 },
    ]);
    await book(unit.zhoushan!, condolence('nagqu', '2029-03-01', 2000));
    await book(office, condolence('nagqu', '2029-03-05', 6000, { unitId: 'taizhou' }));
    await book(unit.zhoushan!, condolence('alar', '2029-03-06', 500));
  });

  it('shows a unit its own rows and the medians only, in every region', async () => {
    const res = await report(unit.zhoushan!, 'year=2029');
    expect(res.status).toBe(200);
    const byRegion = Object.fromEntries(res.body.regions.map((r: { regionId: string }) => [r.regionId, r]));
    expect(Object.keys(byRegion)).toEqual(['aksu', 'alar', 'haixi', 'nagqu']);
    // The medians still count the others: money over the units that went (zhoushan 1000, taizhou
    // 3000) → 2000; visits over all with cadres [0, 0.5, 0.5] → 0.5.
    expect(byRegion.nagqu).toEqual({
      regionId: 'nagqu',
      median: { consolationPerCadre: 2000, visitsPerCadre: 0.5 },
      units: [row('zhoushan', 2, 1, 2000, [1000, 0.5])],
    });
    expect(byRegion.alar.units).toEqual([row('zhoushan', 1, 1, 500, [500, 1])]);
    expect(byRegion.aksu.units).toEqual([]);
    const one = await report(unit.zhoushan!, 'year=2029&regionId=nagqu');
    expect(one.body.regions.map((r: { regionId: string }) => r.regionId)).toEqual(['nagqu']);
  });

  it('shows an HQ its own region with every unit, and refuses another region', async () => {
    const res = await report(hq.nagqu!, 'year=2029');
    expect(res.status).toBe(200);
    expect(res.body.regions).toHaveLength(1);
    expect(res.body.regions[0].regionId).toBe('nagqu');
    expect(res.body.regions[0].units).toEqual([
      row(
        'quzhou',
        4,
        0,
        0,
        [0, 0],
        [
          { metric: 'consolationPerCadre', level: 'under' },
          { metric: 'visitsPerCadre', level: 'under' },
        ],
      ),
      // 3000 is exactly 1.5 × the money median 2000: not over.
      row('taizhou', 2, 1, 6000, [3000, 0.5]),
      row('zhoushan', 2, 1, 2000, [1000, 0.5]),
    ]);
    expect((await report(hq.nagqu!, 'year=2029&regionId=nagqu')).status).toBe(200);
    const other = await report(hq.nagqu!, 'year=2029&regionId=alar');
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('FORBIDDEN');
  });

  it('validates the query and requires a login', async () => {
    expect((await report(office, 'year=2029&regionId=atlantis')).body).toMatchObject({ status: 422, code: 'VALIDATION_FAILED' });
    expect((await report(office, 'regionId=nagqu')).status).toBe(422);
    expect((await call(ctx, 'GET', '/api/v1/reports/balance?year=2029')).status).toBe(401);
  });

  it('scopes the roster by role', async () => {
    const all = await call(ctx, 'GET', '/api/v1/cadres/2029', { token: office });
    expect(all.body).toEqual({
      year: 2029,
      entries: [
        { unitId: 'zhoushan', regionId: 'alar', count: 1 },
        { unitId: 'quzhou', regionId: 'nagqu', count: 4 },
        { unitId: 'taizhou', regionId: 'nagqu', count: 2 },
        { unitId: 'zhoushan', regionId: 'nagqu', count: 2 },
      ],
    });
    const region = await call(ctx, 'GET', '/api/v1/cadres/2029', { token: hq.nagqu });
    expect(region.body.entries.map((e: { unitId: string }) => e.unitId)).toEqual(['quzhou', 'taizhou', 'zhoushan']);
    const own = await call(ctx, 'GET', '/api/v1/cadres/2029', { token: unit.zhoushan });
    expect(own.body.entries).toEqual([
      { unitId: 'zhoushan', regionId: 'alar', count: 1 },
      { unitId: 'zhoushan', regionId: 'nagqu', count: 2 },
    ]);
  });

  it('lets only the office set rosters and thresholds', async () => {
    for (const token of [unit.zhoushan!, hq.nagqu!]) {
      const roster = await call(ctx, 'PUT', '/api/v1/cadres/2029', { token, body: { entries: [] } });
      expect(roster.status).toBe(403);
      expect(roster.body.code).toBe('FORBIDDEN');
      expect((await call(ctx, 'PUT', '/api/v1/standards/balance', { token, body: { overRatio: 3, underRatio: 0.1 } })).status).toBe(403);
    }
    expect((await call(ctx, 'GET', '/api/v1/cadres/2029', { token: office })).body.entries).toHaveLength(4);
    expect((await call(ctx, 'GET', '/api/v1/standards/balance', { token: unit.zhoushan })).body).toEqual({
      overRatio: 1.5,
      underRatio: 0.5,
    });
  });
});

describe('balance thresholds (2030, aksu)', () => {
  it('changes the flags and the warnings, and refuses ratios that make no sense', async () => {
    await putRoster(
      2030,
      ['hangzhou', 'ningbo', 'wenzhou', 'jiaxing'].map((unitId) => ({ unitId, regionId: 'aksu', count: 1 })),
    );
    const amounts: Record<string, number> = { hangzhou: 1000, ningbo: 1000, wenzhou: 1400, jiaxing: 850 };
    const booked: Record<string, { id: string }> = {};
    for (const [unitId, yuan] of Object.entries(amounts))
      booked[unitId] = await book(office, condolence('aksu', '2030-04-01', yuan, { unitId }));
    const flagsOf = async () => {
      const res = await report(office, 'year=2030&regionId=aksu');
      expect(res.body.regions[0].median).toEqual({ consolationPerCadre: 1000, visitsPerCadre: 1 });
      return {
        ratios: [res.body.overRatio, res.body.underRatio],
        flags: Object.fromEntries(res.body.regions[0].units.map((u: { unitId: string; flags: unknown }) => [u.unitId, u.flags])),
      };
    };

    expect((await call(ctx, 'GET', '/api/v1/standards/balance', { token: unit.hangzhou })).body).toEqual({
      overRatio: 1.5,
      underRatio: 0.5,
    });
    // 1400 ≤ 1.5 × 1000 and 850 ≥ 0.5 × 1000: balanced under the defaults.
    expect(await flagsOf()).toEqual({ ratios: [1.5, 0.5], flags: { hangzhou: [], jiaxing: [], ningbo: [], wenzhou: [] } });
    expect((await call(ctx, 'GET', `/api/v1/visits/${booked.wenzhou!.id}`, { token: office })).body.warnings).toEqual([]);

    try {
      const put = await call(ctx, 'PUT', '/api/v1/standards/balance', { token: office, body: { overRatio: 1.2, underRatio: 0.9 } });
      expect(put.status).toBe(200);
      expect(put.body).toEqual({ overRatio: 1.2, underRatio: 0.9 });
      expect((await call(ctx, 'GET', '/api/v1/standards/balance', { token: hq.aksu })).body).toEqual({ overRatio: 1.2, underRatio: 0.9 });
      // 1400 > 1.2 × 1000; 850 < 0.9 × 1000.
      expect(await flagsOf()).toEqual({
        ratios: [1.2, 0.9],
        flags: {
          hangzhou: [],
          jiaxing: [{ metric: 'consolationPerCadre', level: 'under' }],
          ningbo: [],
          wenzhou: [{ metric: 'consolationPerCadre', level: 'over' }],
        },
      });
      expect((await call(ctx, 'GET', `/api/v1/visits/${booked.wenzhou!.id}`, { token: hq.aksu })).body.warnings).toEqual([
        imbalance('consolationPerCadre', 1400, 1000),
      ]);

      for (const body of [
        { overRatio: 1, underRatio: 0.5 },
        { overRatio: 1.5, underRatio: 1 },
        { overRatio: 1.5, underRatio: -0.1 },
        { overRatio: 1.5 },
        { overRatio: 1.5, underRatio: 0.5, extra: true },
      ]) {
        const res = await call(ctx, 'PUT', '/api/v1/standards/balance', { token: office, body });
        expect(res.status, JSON.stringify(body)).toBe(422);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }
      expect((await call(ctx, 'GET', '/api/v1/standards/balance', { token: office })).body).toEqual({ overRatio: 1.2, underRatio: 0.9 });
    } finally {
      // The thresholds are global: put the defaults back for the other tests.
      await call(ctx, 'PUT', '/api/v1/standards/balance', { token: office, body: { overRatio: 1.5, underRatio: 0.5 } });
    }
  });
});

describe('PUT /api/v1/cadres/{year}', () => {
  it("replaces only that year's roster, in one write with an audit row", async () => {
    await putRoster(2032, [{ unitId: 'lishui', regionId: 'haixi', count: 7 }]);
    await putRoster(2031, [
      { unitId: 'ningbo', regionId: 'aksu', count: 2 },
      { unitId: 'hangzhou', regionId: 'aksu', count: 3 },
    ]);
    const replaced = await call(ctx, 'PUT', '/api/v1/cadres/2031', {
      token: office,
      body: { entries: [{ unitId: 'ningbo', regionId: 'haixi', count: 5 }] },
    });
    expect(replaced.body).toEqual({ year: 2031, entries: [{ unitId: 'ningbo', regionId: 'haixi', count: 5 }] });

    const fresh = ctx.freshConnection();
    try {
      const stored = await fresh.db.all<{ year: number; unit_id: string; count: number }>(
        sql`SELECT year, unit_id, count FROM cadre_rosters WHERE year IN (2031, 2032) ORDER BY year`,
      );
      expect(stored).toEqual([
        { year: 2031, unit_id: 'ningbo', count: 5 },
        { year: 2032, unit_id: 'lishui', count: 7 },
      ]);
      const audit = await fresh.db.all<{ action: string; note: string }>(
        sql`SELECT action, note FROM audit_log WHERE entity = 'cadres' AND entity_id = '2031' ORDER BY id`,
      );
      expect(audit.map((a) => a.action)).toEqual(['replace', 'replace']);
      expect(JSON.parse(audit[1]!.note)).toEqual([{ unitId: 'ningbo', regionId: 'haixi', count: 5 }]);
    } finally {
      fresh.client.close();
    }
  });

  it('refuses unknown units and regions, repeated pairs and bad counts, and keeps the old roster', async () => {
    await putRoster(2033, [{ unitId: 'wenzhou', regionId: 'nagqu', count: 1 }]);
    const refused = async (entries: unknown[]) => {
      const res = await call(ctx, 'PUT', '/api/v1/cadres/2033', { token: office, body: { entries } });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      return res.body.errors.map((e: { path: string }) => e.path);
    };
    const ok = { unitId: 'hangzhou', regionId: 'aksu', count: 1 };
    expect(await refused([ok, { ...ok, unitId: 'atlantis' }])).toEqual(['entries.1.unitId']);
    expect(await refused([{ ...ok, regionId: 'mars' }])).toEqual(['entries.0.regionId']);
    expect(await refused([ok, { ...ok, unitId: 'ningbo' }, { ...ok, count: 4 }])).toEqual(['entries.2']);
    expect(await refused([{ ...ok, count: -1 }])).toEqual(['entries.0.count']);
    expect(await refused([{ ...ok, count: 1.5 }])).toEqual(['entries.0.count']);
    expect((await call(ctx, 'GET', '/api/v1/cadres/2033', { token: office })).body.entries).toEqual([
      { unitId: 'wenzhou', regionId: 'nagqu', count: 1 },
    ]);
  });
});

it('documents the balance routes in the OpenAPI document', async () => {
  const doc = await call(ctx, 'GET', '/openapi.json');
  expect(Object.keys(doc.body.paths)).toEqual(
    expect.arrayContaining(['/api/v1/cadres/{year}', '/api/v1/standards/balance', '/api/v1/reports/balance']),
  );
  expect(doc.body.paths['/api/v1/cadres/{year}']).toHaveProperty('put');
  expect(doc.body.paths['/api/v1/standards/balance']).toHaveProperty('put');
});
