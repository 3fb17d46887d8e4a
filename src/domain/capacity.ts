// A region's reception rules (统筹计划、合理安排考察慰问时序): at most N delegations on any one day,
// arrivals spaced by a minimum gap, and no visit touching a blackout day. Ranges are inclusive
// calendar days; `regionVisits` are the region's counted visits (never the one being edited).
import { daysBetween, eachDay, rangesOverlap, type IsoDate } from './dates.js';
import type { Blackout, BookingRefusal, DateRange, RegionRules } from './types.js';

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

/** The first region rule the range breaks, checked as blackout, capacity, spacing; or null. */
export function checkRegionRules(rules: RegionRules, visits: readonly DateRange[], range: DateRange): BookingRefusal | null {
  const blackout = blackoutConflict(rules.blackouts, range);
  if (blackout) return { code: 'BLACKOUT_CONFLICT', blackout };
  const dates = fullDays(rules.maxConcurrentDelegations, visits, range);
  if (dates.length > 0) return { code: 'REGION_CAPACITY_EXCEEDED', limit: rules.maxConcurrentDelegations, dates };
  const nearest = spacingConflict(rules.minGapDays, visits, range.startDate);
  if (nearest) return { code: 'REGION_SPACING_VIOLATION', minGapDays: rules.minGapDays, nearest };
  return null;
}
