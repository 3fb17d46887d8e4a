// Slot search: the earliest windows of `days` days within from..to that a booking would pass
// right now. Each booking rule has its filter here (SLOT_FILTERS, keyed by refusal code, named
// by the booking-rule index): day rules mark the days no window may touch in one pass over the
// visits, start rules look only at arrivals near a start, and the unit's caps are asked once per
// year. So a whole year is searched in O(days in range + visits) without a rule call per day.
import { addDays, fromDayNumber, toDayNumber, yearOf, type IsoDate } from './dates.js';
import type { BookingRefusal, BookingRefusalCode, DateRange, RegionRules } from './types.js';

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

/** Candidate starts are day numbers first..lastStart; the day tables cover first..first + span - 1. */
export interface SlotWindow {
  first: number;
  span: number;
}

export type SlotFilter =
  /** Days no window may touch, marked once in a table of the window's days. */
  | { kind: 'unusable-days'; mark: (input: SlotSearchInput, window: SlotWindow, unusable: Uint8Array) => void }
  /** Starts refused by what lies near them; the test it returns is asked for starts in increasing order. */
  | { kind: 'start'; prepare: (input: SlotSearchInput, window: SlotWindow) => (start: number) => boolean }
  /** The unit's caps, which depend only on the start's year: input.capsRefusal(year), asked once a year. */
  | { kind: 'caps-of-year' };

/** Clamps an inclusive date range to the table: its first and last offsets (start > end when outside). */
function offsets(range: DateRange, window: SlotWindow): [number, number] {
  const start = Math.max(toDayNumber(range.startDate), window.first) - window.first;
  const end = Math.min(toDayNumber(range.endDate), window.first + window.span - 1) - window.first;
  return [start, end];
}

const blackoutDays: SlotFilter = {
  kind: 'unusable-days',
  mark: (input, window, unusable) => {
    for (const b of input.rules.blackouts) {
      const [start, end] = offsets(b, window);
      for (let d = start; d <= end; d++) unusable[d] = 1;
    }
  },
};

// Occupancy by difference array: +1 on a visit's first day, -1 after its last, summed once.
const fullDays: SlotFilter = {
  kind: 'unusable-days',
  mark: (input, window, unusable) => {
    const occupancy = new Int32Array(window.span + 1);
    for (const visit of input.regionVisits) {
      const [start, end] = offsets(visit, window);
      if (start <= end) {
        occupancy[start]! += 1;
        occupancy[end + 1]! -= 1;
      }
    }
    let running = 0;
    for (let d = 0; d < window.span; d++) {
      running += occupancy[d]!;
      if (running >= input.rules.maxConcurrentDelegations) unusable[d] = 1;
    }
  },
};

// Arrivals within the gap may lie outside from..to, so spacing is checked on the sorted starts
// with one pointer that only moves forward as the candidate start does.
const arrivalSpacing: SlotFilter = {
  kind: 'start',
  prepare: (input) => {
    const gap = input.rules.minGapDays;
    const starts = input.regionVisits.map((v) => toDayNumber(v.startDate)).sort((a, b) => a - b);
    let index = 0;
    return (s) => {
      // Advance to the first arrival that could be within the gap of s: start > s - gap.
      while (index < starts.length && starts[index]! <= s - gap) index++;
      return !(gap > 0 && index < starts.length && starts[index]! < s + gap);
    };
  },
};

const unitCaps: SlotFilter = { kind: 'caps-of-year' };

/** How slot search keeps each booking rule. A new refusal code does not compile until it is here. */
export const SLOT_FILTERS: { readonly [C in BookingRefusalCode]: SlotFilter } = {
  HEADCOUNT_CAP_EXCEEDED: unitCaps,
  BATCH_CAP_EXCEEDED: unitCaps,
  PERSON_TRIPS_CAP_EXCEEDED: unitCaps,
  BLACKOUT_CONFLICT: blackoutDays,
  REGION_CAPACITY_EXCEEDED: fullDays,
  REGION_SPACING_VIOLATION: arrivalSpacing,
};

const FILTERS = [...new Set(Object.values(SLOT_FILTERS))];

export function findSlots(input: SlotSearchInput): DateRange[] {
  const { days, limit } = input;
  const first = toDayNumber(input.from);
  const lastStart = toDayNumber(input.to) - days + 1;
  if (days < 1 || lastStart < first || limit < 1) return [];

  // Tables cover every day a window can touch: first .. lastStart + days - 1.
  const window: SlotWindow = { first, span: lastStart + days - first };
  const unusable = new Uint8Array(window.span);
  const startTests: ((start: number) => boolean)[] = [];
  let capsApply = false;
  for (const filter of FILTERS) {
    if (filter.kind === 'unusable-days') filter.mark(input, window, unusable);
    else if (filter.kind === 'start') startTests.push(filter.prepare(input, window));
    else capsApply = true;
  }
  // Prefix sums make "does the window touch an unusable day" O(1) per start.
  const unusableBefore = new Int32Array(window.span + 1);
  for (let d = 0; d < window.span; d++) unusableBefore[d + 1] = unusableBefore[d]! + unusable[d]!;

  const slots: DateRange[] = [];
  const capsByYear = new Map<number, boolean>();
  for (let s = first; s <= lastStart && slots.length < limit; s++) {
    const offset = s - first;
    if (unusableBefore[offset + days]! - unusableBefore[offset]! > 0) continue;
    if (!startTests.every((allows) => allows(s))) continue;
    const startDate = fromDayNumber(s);
    if (capsApply) {
      const year = yearOf(startDate);
      if (!capsByYear.has(year)) capsByYear.set(year, input.capsRefusal(year) === null);
      if (!capsByYear.get(year)) continue;
    }
    slots.push({ startDate, endDate: addDays(startDate, days - 1) });
  }
  return slots;
}
