// The annual plan's vocabulary (统筹计划): requests in, a proposal out. A request is a wish, not a
// visit: it counts toward nothing until a proposal is committed.
import type { IsoDate } from '../dates.js';
import type { BookingRefusal, BookingRefusalCode, PlacedVisit, QuotaLimits, QuotaUsage, RegionRules, VisitKind } from '../types.js';

export type Priority = 1 | 2 | 3;

export interface PlanRequest {
  id: string;
  unitId: string;
  regionId: string;
  kind: VisitKind;
  /** Inclusive days the visit lasts (1..MAX_VISIT_DAYS). */
  days: number;
  headcount: number;
  /** The visit must lie wholly within earliest..latest, both days inclusive. */
  earliest: IsoDate;
  latest: IsoDate;
  /** Without one, deviation is measured from `earliest` (the unit wants it as early as possible). */
  preferredStart?: IsoDate | null;
  /** 1 is the most important. */
  priority: Priority;
}

export interface PlanInput {
  year: number;
  requests: readonly PlanRequest[];
  /** By region id; every request's region must be here. */
  regions: Readonly<Record<string, RegionRules>>;
  /** Counted visits already booked, all regions and years (the planner picks what it needs). */
  existingVisits: readonly PlacedVisit[];
  /** The year's caps per unit; a unit without an entry gets DEFAULT_QUOTA_LIMITS. */
  limitsByUnit: Readonly<Record<string, QuotaLimits>>;
  /** Counted usage per unit in the year from existing visits; missing means none. */
  usageByUnit: Readonly<Record<string, QuotaUsage>>;
  /** No placement may start before today. */
  today: IsoDate;
  /** Safety net on the search's wall time; default 2,000 ms. */
  timeLimitMs?: number;
  /**
   * The search's cap in iterations (moves); default scales with the number of requests (see
   * solve.ts). Results are a function of the input and this budget only, unless the time
   * limit cuts the search short first.
   */
  maxIterations?: number;
  /** The search stops once this many moves in a row found no better plan; default scales too. */
  stallIterations?: number;
  /** Injectable clock (ms) for the time limit; default performance.now. */
  now?: () => number;
}

export interface Placement {
  requestId: string;
  unitId: string;
  regionId: string;
  startDate: IsoDate;
  endDate: IsoDate;
}

export type UnplacedCode = BookingRefusalCode | 'WINDOW_TOO_NARROW';

export interface Unplaced {
  requestId: string;
  code: UnplacedCode;
}

export interface PlanObjective {
  /** Σ weight of placed requests; weight 3, 2, 1 for priority 1, 2, 3. */
  placedWeight: number;
  /** Σ |startDate − preferredStart| in days (from `earliest` when no preferred start). */
  totalDeviationDays: number;
  /** The arrival-spread penalty of objective.ts (lower is more even). */
  spreadPenalty: number;
}

export interface SearchStats {
  iterations: number;
  /**
   * Why the local search ended: its iteration cap, no better plan for stallIterations moves,
   * or the time-limit safety net (only then may the result depend on the machine's speed).
   */
  stoppedBy: 'iterations' | 'stalled' | 'time';
  elapsedMs: number;
}

export interface Proposal {
  /** In request-id order. */
  placements: Placement[];
  /** In request-id order. */
  unplaced: Unplaced[];
  objective: PlanObjective;
  search: SearchStats;
}

/** Why a placement no longer fits (commit-time stale check), beyond the single-booking refusals. */
export type PlacementRefusal =
  | BookingRefusal
  | { code: 'UNKNOWN_REQUEST' }
  | { code: 'START_BEFORE_TODAY'; today: IsoDate }
  | { code: 'OUTSIDE_PLAN_YEAR'; year: number }
  | { code: 'OUTSIDE_REQUEST_WINDOW'; earliest: IsoDate; latest: IsoDate; days: number };

export interface PlacementCheck {
  requestId: string;
  refusal: PlacementRefusal;
}
