// Annual caps: a default per year for every unit, and per-unit overrides. A year the office has
// not set falls back to DEFAULT_QUOTA_LIMITS (placeholders, documented in the README).
import { and, eq, sql } from 'drizzle-orm';
import { DEFAULT_QUOTA_LIMITS } from '../../domain/caps.js';
import type { QuotaLimits, QuotaUsage } from '../../domain/types.js';
import type { Db } from '../client.js';
import { quotaDefaults, quotaOverrides } from '../schema.js';
import { countedStatusSql } from '../schema.js';

export async function limitsFor(db: Db, year: number, unitId: string): Promise<QuotaLimits> {
  const [override] = await db
    .select()
    .from(quotaOverrides)
    .where(and(eq(quotaOverrides.year, year), eq(quotaOverrides.unitId, unitId)));
  if (override) return pickLimits(override);
  return defaultLimitsFor(db, year);
}

export async function defaultLimitsFor(db: Db, year: number): Promise<QuotaLimits> {
  const [row] = await db.select().from(quotaDefaults).where(eq(quotaDefaults.year, year));
  return row ? pickLimits(row) : { ...DEFAULT_QUOTA_LIMITS };
}

/** The unit's counted usage in a year (submitted, coordinated and approved visits). */
export async function usageFor(db: Db, year: number, unitId: string): Promise<QuotaUsage> {
  const [row] = await db.all<{ batches: number; personTrips: number }>(sql`
    SELECT count(*) AS batches, coalesce(sum(headcount), 0) AS personTrips
    FROM visits WHERE unit_id = ${unitId} AND year = ${year} AND status IN ${countedStatusSql}`);
  return { batches: Number(row?.batches ?? 0), personTrips: Number(row?.personTrips ?? 0) };
}

export async function setDefaultLimits(db: Db, args: { year: number; limits: QuotaLimits; actorId: string; now: Date }) {
  const at = args.now.toISOString();
  await db.batch([
    db
      .insert(quotaDefaults)
      .values({ year: args.year, ...args.limits, updatedAt: at })
      .onConflictDoUpdate({ target: quotaDefaults.year, set: { ...args.limits, updatedAt: at } }),
    auditQuota(db, `${args.year}`, args.limits, args.actorId, at),
  ]);
}

export async function setUnitLimits(db: Db, args: { year: number; unitId: string; limits: QuotaLimits; actorId: string; now: Date }) {
  const at = args.now.toISOString();
  await db.batch([
    db
      .insert(quotaOverrides)
      .values({ year: args.year, unitId: args.unitId, ...args.limits, updatedAt: at })
      .onConflictDoUpdate({ target: [quotaOverrides.year, quotaOverrides.unitId], set: { ...args.limits, updatedAt: at } }),
    auditQuota(db, `${args.year}/${args.unitId}`, args.limits, args.actorId, at),
  ]);
}

function auditQuota(db: Db, entityId: string, limits: QuotaLimits, actorId: string, at: string) {
  return db.run(sql`INSERT INTO audit_log (entity, entity_id, at, actor_id, action, note)
    VALUES ('quota', ${entityId}, ${at}, ${actorId}, 'set', ${JSON.stringify(limits)})`);
}

function pickLimits(row: QuotaLimits): QuotaLimits {
  return { maxBatches: row.maxBatches, maxHeadcountPerBatch: row.maxHeadcountPerBatch, maxPersonTrips: row.maxPersonTrips };
}
