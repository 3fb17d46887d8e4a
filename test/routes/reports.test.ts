// Reports over HTTP against a real libSQL file: cap usage (defaults vs overrides, counted
// statuses, role scoping, CSV that parses back to the same numbers with formulas neutralised)
// and the monthly inquiry (overlap with the month, region and role scoping, totals).
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { call, createUserAndLogin, loginAdmin } from '../helpers/api.js';
import { guestList } from '../helpers/receptions.js';

let ctx: TestContext;
let office: string;
const unit: Record<string, string> = {};
const hq: Record<string, string> = {};
const ids: Record<string, string> = {};

const visit = (regionId: string, startDate: string, endDate: string, headcount: number, purpose = '考察产业合作项目') => ({
  regionId,
  kind: 'inspection',
  startDate,
  endDate,
  headcount,
  leaderName: '张三',
  purpose,
});

async function book(token: string, body: Record<string, unknown>): Promise<string> {
  const res = await call(ctx, 'POST', '/api/v1/visits', { token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

async function receive(token: string, body: Record<string, unknown>): Promise<string> {
  const res = await call(ctx, 'POST', '/api/v1/receptions', {
    token,
    body: { officialLetterRef: '阿地委函〔2027〕3号', leadRank: 'county', ...guestList(Number(body.guestCount)), ...body },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

beforeAll(async () => {
  ctx = await createTestApp();
  office = await loginAdmin(ctx);
  const put = async (path: string, body: unknown) => expect((await call(ctx, 'PUT', path, { token: office, body })).status).toBe(200);
  await put('/api/v1/quotas/2027', { maxBatches: 5, maxHeadcountPerBatch: 10, maxPersonTrips: 40 });
  await put('/api/v1/quotas/2027/units/hangzhou', { maxBatches: 3, maxHeadcountPerBatch: 8, maxPersonTrips: 20 });
  for (const region of ['aksu', 'alar']) {
    await put(`/api/v1/regions/${region}/rules`, { maxConcurrentDelegations: 10, minGapDays: 0, blackouts: [] });
    hq[region] = (await createUserAndLogin(ctx, office, { role: 'hq', regionId: region })).token;
  }
  for (const unitId of ['hangzhou', 'ningbo']) unit[unitId] = (await createUserAndLogin(ctx, office, { role: 'unit', unitId })).token;
  const dept = await call(ctx, 'POST', '/api/v1/units', {
    token: office,
    body: { id: 'dept-formula', name: '=HYPERLINK("x")', kind: 'department' },
  });
  expect(dept.status).toBe(201);

  // hangzhou: two counted visits to Aksu (one across February and March) and a withdrawn one.
  ids.spanning = await book(unit.hangzhou!, visit('aksu', '2027-02-27', '2027-03-02', 5));
  ids.march = await book(unit.hangzhou!, visit('aksu', '2027-03-10', '2027-03-12', 6));
  ids.withdrawn = await book(unit.hangzhou!, visit('aksu', '2027-03-20', '2027-03-21', 4));
  expect((await call(ctx, 'POST', `/api/v1/visits/${ids.withdrawn}/withdraw`, { token: unit.hangzhou, body: {} })).status).toBe(200);
  // ningbo: one visit to Alar.
  ids.ningbo = await book(unit.ningbo!, visit('alar', '2027-03-15', '2027-03-16', 7));
  // Receptions of Aksu guests: one hosted by hangzhou, one by ningbo that the office rejects.
  ids.reception = await receive(unit.hangzhou!, { regionId: 'aksu', startDate: '2027-03-05', endDate: '2027-03-06', guestCount: 4 });
  ids.rejected = await receive(unit.ningbo!, { regionId: 'aksu', startDate: '2027-03-08', endDate: '2027-03-08', guestCount: 9 });
  expect((await call(ctx, 'POST', `/api/v1/receptions/${ids.rejected}/reject`, { token: office, body: { reason: '改期' } })).status).toBe(
    200,
  );
});

afterAll(() => ctx.database.client.close());

const usage = (token: string | undefined, query = 'year=2027', headers: Record<string, string> = {}) =>
  call(ctx, 'GET', `/api/v1/reports/usage?${query}`, { token, headers });

async function csvOf(path: string, token: string) {
  const res = await ctx.app.request(path, { headers: { authorization: `Bearer ${token}`, accept: 'text/csv' } });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { res, bytes, records: parse(bytes, { bom: true, columns: true }) as Record<string, string>[] };
}

describe('GET /api/v1/reports/usage', () => {
  it("shows each unit's limits, counted usage and what remains, overrides against the year's default", async () => {
    const res = await usage(office);
    expect(res.status).toBe(200);
    expect(res.body.year).toBe(2027);
    const row = (id: string) => res.body.items.find((i: { unitId: string }) => i.unitId === id);
    expect(row('hangzhou')).toEqual({
      unitId: 'hangzhou',
      unitName: '杭州市',
      kind: 'city',
      limits: { maxBatches: 3, maxHeadcountPerBatch: 8, maxPersonTrips: 20 },
      overridden: true,
      used: { batches: 2, personTrips: 11 }, // the withdrawn visit does not count
      remaining: { batches: 1, personTrips: 9 },
    });
    expect(row('ningbo')).toMatchObject({
      limits: { maxBatches: 5, maxHeadcountPerBatch: 10, maxPersonTrips: 40 },
      overridden: false,
      used: { batches: 1, personTrips: 7 },
      remaining: { batches: 4, personTrips: 33 },
    });
    expect(row('wenzhou')).toMatchObject({ used: { batches: 0, personTrips: 0 }, remaining: { batches: 5, personTrips: 40 } });
    // Every unit, the 11 cities and the department, exactly once.
    expect(res.body.items.map((i: { unitId: string }) => i.unitId).sort()).toEqual(
      [
        'dept-formula',
        'hangzhou',
        'huzhou',
        'jiaxing',
        'jinhua',
        'lishui',
        'ningbo',
        'quzhou',
        'shaoxing',
        'taizhou',
        'wenzhou',
        'zhoushan',
      ].sort(),
    );
  });

  it('agrees with the per-unit quota endpoint', async () => {
    const one = await call(ctx, 'GET', '/api/v1/quotas/2027/units/hangzhou', { token: office });
    const all = await usage(office);
    const row = all.body.items.find((i: { unitId: string }) => i.unitId === 'hangzhou');
    expect({ limits: row.limits, used: row.used, remaining: row.remaining }).toEqual({
      limits: one.body.limits,
      used: one.body.used,
      remaining: one.body.remaining,
    });
  });

  it('shows a unit its own row only, and an HQ nothing (caps are the office’s and each unit’s own)', async () => {
    const own = await usage(unit.ningbo);
    expect(own.status).toBe(200);
    expect(own.body.items.map((i: { unitId: string }) => i.unitId)).toEqual(['ningbo']);
    const fromHq = await usage(hq.aksu);
    expect(fromHq.status).toBe(403);
    expect(fromHq.body.code).toBe('FORBIDDEN');
  });

  it('defaults to the current year, and refuses a bad year or no login', async () => {
    expect((await usage(office, '')).body.year).toBe(2027);
    const bad = await usage(office, 'year=27x');
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect((await usage(undefined)).status).toBe(401);
  });

  it('gives the same numbers as CSV (UTF-8 with BOM) with formula cells neutralised', async () => {
    const { res, bytes, records } = await csvOf('/api/v1/reports/usage?year=2027', office);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="usage-2027.csv"');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const json = await usage(office);
    expect(records).toHaveLength(json.body.items.length);
    const hangzhou = records.find((r) => r['单位编号 (Unit ID)'] === 'hangzhou')!;
    expect(hangzhou).toMatchObject({
      '年度 (Year)': '2027',
      '单位名称 (Unit name)': '杭州市',
      '批次上限 (Max batches)': '3',
      '每批人数上限 (Max headcount per batch)': '8',
      '人次上限 (Max person-trips)': '20',
      '已用批次 (Batches used)': '2',
      '已用人次 (Person-trips used)': '11',
      '剩余批次 (Batches remaining)': '1',
      '剩余人次 (Person-trips remaining)': '9',
    });
    for (const item of json.body.items) {
      const record = records.find((r) => r['单位编号 (Unit ID)'] === item.unitId)!;
      expect(Number(record['剩余人次 (Person-trips remaining)'])).toBe(item.remaining.personTrips);
      expect(Number(record['已用批次 (Batches used)'])).toBe(item.used.batches);
    }
    const dept = records.find((r) => r['单位编号 (Unit ID)'] === 'dept-formula')!;
    expect(dept['单位名称 (Unit name)']).toBe(`'=HYPERLINK("x")`);
  });

  it("gives a unit's CSV its own row only", async () => {
    const { records } = await csvOf('/api/v1/reports/usage?year=2027', unit.hangzhou!);
    expect(records.map((r) => r['单位编号 (Unit ID)'])).toEqual(['hangzhou']);
  });
});

const monthly = (token: string, month: string) => call(ctx, 'GET', `/api/v1/reports/monthly?month=${month}`, { token });
const regionOf = (body: { regions: { regionId: string }[] }, id: string): any => body.regions.find((r) => r.regionId === id);

describe('GET /api/v1/reports/monthly', () => {
  it('lists a visit spanning two months in both, and counted visits and active receptions only', async () => {
    const feb = await monthly(office, '2027-02');
    expect(feb.status).toBe(200);
    expect(regionOf(feb.body, 'aksu').visits.map((v: { id: string }) => v.id)).toEqual([ids.spanning]);

    const march = await monthly(office, '2027-03');
    const aksu = regionOf(march.body, 'aksu');
    expect(aksu.regionName).toBe('阿克苏地区');
    expect(aksu.visits.map((v: { id: string }) => v.id)).toEqual([ids.spanning, ids.march]);
    expect(aksu.visits[0]).toMatchObject({
      unitId: 'hangzhou',
      unitName: '杭州市',
      kind: 'inspection',
      startDate: '2027-02-27',
      endDate: '2027-03-02',
      headcount: 5,
      status: 'submitted',
    });
    expect(aksu.receptions).toEqual([
      {
        id: ids.reception,
        hostUnitId: 'hangzhou',
        hostUnitName: '杭州市',
        startDate: '2027-03-05',
        endDate: '2027-03-06',
        guestCount: 4,
        status: 'submitted',
      },
    ]);
    expect(aksu.totals).toEqual({ visits: 2, delegates: 11, receptions: 1, guests: 4 });
    expect(regionOf(march.body, 'alar').totals).toEqual({ visits: 1, delegates: 7, receptions: 0, guests: 0 });
    expect(march.body.regions.map((r: { regionId: string }) => r.regionId)).toEqual(['aksu', 'alar', 'haixi', 'nagqu']);

    const april = await monthly(office, '2027-04');
    expect(regionOf(april.body, 'aksu').totals).toEqual({ visits: 0, delegates: 0, receptions: 0, guests: 0 });
  });

  it("shows an HQ its own region only, never another region's visits", async () => {
    const alar = await monthly(hq.alar!, '2027-03');
    expect(alar.body.regions.map((r: { regionId: string }) => r.regionId)).toEqual(['alar']);
    expect(JSON.stringify(alar.body)).not.toContain(ids.spanning);
    const aksu = await monthly(hq.aksu!, '2027-02');
    expect(aksu.body.regions.map((r: { regionId: string }) => r.regionId)).toEqual(['aksu']);
    expect(regionOf(aksu.body, 'aksu').visits.map((v: { id: string }) => v.id)).toEqual([ids.spanning]);
  });

  it('shows a unit its own visits and the receptions it hosts only', async () => {
    const ningbo = await monthly(unit.ningbo!, '2027-03');
    expect(regionOf(ningbo.body, 'aksu').totals).toEqual({ visits: 0, delegates: 0, receptions: 0, guests: 0 });
    expect(regionOf(ningbo.body, 'alar').visits.map((v: { id: string }) => v.id)).toEqual([ids.ningbo]);
  });

  it('refuses a month that is not YYYY-MM', async () => {
    for (const month of ['2027-13', '2027-3', 'march']) expect((await monthly(office, month)).status).toBe(422);
  });

  it('gives one CSV row per visit and reception', async () => {
    const { res, records } = await csvOf('/api/v1/reports/monthly?month=2027-03', office);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="monthly-2027-03.csv"');
    expect(records.map((r) => [r['地区编号 (Region ID)'], r['编号 (ID)'], r['人数 (People)']])).toEqual([
      ['aksu', ids.spanning, '5'],
      ['aksu', ids.march, '6'],
      ['aksu', ids.reception, '4'],
      ['alar', ids.ningbo, '7'],
    ]);
    // Statuses in words, as the pages say them, with the stored code for filters and scripts.
    expect(new Set(records.map((r) => r['状态 (Status)']))).toEqual(new Set(['待衔接 (submitted)', '待审批 (submitted)']));
    expect(records.map((r) => r['状态 (Status)']).join()).not.toMatch(/(^|,)submitted/);
  });
});

describe('OpenAPI', () => {
  it('documents both reports with JSON and CSV answers', async () => {
    const doc = (await call(ctx, 'GET', '/openapi.json')).body;
    for (const path of ['/api/v1/reports/usage', '/api/v1/reports/monthly']) {
      expect(Object.keys(doc.paths[path].get.responses[200].content).sort()).toEqual(['application/json', 'text/csv']);
    }
  });
});
