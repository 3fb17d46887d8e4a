// An exact repair for a stretch of a region that takes one delegation a day: in a fixed order,
// which requests to place and where, by dynamic programming over "the earliest day the next
// arrival may start". With room for one delegation, visits cannot overlap and arrivals must be
// minGapDays apart, so in date order only neighbours interact: the next start must be at least
// start + max(days, gap). That makes a tightly packed fortnight, where every visit must shift
// a few days to let one more in, a polynomial problem for a given order (and the order is
// drawn by the caller), where the branch and bound of exact-repair.ts would drown.
import type { RequestModel } from './model.js';
import { UNPLACED, type PlanState } from './state.js';

/** Weight outranks any deviation: lexicographic values as one number. */
const WEIGHT_UNIT = 1_000_000;

/**
 * For `ordered` (all unplaced, region limit 1), the starts of the best arrangement that keeps
 * their order, as a value weight × WEIGHT_UNIT − deviation; caps are the caller's to check.
 */
export function bestLine(state: PlanState, ordered: readonly RequestModel[]): { starts: Int32Array; value: number } {
  const k = ordered.length;
  const gap = k === 0 ? 0 : state.model.regions[ordered[0]!.regionIndex]!.gap;
  const options = ordered.map((req) =>
    state.capsAllow(req) ? Int32Array.from(req.startsByDate).filter((s) => state.regionAllows(req, s)) : new Int32Array(0),
  );
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  ordered.forEach((req, i) => {
    const opts = options[i]!;
    if (opts.length === 0) return;
    first = Math.min(first, opts[0]!);
    last = Math.max(last, opts[opts.length - 1]! + Math.max(req.days, gap));
  });
  const starts = new Int32Array(k).fill(UNPLACED);
  if (first > last) return { starts, value: 0 };
  const span = last - first + 1;
  // value[i][t]: best for requests i.. when the next arrival may start at first + t or later.
  const value = Array.from({ length: k + 1 }, () => new Float64Array(span + 1));
  const choice = Array.from({ length: k }, () => new Int32Array(span + 1).fill(UNPLACED));
  for (let i = k - 1; i >= 0; i--) {
    const req = ordered[i]!;
    const opts = options[i]!;
    const here = value[i]!;
    const next = value[i + 1]!;
    // Sweep t downward so each option is considered once for all t at or below it.
    let best = Number.NEGATIVE_INFINITY;
    let bestStart = UNPLACED;
    let o = opts.length - 1;
    for (let t = span; t >= 0; t--) {
      while (o >= 0 && opts[o]! - first >= t) {
        const s = opts[o]!;
        const after = Math.min(span, s - first + Math.max(req.days, gap));
        const v = req.weight * WEIGHT_UNIT - Math.abs(s - req.pref) + next[after]!;
        if (v >= best) {
          best = v;
          bestStart = s;
        }
        o--;
      }
      if (best > next[t]!) {
        here[t] = best;
        choice[i]![t] = bestStart;
      } else {
        here[t] = next[t]!;
      }
    }
  }
  let t = 0;
  for (let i = 0; i < k; i++) {
    const s = choice[i]![t]!;
    if (s === UNPLACED) continue;
    starts[i] = s;
    t = Math.min(span, s - first + Math.max(ordered[i]!.days, gap));
  }
  return { starts, value: value[0]![0]! };
}

export function lineValue(weight: number, deviation: number): number {
  return weight * WEIGHT_UNIT - deviation;
}
