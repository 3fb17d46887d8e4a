// The annual planner (统筹计划): a pure solver from plan requests to a proposal, and the
// re-check the commit uses to find placements that went stale.
export { checkPlacements } from './check.js';
export { weightOf, spreadPenalty } from './objective.js';
export { DEFAULT_TIME_LIMIT_MS, defaultIterations, type Solving, solvePlan, startSolve } from './solve.js';
export type {
  PlacementCheck,
  PlacementRefusal,
  Placement,
  PlanInput,
  PlanObjective,
  PlanRequest,
  Priority,
  Proposal,
  SearchStats,
  Unplaced,
  UnplacedCode,
} from './types.js';
