// Official receptions (公务接待): registering one, listing and reading what the caller may see,
// and moving one through its statuses. Shared by the JSON API and the web pages so both apply the
// 2013 reception rules the same way. Refusals are thrown as AppError.
import { and, type SQL } from 'drizzle-orm';
import { auditHistory } from '../db/repo/audit-log.js';
import { hasOfficialLetter, officialLetterOnFile } from '../db/repo/documents.js';
import {
  findReception,
  insertReception,
  listReceptions,
  receptionView,
  transitionReception,
  type NewReception,
  type ReceptionFilter,
  type ReceptionView,
} from '../db/repo/receptions.js';
import { findRegion, findUnit } from '../db/repo/reference.js';
import { standardUnchanged } from '../db/repo/standards.js';
import type { Actor } from '../domain/actor.js';
import { checkReception } from '../domain/reception-rules.js';
import type { ReceptionStatus } from '../domain/types.js';
import type { NewReceptionInput } from '../schemas/receptions.js';
import { messagesWaiting, type ServiceDeps, telling } from './deps.js';
import { AppError, forbidden, notFound, type ValidationIssue, validationFailed } from './errors.js';
import { currentReceptionStandards, RECEPTION_STANDARDS_NAME } from './reception-standards.js';
import { receptionPlanOf, standardViolated, visibleReception } from './receptions-shared.js';

export type { ReceptionActivity, ReceptionFilter, ReceptionGuest, ReceptionView } from '../db/repo/receptions.js';
export { findVisibleReception, visibleReception } from './receptions-shared.js';

/** The receptions the caller may see (office: all; HQ: its region's guests; unit: those it hosts), by start date. */
export async function listVisibleReceptions(deps: ServiceDeps, actor: Actor, filter: ReceptionFilter): Promise<ReceptionView[]> {
  const rows = await listReceptions(deps.db, actor, filter);
  return rows.map(receptionView);
}

export type ReceptionHistoryEntry = Awaited<ReturnType<typeof auditHistory>>[number];

/** A reception's changes, oldest first (404 for a reception the caller may not see). */
export async function receptionHistory(deps: ServiceDeps, actor: Actor, id: string): Promise<ReceptionHistoryEntry[]> {
  await visibleReception(deps, actor, id);
  return auditHistory(deps.db, 'reception', id);
}

/** The unit that hosts: a unit account's own (never chosen by the request), or the office's choice. */
function hostUnitFor(actor: Actor, requested: string | undefined): string {
  if (actor.role === 'hq') throw forbidden('HQ accounts see and follow receptions; the host unit or the office registers them.');
  if (actor.role === 'unit') {
    if (!actor.unitId) throw forbidden('This unit account has no unit.');
    if (requested !== undefined && requested !== actor.unitId) throw forbidden('A unit account may only host receptions as its own unit.');
    return actor.unitId;
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
    guests: body.guests,
    workMeal: body.workMeal ?? null,
    lodging: body.lodging ?? [],
    activities: body.activities ?? [],
    venue: body.venue || null,
    dietaryNotes: body.dietaryNotes || null,
    giftsYuan: body.giftsYuan ?? 0,
  };
}

/** Stores a reception that keeps every rule; otherwise 409 listing every broken rule at once. */
export async function createReception(deps: ServiceDeps, actor: Actor, body: NewReceptionInput): Promise<ReceptionView> {
  const hostUnitId = hostUnitFor(actor, body.hostUnitId);
  const [region, unit] = await Promise.all([findRegion(deps.db, body.regionId), findUnit(deps.db, hostUnitId)]);
  const unknown: ValidationIssue[] = [];
  if (!region) unknown.push({ path: 'regionId', message: `unknown region "${body.regionId}"` });
  if (!unit) unknown.push({ path: 'hostUnitId', message: `unknown unit "${hostUnitId}"` });
  if (unknown.length > 0) throw validationFailed(unknown);

  const reception = newReceptionOf(body, hostUnitId);
  // Checked against the standards read now; a change racing this insert is caught at approval,
  // which re-checks under a guard (performReceptionTransition).
  const { standards } = await currentReceptionStandards(deps);
  const violations = checkReception(receptionPlanOf(reception), standards);
  if (violations.length > 0) throw standardViolated(violations);

  const row = await insertReception(deps.db, { reception, actorId: actor.id, now: deps.now(), telling: telling(deps) });
  messagesWaiting(deps);
  return receptionView(row);
}

