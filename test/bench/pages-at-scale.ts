// Section 6: every web page and API list at 2,000 and at 20,000 stored visits (receptions too, a
// tenth as many), p50 time and answer size at both and their ratio; the API's first page also at
// 200,000. The data grows the way a province's does: about 2,000 visits a year (eleven cities,
// four regions, every status, some of each year still pending), kept for years. 2,000 visits are
// this year's (2027, "today" is 10 January 2027); 20,000 are ten years, 2018–2027, the last of
// them the same 2027 as the smaller database. So a list of every visit, the queues (ten times
// the pending visits) and the API hold ten times as much, and a month or a year holds the same.
// Requests alternate between the two databases, so background load hits both alike.
import { CITY_IDS, REGION_IDS, seedVisits } from './lib/seed.js';
import { seedPlanRequests, seedReceptions } from './lib/seed-records.js';
import { type BenchApp, benchApp } from './lib/app.js';
import { percentile } from './lib/stats.js';
import { benchAccount } from './lib/web.js';
import { encodeCursor } from '../../src/services/paging.js';

export interface PageTiming {
  p50Ms: number;
  bytes: number;
  status: number;
}

export interface PageScaleRow {
  name: string;
  html: boolean;
  small: PageTiming;
  large: PageTiming;
}

export interface PagesAtScaleResult {
  sizes: [number, number];
  rows: PageScaleRow[];
  huge: { count: number; rows: { name: string; timing: PageTiming }[] } | null;
  seedSeconds: number;
}

type Viewer = 'office' | 'hq' | 'unit';

interface Dataset {
  bench: BenchApp;
  viewers: Record<Viewer, { token: string; cookie: string }>;
  /** A cursor to the middle of all visits: a page far in. */
  deepCursor: string;
}

const LAST_YEAR = 2027;

/** `count` visits, `perYear` of them a year up to LAST_YEAR, and a tenth as many receptions. */
async function prepare(count: number, perYear: number, withPages = true): Promise<Dataset> {
  const bench = await benchApp();
  const { client } = bench.database;
  for (const regionId of REGION_IDS) {
    await bench.ok('PUT', `/api/v1/regions/${regionId}/rules`, {
      token: bench.officeToken,
      body: {
        maxConcurrentDelegations: 10,
        minGapDays: 0,
        blackouts: [{ startDate: '2027-01-20', endDate: '2027-01-22', reason: '节日' }],
      },
    });
  }
  const years = Array.from({ length: Math.ceil(count / perYear) }, (_, i) => LAST_YEAR - i);
  for (const year of years) {
    // Seeded by year: every database holds the same 2027.
    const common = { fromYear: year, toYear: year, unitIds: CITY_IDS, actorId: bench.officeId, seed: year };
    await seedVisits(client, { ...common, count: perYear, idPrefix: `v${year}` });
    if (!withPages) continue;
    await seedReceptions(client, { ...common, count: perYear / 10, idPrefix: `r${year}` });
    await bench.ok('PUT', `/api/v1/quotas/${year}`, {
      token: bench.officeToken,
      body: { maxBatches: 10_000, maxHeadcountPerBatch: 100, maxPersonTrips: 1_000_000 },
    });
    const entries = CITY_IDS.flatMap((unitId, u) => REGION_IDS.map((regionId, r) => ({ unitId, regionId, count: 2 + ((u + r) % 5) })));
    await bench.ok('PUT', `/api/v1/cadres/${year}`, { token: bench.officeToken, body: { entries } });
  }
  if (withPages) await seedPlanRequests(client, { count: 200, year: 2027, unitIds: CITY_IDS, actorId: bench.officeId });
  const middle = await client.execute({
    sql: 'SELECT start_date, id FROM visits ORDER BY start_date, id LIMIT 1 OFFSET ?',
    args: [count / 2],
  });
  const row = middle.rows[0]!;
  const viewers = withPages
    ? {
        office: await benchAccount(bench, { role: 'office' }),
        hq: await benchAccount(bench, { role: 'hq', regionId: 'aksu' }),
        unit: await benchAccount(bench, { role: 'unit', unitId: 'hangzhou' }),
      }
    : { office: { token: bench.officeToken, cookie: '' }, hq: { token: '', cookie: '' }, unit: { token: '', cookie: '' } };
  return { bench, viewers, deepCursor: encodeCursor([String(row.start_date), String(row.id)]) };
}

interface PageSpec {
  name: string;
  viewer: Viewer;
  path: (d: Dataset) => string;
  html: boolean;
}

const page = (viewer: Viewer, path: string): PageSpec => ({ name: `${viewer} ${path}`, viewer, path: () => path, html: true });
const api = (viewer: Viewer, path: string): PageSpec => ({ name: `${viewer} API ${path}`, viewer, path: () => path, html: false });

const SEARCH = encodeURIComponent('慰问');
const VISITS_PER_YEAR = 2_000;

