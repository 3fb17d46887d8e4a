// Everything the pure booking rules need about one unit, region and period, read in a few
// range queries (never one per day). Serves refusal explanations and slot search.
import { and, asc, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import { checkBooking } from '../../domain/booking.js';
import { usageOf } from '../../domain/caps.js';
import { addDays } from '../../domain/dates.js';
import {
  COUNTED_VISIT_STATUSES,
  MAX_VISIT_DAYS,
  type BookingRefusal,
  type DateRange,
  type QuotaUsage,
  type RegionRules,
} from '../../domain/types.js';
import type { Db } from '../client.js';
import { visits } from '../schema.js';
import { limitsFor } from './quotas.js';
import { findRegion } from './reference.js';

export type CountedSet = 'all-counted' | 'approved-only';

function statusesOf(counted: CountedSet) {
  return counted === 'approved-only' ? (['approved'] as const) : COUNTED_VISIT_STATUSES;
}

/** The region's counted visits that can matter to windows inside from..to (capacity and spacing). */
export async function regionVisitsAround(
  db: Db,
  args: { regionId: string; from: string; to: string; minGapDays: number; excludeId?: string; counted?: CountedSet },
): Promise<DateRange[]> {
  const margin = Math.max(MAX_VISIT_DAYS, args.minGapDays);
  return db
    .select({ startDate: visits.startDate, endDate: visits.endDate })
    .from(visits)
    .where(
      and(
        sql`${visits.regionId} = ${args.regionId}`,
        inArray(visits.status, [...statusesOf(args.counted ?? 'all-counted')]),
        gte(visits.startDate, addDays(args.from, -margin)),
        lte(visits.startDate, addDays(args.to, margin)),
        args.excludeId ? ne(visits.id, args.excludeId) : undefined,
      ),
    )
    .orderBy(asc(visits.startDate));
}

export async function unitUsage(
  db: Db,
  args: { unitId: string; year: number; excludeId?: string; counted?: CountedSet },
): Promise<QuotaUsage> {
  const rows = await db
    .select({ headcount: visits.headcount })
    .from(visits)
    .where(
      and(
        sql`${visits.unitId} = ${args.unitId} AND ${visits.year} = ${args.year}`,
        inArray(visits.status, [...statusesOf(args.counted ?? 'all-counted')]),
        args.excludeId ? ne(visits.id, args.excludeId) : undefined,
      ),
    );
  return usageOf(rows);
}

export async function regionRulesOf(db: Db, regionId: string): Promise<RegionRules | undefined> {
  return (await findRegion(db, regionId))?.rules;
}

/**
 * Which rule refuses this booking right now: a rule's refusal, 'unknown-region' when the region
 * does not exist (the guard refuses those too), or null when nothing does (the state changed
 * meanwhile).
 */
export async function explainRefusal(
  db: Db,
  candidate: {
    unitId: string;
    regionId: string;
    year: number;
    startDate: string;
    endDate: string;
    headcount: number;
    excludeId?: string;
    counted?: CountedSet;
  },
): Promise<BookingRefusal | 'unknown-region' | null> {
  const rules = await regionRulesOf(db, candidate.regionId);
  if (!rules) return 'unknown-region';
  const [limits, usage, regionVisits] = await Promise.all([
    limitsFor(db, candidate.year, candidate.unitId),
    unitUsage(db, candidate),
    regionVisitsAround(db, { ...candidate, from: candidate.startDate, to: candidate.endDate, minGapDays: rules.minGapDays }),
  ]);
  return checkBooking({ limits, usage, rules, regionVisits, candidate });
}
