// Caps and capacity hold under simultaneous requests: N requests for the last K places give
// exactly K successes, and a new connection finds exactly the acknowledged rows. Requests go
// through two app instances on two separate connections to the same file, so the database's
// own locking is exercised too, not only one connection's queue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { openDatabase } from '../../src/db/setup.js';
import { createTestApp, FIXED_NOW, type TestContext } from '../helpers/app.js';
import { call, createUserAndLogin, loginAdmin } from '../helpers/api.js';

let ctx: TestContext;
let second: TestContext;
let office: string;

beforeAll(async () => {
  ctx = await createTestApp();
  const otherConnection = await openDatabase(ctx.url);
  second = {
    ...ctx,
    database: otherConnection,
    app: createApp({
      db: otherConnection.db,
      config: { publicUrl: 'http://planner.test', adminEmail: 'x@y.z', adminPassword: 'unused-pass', adminPasswordIsDefault: false },
      now: () => FIXED_NOW,
      files: ctx.files,
    }),
  };
  office = await loginAdmin(ctx);
});

afterAll(() => second.database.client.close());

const body = (over: Record<string, unknown>) => ({
  regionId: 'aksu',
  kind: 'inspection',
  startDate: '2027-05-01',
  endDate: '2027-05-03',
  headcount: 3,
  leaderName: '李四',
  purpose: '考察',
  ...over,
});

async function countStored(sql: string, args: (string | number)[]): Promise<number> {
  const fresh = ctx.freshConnection();
  try {
    const result = await fresh.client.execute({ sql, args });
    return Number(result.rows[0]?.[0]);
  } finally {
    fresh.client.close();
  }
}

describe('simultaneous bookings', () => {
  it('gives exactly one 201 of 50 when one batch is left', async () => {
    const unit = await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'hangzhou' });
    await call(ctx, 'PUT', '/api/v1/quotas/2027/units/hangzhou', {
      token: office,
      body: { maxBatches: 3, maxHeadcountPerBatch: 10, maxPersonTrips: 500 },
    });
    await call(ctx, 'PUT', '/api/v1/regions/alar/rules', {
      token: office,
      body: { maxConcurrentDelegations: 100, minGapDays: 0, blackouts: [] },
    });
    for (const startDate of ['2027-03-01', '2027-03-10']) {
      expect(
        (await call(ctx, 'POST', '/api/v1/visits', { token: unit.token, body: body({ regionId: 'alar', startDate, endDate: startDate }) }))
          .status,
      ).toBe(201);
    }
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call(i % 2 ? second : ctx, 'POST', '/api/v1/visits', {
          token: unit.token,
          body: body({ regionId: 'alar', startDate: '2027-06-01', endDate: '2027-06-02' }),
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(results.find((r) => r.status === 409)!.body).toMatchObject({ code: 'BATCH_CAP_EXCEEDED', limit: 3, used: 3 });
    expect(await countStored(`SELECT count(*) FROM visits WHERE unit_id = ? AND year = 2027 AND status = 'submitted'`, ['hangzhou'])).toBe(
      3,
    );
    expect(
      await countStored(
        `SELECT count(*) FROM audit_log WHERE entity = 'visit' AND action = 'create' AND entity_id IN (SELECT id FROM visits WHERE unit_id = ?)`,
        ['hangzhou'],
      ),
    ).toBe(3);
  });

  it('gives exactly 2 of 30 bookings from different units on a day with capacity 2', async () => {
    await call(ctx, 'PUT', '/api/v1/quotas/2027', {
      token: office,
      body: { maxBatches: 50, maxHeadcountPerBatch: 50, maxPersonTrips: 5000 },
    });
    await call(ctx, 'PUT', '/api/v1/regions/nagqu/rules', {
      token: office,
      body: { maxConcurrentDelegations: 2, minGapDays: 0, blackouts: [] },
    });
    const unitIds = ['ningbo', 'wenzhou', 'jiaxing', 'huzhou', 'shaoxing', 'jinhua', 'quzhou', 'zhoushan', 'taizhou', 'lishui'];
    const tokens = await Promise.all(unitIds.map((unitId) => createUserAndLogin(ctx, office, { role: 'unit', unitId })));
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        call(i % 2 ? second : ctx, 'POST', '/api/v1/visits', {
          token: tokens[i % tokens.length]!.token,
          // Overlapping windows that all share 2027-07-15.
          body: body({ regionId: 'nagqu', startDate: `2027-07-${String(10 + (i % 6)).padStart(2, '0')}`, endDate: '2027-07-20' }),
        }),
      ),
    );
    const accepted = results.filter((r) => r.status === 201);
    expect(accepted).toHaveLength(2);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'REGION_CAPACITY_EXCEEDED')).toBe(true);
    expect(
      await countStored(
        `SELECT count(*) FROM visits WHERE region_id = 'nagqu' AND start_date <= '2027-07-15' AND end_date >= '2027-07-15'`,
        [],
      ),
    ).toBe(2);
  });

  it('approves at most what a lowered cap allows when 20 approvals race', async () => {
    const hq = await createUserAndLogin(ctx, office, { role: 'hq', regionId: 'haixi' });
    await call(ctx, 'PUT', '/api/v1/regions/haixi/rules', {
      token: office,
      body: { maxConcurrentDelegations: 100, minGapDays: 0, blackouts: [] },
    });
    await call(ctx, 'PUT', '/api/v1/quotas/2028/units/jinhua', {
      token: office,
      body: { maxBatches: 20, maxHeadcountPerBatch: 10, maxPersonTrips: 500 },
    });
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const day = `2028-04-${String(i + 1).padStart(2, '0')}`;
      const created = await call(ctx, 'POST', '/api/v1/visits', {
        token: office,
        body: body({ unitId: 'jinhua', regionId: 'haixi', startDate: day, endDate: day }),
      });
      expect(created.status).toBe(201);
      const coordinated = await call(ctx, 'POST', `/api/v1/visits/${created.body.id}/coordinate`, {
        token: hq.token,
        body: { opinion: '同意', agree: true },
      });
      expect(coordinated.body.status).toBe('coordinated');
      ids.push(created.body.id);
    }
    // The office lowers the cap after the backlog was booked: approvals must not let it through.
    await call(ctx, 'PUT', '/api/v1/quotas/2028/units/jinhua', {
      token: office,
      body: { maxBatches: 5, maxHeadcountPerBatch: 10, maxPersonTrips: 500 },
    });
    const results = await Promise.all(
      ids.map((id, i) => call(i % 2 ? second : ctx, 'POST', `/api/v1/visits/${id}/approve`, { token: office })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(5);
    const refused = results.filter((r) => r.status === 409);
    expect(refused).toHaveLength(15);
    expect(refused.every((r) => r.body.code === 'BATCH_CAP_EXCEEDED' && r.body.limit === 5 && r.body.used === 5)).toBe(true);
    expect(await countStored(`SELECT count(*) FROM visits WHERE unit_id = 'jinhua' AND year = 2028 AND status = 'approved'`, [])).toBe(5);
  });
});
