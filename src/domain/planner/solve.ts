// solvePlan: requests in, proposal out, no I/O. Greedy start, local search within the
// iteration budget (the time limit is a safety net), then a fill pass, a pull toward preferred
// days, the spread tie-break, and a final re-check of every placement with the shared rules.
import { addDays, fromDayNumber } from '../dates.js';
import { RegionCalendars } from './calendar.js';
import { checkPlacements } from './check.js';
import { greedyOrder, placeWherePossible, pullTowardPreferred } from './greedy.js';
import { buildModel, type PlanModel } from './model.js';
import { seededRandom } from './prng.js';
import { CYCLE_LENGTH, SearchRun, type SearchResult } from './search.js';
import { spreadTies, totalSpreadPenalty } from './spread.js';
import { PlanState } from './state.js';
import type { Placement, PlanInput, Proposal, Unplaced } from './types.js';
import { unplacedCode } from './unplaced.js';

export const DEFAULT_TIME_LIMIT_MS = 2_000;
/** Share of the time limit the search may use; the rest is for the passes and re-checks after it. */
const SEARCH_SHARE_OF_TIME = 0.8;
/** Any fixed seed: it only has to be the same every run. */
const SEARCH_SEED = 0x5eed_2013;

/**
 * The search's default effort: it stops after eight annealing cycles without a better plan,
 * or at a cap that grows with the plan. A plan of a few dozen requests stalls after some
 * 33,000 moves (0.2–0.5 s), well within the default time limit, so there the time limit is
 * only a safety net and the result is reproducible. A plan of thousands of requests runs until
 * the time limit instead (see the bench). Eight cycles rather than four: on 300 seeded HiGHS
 * instances, four missed the optimal weight on about 1 in 100, eight on none.
 */
export function defaultIterations(requestCount: number): { maxIterations: number; stallIterations: number } {
  return { maxIterations: 100_000 + 200 * requestCount, stallIterations: STALL_CYCLES * CYCLE_LENGTH };
}
const STALL_CYCLES = 8;

export function solvePlan(input: PlanInput): Proposal {
  const solving = startSolve(input);
  while (solving.search(Number.POSITIVE_INFINITY) === null);
  return solving.finish();
}

/** A solve in three parts, so a caller may pause between search steps (see SearchRun). */
export interface Solving {
  /** Searches until done (true), or the clock passes `pauseAt` or about `maxMoves` were made (null: call again). */
  search: (pauseAt: number, maxMoves?: number) => true | null;
  /** The proposal, once `search` has answered true. */
  finish: () => Proposal;
}

/** The greedy start and a search ready to run; `solvePlan` runs it all at once. */
export function startSolve(input: PlanInput): Solving {
  const now = input.now ?? (() => performance.now());
  const startedAt = now();
  const model = buildModel(input);
  const state = new PlanState(model);
  const order = greedyOrder(model);
  placeWherePossible(state, order);

  const timeLimitMs = input.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const defaults = defaultIterations(model.requests.length);
  const run = new SearchRun(state, {
    maxIterations: input.maxIterations ?? defaults.maxIterations,
    stallIterations: input.stallIterations ?? defaults.stallIterations,
    deadline: startedAt + timeLimitMs * SEARCH_SHARE_OF_TIME,
    now,
    random: seededRandom(SEARCH_SEED),
  });
  return {
    search: (pauseAt, maxMoves) => (run.step(pauseAt, maxMoves) === null ? null : true),
    finish: () => finishSolve(input, { model, state, order, search: run.result(), elapsedMs: now() - startedAt }),
  };
}

function finishSolve(
  input: PlanInput,
  done: { model: PlanModel; state: PlanState; order: ReturnType<typeof greedyOrder>; search: SearchResult; elapsedMs: number },
): Proposal {
  const { model, state, order } = done;
  placeWherePossible(state, order);
  pullTowardPreferred(state, order);
  placeWherePossible(state, order);
  spreadTies(state);

  const placements: Placement[] = [];
  for (const req of model.requests) {
    if (!state.isPlaced(req.index)) continue;
    const startDate = fromDayNumber(model.base + state.starts[req.index]!);
    const { id: requestId, unitId, regionId } = req.request;
    placements.push({ requestId, unitId, regionId, startDate, endDate: addDays(startDate, req.days - 1) });
  }
  const refused = checkPlacements(input, placements);
  if (refused.length > 0) {
    throw new Error(
      `planner invariant broken: the shared rules refuse ${refused.map((r) => `${r.requestId} (${r.refusal.code})`).join(', ')}`,
    );
  }

  const calendars = new RegionCalendars();
  for (const v of input.existingVisits) calendars.add(v.regionId, v);
  for (const p of placements) calendars.add(p.regionId, p);
  const unplaced: Unplaced[] = model.requests
    .filter((req) => !state.isPlaced(req.index))
    .map((req) => ({ requestId: req.request.id, code: unplacedCode(state, req, calendars) }));

  return {
    placements,
    unplaced,
    objective: { placedWeight: state.placedWeight, totalDeviationDays: state.deviation, spreadPenalty: totalSpreadPenalty(state) },
    search: { ...done.search, elapsedMs: done.elapsedMs },
  };
}
