// How the planner keeps each booking rule without calling it per candidate day. A rule's fixed
// part is decided once while the model is built (model.ts: what nothing in the plan can change,
// such as a blackout or a day already full with existing visits); its live part is asked as the
// search places and removes requests (state.ts). The hot paths (clashesWithFixed, capsAllow,
// regionAllows) call these functions directly; this table names them per refusal code for the
// booking-rule index, and unplaced.ts walks it to count the region rules a start breaks.
import type { BookingRefusalCode } from '../types.js';
import { exceedsBatchHeadcount, meetsFullExistingDay, nearExistingArrival, touchesBlackout } from './model.js';
import type { RegionModel, UnitModel } from './model.js';
import type { PlanState } from './state.js';
import { batchLeft, noArrivalWithinGap, roomOnEveryDay, tripsLeft } from './state.js';
import type { RequestModel } from './model.js';

export interface PlannerRule {
  /** True when the start is excluded before the search, whatever the plan places. */
  fixed: ((region: RegionModel, unit: UnitModel, req: { days: number; headcount: number }, start: number) => boolean) | null;
  /** True when the start is allowed given everything placed now (the request itself unplaced). */
  live: ((state: PlanState, req: RequestModel, start: number) => boolean) | null;
}

/** A new refusal code does not compile until the planner says here how it keeps the rule. */
export const PLANNER_RULES: { readonly [C in BookingRefusalCode]: PlannerRule } = {
  HEADCOUNT_CAP_EXCEEDED: { fixed: (_region, unit, req) => exceedsBatchHeadcount(unit, req.headcount), live: null },
  BATCH_CAP_EXCEEDED: { fixed: null, live: (state, req) => batchLeft(state, req) },
  PERSON_TRIPS_CAP_EXCEEDED: { fixed: null, live: (state, req) => tripsLeft(state, req) },
  BLACKOUT_CONFLICT: { fixed: (region, _unit, req, start) => touchesBlackout(region, start, req.days), live: null },
  REGION_CAPACITY_EXCEEDED: {
    fixed: (region, _unit, req, start) => meetsFullExistingDay(region, start, req.days),
    live: roomOnEveryDay,
  },
  REGION_SPACING_VIOLATION: { fixed: (region, _unit, _req, start) => nearExistingArrival(region, start), live: noArrivalWithinGap },
};
