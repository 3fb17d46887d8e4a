// Registering a reception and moving it through its statuses, shared by the JSON API and the web
// pages so both apply the 2013 reception rules the same way. Failures are thrown as Problems.
import type { SQL } from 'drizzle-orm';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { Actor } from '../domain/actor.js';
import {
  findReception,
  insertReception,
  receptionView,
  transitionReception,
  type NewReception,
  type ReceptionView,
} from '../db/repo/receptions.js';
import { findRegion, findUnit } from '../db/repo/reference.js';
import { standardUnchanged } from '../db/repo/standards.js';
import { checkReception } from '../domain/reception-rules.js';
import type { ReceptionStatus } from '../domain/types.js';
import { AppError, forbidden, notFound, type ValidationIssue, validationFailed } from './errors.js';
import type { NewReceptionInput } from '../routes/receptions-schemas.js';
import { receptionPlanOf, standardViolated, visibleReception } from './receptions-shared.js';
import { currentReceptionStandards, RECEPTION_STANDARDS_NAME } from './reception-standards.js';

/** The unit that hosts: a unit account's own (never chosen by the request), or the office's choice. */
function hostUnitFor(user: Actor, requested: string | undefined): string {
  if (user.role === 'hq') throw forbidden('HQ accounts see and follow receptions; the host unit or the office registers them.');
  if (user.role === 'unit') {
    if (!user.unitId) throw forbidden('This unit account has no unit.');
    if (requested !== undefined && requested !== user.unitId) throw forbidden('A unit account may only host receptions as its own unit.');
    return user.unitId;
  }
  if (requested === undefined) throw validationFailed([{ path: 'hostUnitId', message: 'required for office accounts' }]);
  return requested;
}

function newReceptionOf(body: NewReceptionInput, hostUnitId: string): NewReception {
  return {
    hostUnitId,
    regionId: body.regionId,
    officialLetterRef: body.officialLetterRef ?? '',
    startDate: body.startDate,
    endDate: body.endDate,
    guestCount: body.guestCount,
    leadRank: body.leadRank,
    guests: body.guests ?? [],
    workMeal: body.workMeal ?? null,
    lodging: body.lodging ?? [],
    activities: body.activities ?? [],
    venue: body.venue || null,
    dietaryNotes: body.dietaryNotes || null,
    giftsYuan: body.giftsYuan ?? 0,
  };
}

/** Stores a reception that keeps every rule; otherwise 409 listing every broken rule at once. */
export async function createReception(c: Context<AppEnv>, user: Actor, body: NewReceptionInput): Promise<ReceptionView> {
  const hostUnitId = hostUnitFor(user, body.hostUnitId);
  const [region, unit] = await Promise.all([findRegion(c.var.db, body.regionId), findUnit(c.var.db, hostUnitId)]);
  const unknown: ValidationIssue[] = [];
  if (!region) unknown.push({ path: 'regionId', message: `unknown region "${body.regionId}"` });
  if (!unit) unknown.push({ path: 'hostUnitId', message: `unknown unit "${hostUnitId}"` });
  if (unknown.length > 0) throw validationFailed(unknown);

  const reception = newReceptionOf(body, hostUnitId);
  // Checked against the standards read now; a change racing this insert is caught at approval,
  // which re-checks under a guard (performReceptionTransition).
  const { standards } = await currentReceptionStandards(c.var.db);
  const violations = checkReception(receptionPlanOf(reception), standards);
  if (violations.length > 0) throw standardViolated(violations);

  return receptionView(await insertReception(c.var.db, { reception, actorId: user.id, now: c.var.now() }));
}

export type ReceptionAction = 'approve' | 'reject' | 'cancel';

/** Who may act: the office, or the unit hosting the reception. The guests' HQ only reads. */
type ReceptionActor = 'office' | 'host';
const ACTOR_NAMES: Record<ReceptionActor, string> = { office: 'the office', host: 'the host unit' };

export const RECEPTION_TRANSITIONS: Record<ReceptionAction, { actors: ReceptionActor[]; from: ReceptionStatus[]; to: ReceptionStatus }> = {
  approve: { actors: ['office'], from: ['submitted'], to: 'approved' },
  reject: { actors: ['office'], from: ['submitted'], to: 'rejected' },
  cancel: { actors: ['office', 'host'], from: ['submitted', 'approved'], to: 'cancelled' },
};

/** Each pass that loses a race re-reads first, so a few passes settle any real contention. */
const MAX_ATTEMPTS = 3;

function actorOf(user: Actor, reception: ReceptionView): ReceptionActor | null {
  if (user.role === 'office') return 'office';
  if (user.role === 'unit' && user.unitId === reception.hostUnitId) return 'host';
  return null;
}

/**
 * One guarded status change (DESIGN.md, "The one rule about writes"); no row changed means
 * someone else moved first, so we re-read and either retry against the new state or explain.
 */
export async function performReceptionTransition(
  c: Context<AppEnv>,
  id: string,
  action: ReceptionAction,
  note: string | null,
): Promise<ReceptionView> {
  const { user, reception: seen } = await visibleReception(c, id);
  const rule = RECEPTION_TRANSITIONS[action];
  const actor = actorOf(user, seen);
  if (!actor || !rule.actors.includes(actor))
    throw forbidden(`Only ${rule.actors.map((a) => ACTOR_NAMES[a]).join(' or ')} may ${action} this reception.`);

  let current = seen;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (!rule.from.includes(current.status)) {
      throw new AppError('INVALID_TRANSITION', `Cannot ${action} a reception that is ${current.status}.`, {
        from: current.status,
        action,
      });
    }
    let guard: SQL | undefined;
    if (action === 'approve') {
      const { standards, valueJson } = await currentReceptionStandards(c.var.db);
      const violations = checkReception(receptionPlanOf(current), standards);
      if (violations.length > 0) throw standardViolated(violations);
      guard = standardUnchanged(RECEPTION_STANDARDS_NAME, valueJson);
    }
    const landed = await transitionReception(c.var.db, {
      id,
      action,
      from: current.status,
      to: rule.to,
      actorId: user.id,
      note,
      now: c.var.now(),
      guard,
    });
    const row = await findReception(c.var.db, id);
    if (!row) throw notFound('reception');
    current = receptionView(row);
    if (landed) return current;
  }
  throw new AppError('CONFLICT', 'The reception or the standards kept changing while this ran; try again.');
}