export type ReceptionAction = 'approve' | 'reject' | 'cancel';

const letterScanRequired = () =>
  new AppError(
    'OFFICIAL_LETTER_SCAN_REQUIRED',
    "The reception standards require the official letter's scan on file before approval: upload it as a document of kind official_letter.",
  );

/** Who may act: the office, or the unit hosting the reception. The guests' HQ only reads. */
type ReceptionParty = 'office' | 'host';
const PARTY_NAMES: Record<ReceptionParty, string> = { office: 'the office', host: 'the host unit' };

export const RECEPTION_TRANSITIONS: Record<ReceptionAction, { actors: ReceptionParty[]; from: ReceptionStatus[]; to: ReceptionStatus }> = {
  approve: { actors: ['office'], from: ['submitted'], to: 'approved' },
  reject: { actors: ['office'], from: ['submitted'], to: 'rejected' },
  cancel: { actors: ['office', 'host'], from: ['submitted', 'approved'], to: 'cancelled' },
};

/** Each pass that loses a race re-reads first, so a few passes settle any real contention. */
const MAX_ATTEMPTS = 3;

function partyOf(actor: Actor, reception: ReceptionView): ReceptionParty | null {
  if (actor.role === 'office') return 'office';
  if (actor.role === 'unit' && actor.unitId === reception.hostUnitId) return 'host';
  return null;
}

export interface ReceptionTransitionInput {
  id: string;
  action: ReceptionAction;
  /** The reason given for a reject or cancel, kept in the history. */
  note: string | null;
}

/**
 * One guarded status change (docs/ARCHITECTURE.md, "The one rule about writes"); no row changed means
 * someone else moved first, so we re-read and either retry against the new state or explain.
 */
export async function performReceptionTransition(deps: ServiceDeps, actor: Actor, input: ReceptionTransitionInput): Promise<ReceptionView> {
  const { id, action, note } = input;
  const seen = await visibleReception(deps, actor, id);
  const rule = RECEPTION_TRANSITIONS[action];
  const party = partyOf(actor, seen);
  if (!party || !rule.actors.includes(party))
    throw forbidden(`Only ${rule.actors.map((a) => PARTY_NAMES[a]).join(' or ')} may ${action} this reception.`);

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
      const { standards, valueJson } = await currentReceptionStandards(deps);
      const violations = checkReception(receptionPlanOf(current), standards);
      if (violations.length > 0) throw standardViolated(violations);
      if (standards.requireLetterScan && !(await hasOfficialLetter(deps.db, id))) throw letterScanRequired();
      // Both facts checked above must still hold when the UPDATE runs: the standards as read,
      // and (when required) a current letter scan, so neither a change of the setting nor a
      // withdrawal of the scan racing this approval lets it through.
      guard = and(
        standardUnchanged(RECEPTION_STANDARDS_NAME, valueJson),
        standards.requireLetterScan ? officialLetterOnFile(id) : undefined,
      );
    }
    const landed = await transitionReception(deps.db, {
      id,
      action,
      from: current.status,
      to: rule.to,
      actorId: actor.id,
      note,
      now: deps.now(),
      guard,
      decisionReason: action === 'reject' || action === 'cancel' ? note : undefined,
      telling: telling(deps),
    });
    const row = await findReception(deps.db, id);
    if (!row) throw notFound('reception');
    current = receptionView(row);
    if (landed) {
      messagesWaiting(deps);
      return current;
    }
  }
  throw new AppError('CONFLICT', 'The reception or the standards kept changing while this ran; try again.');
}
