// Reading visits, scoped by who asks (their history: audit-log.ts).
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../domain/actor.js';
import { addDays } from '../../domain/dates.js';
import { MAX_VISIT_DAYS, type VisitKind, type VisitStatus } from '../../domain/types.js';
import type { Db } from '../client.js';
import { preparedPerDb } from '../prepared.js';
import { visits } from '../schema.js';
import { contains, eitherContains, type KeysetRequest, keysetPageIds, type PeriodFilter, startBounds } from './keyset.js';

export type VisitRow = typeof visits.$inferSelect;

/** The visit as the API shows it (internal bookkeeping columns left out). */
export function visitView(row: VisitRow) {
  return {
    id: row.id,
    unitId: row.unitId,
    regionId: row.regionId,
    kind: row.kind,
    startDate: row.startDate,
    endDate: row.endDate,
    year: row.year,
    headcount: row.headcount,
    leaderName: row.leaderName,
    leaderTitle: row.leaderTitle,
    purpose: row.purpose,
    cadresVisited: row.cadresVisited,
    consolationYuan: row.consolationYuan,
    status: row.status,
    sequence: row.sequence,
    coordinationOpinion: row.coordinationOpinion,
    /** The HQ's coordination opinion (the same text as coordinationOpinion, under its newer name). */
    hqOpinion: row.coordinationOpinion,
    /** The reason of the reject or cancel that ended the visit. */
    decisionReason: row.decisionReason,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export type VisitView = ReturnType<typeof visitView>;

/** What the caller may see: the office everything, an HQ its region, a unit its own visits. */
export function visitScope(user: Actor): SQL | undefined {
  if (user.role === 'office') return undefined;
  if (user.role === 'hq') return eq(visits.regionId, user.regionId ?? '');
  return eq(visits.unitId, user.unitId ?? '');
}

export function canSeeVisit(user: Actor, visit: { unitId: string; regionId: string }): boolean {
  if (user.role === 'office') return true;
  if (user.role === 'hq') return user.regionId === visit.regionId;
  return user.unitId === visit.unitId;
}

const visitById = preparedPerDb((db) =>
  db
    .select()
    .from(visits)
    .where(eq(visits.id, sql.placeholder('id')))
    .prepare(),
);

export async function findVisit(db: Db, id: string): Promise<VisitRow | undefined> {
  return visitById(db).get({ id });
}

export async function findVisitByIdempotencyKey(db: Db, unitId: string, key: string): Promise<VisitRow | undefined> {
  const [row] = await db
    .select()
    .from(visits)
    .where(and(eq(visits.unitId, unitId), eq(visits.idempotencyKey, key)));
  return row;
}

export interface VisitFilter {
  year?: number;
  regionId?: string;
  unitId?: string;
  status?: VisitStatus[];
  /** Visits touching this inclusive range (for calendars and the monthly outlook). */
  overlapping?: { startDate: string; endDate: string };
}

export async function listVisits(db: Db, user: Actor, filter: VisitFilter): Promise<VisitRow[]> {
  const conditions = [
    visitScope(user),
    filter.year === undefined ? undefined : eq(visits.year, filter.year),
    filter.regionId ? eq(visits.regionId, filter.regionId) : undefined,
    filter.unitId ? eq(visits.unitId, filter.unitId) : undefined,
    filter.status?.length ? inArray(visits.status, filter.status) : undefined,
    // The lower bound on the start keeps the index range to the period (a visit lasts at most
    // MAX_VISIT_DAYS), instead of every visit that started before its end.
    filter.overlapping
      ? sql`${visits.startDate} <= ${filter.overlapping.endDate} AND ${visits.endDate} >= ${filter.overlapping.startDate}
          AND ${visits.startDate} >= ${addDays(filter.overlapping.startDate, -(MAX_VISIT_DAYS - 1))}`
      : undefined,
  ];
  return db
    .select()
    .from(visits)
    .where(and(...conditions))
    .orderBy(asc(visits.startDate), asc(visits.id));
}

const ALL_VISIT_STATUSES: readonly VisitStatus[] = ['submitted', 'coordinated', 'approved', 'rejected', 'withdrawn', 'cancelled'];

/** What a list of visits may be narrowed to (GET /api/v1/visits and the web lists). */
export interface VisitListFilter extends PeriodFilter {
  regionId?: string;
  unitId?: string;
  kind?: VisitKind;
  /** Any of these; every status when absent or empty. */
  statuses?: readonly VisitStatus[];
  /** A substring of the leader's name, the purpose or the unit's name. */
  q?: string;
  /** Only visits the HQ gave its coordination opinion on (not those the office rejected before). */
  withHqOpinion?: boolean;
}

/** Everything a list filter asks of a visit besides its status and start-date bounds. */
function visitFilterWhere(user: Actor, filter: VisitListFilter): SQL | undefined {
  const { q } = filter;
  return and(
    visitScope(user),
    filter.regionId ? eq(visits.regionId, filter.regionId) : undefined,
    filter.unitId ? eq(visits.unitId, filter.unitId) : undefined,
    filter.kind ? eq(visits.kind, filter.kind) : undefined,
    filter.from === undefined ? undefined : sql`${visits.endDate} >= ${filter.from}`,
    filter.withHqOpinion ? sql`${visits.coordinationOpinion} IS NOT NULL` : undefined,
    q
      ? sql`(${eitherContains(sql`${visits.leaderName}`, sql`${visits.purpose}`, q)}
          OR ${visits.unitId} IN (SELECT units.id FROM units WHERE ${contains(sql`units.name`, q)}))`
      : undefined,
  );
}

/**
 * One page of the visits the caller may see, in (startDate, id) order: `size + 1` rows at most,
 * in the page's direction (descending when reading the page before a key), for pageFrom. Its
 * cost does not grow with the number of stored visits: a few short index ranges.
 */
export async function visitPage(db: Db, user: Actor, filter: VisitListFilter, page: KeysetRequest): Promise<VisitRow[]> {
  const statuses = filter.statuses?.length ? ALL_VISIT_STATUSES.filter((s) => filter.statuses?.includes(s)) : ALL_VISIT_STATUSES;
  const ids = keysetPageIds({
    table: 'visits',
    statuses,
    where: visitFilterWhere(user, filter),
    ...startBounds(filter, MAX_VISIT_DAYS),
    page,
  });
  const order = page.before !== null ? [sql`${visits.startDate} DESC`, sql`${visits.id} DESC`] : [asc(visits.startDate), asc(visits.id)];
  return db
    .select()
    .from(visits)
    .where(ids)
    .orderBy(...order);
}

/** How many visits of each status the caller may see that match the filter (the headings of the lists). */
export async function visitCountsByStatus(db: Db, user: Actor, filter: VisitListFilter): Promise<Map<VisitStatus, number>> {
  const { startFrom, startTo } = startBounds(filter, MAX_VISIT_DAYS);
  const rows = await db
    .select({ status: visits.status, count: sql<number>`count(*)` })
    .from(visits)
    .where(
      and(
        visitFilterWhere(user, filter),
        filter.statuses?.length ? inArray(visits.status, [...filter.statuses]) : undefined,
        startFrom === undefined ? undefined : sql`${visits.startDate} >= ${startFrom}`,
        startTo === undefined ? undefined : sql`${visits.startDate} <= ${startTo}`,
      ),
    )
    .groupBy(visits.status);
  return new Map(rows.map((r) => [r.status, Number(r.count)]));
}
