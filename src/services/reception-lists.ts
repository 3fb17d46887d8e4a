// Lists of receptions, a page at a time (docs/API.md, "Lists"): GET /api/v1/receptions and the
// web lists. Scoped by who asks; ordered by start date, then id; paged by key.
import { type ReceptionListFilter, receptionPage, receptionView, type ReceptionView } from '../db/repo/receptions.js';
import type { Actor } from '../domain/actor.js';
import type { ReceptionListQueryInput } from '../schemas/receptions.js';
import type { ServiceDeps } from './deps.js';
import { dateIdKeyset, keysetPage, type PageRequest, type TwoWayPage } from './paging.js';

export type { ReceptionListFilter };

export interface ReceptionListRequest {
  filter: ReceptionListFilter;
  page: PageRequest;
}

/** A parsed list query (ReceptionListQuery) as a filter and a page request. */
export function receptionListRequest(query: ReceptionListQueryInput & { before?: string }): ReceptionListRequest {
  const { limit, cursor, before, status, ...filter } = query;
  return { filter: { ...filter, statuses: status }, page: { limit, cursor, before } };
}

/** One page of the receptions the caller may see that match the filter. */
export async function receptionList(deps: ServiceDeps, actor: Actor, request: ReceptionListRequest): Promise<TwoWayPage<ReceptionView>> {
  const keyset = dateIdKeyset(request.page);
  const rows = await receptionPage(deps.db, actor, request.filter, keyset);
  return keysetPage(rows.map(receptionView), keyset, (r) => [r.startDate, r.id]);
}
