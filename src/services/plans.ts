// The annual plan (统筹计划, docs/API.md "Annual plan"), shared by the JSON API and the office
// page: file, list and withdraw requests, and solve a year into a stored proposal. Committing a
// proposal is plan-commit.ts; what the office's plan page shows is plan-overview.ts. Refusals are
// thrown as AppError; each caller renders them its way.
import type { Actor } from '../domain/actor.js';
import {
  canSeePlanRequest,
  findPlanRequest,
  insertPlanRequest,
  insertProposal,
  type PlanRequestKey,
  planRequestPage,
  loadPlanYear,
  withdrawPlanRequest,
  planRequestView,
  type PlanRequestRow,
  type PlanRequestView,
  type PlanYearData,
  type ProposalRecord,
} from '../db/repo/plans.js';
import { findRegion, findUnit } from '../db/repo/reference.js';
import { condolenceIssues } from '../domain/condolence.js';
import { addDays, yearOf } from '../domain/dates.js';
import { type PlanInput, type PlanRequest, type Priority, type Proposal, startSolve } from '../domain/planner/index.js';
import { sha256Hex } from '../lib/crypto.js';
import { CPU_SLICE_MS, yieldToEventLoop } from '../lib/yield.js';
import type { PlanRequestFilterInput, PlanRequestInput } from '../schemas/plans.js';
import { type ServiceDeps, todayOf } from './deps.js';
import { AppError, forbidden, notFound, type ValidationIssue, validationFailed } from './errors.js';
import { type CursorShape, decodeCursor, type Page, pageFrom, pageSize } from './paging.js';

export type { PlanRequestInput, PlanRequestRow, PlanRequestView, PlanYearData, ProposalRecord };
export { planRequestView };

/**
 * Date rules across fields. A visit counts in the year it starts, so `earliest` lies in the plan
 * year and `latest` may run into the next year only as far as a visit starting on 31 December
 * could last. A window too short for the visit is accepted: the solver reports it as
 * WINDOW_TOO_NARROW, like any other reason a wish cannot be met.
 */
export function planRequestIssues(year: number, r: PlanRequestInput, today: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (yearOf(r.earliest) !== year) issues.push({ path: 'earliest', message: `must be in ${year}: a visit counts in the year it starts` });
  const lastEnd = addDays(`${year}-12-31`, r.days - 1);
  if (r.latest < r.earliest) issues.push({ path: 'latest', message: 'must not be before earliest' });
  else if (r.latest > lastEnd)
    issues.push({ path: 'latest', message: `a ${r.days}-day visit starting in ${year} ends by ${lastEnd} at the latest` });
  else if (r.latest < today) issues.push({ path: 'latest', message: `must not be in the past (today is ${today})` });
  if (r.preferredStart != null && r.latest >= r.earliest) {
    const lastStart = addDays(r.latest, -(r.days - 1));
    if (lastStart < r.earliest) {
      issues.push({
        path: 'preferredStart',
        message: `no ${r.days}-day visit fits between ${r.earliest} and ${r.latest}, so no start can be preferred`,
      });
    } else if (r.preferredStart < r.earliest || r.preferredStart > lastStart) {
      issues.push({ path: 'preferredStart', message: `must leave room for the whole visit: between ${r.earliest} and ${lastStart}` });
    }
  }
  return issues;
}

/** The unit a request is for: a unit's own (naming another is forbidden), or the one the office names. */
async function requestUnit(deps: ServiceDeps, user: Actor, requested: string | undefined, issues: ValidationIssue[]): Promise<string> {
  if (user.role === 'unit') return user.unitId ?? '';
  if (!requested) issues.push({ path: 'unitId', message: 'required when the office files a request for a unit' });
  else if (!(await findUnit(deps.db, requested))) issues.push({ path: 'unitId', message: `unknown unit "${requested}"` });
  return requested ?? '';
}

export async function submitPlanRequest(
  deps: ServiceDeps,
  user: Actor,
  args: { year: number; request: PlanRequestInput },
): Promise<PlanRequestRow> {
  const { year, request: input } = args;
  if (user.role === 'hq') throw forbidden('Only units and the office file plan requests.');
  if (user.role === 'unit' && input.unitId !== undefined && input.unitId !== user.unitId) {
    throw forbidden('A unit files requests for itself only; leave unitId out.');
  }
  const issues = [...planRequestIssues(year, input, todayOf(deps)), ...condolenceIssues(input)];
  if (!(await findRegion(deps.db, input.regionId))) issues.unshift({ path: 'regionId', message: `unknown region "${input.regionId}"` });
  const unitId = await requestUnit(deps, user, input.unitId, issues);
  if (issues.length) throw validationFailed(issues);
  const { regionId, kind, days, headcount, earliest, latest, priority, leaderName, purpose } = input;
  return insertPlanRequest(deps.db, {
    request: {
      year,
      unitId,
      regionId,
      kind,
      days,
      headcount,
      earliest,
      latest,
      preferredStart: input.preferredStart ?? null,
      priority,
      leaderName,
      purpose,
      cadresVisited: input.cadresVisited ?? null,
      consolationYuan: input.consolationYuan ?? null,
    },
    actorId: user.id,
    now: deps.now(),
  });
}

const PLAN_REQUEST_KEY: CursorShape = ['string', 'string', 'string', 'string'];

