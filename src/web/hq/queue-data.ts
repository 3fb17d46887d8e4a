// What the coordination desk shows, each list a page at a time with its own position in the URL:
// the region's submitted visits with their balance warnings, the visits it coordinated that still
// lie ahead, and receptions waiting for the office. Scoping comes from the services (an HQ sees
// its own region only); the filters apply to both visit lists.
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { Actor } from '../../domain/actor.js';
import { VisitListQuery } from '../../schemas/visits.js';
import { todayOf } from '../../services/deps.js';
import type { TwoWayPage } from '../../services/paging.js';
import { receptionList } from '../../services/reception-lists.js';
import type { ReceptionView } from '../../services/receptions.js';
import { referenceNames, type RegionView, type UnitView } from '../../services/reference.js';
import { type ListedVisit, visitList, visitListRequest, visitListWithWarnings } from '../../services/visit-lists.js';
import type { VisitRow } from '../../services/visit-reads.js';
import { type ListQuery, readListQuery } from '../lists/list-query.js';
import { regionNameIn } from './labels.js';

export type QueuedVisit = ListedVisit;

export const DESK_FILTERS = ['unitId', 'kind', 'from', 'to', 'q'] as const;
/** Where each list's position lives in the URL (the queue uses `cursor` and `before`). */
export const DESK_PAGES = {
  queue: { cursor: 'cursor', before: 'before' },
  upcoming: { cursor: 'upcoming', before: 'upcomingBefore' },
  receptions: { cursor: 'receptions', before: 'receptionsBefore' },
} as const;

export interface CoordinationDesk {
  regionName: string;
  regions: RegionView[];
  units: UnitView[];
  unitNames: Map<string, string>;
  query: ListQuery<unknown>;
  /** Absent when a filter value was refused (the form says why). */
  lists?: {
    queue: TwoWayPage<QueuedVisit>;
    upcoming: TwoWayPage<VisitRow>;
    receptions: TwoWayPage<ReceptionView>;
  };
}

export async function loadCoordinationDesk(c: Context<AppEnv>, user: Actor): Promise<CoordinationDesk> {
  const { deps } = c.var;
  const positions = Object.values(DESK_PAGES).flatMap((p) => [p.cursor, p.before]);
  // A POST re-renders the desk's first pages; a GET keeps its filters and positions.
  const query = readListQuery(c, VisitListQuery, c.req.method === 'GET' ? [...DESK_FILTERS, ...positions] : []);
  const { regions, units } = await referenceNames(deps);
  const desk: CoordinationDesk = {
    regionName:
      regionNameIn(
        c,
        regions.find((r) => r.id === user.regionId),
      ) ??
      user.regionId ??
      '',
    regions,
    units,
    unitNames: new Map(units.map((u) => [u.id, u.name])),
    query,
  };
  if (!query.parsed) return desk;
  const { filter, page } = visitListRequest(query.parsed);
  const { values } = query;
  const at = (names: { cursor: string; before: string }) => ({
    limit: page.limit,
    cursor: values[names.cursor],
    before: values[names.before],
  });
  const today = todayOf(deps);
  const [queue, upcoming, receptions] = await Promise.all([
    // Visits come by start date: the earliest arrival is coordinated first.
    visitListWithWarnings(deps, user, { filter: { ...filter, statuses: ['submitted'] }, page: at(DESK_PAGES.queue) }),
    // Visits not over yet that the HQ gave its word on (an office rejection without it is not the
    // HQ's decision): what it must still prepare for, soonest first.
    visitList(deps, user, {
      filter: {
        ...filter,
        statuses: ['coordinated', 'approved', 'rejected'],
        withHqOpinion: true,
        from: filter.from !== undefined && filter.from > today ? filter.from : today,
      },
      page: at(DESK_PAGES.upcoming),
    }),
    receptionList(deps, user, { filter: { statuses: ['submitted'] }, page: at(DESK_PAGES.receptions) }),
  ]);
  return { ...desk, lists: { queue, upcoming, receptions } };
}
