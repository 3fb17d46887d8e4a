// Booking and editing a visit, shared by the JSON API and the web pages so both apply the same
// checks in the same order. Failures are thrown as Problems; each caller renders them its way.
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { Actor } from '../domain/actor.js';
import { findRegion, findUnit } from '../db/repo/reference.js';
import { visitWarnings, type VisitWarning } from '../db/repo/visit-warnings.js';
import { createVisit, transitionVisit, updateVisit, type VisitFields } from '../db/repo/visit-writes.js';
import { canSeeVisit, findVisit, type VisitRow } from '../db/repo/visits.js';
import { calendarDayIn, inclusiveDays, PROGRAMME_TIME_ZONE } from '../domain/dates.js';
import { MAX_VISIT_DAYS } from '../domain/types.js';
import { actorsOf, EDITABLE_VISIT_STATUSES, mayPerform, nextStatus, VISIT_TRANSITIONS, type VisitAction } from '../domain/workflow.js';
import { forbidden, notFound, type ValidationIssue, validationFailed } from './errors.js';
import { invalidTransition, unwrapVisitWrite } from './visit-problems.js';

export interface VisitInput {
  regionId: string;
  kind: VisitFields['kind'];
  startDate: string;
  endDate: string;
  headcount: number;
  leaderName: string;
  leaderTitle?: string | null;
  purpose: string;
  cadresVisited?: number | null;
  consolationYuan?: number | null;
}

export function todayOf(c: Context<AppEnv>): string {
  return calendarDayIn(PROGRAMME_TIME_ZONE, c.var.now());
}

/** The visit if the caller may see it; a 404 otherwise, so others' visits stay invisible. */
export async function visibleVisit(c: Context<AppEnv>, user: Actor, id: string): Promise<VisitRow> {
  const row = await findVisit(c.var.db, id);
  if (!row || !canSeeVisit(user, row)) throw notFound('visit');
  return row;
}

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
async function fieldIssues(c: Context<AppEnv>, fields: VisitFields, checkPast: boolean): Promise<ValidationIssue[]> {
  const issues = visitDateIssues(fields, checkPast ? todayOf(c) : '0000-00-00');
  if (issues.length && !(await findRegion(c.var.db, fields.regionId)))
    issues.unshift({ path: 'regionId', message: `unknown region "${fields.regionId}"` });
  return issues;
}

/** The unit a booking is for: always the account's own unit for unit users; named by the office. */
async function bookingUnit(c: Context<AppEnv>, user: Actor, requested: string | undefined): Promise<string> {
  if (user.role === 'unit') {
    if (requested !== undefined && requested !== user.unitId) throw forbidden('A unit books for itself only; leave unitId out.');
    return user.unitId ?? '';
  }
  if (user.role !== 'office') throw forbidden('Only units and the office book visits.');
  if (!requested) throw validationFailed([{ path: 'unitId', message: 'required when the office books for a unit' }]);
  if (!(await findUnit(c.var.db, requested))) throw validationFailed([{ path: 'unitId', message: `unknown unit "${requested}"` }]);
  return requested;
}

export interface BookedVisit {
  row: VisitRow;
  replayed: boolean;
  warnings: VisitWarning[];
}

export async function bookVisit(
  c: Context<AppEnv>,
  user: Actor,
  input: VisitInput & { unitId?: string },
  idempotencyKey: string | null,
): Promise<BookedVisit> {
  const { unitId: requestedUnit, ...body } = input;
  const fields: VisitFields = {
    ...body,
    leaderTitle: body.leaderTitle ?? null,
    cadresVisited: body.cadresVisited ?? null,
    consolationYuan: body.consolationYuan ?? null,
  };
  if (user.role === 'hq') throw forbidden('Only units and the office book visits.');
  const issues = await fieldIssues(c, fields, true);
  if (issues.length) throw validationFailed(issues);
  const unitId = await bookingUnit(c, user, requestedUnit);
  const result = await createVisit(c.var.db, { fields, unitId, actorId: user.id, now: c.var.now(), idempotencyKey });
  const { row, replayed } = unwrapVisitWrite(result, 'create');
  return { row, replayed, warnings: await visitWarnings(c.var.db, row) };
}

export async function editVisit(c: Context<AppEnv>, user: Actor, id: string, patch: Partial<VisitInput>): Promise<BookedVisit> {
  const current = await visibleVisit(c, user, id);
  if (!(user.role === 'office' || (user.role === 'unit' && user.unitId === current.unitId))) {
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
  const issues = await fieldIssues(c, fields, fields.startDate !== current.startDate);
  if (issues.length) throw validationFailed(issues);
  const result = await updateVisit(c.var.db, { id: current.id, fields, actorId: user.id, now: c.var.now() });
  const { row, replayed } = unwrapVisitWrite(result, 'edit');
  return { row, replayed, warnings: await visitWarnings(c.var.db, row) };
}

export const ACTION_ACTORS: Record<VisitAction, string> = {
  coordinate: "the HQ of the visit's region",
  approve: 'the office',
  reject: 'the office',
  withdraw: 'the unit that booked it',
  cancel: 'the unit that booked it, or the office',
};

export async function performVisitAction(
  c: Context<AppEnv>,
  user: Actor,
  id: string,
  action: VisitAction,
  input: { agree?: boolean; note: string | null; opinion?: string },
): Promise<BookedVisit> {
  const visit = await visibleVisit(c, user, id);
  if (!mayPerform(action, actorsOf(user, visit))) throw forbidden(`Only ${ACTION_ACTORS[action]} may ${action} this visit.`);
  const to = nextStatus(visit.status, action, { agree: input.agree });
  if (!to) throw invalidTransition(visit.status, action);
  const result = await transitionVisit(c.var.db, {
    id: visit.id,
    action,
    from: VISIT_TRANSITIONS[action].from,
    to,
    actorId: user.id,
    now: c.var.now(),
    note: input.note,
    recheckAgainstApproved: action === 'approve',
    coordinationOpinion: input.opinion,
  });
  const { row, replayed } = unwrapVisitWrite(result, action);
  return { row, replayed, warnings: await visitWarnings(c.var.db, row) };
}
