// The annual planner at scale: 2,000 requests over 4 regions and a whole year, solved within
// the default time limit, against the LP-relaxation bound HiGHS gives for the same instance's
// weight objective. Run alone with `npx tsx test/bench/planner-bench.ts` (prints JSON).
import highsLoader from 'highs';
import { pathToFileURL } from 'node:url';
import { DEFAULT_TIME_LIMIT_MS, solvePlan, type PlanObjective, type SearchStats } from '../../src/domain/planner/index.js';
import { weightRelaxationBound } from '../domain/planner/exact-mip.js';
import { generateInstance, type InstanceShape } from '../domain/planner/generate.js';

/**
 * A busy year: 60 units asking for 2,000 visits, ~500 per region against room for 6–9
 * delegations a day and at most one arrival a day in some regions, existing bookings, a few
 * blackouts, and caps that bind for some units. Not every request can be placed; that is the
 * point.
 */
export const BENCH_SHAPE: InstanceShape = {
  year: 2027,
  periodStart: '2027-01-01',
  periodDays: 365,
  today: '2026-12-20',
  regions: 4,
  units: 60,
  requests: 2_000,
  days: [2, 8],
  slack: [3, 40],
  capacity: [6, 9],
  gap: [0, 1],
  blackoutsPerRegion: [1, 3],
  existingPerRegion: [60, 120],
  maxBatches: [25, 40],
  usedBatches: [0, 5],
  maxPersonTrips: [200, 350],
  maxHeadcountPerBatch: [12, 20],
  headcount: [2, 18],
  noPreferenceShare: 0.2,
};

export interface PlannerBenchResult {
  requests: number;
  placed: number;
  placedShare: number;
  objective: PlanObjective;
  search: SearchStats;
  lpBound: number;
  /** (LP bound − placed weight) / LP bound, in percent: an upper bound on the true optimality gap. */
  gapPercent: number;
  ms: number;
  timeLimitMs: number;
  lp: { variables: number; rows: number; ms: number };
}

export async function benchPlanner(): Promise<PlannerBenchResult> {
  const input = generateInstance(2027, BENCH_SHAPE);
  const started = performance.now();
  const proposal = solvePlan(input);
  const ms = performance.now() - started;
  const highs = await highsLoader();
  // Primal simplex: on this LP about 5× faster than HiGHS's default dual simplex, same bound.
  const lp = weightRelaxationBound(highs, input, { solver: 'simplex', simplex_strategy: 4 });
  const placedWeight = proposal.objective.placedWeight;
  return {
    requests: input.requests.length,
    placed: proposal.placements.length,
    placedShare: proposal.placements.length / input.requests.length,
    objective: proposal.objective,
    search: proposal.search,
    lpBound: lp.bound,
    gapPercent: (100 * (lp.bound - placedWeight)) / lp.bound,
    ms,
    timeLimitMs: DEFAULT_TIME_LIMIT_MS,
    lp: { variables: lp.variables, rows: lp.rows, ms: lp.ms },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await benchPlanner(), null, 2));
}
