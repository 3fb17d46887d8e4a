// The booking guard in SQL (visit-guards.ts) and the pure rules (checkBooking, reached through
// explainRefusal) must say the same thing: the guard lets a write through exactly when the pure
// rules find nothing to refuse. Checked on many seeded random situations, for new bookings,
// edits (the visit itself not counted) and approvals (approved visits only). Then rule by rule,
// walking the booking-rule index: each rule's SQL clause and its pure check agree on every
// candidate, and each refuses some of them.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookingFacts } from '../../src/db/repo/booking-context.js';
import { bookingGuard, type GuardInput, guardClause } from '../../src/db/repo/visit-guards.js';
import { render, runBatch } from '../../src/db/statements.js';
import { BOOKING_RULE_ORDER, BOOKING_RULES_IN_ORDER } from '../../src/domain/booking-rules.js';
import { addDays } from '../../src/domain/dates.js';
import type { BookingRefusalCode } from '../../src/domain/types.js';
import { explainRefusal } from '../../src/services/booking-check.js';
import { call, loginAdmin } from '../helpers/api.js';
import { createTestApp, type TestContext } from '../helpers/app.js';

const UNITS = ['hangzhou', 'ningbo', 'wenzhou', 'jiaxing', 'huzhou', 'shaoxing'];
const REGIONS = ['aksu', 'nagqu'];
const STATUSES = ['submitted', 'coordinated', 'approved', 'approved', 'rejected', 'withdrawn', 'cancelled'];
const FIRST_DAY = '2027-03-01';

/** Deterministic PRNG (mulberry32), so a failure names a reproducible case. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let ctx: TestContext;
const ids: string[] = [];

beforeAll(async () => {
  ctx = await createTestApp();
  const office = await loginAdmin(ctx);
  await call(ctx, 'PUT', '/api/v1/quotas/2027', { token: office, body: { maxBatches: 17, maxHeadcountPerBatch: 9, maxPersonTrips: 62 } });
  await call(ctx, 'PUT', '/api/v1/quotas/2027/units/ningbo', {
    token: office,
    body: { maxBatches: 12, maxHeadcountPerBatch: 12, maxPersonTrips: 60 },
  });
  await call(ctx, 'PUT', '/api/v1/regions/aksu/rules', {
    token: office,
    body: { maxConcurrentDelegations: 4, minGapDays: 0, blackouts: [] },
  });
  await call(ctx, 'PUT', '/api/v1/regions/nagqu/rules', {
    token: office,
    body: { maxConcurrentDelegations: 5, minGapDays: 2, blackouts: [{ startDate: '2027-04-10', endDate: '2027-04-14', reason: '节庆' }] },
  });
  // Stored visits written directly, past the guard: situations the API would never let arise
  // (over capacity, over caps) belong in the comparison too. Lengths up to the 31-day maximum.
  const next = random(7);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const adminId = String((await ctx.database.client.execute('SELECT id FROM users LIMIT 1')).rows[0]!.id);
  for (let i = 0; i < 140; i++) {
    const start = addDays(FIRST_DAY, Math.floor(next() * 70));
    const length = next() < 0.15 ? 1 + Math.floor(next() * 31) : 1 + Math.floor(next() * 4);
    const id = `seed-${i}`;
    ids.push(id);
    await ctx.database.client.execute({
      sql: `INSERT INTO visits (id, unit_id, region_id, kind, start_date, end_date, year, headcount, leader_name, purpose, status, sequence, last_op_id, created_by, created_at, updated_at)
            VALUES (?, ?, ?, 'inspection', ?, ?, 2027, ?, '甲', '考察', ?, 0, 'seed', ?, 'x', 'x')`,
      args: [id, pick(UNITS), pick(REGIONS), start, addDays(start, length - 1), 1 + Math.floor(next() * 8), pick(STATUSES), adminId],
    });
  }
});

async function guardHolds(g: GuardInput): Promise<boolean> {
  const [rows] = await runBatch(ctx.database.db, [render(sql`SELECT (${bookingGuard(g)}) AS holds`)]);
  return Number(rows![0]!.holds) === 1;
}

/** Each rule's SQL clause on its own, in one query: true where the clause lets the write through. */
async function clausesHold(g: GuardInput): Promise<Record<BookingRefusalCode, boolean>> {
  const columns = BOOKING_RULE_ORDER.map((code) => sql`(${guardClause(code, g)}) AS ${sql.identifier(code)}`);
  const [rows] = await runBatch(ctx.database.db, [render(sql`SELECT ${sql.join(columns, sql`, `)}`)]);
  const row = rows![0]!;
  return Object.fromEntries(BOOKING_RULE_ORDER.map((code) => [code, Number(row[code]) === 1])) as Record<BookingRefusalCode, boolean>;
}

