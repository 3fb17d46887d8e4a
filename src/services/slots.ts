// Slot search shared by GET /api/v1/plan/slots and the booking form: the earliest windows a
// booking would pass right now. Whose caps apply follows the account: a unit always its own; the
// office names a unit or gets the region's rules alone; an HQ gets the region's rules alone (a
// unit's caps are not its to see).
import { regionRulesOf, regionVisitsAround, unitUsage } from '../db/repo/booking-context.js';
import { limitsFor } from '../db/repo/quotas.js';
import { findUnit } from '../db/repo/reference.js';
import type { Actor } from '../domain/actor.js';
import { checkCaps } from '../domain/booking.js';
import { addDays, daysBetween, yearOf } from '../domain/dates.js';
import { findSlots } from '../domain/slots.js';
import type { BookingRefusal, DateRange } from '../domain/types.js';
import type { SlotQueryInput } from '../schemas/slots.js';
import { type ServiceDeps, todayOf } from './deps.js';
import { forbidden, validationFailed } from './errors.js';

/** The longest range searched in one call: two years of days. */
export const MAX_SEARCH_DAYS = 731;
const DEFAULT_SEARCH_DAYS = 365;

/** The search: region, length, size, optional from/to (never before today), how many, whose caps. */
export type SlotSearch = Omit<SlotQueryInput, 'limit'> & { limit: number };

export async function searchSlots(deps: ServiceDeps, actor: Actor, search: SlotSearch): Promise<DateRange[]> {
  const unitId = await capsUnit(deps, actor, search.unitId);
  const { db } = deps;
  const today = todayOf(deps);
  const from = search.from && search.from > today ? search.from : today;
  const to = search.to ?? addDays(from, DEFAULT_SEARCH_DAYS);
  if (to < from) throw validationFailed([{ path: 'to', message: 'must not be before from (or today)' }]);
  if (daysBetween(from, to) > MAX_SEARCH_DAYS)
    throw validationFailed([{ path: 'to', message: `search at most ${MAX_SEARCH_DAYS} days at once` }]);
  const rules = await regionRulesOf(db, search.regionId);
  if (!rules) throw validationFailed([{ path: 'regionId', message: `unknown region "${search.regionId}"` }]);

  // Caps are per year, so each year the range touches is read once, before the pure search.
  const capsByYear = new Map<number, BookingRefusal | null>();
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

/** Whose caps the search respects: a unit account's own (never another's); a named, existing unit otherwise. */
async function capsUnit(deps: ServiceDeps, actor: Actor, requested: string | undefined): Promise<string | undefined> {
  if (actor.role === 'unit') {
    if (requested && requested !== actor.unitId) throw forbidden('A unit sees its own caps only.');
    return actor.unitId ?? undefined;
  }
  if (actor.role === 'hq' && requested) throw forbidden("An HQ searches with the region's rules; a unit's caps are not its to see.");
  if (requested && !(await findUnit(deps.db, requested))) {
    throw validationFailed([{ path: 'unitId', message: `unknown unit "${requested}"` }]);
  }
  return requested;
}
