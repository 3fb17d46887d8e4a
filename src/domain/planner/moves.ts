// The local search's moves. Most evict a few placements, put one request somewhere, and
// re-insert what is now unplaced nearby (the evicted, and waiting requests that the freed days
// or freed caps might admit) by a randomly drawn recipe (insertion.ts); the rest repair a
// stretch of one region exactly (exact-moves.ts). The journal undoes a rejected move exactly.
import { rearrange, type MoveContext } from './exact-moves.js';
import { drawRecipe, insertAll } from './insertion.js';
import { Journal } from './journal.js';
import type { RequestModel } from './model.js';
import { randomIndex } from './prng.js';
import { UNPLACED, type PlanState } from './state.js';

/** Candidates re-inserted after one move, at most; keeps a move's cost bounded on big plans. */
const MAX_REPAIR_CANDIDATES = 48;
/** Widest half-window of arrivals a shuffle clears, beyond the spacing gap. */
const MAX_SHUFFLE_RADIUS = 30;

export class Moves {
  private readonly requests: readonly RequestModel[];
  private readonly journal: Journal;
  private readonly context: MoveContext;

  constructor(
    private readonly state: PlanState,
    private readonly random: () => number,
  ) {
    this.requests = state.model.requests;
    this.journal = new Journal(state);
    this.context = { state, journal: this.journal, random };
  }

  /** Try one random move; false when none applied (the state is then unchanged). */
  apply(): boolean {
    this.journal.begin();
    const done = this.tryMove(this.random());
    if (!done) this.journal.undo();
    return done;
  }

  /** Undo the last move. */
  undo(): void {
    this.journal.undo();
  }

  // Half the moves try to bring in a waiting request, most of the rest to bring a placed one
  // closer to its preferred day; the shares were tuned on the HiGHS comparison instances.
  private tryMove(roll: number): boolean {
    const { placed, waiting } = this.state;
    if (roll < 0.5 && waiting.size > 0) {
      const req = this.requests[waiting.at(randomIndex(this.random, waiting.size))]!;
      if (roll < 0.25) return this.forceAnywhere(req);
      if (roll < 0.33) return this.shuffleFor(req);
      if (roll < 0.4) return this.reselectUnit(req);
      return rearrange(this.context, req.regionIndex, req.starts[randomIndex(this.random, req.starts.length)]!);
    }
    if (placed.size === 0) return false;
    let req = this.requests[placed.at(randomIndex(this.random, placed.size))]!;
    if (roll < 0.8) {
      // Look a few times for a placement off its preferred day; most plans have some.
      for (let tries = 0; tries < 8; tries++) {
        if (this.state.starts[req.index] !== req.starts[0]) return this.forceCloser(req);
        req = this.requests[placed.at(randomIndex(this.random, placed.size))]!;
      }
    }
    const start = this.state.starts[req.index]!;
    if (roll < 0.85) return rearrange(this.context, req.regionIndex, start);
    return this.shuffleAround(req.regionIndex, start, []);
  }

  /** A waiting request at one of its starts, biased toward the preferred day. */
  private forceAnywhere(req: RequestModel): boolean {
    const u = this.random();
    return this.forceAt(req, req.starts[Math.floor(u * u * req.starts.length)]!);
  }

  /** A placed request at a start no further from its preferred day than now. */
  private forceCloser(req: RequestModel): boolean {
    const current = req.starts.indexOf(this.state.starts[req.index]!);
    return this.forceAt(req, req.starts[randomIndex(this.random, current)]!, true);
  }

  /**
   * Make room for a waiting request the slow way: free its unit's caps of something lighter
   * and shuffle the region around one of its starts, so it competes in the re-insertion.
   */
  private shuffleFor(req: RequestModel): boolean {
    const evicted = this.evictForCaps(req);
    if (evicted === null) return false;
    return this.shuffleAround(req.regionIndex, req.starts[randomIndex(this.random, req.starts.length)]!, evicted);
  }

  /**
   * Which of a unit's requests to place is a knapsack on its caps: evict a random share of the
   * unit's placements and let the repair choose again, the waiting request among the choices.
   */
  private reselectUnit(req: RequestModel): boolean {
    const evicted: number[] = [];
    for (const q of this.state.model.units[req.unitIndex]!.requestIndexes) {
      if (this.state.isPlaced(q) && this.random() < 0.5) evicted.push(this.journal.evict(q));
    }
    this.repair(evicted, false, req.index);
    return true;
  }

