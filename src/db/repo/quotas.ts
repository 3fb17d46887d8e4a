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

/** Whether the office has set the year's default (else DEFAULT_QUOTA_LIMITS stand in). */
export async function hasDefaultLimits(db: Db, year: number): Promise<boolean> {
  const [row] = await db.select({ year: quotaDefaults.year }).from(quotaDefaults).where(eq(quotaDefaults.year, year));
  return row !== undefined;
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

/** Removes a unit's override for the year, so the year's default applies again; audited in the same batch. */
export async function clearUnitLimits(db: Db, args: { year: number; unitId: string; actorId: string; now: Date }) {
  await db.batch([
    db.delete(quotaOverrides).where(and(eq(quotaOverrides.year, args.year), eq(quotaOverrides.unitId, args.unitId))),
    db.run(sql`INSERT INTO audit_log (entity, entity_id, at, actor_id, action, note)
      SELECT 'quota', ${`${args.year}/${args.unitId}`}, ${args.now.toISOString()}, ${args.actorId}, 'reset', NULL
      WHERE changes() = 1`),
  ]);
}

/** The year's default and every unit's override, in two reads (not one per unit). */
export async function limitsOfYear(db: Db, year: number): Promise<{ defaults: QuotaLimits; overrides: Map<string, QuotaLimits> }> {
  const [defaults, rows] = await Promise.all([
    defaultLimitsFor(db, year),
    db.select().from(quotaOverrides).where(eq(quotaOverrides.year, year)),
  ]);
  return { defaults, overrides: new Map(rows.map((row) => [row.unitId, pickLimits(row)])) };
}

export interface CountedVisitRow {
  id: string;
  unitId: string;
  regionId: string;
  kind: 'inspection' | 'condolence';
  startDate: string;
  endDate: string;
  headcount: number;
  leaderName: string;
  status: 'submitted' | 'coordinated' | 'approved';
}

/** The counted visits of a year (of one unit, or all), in the approval queue's order. */
export async function countedVisitsOfYear(db: Db, year: number, unitId?: string): Promise<CountedVisitRow[]> {
  return db.all<CountedVisitRow>(sql`
    SELECT id, unit_id AS unitId, region_id AS regionId, kind, start_date AS startDate, end_date AS endDate,
      headcount, leader_name AS leaderName, status
    FROM visits
    WHERE year = ${year} AND status IN ${countedStatusSql} ${unitId === undefined ? sql`` : sql`AND unit_id = ${unitId}`}
    ORDER BY start_date, created_at, id`);
}

function auditQuota(db: Db, entityId: string, limits: QuotaLimits, actorId: string, at: string) {
  return db.run(sql`INSERT INTO audit_log (entity, entity_id, at, actor_id, action, note)
    VALUES ('quota', ${entityId}, ${at}, ${actorId}, 'set', ${JSON.stringify(limits)})`);
}

function pickLimits(row: QuotaLimits): QuotaLimits {
  return { maxBatches: row.maxBatches, maxHeadcountPerBatch: row.maxHeadcountPerBatch, maxPersonTrips: row.maxPersonTrips };
}
