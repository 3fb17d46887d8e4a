// The third objective, arrivals spread through each region's year, only ever breaks ties: a
// request moves to the mirror start (preferred ± the same distance) when that fits and lowers
// its region's spread penalty, so weight and deviation never change. Cheaper than carrying a
// third key through the search, and weaker: it never trades one unit's day for another's.
import { toDayNumber } from '../dates.js';
import { spreadPenalty } from './objective.js';
import { clashesWithFixed } from './model.js';
import type { PlanState } from './state.js';

/** Every arrival of a region that starts in the plan year (existing visits and placements). */
export function regionArrivals(state: PlanState, regionIndex: number): number[] {
  const model = state.model;
  const region = model.regions[regionIndex]!;
  const first = toDayNumber(`${model.year}-01-01`) - model.base;
  const last = first + model.daysInYear - 1;
  const arrivals = region.existingVisits.map((v) => toDayNumber(v.startDate) - model.base).filter((s) => s >= first && s <= last);
  for (const q of region.requestIndexes) if (state.isPlaced(q)) arrivals.push(state.starts[q]!);
  return arrivals.sort((a, b) => a - b);
}

export function totalSpreadPenalty(state: PlanState): number {
  return state.model.regions.reduce((sum, _, i) => sum + spreadPenalty(regionArrivals(state, i), state.model.daysInYear), 0);
}

export function spreadTies(state: PlanState): void {
  const model = state.model;
  model.regions.forEach((region, regionIndex) => {
    let penalty = spreadPenalty(regionArrivals(state, regionIndex), model.daysInYear);
    for (const q of region.requestIndexes) {
      if (!state.isPlaced(q)) continue;
      const req = model.requests[q]!;
      const start = state.starts[q]!;
      const mirror = 2 * req.pref - start;
      if (mirror === start || mirror < req.lo || mirror > req.hi || clashesWithFixed(region, mirror, req.days)) continue;
      state.remove(req);
      if (!state.regionAllows(req, mirror)) {
        state.place(req, start);
        continue;
      }
      state.place(req, mirror);
      const moved = spreadPenalty(regionArrivals(state, regionIndex), model.daysInYear);
      if (moved < penalty) {
        penalty = moved;
      } else {
        state.remove(req);
        state.place(req, start);
      }
    }
  });
}