  /** Evict every arrival of one region near `centre`, then re-insert in a new order. */
  private shuffleAround(regionIndex: number, centre: number, evicted: number[]): boolean {
    const region = this.state.model.regions[regionIndex]!;
    const radius = region.gap + randomIndex(this.random, MAX_SHUFFLE_RADIUS);
    for (const q of region.requestIndexes) {
      const start = this.state.starts[q]!;
      if (start !== UNPLACED && Math.abs(start - centre) <= radius) evicted.push(this.journal.evict(q));
    }
    this.repair(evicted);
    return true;
  }

  /** Place `req` at `start`, evicting whatever stands in the way, then repair around it. */
  private forceAt(req: RequestModel, start: number, nearPreferred = false): boolean {
    if (this.state.isPlaced(req.index)) this.journal.evict(req.index);
    const evicted = this.evictBlockers(req, start);
    if (evicted === null) return false;
    this.journal.place(req.index, start);
    this.repair(evicted, nearPreferred);
    return true;
  }

  private evictBlockers(req: RequestModel, start: number): number[] | null {
    const region = this.state.model.regions[req.regionIndex]!;
    const starts = this.state.starts;
    const evicted: number[] = [];
    for (const q of region.requestIndexes) {
      if (starts[q]! !== UNPLACED && Math.abs(starts[q]! - start) < region.gap) evicted.push(this.journal.evict(q));
    }
    const occupancy = this.state.occupancy[req.regionIndex]!;
    const covering: number[] = [];
    for (let d = start; d < start + req.days; d++) {
      while (occupancy[d]! >= region.limit) {
        covering.length = 0;
        for (const q of region.requestIndexes) {
          if (starts[q]! !== UNPLACED && starts[q]! <= d && d < starts[q]! + this.requests[q]!.days) covering.push(q);
        }
        // Only existing visits fill the day: RequestModel.starts excludes that, so never here.
        if (covering.length === 0) return null;
        evicted.push(this.journal.evict(covering[randomIndex(this.random, covering.length)]!));
      }
    }
    const forCaps = this.evictForCaps(req);
    return forCaps === null ? null : evicted.concat(forCaps);
  }

  /**
   * Free the unit's caps for one more batch of `req` by evicting the unit's other placements,
   * lightest first (a heavier one could not come back: the caps are the unit's, wherever it
   * goes); null when even evicting all of them would not do.
   */
  private evictForCaps(req: RequestModel): number[] | null {
    const evicted: number[] = [];
    const lightest: number[] = [];
    while (!this.state.capsAllow(req)) {
      lightest.length = 0;
      let weight = Number.POSITIVE_INFINITY;
      for (const q of this.state.model.units[req.unitIndex]!.requestIndexes) {
        if (q === req.index || !this.state.isPlaced(q)) continue;
        const w = this.requests[q]!.weight;
        if (w < weight) {
          weight = w;
          lightest.length = 0;
        }
        if (w === weight) lightest.push(q);
      }
      if (lightest.length === 0) return null;
      evicted.push(this.journal.evict(lightest[randomIndex(this.random, lightest.length)]!));
    }
    return evicted;
  }

  /**
   * Re-insert the evicted requests with the waiting ones the freed days or caps might admit
   * (insertion.ts draws how). At most MAX_REPAIR_CANDIDATES, `also` and the evicted first.
   */
  private repair(evicted: readonly number[], nearPreferred = false, also?: number): void {
    const candidates: number[] = [];
    const consider = (q: number): void => {
      if (this.state.isPlaced(q) || this.requests[q]!.starts.length === 0 || !this.journal.mark(q)) return;
      candidates.push(q);
    };
    if (also !== undefined) consider(also);
    for (const e of evicted) consider(e);
    // The days freed in each region (one span per region) and the units whose caps were freed.
    const spans = new Map<number, [number, number]>();
    const units = new Set<number>();
    for (const e of evicted) {
      const freed = this.requests[e]!;
      const gap = this.state.model.regions[freed.regionIndex]!.gap;
      const was = this.journal.startBeforeMove(e);
      const span = spans.get(freed.regionIndex);
      spans.set(freed.regionIndex, [Math.min(span?.[0] ?? was, was - gap), Math.max(span?.[1] ?? was, was + freed.days + gap)]);
      units.add(freed.unitIndex);
    }
    for (const [regionIndex, [from, to]] of spans) {
      for (const q of this.state.model.regions[regionIndex]!.requestIndexes) {
        const other = this.requests[q]!;
        if (other.lo <= to && other.hi + other.days >= from) consider(q);
      }
    }
    for (const u of units) for (const q of this.state.model.units[u]!.requestIndexes) consider(q);
    if (candidates.length > MAX_REPAIR_CANDIDATES) candidates.length = MAX_REPAIR_CANDIDATES;
    insertAll(this.state, candidates, drawRecipe(this.random, nearPreferred), this.random, (q) => this.journal.touch(q));
  }
}