/** A seeded random candidate: a new booking, an edit of a stored visit, or an approval of one. */
function randomCandidate(next: () => number) {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const startDate = addDays(FIRST_DAY, Math.floor(next() * 80) - 5);
  const length = next() < 0.1 ? 1 + Math.floor(next() * 31) : 1 + Math.floor(next() * 5);
  const mode = pick(['new', 'new', 'edit', 'approve'] as const);
  return {
    unitId: pick(UNITS),
    regionId: pick(REGIONS),
    year: 2027,
    startDate,
    endDate: addDays(startDate, length - 1),
    headcount: 1 + Math.floor(next() * 10),
    excludeId: mode === 'new' ? '' : pick(ids),
    counted: mode === 'approve' ? ('approved-only' as const) : ('all-counted' as const),
  };
}

describe('the SQL guard and the pure rules', () => {
  it('agree on 600 random candidates: new bookings, edits and approvals', async () => {
    const next = random(11);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    const disagreements: string[] = [];
    const codes: Record<string, number> = {};
    for (let i = 0; i < 600; i++) {
      const startDate = addDays(FIRST_DAY, Math.floor(next() * 80) - 5);
      const length = next() < 0.1 ? 1 + Math.floor(next() * 31) : 1 + Math.floor(next() * 5);
      const mode = pick(['new', 'new', 'edit', 'approve'] as const);
      const candidate = {
        unitId: pick(UNITS),
        regionId: pick(REGIONS),
        year: 2027,
        startDate,
        endDate: addDays(startDate, length - 1),
        headcount: 1 + Math.floor(next() * 10),
        excludeId: mode === 'new' ? '' : pick(ids),
        counted: mode === 'approve' ? ('approved-only' as const) : ('all-counted' as const),
      };
      const holds = await guardHolds(candidate);
      const refusal = await explainRefusal({ db: ctx.database.db }, candidate);
      if (refusal) {
        const code = typeof refusal === 'string' ? refusal : refusal.code;
        codes[code] = (codes[code] ?? 0) + 1;
      }
      if (holds !== (refusal === null))
        disagreements.push(`#${i} ${JSON.stringify(candidate)}: guard ${holds}, rules ${JSON.stringify(refusal)}`);
    }
    expect(disagreements).toEqual([]);
    console.log('guard agreement: refusals by rule of 600 candidates', codes);
    // Every rule must refuse some candidates and many must pass, or the comparison proves little.
    for (const code of [
      'BATCH_CAP_EXCEEDED',
      'HEADCOUNT_CAP_EXCEEDED',
      'PERSON_TRIPS_CAP_EXCEEDED',
      'REGION_CAPACITY_EXCEEDED',
      'REGION_SPACING_VIOLATION',
      'BLACKOUT_CONFLICT',
    ]) {
      expect(codes[code] ?? 0, code).toBeGreaterThanOrEqual(5);
    }
    expect(600 - Object.values(codes).reduce((a, b) => a + b, 0)).toBeGreaterThan(150);
  });

  it('refuses an unknown region in SQL, as the rules do', async () => {
    const candidate = {
      unitId: 'hangzhou',
      regionId: 'atlantis',
      year: 2027,
      startDate: '2027-09-01',
      endDate: '2027-09-02',
      headcount: 2,
      excludeId: '',
      counted: 'all-counted' as const,
    };
    expect(await guardHolds(candidate)).toBe(false);
    expect(await explainRefusal({ db: ctx.database.db }, candidate)).toBe('unknown-region');
  });
});

describe('every rule of the booking-rule index', () => {
  it('agrees with its own SQL clause on 400 random candidates, and both refuse some', async () => {
    const next = random(23);
    const disagreements: string[] = [];
    const refusedBySql: Record<string, number> = {};
    const refusedByRule: Record<string, number> = {};
    for (let i = 0; i < 400; i++) {
      const candidate = randomCandidate(next);
      const [clauses, facts, whole] = await Promise.all([
        clausesHold(candidate),
        bookingFacts(ctx.database.db, candidate),
        guardHolds(candidate),
      ]);
      if (!facts) throw new Error(`no facts for ${candidate.regionId}`);
      for (const rule of BOOKING_RULES_IN_ORDER) {
        const refusal = rule.check({ ...facts, candidate });
        const sqlHolds = clauses[rule.code];
        if (!sqlHolds) refusedBySql[rule.code] = (refusedBySql[rule.code] ?? 0) + 1;
        if (refusal) refusedByRule[rule.code] = (refusedByRule[rule.code] ?? 0) + 1;
        if (refusal && refusal.code !== rule.code) disagreements.push(`#${i} ${rule.code}: its check answered ${refusal.code}`);
        if (sqlHolds !== (refusal === null))
          disagreements.push(`#${i} ${rule.code} ${JSON.stringify(candidate)}: clause ${sqlHolds}, check ${JSON.stringify(refusal)}`);
      }
      // The whole guard is the region's existence AND every clause.
      if (whole !== Object.values(clauses).every(Boolean)) disagreements.push(`#${i}: the guard is not the AND of its clauses`);
    }
    expect(disagreements).toEqual([]);
    console.log('guard agreement by rule, refusals of 400 candidates', refusedBySql);
    for (const code of BOOKING_RULE_ORDER) {
      expect(refusedBySql[code] ?? 0, `${code} in SQL`).toBeGreaterThanOrEqual(5);
      expect(refusedByRule[code] ?? 0, `${code} in the domain`).toBeGreaterThanOrEqual(5);
    }
  });
});
