// What a year's archive (档案) holds, read in one pass per table: the year's visits (by the year
// they count in), its receptions (by start date), every history entry about them plus every
// other entry made in the year (settings, feeds…), and every document of those records,
// withdrawn ones included. Ordered, so the same data gives the same archive.
import { and, asc, eq, gte, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { auditLog, documents, receptions, users, visits } from '../schema.js';
import type { DocumentRow } from './documents.js';
import type { ReceptionRow } from './receptions.js';
import type { VisitRow } from './visits.js';

export type AuditRow = typeof auditLog.$inferSelect;

export interface YearBounds {
  year: number;
  /** The year's first and the next year's first instant, ISO-8601 UTC (the year as lived in Asia/Shanghai). */
  fromInstant: string;
  toInstant: string;
}

export function visitsOfYear(db: Db, year: number): Promise<VisitRow[]> {
  return db.select().from(visits).where(eq(visits.year, year)).orderBy(asc(visits.startDate), asc(visits.id));
}

const receptionInYear = (year: number) => and(gte(receptions.startDate, `${year}-01-01`), lte(receptions.startDate, `${year}-12-31`));

export function receptionsOfYear(db: Db, year: number): Promise<ReceptionRow[]> {
  return db.select().from(receptions).where(receptionInYear(year)).orderBy(asc(receptions.startDate), asc(receptions.id));
}

const yearVisitIds = (year: number) => sql`(SELECT ${visits.id} FROM ${visits} WHERE ${visits.year} = ${year})`;
const yearReceptionIds = (year: number) => sql`(SELECT ${receptions.id} FROM ${receptions} WHERE ${receptionInYear(year)})`;

export function auditEntriesOfYear(db: Db, bounds: YearBounds): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(
      or(
        and(eq(auditLog.entity, 'visit'), sql`${auditLog.entityId} IN ${yearVisitIds(bounds.year)}`),
        and(eq(auditLog.entity, 'reception'), sql`${auditLog.entityId} IN ${yearReceptionIds(bounds.year)}`),
        and(sql`${auditLog.entity} NOT IN ('visit', 'reception')`, gte(auditLog.at, bounds.fromInstant), lt(auditLog.at, bounds.toInstant)),
      ),
    )
    .orderBy(asc(auditLog.id));
}

export function documentsOfYear(db: Db, year: number): Promise<DocumentRow[]> {
  return db
    .select()
    .from(documents)
    .where(
      or(
        and(eq(documents.recordType, 'visit'), sql`${documents.recordId} IN ${yearVisitIds(year)}`),
        and(eq(documents.recordType, 'reception'), sql`${documents.recordId} IN ${yearReceptionIds(year)}`),
      ),
    )
    .orderBy(asc(documents.recordType), asc(documents.recordId), asc(documents.uploadedAt), asc(documents.id));
}

/** Every account's name (display name, else e-mail) by id, for the history sheet. */
export async function accountNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.select({ id: users.id, email: users.email, displayName: users.displayName }).from(users);
  return new Map(rows.map((r) => [r.id, r.displayName ?? r.email]));
}
