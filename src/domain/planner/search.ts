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

export interface SearchResult {
  iterations: number;
  stoppedBy: StopReason;
}

export function improveBySearch(state: PlanState, options: SearchOptions): SearchResult {
  const run = new SearchRun(state, options);
  while (run.step(Number.POSITIVE_INFINITY) === null);
  return run.result();
}

/**
 * The search, resumable: `step` runs moves until the search stops or the clock passes a pause
 * time, so a caller can hand the thread to other work between steps (a solve of several seconds
 * must not hold a server's event loop). Where it pauses changes nothing in what it finds: every
 * choice comes from the PRNG and the iteration count, as in one uninterrupted run.
 */
export class SearchRun {
  private readonly moves: Moves | null;
  private readonly best: BestPlan | null;
  private iterations = 0;
  private stoppedBy: StopReason | null = null;

  constructor(
    private readonly state: PlanState,
    private readonly options: SearchOptions,
  ) {
    // Nothing to move: every request is out of reach (window, headcount) from the start.
    const idle = state.placed.size === 0 && state.waiting.size === 0;
    this.moves = idle ? null : new Moves(state, options.random);
    this.best = idle ? null : new BestPlan(state);
    if (idle) this.stoppedBy = 'stalled';
  }

  /**
   * Runs until the search stops (its reason), or `now()` reaches `pauseAt`, or about `maxMoves`
   * moves were made (null: call again). The move count bounds a step where the clock stands
   * still while code runs (Workers).
   */
  step(pauseAt: number, maxMoves = Number.POSITIVE_INFINITY): StopReason | null {
    const { moves, best, state, options } = this;
    if (this.stoppedBy !== null || moves === null || best === null) return this.stoppedBy;
    const score = (): number => WEIGHT_SCALE * state.placedWeight - state.deviation;
    const until = this.iterations + maxMoves;
    while (this.iterations < options.maxIterations) {
      const iterations = this.iterations;
      if (iterations - best.foundAt >= options.stallIterations) return this.stop('stalled');
      // Reading the clock every iteration would cost more than a small move.
      if (iterations % 16 === 0) {
        const now = options.now();
        if (now >= options.deadline) return this.stop('time');
        if (now >= pauseAt || iterations >= until) return null;
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
      this.iterations++;
    }
    return this.stop('iterations');
  }

  /** How the search ended; call once `step` has returned a reason. */
  result(): SearchResult {
    if (this.stoppedBy === null) throw new Error('the search has not stopped yet');
    return { iterations: this.iterations, stoppedBy: this.stoppedBy };
  }

  private stop(reason: StopReason): StopReason {
    this.stoppedBy = reason;
    this.best?.restore(this.state);
    return reason;
  }
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
