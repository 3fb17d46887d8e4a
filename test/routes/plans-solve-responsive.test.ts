// A solve may search for seconds (timeLimitMs up to 10 s); the server must keep answering
// meanwhile. The search runs in slices that hand the thread back, so a timer that ticks every
// 5 ms is never held up for long, and /healthz answers during the solve.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../src/db/schema.js';
import { createTestApp, FIXED_NOW, type TestContext } from '../helpers/app.js';
import { call, loginAdmin } from '../helpers/api.js';

let ctx: TestContext;
let office: string;

const REGIONS = ['aksu', 'alar', 'nagqu', 'haixi'];
const UNITS = ['hangzhou', 'ningbo', 'wenzhou', 'jiaxing', 'huzhou', 'shaoxing', 'jinhua', 'quzhou', 'zhoushan', 'taizhou', 'lishui'];

beforeAll(async () => {
  ctx = await createTestApp();
  office = await loginAdmin(ctx);
  for (const regionId of REGIONS) {
    await call(ctx, 'PUT', `/api/v1/regions/${regionId}/rules`, {
      token: office,
      body: { maxConcurrentDelegations: 2, minGapDays: 1, blackouts: [] },
    });
  }
  await call(ctx, 'PUT', '/api/v1/quotas/2027', {
    token: office,
    body: { maxBatches: 60, maxHeadcountPerBatch: 30, maxPersonTrips: 2000 },
  });
  // More requests than the regions can take, with narrow windows: the search has work to do.
  const at = FIXED_NOW.toISOString();
  await ctx.database.db.insert(schema.planRequests).values(
    Array.from({ length: 600 }, (_, i) => {
      const month = 2 + (i % 10);
      return {
        id: `busy-${String(i).padStart(4, '0')}`,
        year: 2027,
        unitId: UNITS[i % UNITS.length]!,
        regionId: REGIONS[i % REGIONS.length]!,
        kind: 'inspection' as const,
        days: 3 + (i % 5),
        headcount: 3 + (i % 7),
        earliest: `2027-${String(month).padStart(2, '0')}-01`,
        latest: `2027-${String(month).padStart(2, '0')}-${10 + (i % 15)}`,
        preferredStart: null,
        priority: 1 + (i % 3),
        leaderName: '带队领导',
        purpose: '考察',
        status: 'open' as const,
        visitId: null,
        createdBy: 'seed',
        createdAt: at,
        updatedAt: at,
      };
    }),
  );
});

afterAll(() => ctx.database.client.close());

describe('a long solve', () => {
  it('leaves the event loop free: timers keep ticking and /healthz answers while it searches', async () => {
    const gaps: number[] = [];
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      gaps.push(now - last);
      last = now;
    }, 5);
    const health: number[] = [];
    let solving = true;
    const started = performance.now();
    const solve = call(ctx, 'POST', '/api/v1/plans/2027/solve', { token: office, body: { timeLimitMs: 1500 } }).finally(() => {
      solving = false;
    });
    const probe = (async () => {
      while (solving) {
        const t0 = performance.now();
        const res = await ctx.app.request('/healthz');
        if (solving) health.push(performance.now() - t0);
        expect(res.status).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const res = await solve;
    await probe;
    clearInterval(ticker);
    const elapsed = performance.now() - started;
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.placements.length).toBeGreaterThan(0);
    // The solve did take long, and nothing waited on it for more than a small part of that.
    expect(elapsed).toBeGreaterThan(800);
    expect(health.length).toBeGreaterThan(10);
    expect(Math.max(...gaps)).toBeLessThan(elapsed / 4);
    expect(Math.max(...health)).toBeLessThan(elapsed / 4);
  });
});
