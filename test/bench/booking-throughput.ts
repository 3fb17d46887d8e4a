// Section 1: accepted bookings per second on the real Node server, against GET /healthz on the
// same server and a raw libSQL insert loop on the same kind of file (same pragmas).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { openDatabase } from '../../src/db/setup.js';
import { addDays } from '../../src/domain/dates.js';
import { httpLogin, httpOk, unitTokens } from './lib/http.js';
import { CITY_IDS, REGION_IDS } from './lib/seed.js';
import { startServer } from './lib/server-process.js';
import { summarise, timeLoop } from './lib/stats.js';

export interface LoadResult {
  label: string;
  accepted: number;
  total: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  statusCounts: Record<string, number>;
}

export interface ThroughputResult {
  booking: LoadResult;
  /** The same bookings on the same server code with the embedded file at synchronous=NORMAL (lib/server-sync-normal.ts). */
  bookingNormalSync: LoadResult;
  /** The same authenticated POST with a body zod refuses (422): what every JSON write costs before its own work. */
  refusedByValidation: LoadResult;
  healthz: LoadResult;
  /** /healthz again after the bookings: the machine's speed drifts, so the ratio uses both. */
  healthzAfter: LoadResult;
  /** A bare Hono app on the same Node wiring (lib/bare-hono-server.ts): JSON echo POST and GET. */
  bareEcho: LoadResult;
  bareHealthz: LoadResult;
  rawInsert: LoadResult;
  rawInsertFull: LoadResult;
  storedAfterBooking: number;
}

const ADMIN = { email: 'bench-admin@bench.local', password: 'bench-admin-password' };

function toLoad(label: string, result: autocannon.Result): LoadResult {
  const statusCounts: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statusCounts[code] = Number((stat as { count: number }).count);
  const accepted = result['2xx'];
  return {
    label,
    accepted,
    total: result.requests.total,
    perSecond: accepted / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    statusCounts,
  };
}

/** Like toLoad, counting only answers with the given status. */
function toAnswered(label: string, result: autocannon.Result, status: number): LoadResult {
  const load = toLoad(label, result);
  const answered = load.statusCounts[String(status)] ?? 0;
  return { ...load, accepted: answered, perSecond: answered / result.duration };
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (err: Error | null, result: autocannon.Result) => (err ? reject(err) : resolve(result)));
  });
}

