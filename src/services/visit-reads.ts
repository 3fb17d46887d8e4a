// Reading visits, always scoped by who asks: the office sees every visit, an HQ its region's, a
// unit its own. Another's visit is "not found", never "forbidden", so its existence stays hidden.
import { auditHistory } from '../db/repo/audit-log.js';
import { canSeeVisit, findVisit, listVisits, type VisitFilter, type VisitRow, type VisitView, visitView } from '../db/repo/visits.js';
import type { Actor } from '../domain/actor.js';
import type { ServiceDeps } from './deps.js';
import { notFound } from './errors.js';
import { visitWarnings, type VisitWarning } from './visit-warnings.js';

export type { VisitFilter, VisitRow, VisitView, VisitWarning };
export { visitView };

/** The visit if the caller may see it; NOT_FOUND otherwise. */
export async function visibleVisit(deps: Pick<ServiceDeps, 'db'>, actor: Actor, id: string): Promise<VisitRow> {
  const row = await findVisit(deps.db, id);
  if (!row || !canSeeVisit(actor, row)) throw notFound('visit');
  return row;
}

/** The visit if it exists and the caller may see it, else undefined (a page's "just changed" note). */
export async function findVisibleVisit(deps: ServiceDeps, actor: Actor, id: string): Promise<VisitRow | undefined> {
  const row = await findVisit(deps.db, id);
  return row && canSeeVisit(actor, row) ? row : undefined;
}

export interface VisitWithWarnings {
  visit: VisitRow;
  warnings: VisitWarning[];
}

/** Every visit the caller may see that matches: for reads bounded by the filter itself (a month). */

/** One visit with the warnings it carries now (GET /visits/{id}). */
export async function visitWithWarnings(deps: ServiceDeps, actor: Actor, id: string): Promise<VisitWithWarnings> {
  const visit = await visibleVisit(deps, actor, id);
  return { visit, warnings: await visitWarnings(deps, visit) };
}

export function visibleVisits(deps: ServiceDeps, actor: Actor, filter: VisitFilter): Promise<VisitRow[]> {
  return listVisits(deps.db, actor, filter);
}

/** The warnings a visit the caller already holds carries now. */
export function warningsOf(deps: ServiceDeps, visit: VisitRow): Promise<VisitWarning[]> {
  return visitWarnings(deps, visit);
}

export type VisitHistoryEntry = Awaited<ReturnType<typeof auditHistory>>[number];

/** Every change to a visit the caller may see, oldest first. */
export async function visitHistory(deps: ServiceDeps, actor: Actor, id: string): Promise<VisitHistoryEntry[]> {
  const row = await visibleVisit(deps, actor, id);
  return auditHistory(deps.db, 'visit', row.id);
}
