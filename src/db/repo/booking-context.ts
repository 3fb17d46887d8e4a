// Everything the pure booking rules need about one unit, region and period, read in a few
// range queries (never one per day). The services apply the rules to it: refusal explanations
// (services/booking-check.ts) and slot search (services/slots.ts).
import { and, asc, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import { addDays } from '../../domain/dates.js';
import {
  COUNTED_VISIT_STATUSES,
  MAX_VISIT_DAYS,
  type DateRange,
  type QuotaLimits,
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

/** The unit's counted batches and person-trips in the year, leaving out `excludeId`. */
export async function unitUsage(
  db: Db,
  args: { unitId: string; year: number; excludeId?: string; counted?: CountedSet },
): Promise<QuotaUsage> {
  const [row] = await db
    .select({ batches: sql<number>`count(*)`, personTrips: sql<number>`coalesce(sum(${visits.headcount}), 0)` })
    .from(visits)
    .where(
      and(
        sql`${visits.unitId} = ${args.unitId} AND ${visits.year} = ${args.year}`,
        inArray(visits.status, [...statusesOf(args.counted ?? 'all-counted')]),
        args.excludeId ? ne(visits.id, args.excludeId) : undefined,
      ),
    );
  return { batches: Number(row?.batches ?? 0), personTrips: Number(row?.personTrips ?? 0) };
}

export async function regionRulesOf(db: Db, regionId: string): Promise<RegionRules | undefined> {
  return (await findRegion(db, regionId))?.rules;
}

/** A booking as the rules see it: who, where, when, how many, and which visits count against it. */
export interface BookingCandidate {
  unitId: string;
  regionId: string;
  year: number;
  startDate: string;
  endDate: string;
  headcount: number;
  /** The visit being edited or approved, which does not count against itself. */
  excludeId?: string;
  counted?: CountedSet;
}

export interface BookingFacts {
  limits: QuotaLimits;
  usage: QuotaUsage;
  rules: RegionRules;
  regionVisits: DateRange[];
}

/** What every booking rule reads about the candidate as things stand; undefined for an unknown region. */
export async function bookingFacts(db: Db, candidate: BookingCandidate): Promise<BookingFacts | undefined> {
  const rules = await regionRulesOf(db, candidate.regionId);
  if (!rules) return undefined;
  const [limits, usage, regionVisits] = await Promise.all([
    limitsFor(db, candidate.year, candidate.unitId),
    unitUsage(db, candidate),
    regionVisitsAround(db, { ...candidate, from: candidate.startDate, to: candidate.endDate, minGapDays: rules.minGapDays }),
  ]);
  return { limits, usage, rules, regionVisits };
}
