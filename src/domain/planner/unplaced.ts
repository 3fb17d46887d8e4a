// Why a request stayed unplaced: the first rule checkBooking names at the request's best
// candidate start, against the final proposal. "Best" is the start in its window breaking the
// fewest kinds of region rule (blackout, capacity, spacing), then the closest to the preferred
// day, then the earliest: the start that came nearest to fitting, so the reason given is the
// one standing in the way there, not whatever the preferred day happens to break. Unit caps
// do not depend on the day, and checkBooking names them first.
import { checkBooking } from '../booking.js';
import { BOOKING_RULES_IN_ORDER } from '../booking-rules.js';
import { addDays, fromDayNumber } from '../dates.js';
import type { RegionCalendars } from './calendar.js';
import type { PlanModel, RequestModel } from './model.js';
import type { PlanState } from './state.js';
import type { UnplacedCode } from './types.js';

export function unplacedCode(state: PlanState, req: RequestModel, calendars: RegionCalendars): UnplacedCode {
  if (req.lo > req.hi) return 'WINDOW_TOO_NARROW';
  const model = state.model;
  const region = model.regions[req.regionIndex]!;
  const unit = model.units[req.unitIndex]!;
  const start = bestCandidateStart(state, req);
  const startDate = fromDayNumber(model.base + start);
  const candidate = { startDate, endDate: addDays(startDate, req.days - 1), headcount: req.headcount };
  const refusal = checkBooking({
    limits: unit.limits,
    // Remaining caps already net out existing usage and this proposal's placements.
    usage: {
      batches: unit.limits.maxBatches - state.remainingBatches[req.unitIndex]!,
      personTrips: unit.limits.maxPersonTrips - state.remainingTrips[req.unitIndex]!,
    },
    rules: region.rules,
    regionVisits: calendars.near(region.id, candidate, region.gap),
    candidate,
  });
  // The final fill pass placed every request that fits somewhere; if the shared rules accept
  // this one, the planner's tables disagree with them, and a proposal built on that is unsafe.
  if (!refusal) throw new Error(`planner invariant broken: request ${req.request.id} fits at ${startDate} but was left unplaced`);
  return refusal.code;
}

function bestCandidateStart(state: PlanState, req: RequestModel): number {
  let best = req.lo;
  let bestKey = Number.POSITIVE_INFINITY;
  for (let s = req.lo; s <= req.hi; s++) {
    // Rule kinds broken dominate; distance breaks ties; scanning upward keeps the earliest.
    const key = brokenRuleKinds(state, state.model, req, s) * 1_000_000 + Math.abs(s - req.pref);
    if (key < bestKey) {
      bestKey = key;
      best = s;
    }
  }
  return best;
}

/**
 * How many region rules the start breaks against everything placed now: each region rule of the
 * index, by its planner counterpart (a fixed clash, or a live check that fails).
 */
function brokenRuleKinds(state: PlanState, model: PlanModel, req: RequestModel, start: number): number {
  const region = model.regions[req.regionIndex]!;
  const unit = model.units[req.unitIndex]!;
  let broken = 0;
  for (const rule of BOOKING_RULES_IN_ORDER) {
    if (rule.scope !== 'region') continue;
    const { fixed, live } = rule.planner;
    if (fixed?.(region, unit, req, start) || (live && !live(state, req, start))) broken++;
  }
  return broken;
}
