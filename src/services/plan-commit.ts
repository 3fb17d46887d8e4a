// Committing a proposal: re-check every placement against the current data with the shared
// single-booking rules (checkPlacements), then write all visits in one guarded batch
// (db/repo/plan-commit.ts). Anything that moved since the solve → 409 PLAN_STALE naming the
// requests, and nothing is committed. A proposal commits once; again → 409 INVALID_TRANSITION.
import { commitPlacements, type CommitPlacement } from '../db/repo/plan-commit.js';
import { findProposal, loadPlanYear, type PlanRequestStatus, type PlanYearData, type ProposalRecord } from '../db/repo/plans.js';
import { visitView, type VisitView } from '../db/repo/visits.js';
import type { Actor } from '../domain/actor.js';
import { checkPlacements, type PlacementRefusal } from '../domain/planner/index.js';
import { messagesWaiting, type ServiceDeps, telling, todayOf } from './deps.js';
import { AppError, forbidden, notFound } from './errors.js';
import { invalidPlanTransition, planInputOf } from './plans.js';
import { refusalDetail } from './visit-problems.js';

export type { VisitView };

/** Why one placement no longer fits: a planner refusal with its numbers, or the request left the open state. */
export type StaleReason = { requestId: string; detail: string } & (
  | PlacementRefusal
  | { code: 'REQUEST_NOT_OPEN'; status: PlanRequestStatus }
);

// A refused batch whose placements all pass the re-check means something changed and changed
// back in between; the batch is simply tried again, a bounded number of times.
const ATTEMPTS = 3;

/** A proposal of the year (office); one of another year is "not found" like an unknown one. */
export async function findYearProposal(deps: ServiceDeps, user: Actor, args: { year: number; id: string }): Promise<ProposalRecord> {
  if (user.role !== 'office') throw forbidden('Only the office reads plan proposals.');
  const proposal = await findProposal(deps.db, args.id);
  if (!proposal || proposal.year !== args.year) throw notFound('proposal');
  return proposal;
}

/** The committed proposal and the visits it created, status submitted, earliest first. */
export interface CommittedProposal {
  proposal: ProposalRecord;
  visits: VisitView[];
}

export async function commitProposal(deps: ServiceDeps, user: Actor, args: { year: number; id: string }): Promise<CommittedProposal> {
  if (user.role !== 'office') throw forbidden('Only the office commits the annual plan.');
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const proposal = await findYearProposal(deps, user, args);
    if (proposal.status !== 'open') throw invalidPlanTransition(proposal.status, 'commit', 'proposal');
    const data = await loadPlanYear(deps.db, args.year);
    const stale = staleReasons(data, proposal, todayOf(deps));
    if (stale.length) throw planStale(stale);
    const headcountOf = new Map(data.requests.map((r) => [r.id, r.headcount]));
    const placements: CommitPlacement[] = proposal.result.placements.map((p) => ({ ...p, headcount: headcountOf.get(p.requestId) ?? 0 }));
    const now = deps.now();
    const result = await commitPlacements(deps.db, { proposalId: proposal.id, placements, actorId: user.id, now, telling: telling(deps) });
    if (result.ok) {
      messagesWaiting(deps);
      return { proposal: { ...proposal, status: 'committed', committedAt: now.toISOString() }, visits: result.visits.map(visitView) };
    }
  }
  throw new AppError('CONFLICT', 'The plan year kept changing while the proposal was committed; nothing was committed. Try again.');
}

/** The placements of a proposal that the current data refuses, each with its reason. */
export function staleReasons(data: PlanYearData, proposal: ProposalRecord, today: string): StaleReason[] {
  const input = planInputOf(data, proposal.year, today);
  const requests = new Map(data.requests.map((r) => [r.id, r]));
  return checkPlacements(input, proposal.result.placements).map(({ requestId, refusal }): StaleReason => {
    const request = requests.get(requestId);
    // The input holds open requests only, so a withdrawn or committed one is "unknown" to the planner.
    if (refusal.code === 'UNKNOWN_REQUEST' && request && request.status !== 'open') {
      return { requestId, code: 'REQUEST_NOT_OPEN', status: request.status, detail: `Request ${requestId} is ${request.status}.` };
    }
    return { requestId, ...refusal, detail: placementRefusalDetail(refusal) };
  });
}

function placementRefusalDetail(refusal: PlacementRefusal): string {
  switch (refusal.code) {
    case 'UNKNOWN_REQUEST':
      return 'The placement no longer matches an open request.';
    case 'START_BEFORE_TODAY':
      return `The placement starts before today (${refusal.today}).`;
    case 'OUTSIDE_PLAN_YEAR':
      return `The placement does not start in ${refusal.year}.`;
    case 'OUTSIDE_REQUEST_WINDOW':
      return `The placement is not a ${refusal.days}-day visit within ${refusal.earliest}..${refusal.latest}.`;
    default:
      return refusalDetail(refusal);
  }
}

export function planStale(reasons: StaleReason[]): AppError {
  const requestIds = reasons.map((r) => r.requestId);
  return new AppError(
    'PLAN_STALE',
    `${requestIds.length} placement(s) no longer fit (${requestIds.join(', ')}); nothing was committed. Solve the plan again.`,
    { requestIds, reasons },
  );
}
