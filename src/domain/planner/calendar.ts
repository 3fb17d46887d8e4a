// A region's counted visits with their day numbers, so re-checks with checkBooking can hand it
// only the visits that could matter (overlapping, or arriving within the gap) instead of the
// whole year: checkBooking is linear in the visits it is given.
import { toDayNumber } from '../dates.js';
import type { DateRange } from '../types.js';

interface DatedVisit {
  range: DateRange;
  start: number;
  end: number;
}

export class RegionCalendars {
  private readonly byRegion = new Map<string, DatedVisit[]>();

  add(regionId: string, range: DateRange): void {
    const visits = this.byRegion.get(regionId) ?? [];
    visits.push({ range, start: toDayNumber(range.startDate), end: toDayNumber(range.endDate) });
    this.byRegion.set(regionId, visits);
  }

  /**
   * Every visit of the region that shares a day with `range` or arrives fewer than `gap` days
   * from its start: a superset of what capacity and spacing look at, so checkBooking answers
   * exactly as it would with the whole list.
   */
  near(regionId: string, range: DateRange, gap: number): DateRange[] {
    const start = toDayNumber(range.startDate);
    const end = toDayNumber(range.endDate);
    const from = Math.min(start, start - gap + 1);
    const to = Math.max(end, start + gap - 1);
    return (this.byRegion.get(regionId) ?? []).filter((v) => v.end >= from && v.start <= to).map((v) => v.range);
  }
}
