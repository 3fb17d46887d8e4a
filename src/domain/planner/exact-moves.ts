// The moves that repair exactly rather than greedily: evict a stretch of one region and
// re-place it (with waiting requests that could use it) by the line DP (line-repair.ts) where
// the region takes one delegation a day, or else by branch and bound (exact-repair.ts). They
// find the jigsaw rearrangements the randomised re-insertion of moves.ts rarely hits.
import { bestArrangement } from './exact-repair.js';
import type { Journal } from './journal.js';
import { bestLine, lineValue } from './line-repair.js';
import type { RequestModel } from './model.js';
import { randomIndex } from './prng.js';
import { UNPLACED, type PlanState } from './state.js';

/** Branch and bound: placements evicted (a range), waiting requests drawn, unit trades, nodes. */
const EXACT_EVICTIONS_MIN = 3;
const EXACT_EVICTIONS_MAX = 8;
const EXACT_WAITING = 6;
const EXACT_UNIT_TRADES = 2;
const EXACT_NODE_LIMIT = 1_000;
/** The line repair's half-window (days, a range) and how far the kept order may be shuffled. */
const LINE_MIN_RADIUS = 8;
const LINE_EXTRA_RADIUS = 40;
const LINE_MAX_JITTER = 6;

export interface MoveContext {
  state: PlanState;
  journal: Journal;
  random: () => number;
}

/** An exact repair near `centre` (a day offset) in one region; false when it found nothing better. */
export function rearrange(ctx: MoveContext, regionIndex: number, centre: number): boolean {
  const lineRegion = ctx.state.model.regions[regionIndex]!.limit === 1;
  return lineRegion && ctx.random() < 0.5 ? rearrangeLine(ctx, regionIndex, centre) : rearrangeByBranching(ctx, regionIndex, centre);
}

/**
 * Evict the region's placements arriving within a random radius of `centre` and re-place them,
 * with the waiting requests that could start there, optimally for an order drawn from: where
 * they are now (or would like to be), deadline (latest start: the classic order for packing
 * one machine), or release (earliest start); jittered to vary it.
 */
function rearrangeLine({ state, journal, random }: MoveContext, regionIndex: number, centre: number): boolean {
  const requests = state.model.requests;
  const region = state.model.regions[regionIndex]!;
  const radius = LINE_MIN_RADIUS + randomIndex(random, LINE_EXTRA_RADIUS + 1);
  const jitter = randomIndex(random, LINE_MAX_JITTER + 1);
  const order = random();
  const candidates: RequestModel[] = [];
  const key = new Map<RequestModel, number>();
  let weight = 0;
  let deviation = 0;
  for (const q of region.requestIndexes) {
    const req = requests[q]!;
    const start = state.starts[q]!;
    const placed = start !== UNPLACED;
    if (placed ? Math.abs(start - centre) > radius : req.starts.length === 0 || req.hi < centre - radius || req.lo > centre + radius)
      continue;
    const now = placed ? start : Math.min(Math.max(req.pref, req.lo), req.hi);
    key.set(req, (order < 0.4 ? now : order < 0.8 ? req.hi : req.lo) + (random() * 2 - 1) * jitter);
    candidates.push(req);
    if (!placed) continue;
    weight += req.weight;
    deviation += Math.abs(start - req.pref);
    journal.evict(q);
  }
  // A waiting request held back by its unit's caps may take the place of one lighter placement
  // of its unit elsewhere; the trade counts in the incumbent the line must beat.
  for (const req of candidates) {
    if (state.isPlaced(req.index) || state.capsAllow(req) || random() < 0.5) continue;
    const traded = lighterOfUnit(state, req, random);
    if (traded === null) continue;
    weight += traded.weight;
    deviation += Math.abs(state.starts[traded.index]! - traded.pref);
    journal.evict(traded.index);
  }
  candidates.sort((a, b) => key.get(a)! - key.get(b)! || a.index - b.index);
  const line = bestLine(state, candidates);
  if (line.value <= lineValue(weight, deviation)) return false;
  candidates.forEach((req, i) => {
    const start = line.starts[i]!;
    // The line ignores caps between its own requests: one its unit can no longer take stays out.
    if (start !== UNPLACED && state.capsAllow(req)) journal.place(req.index, start);
  });
  return true;
}

