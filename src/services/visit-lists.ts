// Lists of visits, a page at a time (docs/API.md, "Lists"): GET /api/v1/visits and every web
// list of visits. Scoped by who asks, like every read; ordered by start date, then id; paged by
// key so page 500 costs what page 1 costs; warnings for a whole page from one set of reads.
import { type VisitListFilter, type VisitRow, visitCountsByStatus, visitPage } from '../db/repo/visits.js';
import type { Actor } from '../domain/actor.js';
import type { VisitStatus } from '../domain/types.js';
import type { VisitListQueryInput } from '../schemas/visits.js';
import type { ServiceDeps } from './deps.js';
import { dateIdKeyset, keysetPage, type PageRequest, type TwoWayPage } from './paging.js';
import { type VisitWarning, warningsOfVisits } from './visit-warnings.js';

export type { VisitListFilter };

export interface VisitListRequest {
  filter: VisitListFilter;
  page: PageRequest;
}

/** A parsed list query (VisitListQuery) as a filter and a page request. */
export function visitListRequest(query: VisitListQueryInput & { before?: string }): VisitListRequest {
  const { limit, cursor, before, status, ...filter } = query;
  return { filter: { ...filter, statuses: status }, page: { limit, cursor, before } };
}

/** One page of the visits the caller may see that match the filter. */
export async function visitList(deps: ServiceDeps, actor: Actor, request: VisitListRequest): Promise<TwoWayPage<VisitRow>> {
  const keyset = dateIdKeyset(request.page);
  const rows = await visitPage(deps.db, actor, request.filter, keyset);
  return keysetPage(rows, keyset, (v) => [v.startDate, v.id]);
}

export interface ListedVisit {
  visit: VisitRow;
  warnings: VisitWarning[];
}

/** One page with each visit's current warnings (the queues): the same reads for 5 rows as for 200. */
export async function visitListWithWarnings(deps: ServiceDeps, actor: Actor, request: VisitListRequest): Promise<TwoWayPage<ListedVisit>> {
  const [page] = await visitListsWithWarnings(deps, actor, [request]);
  return page!;
}

/** Several lists of one page (the office's queue shows two), their warnings from one set of reads. */
export async function visitListsWithWarnings(
  deps: ServiceDeps,
  actor: Actor,
  requests: VisitListRequest[],
): Promise<TwoWayPage<ListedVisit>[]> {
  const pages = await Promise.all(requests.map((request) => visitList(deps, actor, request)));
  const warnings = await warningsOfVisits(
    deps,
    pages.flatMap((page) => page.items),
  );
  return pages.map((page) => ({ ...page, items: page.items.map((visit) => ({ visit, warnings: warnings.get(visit.id) ?? [] })) }));
}

/** How many visits of each status match the filter, for the lists' headings (one grouped count). */
export function visitStatusCounts(deps: ServiceDeps, actor: Actor, filter: VisitListFilter): Promise<Map<VisitStatus, number>> {
  return visitCountsByStatus(deps.db, actor, filter);
}
