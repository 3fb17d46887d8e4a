// Reading visits, scoped by who asks (their history: audit-log.ts).
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../domain/actor.js';
import type { VisitStatus } from '../../domain/types.js';
import type { Db } from '../client.js';
import { preparedPerDb } from '../prepared.js';
import { visits } from '../schema.js';

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
    /** The HQ's coordination opinion (the same text as coordinationOpinion, under the v1.1 name). */
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
    filter.overlapping
      ? sql`${visits.startDate} <= ${filter.overlapping.endDate} AND ${visits.endDate} >= ${filter.overlapping.startDate}`
      : undefined,
  ];
  return db
    .select()
    .from(visits)
    .where(and(...conditions))
    .orderBy(asc(visits.startDate), asc(visits.createdAt), asc(visits.id));
}
