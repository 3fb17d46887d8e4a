// Booking, editing and moving a visit along its workflow, shared by the JSON API and the web
// pages so both apply the same checks in the same order. Refusals are thrown as AppError; each
// caller renders them its way. Reads of visits: visit-reads.ts.
import { findRegion, findUnit } from '../db/repo/reference.js';
import type { VisitRow } from '../db/repo/visits.js';
import type { Actor } from '../domain/actor.js';
import { condolenceIssues } from '../domain/condolence.js';
import { inclusiveDays } from '../domain/dates.js';
import { MAX_VISIT_DAYS } from '../domain/types.js';
import { actorsOf, EDITABLE_VISIT_STATUSES, mayPerform, nextStatus, VISIT_TRANSITIONS, type VisitAction } from '../domain/workflow.js';
import type { NewVisitInput, VisitPatchInput } from '../schemas/visits.js';
import { type ServiceDeps, todayOf } from './deps.js';
import { forbidden, type ValidationIssue, validationFailed } from './errors.js';
import { visibleVisit } from './visit-reads.js';
import { invalidTransition, unwrapVisitWrite } from './visit-problems.js';
import { visitWarnings, type VisitWarning } from './visit-warnings.js';
import { createVisit, transitionVisit, updateVisit, type VisitFields } from './visit-writes.js';

export type { VisitAction, VisitWarning };

/** Date rules that need more than one field, or today's date: order, length, not in the past. */
export function visitDateIssues(dates: { startDate: string; endDate: string }, today: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (dates.endDate < dates.startDate) {
    issues.push({ path: 'endDate', message: 'must not be before startDate' });
  } else if (inclusiveDays(dates.startDate, dates.endDate) > MAX_VISIT_DAYS) {
    issues.push({ path: 'endDate', message: `a visit may last at most ${MAX_VISIT_DAYS} days (inclusive)` });
  }
  if (dates.startDate < today) issues.push({ path: 'startDate', message: `must not be in the past (today is ${today})` });
  return issues;
}

/**
 * Field problems found before writing. An unknown region is looked up here only when something
 * else is already wrong, so one 422 names every fault; otherwise the guarded write refuses it
 * (its guard requires the region) and the write's result says so, which saves a booking a read.
 */
async function fieldIssues(deps: ServiceDeps, fields: VisitFields, checkPast: boolean): Promise<ValidationIssue[]> {
  const issues = [...visitDateIssues(fields, checkPast ? todayOf(deps) : '0000-00-00'), ...condolenceIssues(fields)];
  if (issues.length && !(await findRegion(deps.db, fields.regionId)))
    issues.unshift({ path: 'regionId', message: `unknown region "${fields.regionId}"` });
  return issues;
}

/** The unit a booking is for: always the account's own unit for unit users; named by the office. */
async function bookingUnit(deps: ServiceDeps, actor: Actor, requested: string | undefined): Promise<string> {
  if (actor.role === 'unit') {
    if (requested !== undefined && requested !== actor.unitId) throw forbidden('A unit books for itself only; leave unitId out.');
    return actor.unitId ?? '';
  }
  if (actor.role !== 'office') throw forbidden('Only units and the office book visits.');
  if (!requested) throw validationFailed([{ path: 'unitId', message: 'required when the office books for a unit' }]);
  if (!(await findUnit(deps.db, requested))) throw validationFailed([{ path: 'unitId', message: `unknown unit "${requested}"` }]);
  return requested;
}

export interface BookedVisit {
  row: VisitRow;
  /** An idempotent retry: the visit the same key booked before. */
  replayed: boolean;
  warnings: VisitWarning[];
}

/** A booking; `idempotencyKey` makes retries safe (the same key from the same unit books once). */
export type BookVisitInput = NewVisitInput & { idempotencyKey?: string | null };

export async function bookVisit(deps: ServiceDeps, actor: Actor, input: BookVisitInput): Promise<BookedVisit> {
  const { unitId: requestedUnit, idempotencyKey = null, ...body } = input;
  const fields: VisitFields = {
    ...body,
    leaderTitle: body.leaderTitle ?? null,
    cadresVisited: body.cadresVisited ?? null,
    consolationYuan: body.consolationYuan ?? null,
  };
  if (actor.role === 'hq') throw forbidden('Only units and the office book visits.');
  const issues = await fieldIssues(deps, fields, true);
  if (issues.length) throw validationFailed(issues);
  const unitId = await bookingUnit(deps, actor, requestedUnit);
  const result = await createVisit(deps, { fields, unitId, actorId: actor.id, now: deps.now(), idempotencyKey });
  const { row, replayed } = unwrapVisitWrite(result, 'create');
  return { row, replayed, warnings: await visitWarnings(deps, row) };
}

