// The search's starting point: requests in order of weight (most important first), then
// tightness (fewest usable starts first, so a request with one possible week is not crowded out
// by one that could go anywhere), then id; each at its fitting start closest to the preferred day.
import type { PlanModel } from './model.js';
import { UNPLACED, type PlanState } from './state.js';

export function greedyOrder(model: PlanModel): number[] {
  return model.requests
    .map((r) => r.index)
    .sort((a, b) => {
      const ra = model.requests[a]!;
      const rb = model.requests[b]!;
      // Request indexes follow id order, so the last key is the id.
      return rb.weight - ra.weight || ra.starts.length - rb.starts.length || a - b;
    });
}

/** Place every unplaced request of `order` that fits now, at its closest fitting start. */
export function placeWherePossible(state: PlanState, order: readonly number[]): void {
  for (const r of order) {
    if (state.isPlaced(r)) continue;
    const req = state.model.requests[r]!;
    const start = state.bestStart(req);
    if (start !== UNPLACED) state.place(req, start);
  }
}

/** Move each placed request to its closest fitting start (never further than where it is). */
export function pullTowardPreferred(state: PlanState, order: readonly number[]): void {
  for (const r of order) {
    if (!state.isPlaced(r)) continue;
    const req = state.model.requests[r]!;
    state.remove(req);
    state.place(req, state.bestStart(req));
  }
}
