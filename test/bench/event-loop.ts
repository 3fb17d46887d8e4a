// Section 7: long CPU work must not stall the server. On the real Node server (a child process),
// GET /healthz is timed while (a) the annual planner solves 2,000 requests with the longest time
// limit the API allows (10 s; the search runs on the planner's worker thread, the request thread
// reads the year's data and stores the proposal) and (b) the heaviest exports run back to back
// (monthly and usage CSV over 20,000 stored visits). Only loopback is contacted; loops are bounded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/setup.js';
import { http, httpLogin, httpOk } from './lib/http.js';
import { CITY_IDS, REGION_IDS, seedVisits } from './lib/seed.js';
import { seedPlanRequests } from './lib/seed-records.js';
import { startServer } from './lib/server-process.js';
import { percentile } from './lib/stats.js';

export interface StallResult {
  /** How long the work took, and /healthz answers timed meanwhile. */
  workMs: number;
  answered: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface EventLoopResult {
  idle: StallResult;
  solve: StallResult & { placed: number; requests: number };
  exports: StallResult & { runs: number };
}

const ADMIN = { email: 'bench-loop@bench.local', password: 'bench-loop-password' };
const PLAN_YEAR = new Date().getUTCFullYear() + 1;

/** /healthz every `everyMs` until `work` settles; the latency of each answer. */
async function healthzDuring(base: string, work: Promise<unknown>, everyMs: number): Promise<StallResult> {
  let done = false;
  const started = performance.now();
  const settled = work.finally(() => {
    done = true;
  });
  const samples: number[] = [];
  while (!done && samples.length < 10_000) {
    const t0 = performance.now();
    const res = await fetch(`${base}/healthz`);
    await res.arrayBuffer();
    if (!done) samples.push(performance.now() - t0);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  await settled;
  const sorted = samples.sort((a, b) => a - b);
  return {
    workMs: performance.now() - started,
    answered: sorted.length,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.at(-1) ?? Number.NaN,
  };
}

export async function benchEventLoop(options: { exportRuns: number }): Promise<EventLoopResult> {
  const dir = mkdtempSync(join(tmpdir(), 'planner-bench-loop-'));
  const file = join(dir, 'server.db');
  const seeded = await openDatabase(`file:${file}`);
  try {
    for (let year = 2018; year <= 2027; year++) {
      await seedVisits(seeded.client, {
        count: 2_000,
        unitIds: CITY_IDS,
        fromYear: year,
        toYear: year,
        seed: year,
        actorId: 'bench',
        idPrefix: `v${year}`,
      });
    }
    await seedPlanRequests(seeded.client, { count: 2_000, year: PLAN_YEAR, unitIds: CITY_IDS, actorId: 'bench' });
  } finally {
    seeded.client.close();
  }
  const server = await startServer({ databaseUrl: `file:${file}`, adminEmail: ADMIN.email, adminPassword: ADMIN.password });
  try {
    const base = server.baseUrl;
    const office = await httpLogin(base, ADMIN.email, ADMIN.password);
    // Eight delegations a day per region, about five of them taken by the visits already booked:
    // 2,000 requests do not all fit, so the search has work for its whole time limit.
    for (const regionId of REGION_IDS) {
      await httpOk(base, 'PUT', `/api/v1/regions/${regionId}/rules`, {
        token: office,
        body: { maxConcurrentDelegations: 8, minGapDays: 0, blackouts: [] },
      });
    }
    await httpOk(base, 'PUT', `/api/v1/quotas/${PLAN_YEAR}`, {
      token: office,
      body: { maxBatches: 400, maxHeadcountPerBatch: 30, maxPersonTrips: 100_000 },
    });
    const idle = await healthzDuring(base, new Promise((resolve) => setTimeout(resolve, 2_000)), 20);
    // A short solve first, as a running server has done: the thread is started and warm.
    await httpOk(base, 'POST', `/api/v1/plans/${PLAN_YEAR}/solve`, { token: office, body: { timeLimitMs: 500 } });
    const solving = http(base, 'POST', `/api/v1/plans/${PLAN_YEAR}/solve`, { token: office, body: { timeLimitMs: 10_000 } });
    const solve = await healthzDuring(base, solving, 20);
    const solved = await solving;
    if (solved.status !== 201) throw new Error(`solve: ${solved.status} ${JSON.stringify(solved.body).slice(0, 300)}`);
    const exportsWork = (async () => {
      for (let i = 0; i < options.exportRuns; i++) {
        for (const path of ['/api/v1/reports/monthly?month=2027-03', '/api/v1/reports/usage?year=2027']) {
          const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${office}`, accept: 'text/csv' } });
          if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
          await res.arrayBuffer();
        }
      }
    })();
    const exports = await healthzDuring(base, exportsWork, 5);
    return {
      idle,
      solve: { ...solve, placed: solved.body.placements.length, requests: 2_000 },
      exports: { ...exports, runs: options.exportRuns },
    };
  } finally {
    await server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