/** An edit by the unit that booked the visit, or the office; the visit goes back to submitted. */
export async function editVisit(deps: ServiceDeps, actor: Actor, input: { id: string; patch: VisitPatchInput }): Promise<BookedVisit> {
  const { patch } = input;
  const current = await visibleVisit(deps, actor, input.id);
  if (!(actor.role === 'office' || (actor.role === 'unit' && actor.unitId === current.unitId))) {
    throw forbidden('Only the unit that booked the visit, or the office, may edit it.');
  }
  if (!EDITABLE_VISIT_STATUSES.includes(current.status)) throw invalidTransition(current.status, 'edit');
  const fields: VisitFields = {
    regionId: patch.regionId ?? current.regionId,
    kind: patch.kind ?? current.kind,
    startDate: patch.startDate ?? current.startDate,
    endDate: patch.endDate ?? current.endDate,
    headcount: patch.headcount ?? current.headcount,
    leaderName: patch.leaderName ?? current.leaderName,
    leaderTitle: patch.leaderTitle === undefined ? current.leaderTitle : patch.leaderTitle,
    purpose: patch.purpose ?? current.purpose,
    cadresVisited: patch.cadresVisited === undefined ? current.cadresVisited : patch.cadresVisited,
    consolationYuan: patch.consolationYuan === undefined ? current.consolationYuan : patch.consolationYuan,
  };
  // Moving a visit to a past day is refused; an unchanged start that has meanwhile passed is not.
  const issues = await fieldIssues(deps, fields, fields.startDate !== current.startDate);
  if (issues.length) throw validationFailed(issues);
  const result = await updateVisit(deps, { id: current.id, fields, actorId: actor.id, now: deps.now() });
  const { row, replayed } = unwrapVisitWrite(result, 'edit');
  return { row, replayed, warnings: await visitWarnings(deps, row) };
}

export const ACTION_ACTORS: Record<VisitAction, string> = {
  coordinate: "the HQ of the visit's region",
  approve: 'the office',
  reject: 'the office',
  withdraw: 'the unit that booked it',
  cancel: 'the unit that booked it, or the office',
};

export interface VisitActionInput {
  id: string;
  action: VisitAction;
  /** The HQ's decision when coordinating. */
  agree?: boolean;
  /** The audit note: the opinion, the reason. */
  note: string | null;
  /** The HQ's coordination opinion, kept on the visit: optional when agreeing, required when not. */
  opinion?: string | null;
}

/** One workflow step; approval re-checks every booking rule against the approved visits. */
export async function performVisitAction(deps: ServiceDeps, actor: Actor, input: VisitActionInput): Promise<BookedVisit> {
  const { action } = input;
  const visit = await visibleVisit(deps, actor, input.id);
  if (!mayPerform(action, actorsOf(actor, visit))) throw forbidden(`Only ${ACTION_ACTORS[action]} may ${action} this visit.`);
  // Disagreeing rejects the visit: its unit is owed the reason.
  if (action === 'coordinate' && input.agree === false && !input.opinion) {
    throw validationFailed([{ path: 'opinion', message: 'required when disagreeing: say why the visit cannot go ahead' }]);
  }
  const to = nextStatus(visit.status, action, { agree: input.agree });
  if (!to) throw invalidTransition(visit.status, action);
  const result = await transitionVisit(deps, {
    id: visit.id,
    action,
    from: VISIT_TRANSITIONS[action].from,
    to,
    actorId: actor.id,
    now: deps.now(),
    note: input.note,
    recheckAgainstApproved: action === 'approve',
    coordinationOpinion: input.opinion ?? undefined,
    // The reason the office rejects with, or anyone cancels with, stays on the visit for its unit.
    decisionReason: action === 'reject' || action === 'cancel' ? input.note : undefined,
  });
  const { row, replayed } = unwrapVisitWrite(result, action);
  return { row, replayed, warnings: await visitWarnings(deps, row) };
}
