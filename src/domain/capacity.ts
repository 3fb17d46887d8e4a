// A region's reception rules (统筹计划、合理安排考察慰问时序): at most N delegations on any one day,
// arrivals spaced by a minimum gap, and no visit touching a blackout day. Ranges are inclusive
// calendar days; `regionVisits` are the region's counted visits (never the one being edited).
// Each refusal below is one rule of the booking-rule index (booking-rules.ts), which orders them.
import { daysBetween, eachDay, rangesOverlap, type IsoDate } from './dates.js';
import type { Blackout, BookingRefusal, DateRange, RegionRules } from './types.js';

/** The rules migrations/0001 seeds every region with: placeholders the office is expected to set. */
export const SHIPPED_REGION_RULES: Readonly<RegionRules> = { maxConcurrentDelegations: 3, minGapDays: 0, blackouts: [] };

/** True while a region still has the shipped placeholder rules. */
export function hasShippedRules(rules: RegionRules): boolean {
  return (
    rules.maxConcurrentDelegations === SHIPPED_REGION_RULES.maxConcurrentDelegations &&
    rules.minGapDays === SHIPPED_REGION_RULES.minGapDays &&
    rules.blackouts.length === 0
  );
}

/** The first blackout the range touches (sharing even one day), or null. */
export function blackoutConflict(blackouts: readonly Blackout[], range: DateRange): Blackout | null {
  const sorted = [...blackouts].sort((a, b) => a.startDate.localeCompare(b.startDate));
  return sorted.find((b) => rangesOverlap(b, range)) ?? null;
}

/** How many of `visits` are in the region on `day`. */
export function countedVisitsOn(day: IsoDate, visits: readonly DateRange[]): number {
  return visits.reduce((n, v) => (v.startDate <= day && day <= v.endDate ? n + 1 : n), 0);
}

/** The days of `range` that are already full (one more delegation would exceed the limit). */
export function fullDays(limit: number, visits: readonly DateRange[], range: DateRange): IsoDate[] {
  const overlapping = visits.filter((v) => rangesOverlap(v, range));
  if (overlapping.length < limit) return [];
  return eachDay(range.startDate, range.endDate).filter((day) => countedVisitsOn(day, overlapping) >= limit);
}

/**
 * The start date of the nearest visit arriving fewer than `minGapDays` days from `startDate`
 * (|startA − startB| < minGapDays), or null. So a gap of 1 forbids two arrivals on one day and
 * a gap of 0 imposes nothing.
 */
export function spacingConflict(minGapDays: number, visits: readonly DateRange[], startDate: IsoDate): IsoDate | null {
  let nearest: { start: IsoDate; distance: number } | null = null;
  for (const v of visits) {
    const distance = Math.abs(daysBetween(startDate, v.startDate));
    if (distance >= minGapDays) continue;
    if (!nearest || distance < nearest.distance || (distance === nearest.distance && v.startDate < nearest.start)) {
      nearest = { start: v.startDate, distance };
    }
  }
  return nearest?.start ?? null;
}

/** What the region rules look at: the region's rules, its counted visits nearby, and the dates. */
export interface RegionCheckInput {
  rules: RegionRules;
  /** The region's counted visits near the candidate (never the one being edited). */
  regionVisits: readonly DateRange[];
  candidate: DateRange;
}

type Refusal<C extends BookingRefusal['code']> = Extract<BookingRefusal, { code: C }>;

/** The dates touch one of the region's blackouts. */
export function blackoutRefusal({ rules, candidate }: RegionCheckInput): Refusal<'BLACKOUT_CONFLICT'> | null {
  const blackout = blackoutConflict(rules.blackouts, candidate);
  return blackout ? { code: 'BLACKOUT_CONFLICT', blackout } : null;
}

/** Some day of the visit already holds as many delegations as the region takes. */
export function capacityRefusal({ rules, regionVisits, candidate }: RegionCheckInput): Refusal<'REGION_CAPACITY_EXCEEDED'> | null {
  const dates = fullDays(rules.maxConcurrentDelegations, regionVisits, candidate);
  return dates.length > 0 ? { code: 'REGION_CAPACITY_EXCEEDED', limit: rules.maxConcurrentDelegations, dates } : null;
}

/** Another delegation arrives fewer than minGapDays days from this one's arrival. */
export function spacingRefusal({ rules, regionVisits, candidate }: RegionCheckInput): Refusal<'REGION_SPACING_VIOLATION'> | null {
  const nearest = spacingConflict(rules.minGapDays, regionVisits, candidate.startDate);
  return nearest ? { code: 'REGION_SPACING_VIOLATION', minGapDays: rules.minGapDays, nearest } : null;
}
