// Lists a page at a time (contract v1.1, "Lists"): limit and cursor, {items, nextCursor}, the
// visits' order (startDate, then id) and filters, and 422 for anything the list cannot mean.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { type ApiResponse, call, createUserAndLogin, loginAdmin } from '../helpers/api.js';
import { mayVisitBody } from '../helpers/visits.js';

let ctx: TestContext;
let office: string;
let hangzhou: string;
let aksuHq: string;

interface Listed {
  id: string;
  unitId: string;
  regionId: string;
  kind: string;
  status: string;
  startDate: string;
  endDate: string;
  leaderName: string;
  purpose: string;
}

const REGIONS = ['aksu', 'alar', 'nagqu', 'haixi'];
const UNITS = ['hangzhou', 'ningbo', 'lishui'];
const booked: Listed[] = [];

beforeAll(async () => {
  ctx = await createTestApp();
  office = await loginAdmin(ctx);
  hangzhou = (await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'hangzhou' })).token;
  aksuHq = (await createUserAndLogin(ctx, office, { role: 'hq', regionId: 'aksu' })).token;
  for (const region of REGIONS) {
    await call(ctx, 'PUT', `/api/v1/regions/${region}/rules`, {
      token: office,
      body: { maxConcurrentDelegations: 50, minGapDays: 0, blackouts: [] },
    });
  }
  for (const year of [2027, 2028]) {
    await call(ctx, 'PUT', `/api/v1/quotas/${year}`, {
      token: office,
      body: { maxBatches: 100, maxHeadcountPerBatch: 50, maxPersonTrips: 5000 },
    });
  }
  // 24 visits: three units, four regions, both kinds, over two years, several on the same day
  // (so the id decides their order), one of them spanning the turn of a month.
  for (let i = 0; i < 24; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    const year = i < 18 ? 2027 : 2028;
    const day = i % 3 === 0 ? '10' : '20';
    const condolence = i % 4 === 0;
    const res = await call(ctx, 'POST', '/api/v1/visits', {
      token: office,
      body: mayVisitBody({
        unitId: UNITS[i % UNITS.length],
        regionId: REGIONS[i % REGIONS.length],
        kind: condolence ? 'condolence' : 'inspection',
        startDate: `${year}-${month}-${day}`,
        endDate: `${year}-${month}-${i === 5 ? '30' : Number(day) + 2}`,
        leaderName: i === 7 ? '欧阳%_修' : `带队${i}`,
        purpose: i === 9 ? '考察光伏产业园' : `事由${i}`,
        ...(condolence ? { cadresVisited: 2, consolationYuan: 4000 } : {}),
      }),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    booked.push(res.body);
  }
  // Spread the statuses: some coordinated, some approved, one rejected.
  for (const v of booked.filter((_, i) => i % 5 === 1)) {
    const hq = await createUserAndLogin(ctx, office, { role: 'hq', regionId: v.regionId });
    await call(ctx, 'POST', `/api/v1/visits/${v.id}/coordinate`, { token: hq.token, body: { opinion: '同意', agree: true } });
    v.status = 'coordinated';
  }
  for (const v of booked.filter((_, i) => i % 10 === 1)) {
    expect((await call(ctx, 'POST', `/api/v1/visits/${v.id}/approve`, { token: office })).status).toBe(200);
    v.status = 'approved';
  }
  const rejected = booked[2]!;
  await call(ctx, 'POST', `/api/v1/visits/${rejected.id}/reject`, { token: office, body: { reason: '日期冲突' } });
  rejected.status = 'rejected';
});

const byListOrder = (a: Listed, b: Listed) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.id < b.id ? -1 : 1);

/** Every item of a list, following nextCursor page by page; also the page sizes seen. */
async function everyPage(path: string, token: string) {
  const items: Listed[] = [];
  const sizes: number[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const sep = path.includes('?') ? '&' : '?';
    const res: ApiResponse = await call(ctx, 'GET', cursor ? `${path}${sep}cursor=${encodeURIComponent(cursor)}` : path, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['items', 'nextCursor']);
    items.push(...res.body.items);
    sizes.push(res.body.items.length);
    cursor = res.body.nextCursor;
    if (cursor === null) return { items, sizes };
  }
  throw new Error('more than 100 pages');
}

const ids = (items: { id: string }[]) => items.map((i) => i.id);