/** A page of the year's requests the caller may see: the office all, an HQ its region's, a unit its own. */
export async function listYearRequests(
  deps: ServiceDeps,
  user: Actor,
  args: { year: number; filter?: PlanRequestFilterInput },
): Promise<Page<PlanRequestRow>> {
  const { limit, cursor, ...filter } = args.filter ?? {};
  const size = pageSize({ limit });
  const after = decodeCursor(cursor, PLAN_REQUEST_KEY) as PlanRequestKey | null;
  const rows = await planRequestPage(deps.db, user, { year: args.year, filter, size, after });
  return pageFrom(rows, size, (r) => [r.regionId, r.earliest, r.createdAt, r.id]);
}

export async function withdrawYearRequest(deps: ServiceDeps, user: Actor, args: { year: number; id: string }): Promise<PlanRequestRow> {
  const { year, id } = args;
  const request = await findPlanRequest(deps.db, id);
  if (!request || request.year !== year || !canSeePlanRequest(user, request)) throw notFound('plan request');
  if (!(user.role === 'office' || (user.role === 'unit' && user.unitId === request.unitId))) {
    throw forbidden('Only the unit that filed the request, or the office, may withdraw it.');
  }
  const withdrawn = await withdrawPlanRequest(deps.db, { id, actorId: user.id, now: deps.now() });
  if (withdrawn) return withdrawn;
  // Not open at the moment of the write (perhaps committed or withdrawn just now): say what it is.
  const current = await findPlanRequest(deps.db, id);
  throw invalidPlanTransition(current?.status ?? request.status, 'withdraw', 'request');
}

export function invalidPlanTransition(from: string, action: string, what: 'request' | 'proposal'): AppError {
  return new AppError('INVALID_TRANSITION', `A ${from} plan ${what} cannot be given "${action}".`, { from, action });
}

function priorityOf(value: number): Priority {
  if (value === 1 || value === 2 || value === 3) return value;
  throw new RangeError(`stored plan request priority ${value} is not 1, 2 or 3`);
}

/** The solver's input: the year's OPEN requests against the current rules, visits, caps and today. */
export function planInputOf(data: PlanYearData, year: number, today: string): PlanInput {
  const requests: PlanRequest[] = data.requests
    .filter((r) => r.status === 'open')
    .map((r) => ({
      id: r.id,
      unitId: r.unitId,
      regionId: r.regionId,
      kind: r.kind,
      days: r.days,
      headcount: r.headcount,
      earliest: r.earliest,
      latest: r.latest,
      preferredStart: r.preferredStart,
      priority: priorityOf(r.priority),
    }));
  return {
    year,
    requests,
    regions: data.regions,
    existingVisits: data.existingVisits,
    limitsByUnit: data.limitsByUnit,
    usageByUnit: data.usageByUnit,
    today,
  };
}

/**
 * A hash of what the solver saw, without `today` (a proposal does not go out of date overnight
 * unless a placement starts in the past, which the commit re-check catches) and only the caps of
 * units with requests. Equal fingerprints: solving again would see the same problem.
 */
export function inputFingerprint(input: PlanInput): Promise<string> {
  const units = [...new Set(input.requests.map((r) => r.unitId))].sort();
  const regions = Object.keys(input.regions).sort();
  return sha256Hex(
    JSON.stringify({
      year: input.year,
      requests: [...input.requests].sort((a, b) => (a.id < b.id ? -1 : 1)),
      regions: regions.map((id) => [id, input.regions[id]]),
      visits: [...input.existingVisits].sort((a, b) => (a.id < b.id ? -1 : 1)),
      limits: units.map((id) => [id, input.limitsByUnit[id] ?? null]),
      usage: units.map((id) => [id, input.usageByUnit[id] ?? null]),
    }),
  );
}

export async function solveYear(deps: ServiceDeps, user: Actor, args: { year: number; timeLimitMs?: number }): Promise<ProposalRecord> {
  const { year, timeLimitMs } = args;
  if (user.role !== 'office') throw forbidden('Only the office solves the annual plan.');
  const today = todayOf(deps);
  const input = planInputOf(await loadPlanYear(deps.db, year), year, today);
  const proposal = deps.offload ? await deps.offload.solvePlan({ ...input, timeLimitMs }) : await solveInSlices({ ...input, timeLimitMs });
  return insertProposal(deps.db, {
    year,
    result: { ...proposal, requestIds: input.requests.map((r) => r.id), inputFingerprint: await inputFingerprint(input), today },
    actorId: user.id,
    now: deps.now(),
  });
}

/**
 * The solve on this thread, its search in slices: it may run for seconds (timeLimitMs up to
 * 10 s), so other requests are answered between slices. The slices change nothing in what the
 * search finds.
 */
/** Moves per slice where the clock does not advance while code runs (Workers): a few ms of work. */
const SLICE_MOVES = 2_000;

async function solveInSlices(input: PlanInput): Promise<Proposal> {
  const solving = startSolve(input);
  while (solving.search(performance.now() + CPU_SLICE_MS, SLICE_MOVES) === null) await yieldToEventLoop();
  return solving.finish();
}

/** Would solving again see the same problem? (Requests, rules, visits and caps unchanged since the solve.) */
export async function proposalUpToDate(deps: ServiceDeps, proposal: ProposalRecord): Promise<boolean> {
  const input = planInputOf(await loadPlanYear(deps.db, proposal.year), proposal.year, todayOf(deps));
  return (await inputFingerprint(input)) === proposal.result.inputFingerprint;
}
