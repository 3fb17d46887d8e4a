// An exact repair for a handful of requests: with everything else held where it is, which of
// them to place and where, best by (weight, then deviation), found by depth-first branch and
// bound. Randomised recipes (insertion.ts) rarely hit a jigsaw like "drop one 7-day visit so
// that a 5-day and a 2-day one fit into a full fortnight"; this does, when the pieces are few.
import type { RequestModel } from './model.js';
import { UNPLACED, type PlanState } from './state.js';

export interface Arrangement {
  /** Start per candidate (same order as given), or UNPLACED. */
  starts: Int32Array;
  weight: number;
  deviation: number;
}

/**
 * The best arrangement of `candidates` (all unplaced on entry, and again on return) that beats
 * `incumbent`, or null when the search found none within `nodeLimit` nodes.
 */
export function bestArrangement(
  state: PlanState,
  candidates: readonly RequestModel[],
  incumbent: { weight: number; deviation: number },
  nodeLimit: number,
): Arrangement | null {
  // Placing candidates only fills days and uses caps, so a start that does not fit now (with
  // all of them out) never will: each candidate's options are filtered once, here.
  const options = candidates.map((req) =>
    state.capsAllow(req) ? req.starts.filter((s) => state.regionAllows(req, s)) : new Int32Array(0),
  );
  // Heavy and tight first: the weight bound prunes sooner, and tight requests branch less.
  const order = [...candidates.keys()]
    .filter((i) => options[i]!.length > 0)
    .sort((a, b) => candidates[b]!.weight - candidates[a]!.weight || options[a]!.length - options[b]!.length || a - b);
  const reqs = order.map((i) => candidates[i]!);
  const starts = order.map((i) => options[i]!);
  const k = reqs.length;
  // Optimistic completions: every remaining request placed, each at its closest option.
  const weightLeft = new Float64Array(k + 1);
  const deviationLeft = new Float64Array(k + 1);
  for (let i = k - 1; i >= 0; i--) {
    const req = reqs[i]!;
    weightLeft[i] = weightLeft[i + 1]! + req.weight;
    deviationLeft[i] = deviationLeft[i + 1]! + Math.abs(starts[i]![0]! - req.pref);
  }

  const chosen = new Int32Array(k).fill(UNPLACED);
  let best: Arrangement | null = null;
  let bestWeight = incumbent.weight;
  let bestDeviation = incumbent.deviation;
  let nodes = 0;

  const visit = (i: number, weight: number, deviation: number): void => {
    if (++nodes > nodeLimit) return;
    const reachable = weight + weightLeft[i]!;
    if (reachable < bestWeight) return;
    // Matching the best weight means placing every remaining request: deviation bound applies.
    if (reachable === bestWeight && deviation + deviationLeft[i]! >= bestDeviation) return;
    if (i === k) {
      bestWeight = weight;
      bestDeviation = deviation;
      const result = new Int32Array(candidates.length).fill(UNPLACED);
      order.forEach((original, j) => {
        result[original] = chosen[j]!;
      });
      best = { starts: result, weight, deviation };
      return;
    }
    const req = reqs[i]!;
    if (state.capsAllow(req)) {
      for (const s of starts[i]!) {
        const dev = Math.abs(s - req.pref);
        // Options come closest first, so once one cannot beat the best deviation, none can.
        if (reachable === bestWeight && deviation + dev + deviationLeft[i + 1]! >= bestDeviation) break;
        if (!state.regionAllows(req, s)) continue;
        state.place(req, s);
        chosen[i] = s;
        visit(i + 1, weight + req.weight, deviation + dev);
        state.remove(req);
        chosen[i] = UNPLACED;
        if (nodes > nodeLimit) return;
      }
    }
    visit(i + 1, weight, deviation);
  };
  visit(0, 0, 0);
  return best;
}
