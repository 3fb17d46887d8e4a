// Local search over the greedy start (moves.ts). Moves are accepted by simulated annealing on
// WEIGHT_SCALE × weight − deviation, so the search can cross a valley (give up a few days, or
// briefly one low-priority request) to reach a plan that places more; what it returns is the
// best plan seen, compared lexicographically (weight, then deviation). The temperature falls
// through cycles of CYCLE_LENGTH moves, each starting again from the best plan so far. The
// cycle is fixed rather than scaled with the plan so that on thousands of requests, where the
// time limit ends the search, several full cool-downs still fit in it.
//
// Determinism: every choice comes from a seeded PRNG, stable index orders and the iteration
// count (never the clock), so the result is a function of the input and the iteration budget.
// The wall-clock limit is only a safety net: when it cuts the search short (huge inputs, slow
// machines), the result depends on how far the search got, hence on the machine's speed.
import { Moves } from './moves.js';
import { UNPLACED, type PlanState } from './state.js';

export interface SearchOptions {
  maxIterations: number;
  /** Stop once this many moves in a row found no better plan. */
  stallIterations: number;
  /** Absolute time (in `now` units, ms) after which the search stops. */
  deadline: number;
  now: () => number;
  random: () => number;
}

/**
 * For acceptance only: one unit of weight counts like this many days of deviation. At the
 * starting temperature, losing a priority-3 request is accepted about once in 150 tries, so
 * the search mostly trades days, and weight only rarely (smaller scales, tried on the HiGHS
 * instances, lost weight far more often than they found it).
 */
const WEIGHT_SCALE = 40;
const START_TEMPERATURE = 8;
const END_TEMPERATURE = 0.2;
export const CYCLE_LENGTH = 4_000;

export type StopReason = 'iterations' | 'stalled' | 'time';

export function improveBySearch(state: PlanState, options: SearchOptions): { iterations: number; stoppedBy: StopReason } {
  // Nothing to move: every request is out of reach (window, headcount) from the start.
  if (state.placed.size === 0 && state.waiting.size === 0) return { iterations: 0, stoppedBy: 'stalled' };
  const moves = new Moves(state, options.random);
  const best = new BestPlan(state);
  const score = (): number => WEIGHT_SCALE * state.placedWeight - state.deviation;
  let iterations = 0;
  let stoppedBy: StopReason = 'iterations';
  while (iterations < options.maxIterations) {
    if (iterations - best.foundAt >= options.stallIterations) {
      stoppedBy = 'stalled';
      break;
    }
    // Reading the clock every iteration would cost more than a small move.
    if (iterations % 16 === 0 && options.now() >= options.deadline) {
      stoppedBy = 'time';
      break;
    }
    const progress = (iterations % CYCLE_LENGTH) / CYCLE_LENGTH;
    if (progress === 0 && iterations > 0) best.restore(state);
    const temperature = START_TEMPERATURE * (END_TEMPERATURE / START_TEMPERATURE) ** progress;
    const before = score();
    if (moves.apply()) {
      const change = score() - before;
      if (change < 0 && options.random() >= Math.exp(change / temperature)) moves.undo();
      else best.offer(state, iterations);
    }
    iterations++;
  }
  best.restore(state);
  return { iterations, stoppedBy };
}

/** The lexicographically best plan seen: most weight, then least deviation. */
class BestPlan {
  private readonly starts: Int32Array;
  private weight: number;
  private deviation: number;
  /** The iteration that found it. */
  foundAt = 0;

  constructor(state: PlanState) {
    this.starts = Int32Array.from(state.starts);
    this.weight = state.placedWeight;
    this.deviation = state.deviation;
  }

  offer(state: PlanState, iteration: number): void {
    if (state.placedWeight < this.weight || (state.placedWeight === this.weight && state.deviation >= this.deviation)) return;
    this.starts.set(state.starts);
    this.weight = state.placedWeight;
    this.deviation = state.deviation;
    this.foundAt = iteration;
  }

  restore(state: PlanState): void {
    const requests = state.model.requests;
    for (const req of requests) if (state.isPlaced(req.index)) state.remove(req);
    for (const req of requests) if (this.starts[req.index]! !== UNPLACED) state.place(req, this.starts[req.index]!);
  }
}