export async function benchThroughput(options: { seconds: number; connections: number }): Promise<ThroughputResult> {
  const dir = mkdtempSync(join(tmpdir(), 'planner-bench-'));
  // BENCH_CPU_PROF=<dir> writes the server's V8 CPU profile there (open it in Chrome's DevTools):
  // how this path's costs were found.
  const profileDir = process.env.BENCH_CPU_PROF;
  const server = await startServer({
    databaseUrl: `file:${join(dir, 'server.db')}`,
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
    nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  });
  // The same server code with the file at synchronous=NORMAL, to price FULL in the same run.
  const normal = await startServer({
    databaseUrl: `file:${join(dir, 'normal.db')}`,
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
    script: 'test/bench/lib/server-sync-normal.ts',
  });
  try {
    const base = server.baseUrl;
    const { bookingRequest, refusedRequest } = await prepareBookings(base, 'throughput');
    const common = { url: base, connections: options.connections, pipelining: 1 };
    const normalBooking = (await prepareBookings(normal.baseUrl, 'normal-sync')).bookingRequest;
    const normalCommon = { ...common, url: normal.baseUrl };
    // A short warm-up of each path, so the JIT and the page cache are not what is measured.
    await run({ ...normalCommon, duration: 1, requests: [normalBooking] });
    await run({ ...common, duration: 1, requests: [bookingRequest] });
    await run({ ...common, duration: 1, requests: [{ method: 'GET', path: '/healthz' }] });

    await run({ ...common, duration: 1, requests: [refusedRequest] });

    const healthzRequest: autocannon.Request = { method: 'GET', path: '/healthz' };
    const healthz = toLoad('GET /healthz', await run({ ...common, duration: options.seconds, requests: [healthzRequest] }));
    // FULL and NORMAL take turns, half the time each twice: the disk's fsync time on a shared
    // machine drifts with other work, and alternating lays the drift on both alike.
    const fullRuns: autocannon.Result[] = [];
    const normalRuns: autocannon.Result[] = [];
    const half = Math.max(1, Math.round(options.seconds / 2));
    for (let round = 0; round < 2; round++) {
      fullRuns.push(await run({ ...common, duration: half, requests: [bookingRequest] }));
      normalRuns.push(await run({ ...normalCommon, duration: half, requests: [normalBooking] }));
    }
    const booking = combined('POST /api/v1/visits (201s only)', fullRuns);
    const bookingNormalSync = combined('POST /api/v1/visits at synchronous=NORMAL', normalRuns);
    const refusedByValidation = toAnswered(
      'POST /api/v1/visits refused by validation (422s)',
      await run({ ...common, duration: options.seconds, requests: [refusedRequest] }),
      422,
    );
    const healthzAfter = toLoad('GET /healthz (again)', await run({ ...common, duration: options.seconds, requests: [healthzRequest] }));
    const stored = await storedVisits(join(dir, 'server.db'));
    await server.stop();
    await normal.stop();
    const bare = await benchBareHono(options, bookingRequest);

    const rawInsert = await rawInsertLoop(join(dir, 'raw.db'), options.seconds, 'NORMAL');
    const rawInsertFull = await rawInsertLoop(join(dir, 'raw-full.db'), options.seconds, 'FULL');
    return {
      booking,
      bookingNormalSync,
      refusedByValidation,
      healthz,
      healthzAfter,
      ...bare,
      rawInsert,
      rawInsertFull,
      storedAfterBooking: stored,
    };
  } finally {
    await server.kill();
    await normal.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Several runs of the same load as one: counts and time added, p50 averaged, the worst p99. */
function combined(label: string, results: autocannon.Result[]): LoadResult {
  const loads = results.map((r) => toLoad(label, r));
  const seconds = results.reduce((sum, r) => sum + r.duration, 0);
  const statusCounts: Record<string, number> = {};
  for (const load of loads) for (const [code, n] of Object.entries(load.statusCounts)) statusCounts[code] = (statusCounts[code] ?? 0) + n;
  const accepted = loads.reduce((sum, l) => sum + l.accepted, 0);
  return {
    label,
    accepted,
    total: loads.reduce((sum, l) => sum + l.total, 0),
    perSecond: accepted / seconds,
    p50Ms: loads.reduce((sum, l) => sum + l.p50Ms, 0) / loads.length,
    p99Ms: Math.max(...loads.map((l) => l.p99Ms)),
    statusCounts,
  };
}

/**
 * Roomy caps and region rules, a token per city, and the two requests: a booking that every rule
 * lets through (unit, region and day rotate), and the same POST with a body zod refuses.
 */
async function prepareBookings(
  base: string,
  tag: string,
): Promise<{ bookingRequest: autocannon.Request; refusedRequest: autocannon.Request }> {
  const office = await httpLogin(base, ADMIN.email, ADMIN.password);
  const firstYear = new Date().getUTCFullYear() + 1;
  for (let year = firstYear; year <= firstYear + 3; year++) {
    await httpOk(base, 'PUT', `/api/v1/quotas/${year}`, {
      token: office,
      body: { maxBatches: 10_000, maxHeadcountPerBatch: 100, maxPersonTrips: 1_000_000 },
    });
  }
  for (const regionId of REGION_IDS) {
    await httpOk(base, 'PUT', `/api/v1/regions/${regionId}/rules`, {
      token: office,
      body: { maxConcurrentDelegations: 100, minGapDays: 0, blackouts: [] },
    });
  }
  const tokens = await unitTokens(base, office, CITY_IDS, tag);
  const tokenList = CITY_IDS.map((u) => tokens.get(u)!);

  // Each request is a different booking: unit, region and day rotate, so no rule refuses it
  // (≤ 100 a day in a region, well under every cap) and the guard does its full work.
  let counter = 0;
  const firstDay = `${firstYear}-01-01`;
  const bookingRequest: autocannon.Request = {
    method: 'POST',
    path: '/api/v1/visits',
    setupRequest: (req) => {
      const i = counter++;
      const start = addDays(firstDay, Math.floor(i / REGION_IDS.length) % 1000);
      return {
        ...req,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenList[i % tokenList.length]}` },
        body: JSON.stringify({
          regionId: REGION_IDS[i % REGION_IDS.length],
          kind: i % 5 === 0 ? 'condolence' : 'inspection',
          startDate: start,
          endDate: addDays(start, i % 3),
          headcount: 3 + (i % 8),
          leaderName: '带队领导',
          leaderTitle: '副市长',
          purpose: '考察对接援建项目',
          ...(i % 5 === 0 ? { cadresVisited: 4, consolationYuan: 20_000 } : {}),
        }),
      };
    },
  };
  // The same request with a headcount zod refuses: HTTP, body, session lookup and validation,
  // then a 422 problem, with no booking work. No booking can be cheaper than this.
  let refusedCounter = 0;
  const refusedRequest: autocannon.Request = {
    method: 'POST',
    path: '/api/v1/visits',
    setupRequest: (req) => {
      const i = refusedCounter++;
      const start = addDays(firstDay, i % 1000);
      return {
        ...req,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenList[i % tokenList.length]}` },
        body: JSON.stringify({
          regionId: REGION_IDS[i % REGION_IDS.length],
          kind: 'inspection',
          startDate: start,
          endDate: start,
          headcount: -1,
          leaderName: '带队领导',
          purpose: '考察对接援建项目',
        }),
      };
    },
  };
  return { bookingRequest, refusedRequest };
}

