// Slot search: the earliest windows of `days` days within from..to that a booking would pass
// right now. One pass over the visits builds per-day tables, so a whole year is searched in
// O(days in range + visits) without a rule call per candidate day.
import { addDays, fromDayNumber, toDayNumber, yearOf, type IsoDate } from './dates.js';
import type { BookingRefusal, DateRange, RegionRules } from './types.js';

export interface SlotSearchInput {
  rules: RegionRules;
  /** The region's counted visits (any that may touch from..to, plus the gap on either side). */
  regionVisits: readonly DateRange[];
  days: number;
  from: IsoDate;
  to: IsoDate;
  limit: number;
  /** The unit's caps for a year: the refusal a booking starting in that year would get, or null. */
  capsRefusal: (year: number) => BookingRefusal | null;
}

export function findSlots(input: SlotSearchInput): DateRange[] {
  const { rules, days, limit } = input;
  const first = toDayNumber(input.from);
  const lastStart = toDayNumber(input.to) - days + 1;
  if (days < 1 || lastStart < first || limit < 1) return [];

  // Tables cover every day a window can touch: first .. lastStart + days - 1.
  const span = lastStart + days - first;
  const occupancy = new Int32Array(span + 1);
  for (const visit of input.regionVisits) {
    const start = Math.max(toDayNumber(visit.startDate), first) - first;
    const end = Math.min(toDayNumber(visit.endDate), first + span - 1) - first;
    if (start <= end) {
      occupancy[start]! += 1;
      occupancy[end + 1]! -= 1;
    }
  }
  // A day is unusable when it is full or blacked out; prefix sums make each window O(1).
  const unusableBefore = new Int32Array(span + 1);
  const blackedOut = new Uint8Array(span);
  for (const b of rules.blackouts) {
    const start = Math.max(toDayNumber(b.startDate), first) - first;
    const end = Math.min(toDayNumber(b.endDate), first + span - 1) - first;
    for (let d = start; d <= end; d++) blackedOut[d] = 1;
  }
  let running = 0;
  for (let d = 0; d < span; d++) {
    running += occupancy[d]!;
    const unusable = running >= rules.maxConcurrentDelegations || blackedOut[d] === 1 ? 1 : 0;
    unusableBefore[d + 1] = unusableBefore[d]! + unusable;
  }

  // Arrivals within the gap may lie outside from..to, so spacing is checked on sorted starts.
  const gap = rules.minGapDays;
  const starts = input.regionVisits.map((v) => toDayNumber(v.startDate)).sort((a, b) => a - b);

  const slots: DateRange[] = [];
  let startIndex = 0;
  const capsByYear = new Map<number, boolean>();
  for (let s = first; s <= lastStart && slots.length < limit; s++) {
    const offset = s - first;
    if (unusableBefore[offset + days]! - unusableBefore[offset]! > 0) continue;
    // Advance to the first arrival that could be within the gap of s: start > s - gap.
    while (startIndex < starts.length && starts[startIndex]! <= s - gap) startIndex++;
    if (gap > 0 && startIndex < starts.length && starts[startIndex]! < s + gap) continue;
    const startDate = fromDayNumber(s);
    const year = yearOf(startDate);
    if (!capsByYear.has(year)) capsByYear.set(year, input.capsRefusal(year) === null);
    if (!capsByYear.get(year)) continue;
    slots.push({ startDate, endDate: addDays(startDate, days - 1) });
  }
  return slots;
}
