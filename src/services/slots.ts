// Slot search shared by GET /api/v1/plan/slots and the booking form: the earliest windows a
// booking would pass right now. The caller decides whose caps apply (a unit user: always its own).
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { regionRulesOf, regionVisitsAround, unitUsage } from '../db/repo/booking-context.js';
import { limitsFor } from '../db/repo/quotas.js';
import { checkCaps } from '../domain/caps.js';
import { addDays, daysBetween, yearOf } from '../domain/dates.js';
import { findSlots } from '../domain/slots.js';
import type { BookingRefusal, DateRange } from '../domain/types.js';
import { validationFailed } from './errors.js';
import { todayOf } from './visits.js';

/** The longest range searched in one call: two years of days. */
export const MAX_SEARCH_DAYS = 731;
const DEFAULT_SEARCH_DAYS = 365;

export interface SlotSearch {
  /** Whose caps to respect; without one only the region's rules apply. */
  unitId?: string;
  regionId: string;
  days: number;
  headcount: number;
  /** Earliest first day; never before today (Asia/Shanghai). */
  from?: string;
  /** Latest last day; default a year after `from`. */
  to?: string;
  limit: number;
}

export async function searchSlots(c: Context<AppEnv>, search: SlotSearch): Promise<DateRange[]> {
  const { db } = c.var;
  const today = todayOf(c);
  const from = search.from && search.from > today ? search.from : today;
  const to = search.to ?? addDays(from, DEFAULT_SEARCH_DAYS);
  if (to < from) throw validationFailed([{ path: 'to', message: 'must not be before from (or today)' }]);
  if (daysBetween(from, to) > MAX_SEARCH_DAYS)
    throw validationFailed([{ path: 'to', message: `search at most ${MAX_SEARCH_DAYS} days at once` }]);
  const rules = await regionRulesOf(db, search.regionId);
  if (!rules) throw validationFailed([{ path: 'regionId', message: `unknown region "${search.regionId}"` }]);

  // Caps are per year, so each year the range touches is read once, before the pure search.
  const capsByYear = new Map<number, BookingRefusal | null>();
  const { unitId } = search;
  if (unitId) {
    for (let year = yearOf(from); year <= yearOf(to); year++) {
      const [limits, usage] = await Promise.all([limitsFor(db, year, unitId), unitUsage(db, { unitId, year })]);
      capsByYear.set(year, checkCaps(limits, usage, search.headcount));
    }
  }
  const regionVisits = await regionVisitsAround(db, { regionId: search.regionId, from, to, minGapDays: rules.minGapDays });
  return findSlots({
    rules,
    regionVisits,
    days: search.days,
    from,
    to,
    limit: search.limit,
    capsRefusal: (year) => capsByYear.get(year) ?? null,
  });
}