/** The bare Hono reference: the booking's own request bodies echoed, and its GET /healthz. */
async function benchBareHono(
  options: { seconds: number; connections: number },
  bookingRequest: autocannon.Request,
): Promise<{ bareEcho: LoadResult; bareHealthz: LoadResult }> {
  const bare = await startServer({
    databaseUrl: 'file::memory:',
    adminEmail: 'unused@bench.local',
    adminPassword: 'unused-password',
    script: 'test/bench/lib/bare-hono-server.ts',
  });
  try {
    const common = { url: bare.baseUrl, connections: options.connections, pipelining: 1 };
    const echoRequest: autocannon.Request = { ...bookingRequest, path: '/echo' };
    const healthzRequest: autocannon.Request = { method: 'GET', path: '/healthz' };
    await run({ ...common, duration: 1, requests: [echoRequest] });
    await run({ ...common, duration: 1, requests: [healthzRequest] });
    const bareHealthz = toLoad('bare Hono GET /healthz', await run({ ...common, duration: options.seconds, requests: [healthzRequest] }));
    const bareEcho = toLoad('bare Hono POST /echo', await run({ ...common, duration: options.seconds, requests: [echoRequest] }));
    return { bareEcho, bareHealthz };
  } finally {
    await bare.kill();
  }
}

async function storedVisits(path: string): Promise<number> {
  const opened = await openDatabase(`file:${path}`);
  try {
    return Number((await opened.client.execute('SELECT count(*) FROM visits')).rows[0]![0]);
  } finally {
    opened.client.close();
  }
}

/** One visit row per statement (autocommit), sequentially, on a migrated file with the app's pragmas. */
async function rawInsertLoop(path: string, seconds: number, synchronous: 'NORMAL' | 'FULL'): Promise<LoadResult> {
  const opened = await openDatabase(`file:${path}`);
  const { client } = opened;
  try {
    await client.execute(`PRAGMA synchronous = ${synchronous}`);
    const at = new Date().toISOString();
    const insert = (i: number) =>
      client.execute({
        sql: `INSERT INTO visits (id, unit_id, region_id, kind, start_date, end_date, year, headcount, leader_name, leader_title, purpose,
          status, sequence, last_op_id, created_by, created_at, updated_at)
          VALUES (?, ?, ?, 'inspection', ?, ?, 2030, ?, '带队领导', '副市长', '考察对接援建项目', 'submitted', 0, ?, 'bench', ?, ?)`,
        args: [
          `raw-${i}`,
          CITY_IDS[i % CITY_IDS.length]!,
          REGION_IDS[i % REGION_IDS.length]!,
          '2030-05-01',
          '2030-05-03',
          3 + (i % 8),
          `op-${i}`,
          at,
          at,
        ],
      });
    await timeLoop(insert, { count: 2_000, maxMs: 1_000 }); // warm-up
    const started = performance.now();
    const samples = await timeLoop((i) => insert(i + 1_000_000), { count: 1_000_000, maxMs: seconds * 1000 });
    const elapsedS = (performance.now() - started) / 1000;
    const s = summarise(samples);
    return {
      label: `raw libSQL INSERT loop (synchronous=${synchronous})`,
      accepted: samples.length,
      total: samples.length,
      perSecond: samples.length / elapsedS,
      p50Ms: s.p50Ms,
      p99Ms: s.p99Ms,
      statusCounts: {},
    };
  } finally {
    client.close();
  }
}