/** A random placement of the unit strictly lighter than `req`, among the lightest; or null. */
function lighterOfUnit(state: PlanState, req: RequestModel, random: () => number): RequestModel | null {
  let lightest: RequestModel[] = [];
  for (const q of state.model.units[req.unitIndex]!.requestIndexes) {
    const other = state.model.requests[q]!;
    if (!state.isPlaced(q) || other.weight >= req.weight) continue;
    if (lightest.length > 0 && other.weight > lightest[0]!.weight) continue;
    if (lightest.length > 0 && other.weight < lightest[0]!.weight) lightest = [];
    lightest.push(other);
  }
  return lightest.length === 0 ? null : lightest[randomIndex(random, lightest.length)]!;
}

/**
 * Evict the few placements of a region arriving nearest `centre`, draw a few waiting requests
 * with room there once they are out, and arrange them all optimally. A drawn request held back
 * by its unit's caps brings along up to EXACT_UNIT_TRADES of that unit's placements no heavier
 * than itself (from any region), so the search may trade them.
 */
function rearrangeByBranching({ state, journal, random }: MoveContext, regionIndex: number, centre: number): boolean {
  const requests = state.model.requests;
  const region = state.model.regions[regionIndex]!;
  const starts = state.starts;
  const evictions = EXACT_EVICTIONS_MIN + randomIndex(random, EXACT_EVICTIONS_MAX - EXACT_EVICTIONS_MIN + 1);
  const nearest = region.requestIndexes
    .filter((q) => starts[q]! !== UNPLACED)
    .sort((a, b) => Math.abs(starts[a]! - centre) - Math.abs(starts[b]! - centre) || a - b)
    .slice(0, evictions);
  let from = centre;
  let to = centre;
  let weight = 0;
  let deviation = 0;
  const evict = (q: number): void => {
    const req = requests[q]!;
    weight += req.weight;
    deviation += Math.abs(starts[q]! - req.pref);
    journal.mark(q);
    journal.evict(q);
  };
  for (const q of nearest) {
    from = Math.min(from, starts[q]! - region.gap);
    to = Math.max(to, starts[q]! + requests[q]!.days + region.gap);
    evict(q);
  }
  const waiting = region.requestIndexes.filter((q) => {
    const req = requests[q]!;
    return starts[q]! === UNPLACED && !journal.isMarked(q) && req.lo <= to && req.hi + req.days >= from && state.hasRoom(req);
  });
  const drawn: number[] = [];
  while (waiting.length > 0 && drawn.length < EXACT_WAITING) {
    const q = waiting.splice(randomIndex(random, waiting.length), 1)[0]!;
    journal.mark(q);
    drawn.push(q);
    const req = requests[q]!;
    if (state.capsAllow(req)) continue;
    const tradable = state.model.units[req.unitIndex]!.requestIndexes.filter((o) => state.isPlaced(o) && requests[o]!.weight <= req.weight);
    for (let k = 0; k < EXACT_UNIT_TRADES && tradable.length > 0; k++) {
      const o = tradable.splice(randomIndex(random, tradable.length), 1)[0]!;
      evict(o);
      drawn.push(o);
    }
  }
  const candidates = [...nearest, ...drawn].map((q) => requests[q]!);
  const arrangement = bestArrangement(state, candidates, { weight, deviation }, EXACT_NODE_LIMIT);
  if (!arrangement) return false;
  candidates.forEach((req, i) => {
    const start = arrangement.starts[i]!;
    if (start !== UNPLACED) journal.place(req.index, start);
  });
  return true;
}
