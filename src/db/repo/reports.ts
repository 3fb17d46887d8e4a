// Data behind the reports (docs/API.md, "Reports"): every unit's caps and usage for a year, and
// the visits and receptions that touch a month. Each report reads a fixed handful of queries,
// whatever the number of units: usage is one grouped query, limits are the default plus all the
// year's overrides, never a query per unit.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { DEFAULT_QUOTA_LIMITS, remainingOf } from '../../domain/caps.js';
import { addDays } from '../../domain/dates.js';
import { MAX_RECEPTION_DAYS, type QuotaLimits, type QuotaUsage, type ReceptionStatus } from '../../domain/types.js';
import type { Db } from '../client.js';
import { countedStatusSql, quotaDefaults, quotaOverrides, receptions, units } from '../schema.js';

export interface UsageRow {
  unitId: string;
  unitName: string;
  kind: 'city' | 'department';
  limits: QuotaLimits;
  /** True when the office set this unit's own caps for the year (else the year's default applies). */
  overridden: boolean;
  used: QuotaUsage;
  remaining: QuotaUsage;
}

/** Every unit's limits, counted usage and what remains in `year` (or one unit's, when `unitId` is given). */
export async function usageRows(db: Db, year: number, unitId?: string): Promise<UsageRow[]> {
  const [unitRows, defaults, overrides, usage] = await Promise.all([
    db
      .select({ id: units.id, name: units.name, kind: units.kind })
      .from(units)
      .where(unitId === undefined ? undefined : eq(units.id, unitId))
      .orderBy(asc(units.kind), asc(units.id)),
    db.select().from(quotaDefaults).where(eq(quotaDefaults.year, year)),
    db
      .select()
      .from(quotaOverrides)
      .where(and(eq(quotaOverrides.year, year), unitId === undefined ? undefined : eq(quotaOverrides.unitId, unitId))),
    // Counted statuses only (submitted, coordinated, approved), as the caps themselves count.
    db.all<{ unitId: string; batches: number; personTrips: number }>(sql`
      SELECT unit_id AS unitId, count(*) AS batches, coalesce(sum(headcount), 0) AS personTrips
      FROM visits WHERE year = ${year} AND status IN ${countedStatusSql}
      ${unitId === undefined ? sql`` : sql`AND unit_id = ${unitId}`}
      GROUP BY unit_id`),
  ]);
  const yearDefault = defaults[0] ? pickLimits(defaults[0]) : { ...DEFAULT_QUOTA_LIMITS };
  const overrideOf = new Map(overrides.map((o) => [o.unitId, pickLimits(o)]));
  const usageOf = new Map(usage.map((u) => [u.unitId, { batches: Number(u.batches), personTrips: Number(u.personTrips) }]));
  return unitRows.map((unit) => {
    const override = overrideOf.get(unit.id);
    const limits = override ?? yearDefault;
    const used = usageOf.get(unit.id) ?? { batches: 0, personTrips: 0 };
    return {
      unitId: unit.id,
      unitName: unit.name,
      kind: unit.kind,
      limits,
      overridden: override !== undefined,
      used,
      remaining: remainingOf(limits, used),
    };
  });
}

function pickLimits(row: QuotaLimits): QuotaLimits {
  return { maxBatches: row.maxBatches, maxHeadcountPerBatch: row.maxHeadcountPerBatch, maxPersonTrips: row.maxPersonTrips };
}

/** Receptions still on the books: pending or approved (rejected and cancelled ones will not happen). */
export const ACTIVE_RECEPTION_STATUSES: readonly ReceptionStatus[] = ['submitted', 'approved'];

/** Which receptions a reader may see: an HQ its region's, a unit those it hosts, the office all. */
export interface ReceptionReadScope {
  regionId?: string;
  hostUnitId?: string;
}

/** Active receptions touching the inclusive range `startDate`..`endDate`, by start date. */
export async function activeReceptionsOverlapping(db: Db, range: { startDate: string; endDate: string }, scope: ReceptionReadScope) {
  return db
    .select({
      id: receptions.id,
      regionId: receptions.regionId,
      hostUnitId: receptions.hostUnitId,
      startDate: receptions.startDate,
      endDate: receptions.endDate,
      guestCount: receptions.guestCount,
      status: receptions.status,
    })
    .from(receptions)
    .where(
      and(
        inArray(receptions.status, [...ACTIVE_RECEPTION_STATUSES]),
        // Bounded below too (a reception lasts at most MAX_RECEPTION_DAYS): one short index range.
        sql`${receptions.startDate} <= ${range.endDate} AND ${receptions.endDate} >= ${range.startDate}
          AND ${receptions.startDate} >= ${addDays(range.startDate, -(MAX_RECEPTION_DAYS - 1))}`,
        scope.regionId === undefined ? undefined : eq(receptions.regionId, scope.regionId),
        scope.hostUnitId === undefined ? undefined : eq(receptions.hostUnitId, scope.hostUnitId),
      ),
    )
    .orderBy(asc(receptions.startDate), asc(receptions.createdAt), asc(receptions.id));
}
