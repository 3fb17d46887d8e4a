// Official receptions (公务接待): storing, reading scoped by who asks, guarded status changes with
// their audit rows (read back by audit-log.ts). Guests, meal, lodging and activities are JSON columns, validated at the edge.
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../domain/actor.js';
import { RECIPIENTS, receptionEventOf } from '../../domain/notifications.js';
import type { LodgingLine, WorkMeal } from '../../domain/reception-rules.js';
import { MAX_RECEPTION_DAYS, type Rank, type ReceptionStatus } from '../../domain/types.js';
import { newId } from '../../lib/crypto.js';
import type { Db } from '../client.js';
import { receptions } from '../schema.js';
import { receptionOutbox } from './outbox.js';
import { contains, eitherContains, type KeysetRequest, keysetPageIds, type PeriodFilter, startBounds } from './keyset.js';

export interface ReceptionGuest {
  name: string;
  title: string;
  rank: Rank;
}

export interface ReceptionActivity {
  date: string;
  description: string;
  place: string;
}

export interface NewReception {
  hostUnitId: string;
  regionId: string;
  officialLetterRef: string;
  startDate: string;
  endDate: string;
  guestCount: number;
  leadRank: Rank;
  guests: ReceptionGuest[];
  workMeal: WorkMeal | null;
  lodging: LodgingLine[];
  activities: ReceptionActivity[];
  venue: string | null;
  dietaryNotes: string | null;
  giftsYuan: number;
}

export type ReceptionRow = typeof receptions.$inferSelect;