describe('GET /api/v1/visits, a page at a time', () => {
  it('gives 50 by default with nextCursor null on the last page', async () => {
    const res = await call(ctx, 'GET', '/api/v1/visits', { token: office });
    expect(res.body.items).toHaveLength(booked.length);
    expect(res.body.nextCursor).toBeNull();
  });

  it('walks every visit exactly once in (startDate, id) order, page by page', async () => {
    const { items, sizes } = await everyPage('/api/v1/visits?limit=5', office);
    expect(sizes).toEqual([5, 5, 5, 5, 4]);
    expect(ids(items)).toEqual(ids([...booked].sort(byListOrder)));
  });

  it('keeps its place when a visit is booked before the cursor meanwhile', async () => {
    const first = await call(ctx, 'GET', '/api/v1/visits?limit=3&year=2028', { token: office });
    const early = await call(ctx, 'POST', '/api/v1/visits', {
      token: office,
      body: mayVisitBody({ unitId: 'quzhou', startDate: '2028-01-01', endDate: '2028-01-02' }),
    });
    expect(early.status).toBe(201);
    const rest = await everyPage(`/api/v1/visits?limit=3&year=2028&cursor=${first.body.nextCursor}`, office);
    const expected = booked.filter((v) => v.startDate.startsWith('2028')).sort(byListOrder);
    expect([...ids(first.body.items), ...ids(rest.items)]).toEqual(ids(expected));
    booked.push(early.body);
  });

  it('filters by kind, status (comma-separated), year, region and unit, all at once', async () => {
    const expect2027Counted = booked.filter(
      (v) => v.kind === 'inspection' && ['coordinated', 'approved'].includes(v.status) && v.startDate.startsWith('2027'),
    );
    const { items } = await everyPage('/api/v1/visits?kind=inspection&status=coordinated,approved&year=2027&limit=2', office);
    expect(ids(items)).toEqual(ids(expect2027Counted.sort(byListOrder)));
    const narrow = await everyPage('/api/v1/visits?regionId=alar&unitId=ningbo', office);
    expect(ids(narrow.items)).toEqual(ids(booked.filter((v) => v.regionId === 'alar' && v.unitId === 'ningbo').sort(byListOrder)));
    expect(narrow.items.length).toBeGreaterThan(0);
  });

  it('finds visits overlapping from..to, including one that starts before and ends inside', async () => {
    const spanning = booked[5]!; // 2027-06-20 to 2027-06-30
    const { items } = await everyPage('/api/v1/visits?from=2027-06-25&to=2027-07-15', office);
    expect(ids(items)).toContain(spanning.id);
    const expected = booked.filter((v) => v.startDate <= '2027-07-15' && v.endDate >= '2027-06-25').sort(byListOrder);
    expect(ids(items)).toEqual(ids(expected));
    expect((await everyPage('/api/v1/visits?from=2027-07-01', office)).items.some((v) => v.id === spanning.id)).toBe(false);
  });

  it('searches the leader, the purpose and the unit name, taking % and _ literally', async () => {
    const search = async (q: string) => ids((await everyPage(`/api/v1/visits?q=${encodeURIComponent(q)}`, office)).items);
    expect(await search('光伏')).toEqual([booked[9]!.id]);
    expect(await search('%_')).toEqual([booked[7]!.id]);
    expect(await search('丽水')).toEqual(ids(booked.filter((v) => v.unitId === 'lishui').sort(byListOrder)));
    expect(await search('   ')).toHaveLength(booked.length); // blank is no search
  });

  it('pages within the caller’s scope: a unit its own, an HQ its region', async () => {
    const unit = await everyPage('/api/v1/visits?limit=3', hangzhou);
    expect(ids(unit.items)).toEqual(ids(booked.filter((v) => v.unitId === 'hangzhou').sort(byListOrder)));
    const hq = await everyPage('/api/v1/visits?limit=2&status=submitted,coordinated,approved,rejected', aksuHq);
    expect(ids(hq.items)).toEqual(ids(booked.filter((v) => v.regionId === 'aksu').sort(byListOrder)));
    // Asking for another unit narrows to nothing, never widens the scope.
    expect((await call(ctx, 'GET', '/api/v1/visits?unitId=ningbo', { token: hangzhou })).body.items).toEqual([]);
  });

  it.each([
    ['status=bogus', 'status'],
    ['status=', 'status'],
    ['status=approved,,bogus', 'status'],
    ['kind=tour', 'kind'],
    ['from=2027-02-30', 'from'],
    ['from=2027-05-01&to=2027-04-30', 'to'],
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['limit=ten', 'limit'],
    ['cursor=not-a-cursor', 'cursor'],
    ['q=%00', 'q'],
    ['year=27', 'year'],
  ])('answers %s with 422 naming the parameter', async (query, path) => {
    const res = await call(ctx, 'GET', `/api/v1/visits?${query}`, { token: office });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('refuses a cursor of another list shape (a plan request cursor)', async () => {
    const res = await call(ctx, 'GET', `/api/v1/visits?cursor=${Buffer.from('["a","b","c","d"]').toString('base64url')}`, {
      token: office,
    });
    expect(res.status).toBe(422);
  });
});

describe('GET /api/v1/receptions, a page at a time', () => {
  it('walks every reception once in (startDate, id) order and filters by status list, dates and text', async () => {
    const created: { id: string; startDate: string; officialLetterRef: string; status: string }[] = [];
    for (let i = 0; i < 7; i++) {
      const day = String(10 + i).padStart(2, '0');
      const res = await call(ctx, 'POST', '/api/v1/receptions', {
        token: hangzhou,
        body: {
          regionId: REGIONS[i % 4],
          officialLetterRef: i === 3 ? '阿地委函〔2027〕99号' : `函${i}号`,
          startDate: `2027-0${(i % 3) + 3}-${day}`,
          endDate: `2027-0${(i % 3) + 3}-${day}`,
          guestCount: 2,
          leadRank: 'county',
          guests: [
            { name: '甲', title: '处长', rank: 'county' },
            { name: '乙', title: '科长', rank: 'other' },
          ],
          venue: i === 4 ? '西湖国宾馆' : '杭州',
        },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      created.push(res.body);
    }
    await call(ctx, 'POST', `/api/v1/receptions/${created[1]!.id}/approve`, { token: office });
    created[1]!.status = 'approved';
    const order = [...created].sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.id < b.id ? -1 : 1));
    const { items, sizes } = await everyPage('/api/v1/receptions?limit=3', hangzhou);
    expect(sizes).toEqual([3, 3, 1]);
    expect(ids(items)).toEqual(ids(order));
    expect(ids((await everyPage('/api/v1/receptions?status=approved,cancelled', office)).items)).toEqual([created[1]!.id]);
    expect(ids((await everyPage('/api/v1/receptions?q=99号', office)).items)).toEqual([created[3]!.id]);
    expect(ids((await everyPage('/api/v1/receptions?q=国宾馆', office)).items)).toEqual([created[4]!.id]);
    expect(ids((await everyPage('/api/v1/receptions?q=杭州市', office)).items)).toHaveLength(7);
    const march = (await everyPage('/api/v1/receptions?from=2027-03-01&to=2027-03-31', office)).items;
    expect(ids(march)).toEqual(ids(order.filter((r) => r.startDate.startsWith('2027-03'))));
    expect((await call(ctx, 'GET', '/api/v1/receptions?status=approved,bogus', { token: office })).status).toBe(422);
    expect((await call(ctx, 'GET', '/api/v1/receptions?limit=500', { token: office })).status).toBe(422);
  });
});

describe('GET /api/v1/plans/{year}/requests, a page at a time', () => {
  it('walks the year’s requests by region, then earliest day, with cursors', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await call(ctx, 'POST', '/api/v1/plans/2028/requests', {
        token: hangzhou,
        body: {
          regionId: REGIONS[i % 2],
          kind: 'inspection',
          days: 3,
          headcount: 4,
          earliest: `2028-0${i + 2}-01`,
          latest: `2028-0${i + 2}-28`,
          priority: 2,
          leaderName: '张三',
          purpose: '考察',
        },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const all = (await call(ctx, 'GET', '/api/v1/plans/2028/requests', { token: hangzhou })).body;
    expect(all.nextCursor).toBeNull();
    expect(all.items.map((r: { regionId: string; earliest: string }) => `${r.regionId} ${r.earliest}`)).toEqual([
      'aksu 2028-02-01',
      'aksu 2028-04-01',
      'aksu 2028-06-01',
      'alar 2028-03-01',
      'alar 2028-05-01',
    ]);
    const { items, sizes } = await everyPage('/api/v1/plans/2028/requests?limit=2', hangzhou);
    expect(sizes).toEqual([2, 2, 1]);
    expect(ids(items)).toEqual(ids(all.items));
    expect((await call(ctx, 'GET', '/api/v1/plans/2028/requests?cursor=abc', { token: hangzhou })).status).toBe(422);
  });
});
