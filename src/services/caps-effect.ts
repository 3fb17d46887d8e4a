// What caps mean for the approval queue. Waiting visits hold their places, so lowering a cap below
// what a unit has counted saves fine but leaves visits that approval will refuse: the office sees
// them before it saves (capsChangeEffect) and, after, in the list of visits beyond their caps.
import { countedVisitsOfYear, type CountedVisitRow, limitsOfYear } from '../db/repo/quotas.js';
import type { Actor } from '../domain/actor.js';
import { pendingBeyondCaps } from '../domain/caps.js';
import type { BookingRefusal, QuotaLimits } from '../domain/types.js';
import type { ServiceDeps } from './deps.js';
import { forbidden } from './errors.js';

export interface VisitBeyondCaps {
  visit: CountedVisitRow;
  refusal: BookingRefusal;
}

/** Which caps change: the year's default (for every unit without its own) or one unit's, or its removal. */
export type CapsChange = { scope: 'default'; limits: QuotaLimits } | { scope: 'unit'; unitId: string; limits: QuotaLimits | null };

function requireOffice(actor: Actor): void {
  if (actor.role !== 'office') throw forbidden('Only the office sets caps.');
}

/** The waiting visits of each unit that approval would refuse under the given caps per unit. */
function beyond(visits: CountedVisitRow[], limitsOf: (unitId: string) => QuotaLimits): VisitBeyondCaps[] {
  const byUnit = new Map<string, CountedVisitRow[]>();
  for (const visit of visits) {
    const rows = byUnit.get(visit.unitId);
    if (rows) rows.push(visit);
    else byUnit.set(visit.unitId, [visit]);
  }
  return [...byUnit].flatMap(([unitId, rows]) => {
    const approved = rows.filter((r) => r.status === 'approved');
    const waiting = rows.filter((r) => r.status !== 'approved');
    const usage = { batches: approved.length, personTrips: approved.reduce((sum, r) => sum + r.headcount, 0) };
    const byId = new Map(waiting.map((r) => [r.id, r]));
    return pendingBeyondCaps(limitsOf(unitId), usage, waiting).map(({ visit, refusal }) => ({ visit: byId.get(visit.id)!, refusal }));
  });
}

/** Waiting visits of the year that approval would refuse under today's caps (office). */
export async function visitsBeyondCaps(deps: ServiceDeps, actor: Actor, year: number): Promise<VisitBeyondCaps[]> {
  requireOffice(actor);
  const [visits, { defaults, overrides }] = await Promise.all([countedVisitsOfYear(deps.db, year), limitsOfYear(deps.db, year)]);
  return beyond(visits, (unitId) => overrides.get(unitId) ?? defaults);
}

/**
 * The waiting visits the change would newly strand (refused by approval after it, not before),
 * without saving anything: what the office is shown before it confirms.
 */
export async function capsChangeEffect(
  deps: ServiceDeps,
  actor: Actor,
  input: { year: number; change: CapsChange },
): Promise<VisitBeyondCaps[]> {
  requireOffice(actor);
  const { change } = input;
  const unitId = change.scope === 'unit' ? change.unitId : undefined;
  const [visits, { defaults, overrides }] = await Promise.all([
    countedVisitsOfYear(deps.db, input.year, unitId),
    limitsOfYear(deps.db, input.year),
  ]);
  const today = (id: string) => overrides.get(id) ?? defaults;
  const after = (id: string): QuotaLimits => {
    if (change.scope === 'default') return overrides.get(id) ?? change.limits;
    return id === change.unitId ? (change.limits ?? defaults) : today(id);
  };
  const strandedToday = new Set(beyond(visits, today).map((b) => b.visit.id));
  return beyond(visits, after).filter((b) => !strandedToday.has(b.visit.id));
}
