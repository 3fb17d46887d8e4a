// The real Node server solves on its planner thread (src/planner-offload.ts): a solve of several
// seconds holds up no other request, its proposal is stored and committed like any other, and a
// second solve reuses the thread.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/setup.js';
import { http, httpLogin, httpOk } from '../bench/lib/http.js';
import { seedPlanRequests } from '../bench/lib/seed-records.js';
import { CITY_IDS, REGION_IDS } from '../bench/lib/seed.js';
import { startServer, type ServerProcess } from '../bench/lib/server-process.js';

const ADMIN = { email: 'thread-admin@test.local', password: 'thread-admin-password' };
// The server reads the real clock: plan next year.
const YEAR = new Date().getUTCFullYear() + 1;

let dir: string;
let server: ServerProcess;
let office: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'planner-thread-'));
  const url = `file:${join(dir, 'thread.db')}`;
  const seeded = await openDatabase(url);
  await seedPlanRequests(seeded.client, { count: 800, year: YEAR, unitIds: CITY_IDS, actorId: 'seed' });
  seeded.client.close();
  server = await startServer({ databaseUrl: url, adminEmail: ADMIN.email, adminPassword: ADMIN.password });
  office = await httpLogin(server.baseUrl, ADMIN.email, ADMIN.password);
  for (const regionId of REGION_IDS) {
    await httpOk(server.baseUrl, 'PUT', `/api/v1/regions/${regionId}/rules`, {
      token: office,
      body: { maxConcurrentDelegations: 2, minGapDays: 1, blackouts: [] },
    });
  }
  await httpOk(server.baseUrl, 'PUT', `/api/v1/quotas/${YEAR}`, {
    token: office,
    body: { maxBatches: 60, maxHeadcountPerBatch: 30, maxPersonTrips: 2_000 },
  });
}, 60_000);

afterAll(async () => {
  await server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

async function solveWhilePolling(timeLimitMs: number) {
  let solving = true;
  const started = performance.now();
  const solve = http(server.baseUrl, 'POST', `/api/v1/plans/${YEAR}/solve`, { token: office, body: { timeLimitMs } }).finally(() => {
    solving = false;
  });
  const waits: number[] = [];
  while (solving) {
    const t0 = performance.now();
    const res = await fetch(`${server.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    if (solving) waits.push(performance.now() - t0);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { res: await solve, elapsed: performance.now() - started, waits };
}

describe('solving on the planner thread', () => {
  it('answers /healthz throughout a solve of seconds, and stores a proposal that commits', async () => {
    const { res, elapsed, waits } = await solveWhilePolling(3_000);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.placements.length).toBeGreaterThan(0);
    expect(elapsed).toBeGreaterThan(1_000);
    expect(waits.length).toBeGreaterThan(20);
    expect(Math.max(...waits)).toBeLessThan(elapsed / 4);
    const commit = await http(server.baseUrl, 'POST', `/api/v1/plans/${YEAR}/proposals/${res.body.id}/commit`, { token: office });
    expect(commit.status, JSON.stringify(commit.body).slice(0, 300)).toBe(200);
    expect(commit.body.visits).toHaveLength(res.body.placements.length);
  }, 60_000);

  it('solves again on the same thread', async () => {
    const { res } = await solveWhilePolling(500);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    // The committed requests are no longer open: what is left is solved now.
    expect(res.body.placements.length + res.body.unplaced.length).toBeLessThan(800);
  }, 60_000);
});