/** The reception as the API shows it: JSON columns opened, bookkeeping columns left out. */
export function receptionView(row: ReceptionRow) {
  const guests: ReceptionGuest[] = JSON.parse(row.guestsJson);
  const workMeal: WorkMeal | null = row.workMealJson === null ? null : JSON.parse(row.workMealJson);
  const lodging: LodgingLine[] = JSON.parse(row.lodgingJson);
  const activities: ReceptionActivity[] = JSON.parse(row.activitiesJson);
  return {
    id: row.id,
    hostUnitId: row.hostUnitId,
    regionId: row.regionId,
    officialLetterRef: row.officialLetterRef,
    startDate: row.startDate,
    endDate: row.endDate,
    guestCount: row.guestCount,
    leadRank: row.leadRank,
    guests,
    workMeal,
    lodging,
    activities,
    venue: row.venue,
    dietaryNotes: row.dietaryNotes,
    giftsYuan: row.giftsYuan,
    status: row.status,
    sequence: row.sequence,
    /** Receptions are not coordinated by the HQ: always null, kept so every record reads alike. */
    hqOpinion: null,
    decisionReason: row.decisionReason,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export type ReceptionView = ReturnType<typeof receptionView>;

/** Who sees a reception: the office, the HQ of the guests' region, and the host unit. */
export function canSeeReception(user: Actor, reception: { hostUnitId: string; regionId: string }): boolean {
  if (user.role === 'office') return true;
  if (user.role === 'hq') return user.regionId === reception.regionId;
  return user.unitId === reception.hostUnitId;
}

function receptionScope(user: Actor): SQL | undefined {
  if (user.role === 'office') return undefined;
  if (user.role === 'hq') return eq(receptions.regionId, user.regionId ?? '');
  return eq(receptions.hostUnitId, user.unitId ?? '');
}

export async function findReception(db: Db, id: string): Promise<ReceptionRow | undefined> {
  const [row] = await db.select().from(receptions).where(eq(receptions.id, id));
  return row;
}

/** Whether the change is also e-mailed (only when a mail channel is configured). */
export interface Telling {
  email: boolean;
}

function outboxRuns(db: Db, status: ReceptionStatus, telling: Telling, binds: Parameters<typeof receptionOutbox>[1]) {
  const type = receptionEventOf(status);
  return receptionOutbox({ type, parties: RECIPIENTS[type], email: telling.email }, binds).map((statement) => db.run(statement));
}

/** Stores a reception that passed the rules as `submitted`, with its audit entry and its outbox rows, in one batch. */
export async function insertReception(
  db: Db,
  args: { reception: NewReception; actorId: string; now: Date; telling: Telling },
): Promise<ReceptionRow> {
  const { reception: r, actorId } = args;
  const at = args.now.toISOString();
  const id = newId();
  const opId = newId();
  const [inserted] = await db.batch([
    db
      .insert(receptions)
      .values({
        id,
        hostUnitId: r.hostUnitId,
        regionId: r.regionId,
        officialLetterRef: r.officialLetterRef,
        startDate: r.startDate,
        endDate: r.endDate,
        guestCount: r.guestCount,
        leadRank: r.leadRank,
        guestsJson: JSON.stringify(r.guests),
        workMealJson: r.workMeal === null ? null : JSON.stringify(r.workMeal),
        lodgingJson: JSON.stringify(r.lodging),
        activitiesJson: JSON.stringify(r.activities),
        venue: r.venue,
        dietaryNotes: r.dietaryNotes,
        giftsYuan: r.giftsYuan,
        status: 'submitted',
        sequence: 0,
        lastOpId: opId,
        createdBy: actorId,
        createdAt: at,
        updatedAt: at,
      })
      .returning(),
    db.run(sql`INSERT INTO audit_log (entity, entity_id, at, actor_id, action, from_status, to_status)
      VALUES ('reception', ${id}, ${at}, ${actorId}, 'create', NULL, 'submitted')`),
    ...outboxRuns(db, 'submitted', args.telling, { eventId: newId(), recordId: id, opId, at, actorId, note: null, action: 'create' }),
  ]);
  const row = inserted[0];
  if (!row) throw new Error('reception insert returned no row');
  return row;
}

export interface ReceptionFilter {
  /** The year a reception counts in is its start date's year. */
  year?: number;
  regionId?: string;
  hostUnitId?: string;
  status?: ReceptionStatus;
}

export async function listReceptions(db: Db, user: Actor, filter: ReceptionFilter): Promise<ReceptionRow[]> {
  const conditions = [
    receptionScope(user),
    filter.year === undefined
      ? undefined
      : sql`${receptions.startDate} >= ${`${filter.year}-01-01`} AND ${receptions.startDate} <= ${`${filter.year}-12-31`}`,
    filter.regionId ? eq(receptions.regionId, filter.regionId) : undefined,
    filter.hostUnitId ? eq(receptions.hostUnitId, filter.hostUnitId) : undefined,
    filter.status ? eq(receptions.status, filter.status) : undefined,
  ];
  return db
    .select()
    .from(receptions)
    .where(and(...conditions))
    .orderBy(asc(receptions.startDate), asc(receptions.id));
}

const ALL_RECEPTION_STATUSES: readonly ReceptionStatus[] = ['submitted', 'approved', 'rejected', 'cancelled'];

/** What a list of receptions may be narrowed to (GET /api/v1/receptions and the web lists). */
export interface ReceptionListFilter extends PeriodFilter {
  regionId?: string;
  hostUnitId?: string;
  /** Any of these; every status when absent or empty. */
  statuses?: readonly ReceptionStatus[];
  /** A substring of the official letter's reference, the venue or the host unit's name. */
  q?: string;
}

/**
 * One page of the receptions the caller may see, in (startDate, id) order: `size + 1` rows at
 * most, in the page's direction, for pageFrom; a few short index ranges whatever is stored.
 */
export async function receptionPage(db: Db, user: Actor, filter: ReceptionListFilter, page: KeysetRequest): Promise<ReceptionRow[]> {
  const { q } = filter;
  const where = and(
    receptionScope(user),
    filter.regionId ? eq(receptions.regionId, filter.regionId) : undefined,
    filter.hostUnitId ? eq(receptions.hostUnitId, filter.hostUnitId) : undefined,
    filter.from === undefined ? undefined : sql`${receptions.endDate} >= ${filter.from}`,
    q
      ? sql`(${eitherContains(sql`${receptions.officialLetterRef}`, sql`${receptions.venue}`, q)}
          OR ${receptions.hostUnitId} IN (SELECT units.id FROM units WHERE ${contains(sql`units.name`, q)}))`
      : undefined,
  );
  const statuses = filter.statuses?.length ? ALL_RECEPTION_STATUSES.filter((s) => filter.statuses?.includes(s)) : ALL_RECEPTION_STATUSES;
  const ids = keysetPageIds({ table: 'receptions', statuses, where, ...startBounds(filter, MAX_RECEPTION_DAYS), page });
  const order =
    page.before !== null
      ? [sql`${receptions.startDate} DESC`, sql`${receptions.id} DESC`]
      : [asc(receptions.startDate), asc(receptions.id)];
  return db
    .select()
    .from(receptions)
    .where(ids)
    .orderBy(...order);
}

export interface ReceptionTransition {
  id: string;
  action: string;
  /** The status the caller saw and checked the action against; the update lands only from it. */
  from: ReceptionStatus;
  to: ReceptionStatus;
  actorId: string;
  note: string | null;
  now: Date;
  /** An extra condition that must still hold when the update runs (e.g. standards unchanged). */
  guard?: SQL;
  /** Kept as the reception's decisionReason (a reject's or cancel's reason); undefined leaves it. */
  decisionReason?: string | null;
  telling?: Telling;
}

/**
 * One guarded UPDATE, its audit row and its outbox rows in one batch (docs/ARCHITECTURE.md, "The one rule about writes").
 * The audit INSERT selects on the fresh `last_op_id`, so it writes a row only if the update
 * landed. Guarding on the exact status seen (not just any allowed one) keeps `fromStatus` in
 * the history true even when another request changed the status in between.
 * Returns whether the update landed; false means the caller must re-read and explain.
 */
export async function transitionReception(db: Db, t: ReceptionTransition): Promise<boolean> {
  const at = t.now.toISOString();
  const opId = newId();
  const [updated] = await db.batch([
    db
      .update(receptions)
      .set({
        status: t.to,
        sequence: sql`${receptions.sequence} + 1`,
        updatedAt: at,
        lastOpId: opId,
        ...(t.decisionReason === undefined ? {} : { decisionReason: t.decisionReason }),
      })
      .where(and(eq(receptions.id, t.id), eq(receptions.status, t.from), t.guard))
      .returning({ id: receptions.id }),
    db.run(sql`INSERT INTO audit_log (entity, entity_id, at, actor_id, action, from_status, to_status, note)
      SELECT 'reception', id, ${at}, ${t.actorId}, ${t.action}, ${t.from}, status, ${t.note}
      FROM receptions WHERE id = ${t.id} AND last_op_id = ${opId}`),
    ...outboxRuns(db, t.to, t.telling ?? { email: false }, {
      eventId: newId(),
      recordId: t.id,
      opId,
      at,
      actorId: t.actorId,
      note: t.note,
      action: t.action,
    }),
  ]);
  return updated.length === 1;
}
