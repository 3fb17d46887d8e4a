// The search's mutable state: who starts when, and the per-region day tables and per-unit
// remaining caps that make "does request r fit at day s?" O(days + gap) with no allocation.
// A start taken from RequestModel.starts already clears everything fixed (blackouts, existing
// visits), so `regionAllows` only has to look at what the plan itself changes.
import type { PlanModel, RequestModel } from './model.js';

export const UNPLACED = -1;

export class PlanState {
  readonly starts: Int32Array;
  readonly occupancy: Int32Array[];
  readonly arrivals: Int32Array[];
  readonly remainingBatches: Int32Array;
  readonly remainingTrips: Int32Array;
  placedWeight = 0;
  deviation = 0;
  /**
   * Placed requests, and unplaced ones that have at least one usable start, as unordered
   * lists with each request's position, so a move picks one at random in O(1).
   */
  readonly placed: IndexedSet;
  readonly waiting: IndexedSet;

  constructor(readonly model: PlanModel) {
    this.starts = new Int32Array(model.requests.length).fill(UNPLACED);
    this.occupancy = model.regions.map((r) => Int32Array.from(r.existingOccupancy));
    this.arrivals = model.regions.map((r) => Int32Array.from(r.existingArrivals));
    this.remainingBatches = Int32Array.from(model.units, (u) => u.limits.maxBatches - u.usage.batches);
    this.remainingTrips = Int32Array.from(model.units, (u) => u.limits.maxPersonTrips - u.usage.personTrips);
    this.placed = new IndexedSet(model.requests.length);
    this.waiting = new IndexedSet(model.requests.length);
    for (const req of model.requests) if (req.starts.length > 0) this.waiting.add(req.index);
  }

  isPlaced(r: number): boolean {
    return this.starts[r]! !== UNPLACED;
  }

  /** Would one more batch of this request stay within its unit's caps? */
  capsAllow(req: RequestModel): boolean {
    return batchLeft(this, req) && tripsLeft(this, req);
  }

  /** Region capacity and spacing against everything placed now (req itself must be unplaced). */
  regionAllows(req: RequestModel, start: number): boolean {
    return roomOnEveryDay(this, req, start) && noArrivalWithinGap(this, req, start);
  }

  /** The closest start to the preferred day that fits now, or UNPLACED. */
  bestStart(req: RequestModel): number {
    if (!this.capsAllow(req)) return UNPLACED;
    for (const s of req.starts) if (this.regionAllows(req, s)) return s;
    return UNPLACED;
  }

  /** Is there a start where the region would take it now (caps aside)? */
  hasRoom(req: RequestModel): boolean {
    for (const s of req.starts) if (this.regionAllows(req, s)) return true;
    return false;
  }

  /** How many starts fit now, counting no further than `atMost`. */
  countFittingStarts(req: RequestModel, atMost: number): number {
    if (!this.capsAllow(req)) return 0;
    let count = 0;
    for (const s of req.starts) if (this.regionAllows(req, s) && ++count >= atMost) break;
    return count;
  }

  /** The first fitting start in date order from position `from` of startsByDate, wrapping around; or UNPLACED. */
  fittingStartFrom(req: RequestModel, from: number, direction: 1 | -1): number {
    if (!this.capsAllow(req)) return UNPLACED;
    const n = req.startsByDate.length;
    for (let k = 0; k < n; k++) {
      const s = req.startsByDate[(((from + direction * k) % n) + n) % n]!;
      if (this.regionAllows(req, s)) return s;
    }
    return UNPLACED;
  }

  place(req: RequestModel, start: number): void {
    this.starts[req.index] = start;
    this.adjust(req, start, +1);
    this.waiting.delete(req.index);
    this.placed.add(req.index);
  }

  remove(req: RequestModel): void {
    const start = this.starts[req.index]!;
    this.starts[req.index] = UNPLACED;
    this.adjust(req, start, -1);
    this.placed.delete(req.index);
    this.waiting.add(req.index);
  }

  private adjust(req: RequestModel, start: number, sign: 1 | -1): void {
    const occupancy = this.occupancy[req.regionIndex]!;
    for (let d = start; d < start + req.days; d++) occupancy[d]! += sign;
    this.arrivals[req.regionIndex]![start]! += sign;
    this.remainingBatches[req.unitIndex]! -= sign;
    this.remainingTrips[req.unitIndex]! -= sign * req.headcount;
    this.placedWeight += sign * req.weight;
    this.deviation += sign * Math.abs(start - req.pref);
  }
}

// The live parts of PLANNER_RULES (rules.ts): what the plan's own placements change.

/** The unit has a batch left this year. */
export function batchLeft(state: PlanState, req: RequestModel): boolean {
  return state.remainingBatches[req.unitIndex]! >= 1;
}

/** The unit's person-trips left this year take the whole delegation. */
export function tripsLeft(state: PlanState, req: RequestModel): boolean {
  return state.remainingTrips[req.unitIndex]! >= req.headcount;
}

/** No day of the visit is full with existing visits and placements (req itself unplaced). */
export function roomOnEveryDay(state: PlanState, req: RequestModel, start: number): boolean {
  const limit = state.model.regions[req.regionIndex]!.limit;
  const occupancy = state.occupancy[req.regionIndex]!;
  for (let d = start; d < start + req.days; d++) if (occupancy[d]! >= limit) return false;
  return true;
}

/** No existing or placed visit arrives fewer than the region's gap days from `start`. */
export function noArrivalWithinGap(state: PlanState, req: RequestModel, start: number): boolean {
  const gap = state.model.regions[req.regionIndex]!.gap;
  const arrivals = state.arrivals[req.regionIndex]!;
  for (let d = start - gap + 1; d < start + gap; d++) if (arrivals[d]! > 0) return false;
  return true;
}

/** A set of small integers with O(1) add, delete and indexed access (for random picks). */
export class IndexedSet {
  private readonly items: number[] = [];
  private readonly position: Int32Array;

  constructor(capacity: number) {
    this.position = new Int32Array(capacity).fill(-1);
  }

  get size(): number {
    return this.items.length;
  }

  at(i: number): number {
    return this.items[i]!;
  }

  add(item: number): void {
    if (this.position[item]! !== -1) return;
    this.position[item] = this.items.length;
    this.items.push(item);
  }

  delete(item: number): void {
    const i = this.position[item]!;
    if (i === -1) return;
    const last = this.items.pop()!;
    if (last !== item) {
      this.items[i] = last;
      this.position[last] = i;
    }
    this.position[item] = -1;
  }
}