/** Every page each role has (GET), and every API list, the way their users open them. */
export const PAGES: PageSpec[] = [
  page('office', '/office'),
  page('office', '/office/visits'),
  page('office', `/office/visits?status=approved&regionId=aksu&q=${SEARCH}`),
  page('office', '/office/calendar'),
  page('office', '/office/receptions'),
  page('office', '/office/receptions?status=approved'),
  page('office', '/office/reports/usage'),
  page('office', '/office/reports/monthly'),
  page('office', '/office/reports/balance'),
  page('office', '/office/plan'),
  page('office', '/office/plan/requests'),
  page('office', '/office/settings'),
  page('office', '/office/settings/caps'),
  page('office', '/office/settings/regions'),
  page('office', '/office/settings/reception'),
  page('office', '/office/settings/balance'),
  page('office', '/office/settings/cadres'),
  page('office', '/feeds'),
  page('hq', '/hq'),
  page('hq', '/hq/calendar'),
  page('hq', '/feeds'),
  page('unit', '/unit'),
  page('unit', '/unit/visits'),
  page('unit', '/unit/visits/new'),
  page('unit', '/unit/receptions'),
  page('unit', '/unit/receptions/new'),
  page('unit', '/feeds'),
  api('office', '/api/v1/visits'),
  {
    name: 'office API /api/v1/visits, a page half way through',
    viewer: 'office',
    path: (d) => `/api/v1/visits?cursor=${d.deepCursor}`,
    html: false,
  },
  api('office', '/api/v1/visits?year=2027&status=submitted,coordinated,approved'),
  api('office', `/api/v1/visits?from=2027-03-01&to=2027-03-31&kind=condolence&q=${SEARCH}`),
  api('office', '/api/v1/visits?limit=200'),
  api('hq', '/api/v1/visits?status=submitted'),
  api('unit', '/api/v1/visits?year=2027'),
  api('office', '/api/v1/receptions'),
  api('office', '/api/v1/receptions?status=submitted,approved&from=2027-01-01&to=2027-12-31'),
  api('unit', '/api/v1/receptions'),
  api('office', '/api/v1/plans/2027/requests'),
];

async function fetchPage(d: Dataset, spec: PageSpec): Promise<{ ms: number; bytes: number; status: number }> {
  const who = d.viewers[spec.viewer];
  const headers: Record<string, string> = spec.html
    ? { cookie: who.cookie, accept: 'text/html' }
    : { authorization: `Bearer ${who.token}` };
  const path = spec.path(d);
  const t0 = performance.now();
  const res = await d.bench.app.request(path, { headers });
  const body = await res.arrayBuffer();
  return { ms: performance.now() - t0, bytes: body.byteLength, status: res.status };
}

async function timeAlternating(datasets: Dataset[], spec: PageSpec, runs: number): Promise<PageTiming[]> {
  const samples = datasets.map(() => [] as number[]);
  const last = datasets.map(() => ({ bytes: 0, status: 0 }));
  for (let i = 0; i < runs + 2; i++) {
    for (const [k, d] of datasets.entries()) {
      const { ms, bytes, status } = await fetchPage(d, spec);
      if (i >= 2) samples[k]!.push(ms); // two warm-up runs
      last[k] = { bytes, status };
    }
  }
  return samples.map((s, k) => ({
    p50Ms: percentile(
      [...s].sort((a, b) => a - b),
      50,
    ),
    ...last[k]!,
  }));
}

export async function benchPagesAtScale(options: {
  runs: number;
  small: number;
  large: number;
  huge: number;
}): Promise<PagesAtScaleResult> {
  const t0 = performance.now();
  const small = await prepare(options.small, VISITS_PER_YEAR);
  const large = await prepare(options.large, VISITS_PER_YEAR);
  const seedSeconds = (performance.now() - t0) / 1000;
  const rows: PageScaleRow[] = [];
  try {
    for (const spec of PAGES) {
      const [a, b] = await timeAlternating([small, large], spec, options.runs);
      rows.push({ name: spec.name, html: spec.html, small: a!, large: b! });
    }
  } finally {
    small.bench.close();
    large.bench.close();
  }
  let huge: PagesAtScaleResult['huge'] = null;
  if (options.huge > 0) {
    const d = await prepare(options.huge, options.huge / 10, false);
    try {
      const specs = PAGES.filter((p) => p.viewer === 'office' && !p.html && p.name.startsWith('office API /api/v1/visits'));
      const hugeRows: { name: string; timing: PageTiming }[] = [];
      for (const spec of specs) hugeRows.push({ name: spec.name, timing: (await timeAlternating([d], spec, options.runs))[0]! });
      huge = { count: options.huge, rows: hugeRows };
    } finally {
      d.bench.close();
    }
  }
  return { sizes: [options.small, options.large], rows, huge, seedSeconds };
}
