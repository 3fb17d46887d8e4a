// Every write to a visit is one guarded statement plus its audit row and its outbox rows (the
// event, the inbox rows, the deliveries: outbox.ts) in one batch (docs/ARCHITECTURE.md; runBatch in
// ../statements.ts): they are selected from the visit by the write's own op id, so they exist
// only when the write landed. No interactive transactions anywhere. Each
// function here is one attempt: the visit as written, or undefined when the guard (or the
// expected sequence) refused it; services/visit-writes.ts decides what a refusal means.
import { sql } from 'drizzle-orm';
import { yearOf } from '../../domain/dates.js';
import { RECIPIENTS, visitEventOf } from '../../domain/notifications.js';
import type { VisitKind, VisitStatus } from '../../domain/types.js';
import { newId } from '../../lib/crypto.js';
import type { Db } from '../client.js';
import { visits } from '../schema.js';
import { type BoundStatement, compile, render, runBatch } from '../statements.js';
import { type RecordEventBinds, visitOutbox } from './outbox.js';
import { rowMapper } from './row-mapping.js';
import { bookingGuard } from './visit-guards.js';
import type { VisitRow } from './visits.js';

export interface VisitFields {
  regionId: string;
  kind: VisitKind;
  startDate: string;
  endDate: string;
  headcount: number;
  leaderName: string;
  leaderTitle: string | null;
  purpose: string;
  cadresVisited: number | null;
  consolationYuan: number | null;
}

type AuditArgs = { id: string; opId: string; at: string; actorId: string; action: string; from: VisitStatus | null; note: string | null };
type InsertArgs = VisitFields & {
  id: string;
  unitId: string;
  year: number;
  idempotencyKey: string | null;
  opId: string;
  actorId: string;
  at: string;
};
const bind = (name: keyof AuditArgs | keyof InsertArgs) => sql.placeholder(name);

const auditRow = compile<keyof AuditArgs>(sql`INSERT INTO audit_log (entity, entity_id, at, actor_id, action, from_status, to_status, note)
    SELECT 'visit', id, ${bind('at')}, ${bind('actorId')}, ${bind('action')}, ${bind('from')}, status, ${bind('note')}
    FROM visits WHERE id = ${bind('id')} AND last_op_id = ${bind('opId')}`);

// A new visit: the most frequent write, so its statement is compiled once (see statements.ts).
const insertVisit = compile<keyof InsertArgs>(sql`INSERT INTO visits (id, unit_id, region_id, kind, start_date, end_date, year, headcount,
        leader_name, leader_title, purpose, cadres_visited, consolation_yuan, status, sequence, idempotency_key,
        last_op_id, created_by, created_at, updated_at)
      SELECT ${bind('id')}, ${bind('unitId')}, ${bind('regionId')}, ${bind('kind')}, ${bind('startDate')}, ${bind('endDate')}, ${bind('year')},
        ${bind('headcount')}, ${bind('leaderName')}, ${bind('leaderTitle')}, ${bind('purpose')}, ${bind('cadresVisited')},
        ${bind('consolationYuan')}, 'submitted', 0, ${bind('idempotencyKey')}, ${bind('opId')}, ${bind('actorId')}, ${bind('at')}, ${bind('at')}
      WHERE ${bookingGuard({
        unitId: bind('unitId'),
        regionId: bind('regionId'),
        year: bind('year'),
        startDate: bind('startDate'),
        endDate: bind('endDate'),
        headcount: bind('headcount'),
        excludeId: '', // a new visit has nothing to leave out
        counted: 'all-counted',
      })}
      ON CONFLICT DO NOTHING
      RETURNING *`);

const visitFromRaw = rowMapper(visits);

/** Whether the change is also e-mailed (only when a mail channel is configured). */
export interface Telling {
  email: boolean;
}

// The outbox statements of each event type, compiled once like insertVisit: they run on every write.
const compiledOutbox = new Map<string, ((values: Record<keyof RecordEventBinds, unknown>) => BoundStatement)[]>();
const outboxBind = (name: keyof RecordEventBinds) => sql.placeholder(name);

function outboxStatements(status: VisitStatus, telling: Telling, values: Record<keyof RecordEventBinds, unknown>): BoundStatement[] {
  const type = visitEventOf(status);
  const key = `${type}|${telling.email}`;
  let compiled = compiledOutbox.get(key);
  if (!compiled) {
    const binds: RecordEventBinds = {
      eventId: outboxBind('eventId'),
      recordId: outboxBind('recordId'),
      opId: outboxBind('opId'),
      at: outboxBind('at'),
      actorId: outboxBind('actorId'),
      note: outboxBind('note'),
      action: outboxBind('action'),
    };
    compiled = visitOutbox({ type, parties: RECIPIENTS[type], email: telling.email }, binds).map((t) => compile<keyof RecordEventBinds>(t));
    compiledOutbox.set(key, compiled);
  }
  return compiled.map((bindValues) => bindValues(values));
}

/**
 * The guarded write (ending in RETURNING *), its audit row and its outbox rows in one batch: the
 * visit as written, or undefined when the guard refused.
 */
async function runGuarded(
  db: Db,
  write: BoundStatement,
  audit: AuditArgs,
  change: { status: VisitStatus; telling: Telling },
): Promise<VisitRow | undefined> {
  const outbox = outboxStatements(change.status, change.telling, {
    eventId: newId(),
    recordId: audit.id,
    opId: audit.opId,
    at: audit.at,
    actorId: audit.actorId,
    note: audit.note,
    action: audit.action,
  });
  const [written] = await runBatch(db, [write, auditRow(audit), ...outbox]);
  return written?.[0] ? visitFromRaw(written[0]) : undefined;
}

/** A new visit, if the booking rules let it through (and no visit holds its idempotency key). */
export async function insertGuardedVisit(
  db: Db,
  args: { fields: VisitFields; unitId: string; actorId: string; now: Date; idempotencyKey: string | null; telling?: Telling },
): Promise<VisitRow | undefined> {
  const { fields, unitId, actorId } = args;
  const at = args.now.toISOString();
  const id = newId();
  const opId = newId();
  const insert = insertVisit({
    ...fields,
    id,
    unitId,
    year: yearOf(fields.startDate),
    idempotencyKey: args.idempotencyKey,
    opId,
    actorId,
    at,
  });
  const audit: AuditArgs = { id, opId, at, actorId, action: 'create', from: null, note: null };
  return runGuarded(db, insert, audit, { status: 'submitted', telling: args.telling ?? NOT_EMAILED });
}

const NOT_EMAILED: Telling = { email: false };

const EDITABLE = sql.raw(`('submitted','coordinated')`);

/**
 * An edit of `current` as read: rules re-checked without counting the visit itself; status back
 * to submitted. Undefined when the rules refuse or the visit changed since it was read.
 */
export async function updateGuardedVisit(
  db: Db,
  args: { current: VisitRow; fields: VisitFields; actorId: string; now: Date; telling?: Telling },
): Promise<VisitRow | undefined> {
  const { current, fields } = args;
  const year = yearOf(fields.startDate);
  const at = args.now.toISOString();
  const opId = newId();
  const guard = bookingGuard({ ...fields, unitId: current.unitId, year, excludeId: current.id, counted: 'all-counted' });
  const update = sql`UPDATE visits SET region_id = ${fields.regionId}, kind = ${fields.kind}, start_date = ${fields.startDate},
        end_date = ${fields.endDate}, year = ${year}, headcount = ${fields.headcount}, leader_name = ${fields.leaderName},
        leader_title = ${fields.leaderTitle}, purpose = ${fields.purpose}, cadres_visited = ${fields.cadresVisited},
        consolation_yuan = ${fields.consolationYuan}, status = 'submitted', sequence = sequence + 1,
        updated_at = ${at}, last_op_id = ${opId}
      WHERE id = ${current.id} AND sequence = ${current.sequence} AND status IN ${EDITABLE} AND ${guard}
      RETURNING *`;
  const audit: AuditArgs = { id: current.id, opId, at, actorId: args.actorId, action: 'edit', from: current.status, note: null };
  return runGuarded(db, render(update), audit, { status: 'submitted', telling: args.telling ?? NOT_EMAILED });
}

export interface TransitionArgs {
  current: VisitRow;
  action: string;
  from: readonly VisitStatus[];
  to: VisitStatus;
  actorId: string;
  now: Date;
  note: string | null;
  /** Approval re-checks the rules against the approved visits plus this one. */
  recheckAgainstApproved: boolean;
  coordinationOpinion?: string;
  /** Kept on the visit as its decisionReason (a reject's or cancel's reason); undefined leaves it. */
  decisionReason?: string | null;
  telling?: Telling;
}

/** A status change of `current` as read; undefined when the visit changed since or the rules refuse. */
export async function transitionGuardedVisit(db: Db, args: TransitionArgs): Promise<VisitRow | undefined> {
  const { current } = args;
  const at = args.now.toISOString();
  const allowedFrom = sql.raw(`(${args.from.map((s) => `'${s}'`).join(',')})`);
  const opId = newId();
  const guard = args.recheckAgainstApproved
    ? sql`AND ${bookingGuard({ ...current, excludeId: current.id, counted: 'approved-only' })}`
    : sql``;
  const update = sql`UPDATE visits SET status = ${args.to}, sequence = sequence + 1, updated_at = ${at}, last_op_id = ${opId},
        coordination_opinion = coalesce(${args.coordinationOpinion ?? null}, coordination_opinion),
        decision_reason = ${args.decisionReason === undefined ? sql`decision_reason` : sql`${args.decisionReason}`}
      WHERE id = ${current.id} AND sequence = ${current.sequence} AND status IN ${allowedFrom} ${guard}
      RETURNING *`;
  const audit: AuditArgs = { id: current.id, opId, at, actorId: args.actorId, action: args.action, from: current.status, note: args.note };
  return runGuarded(db, render(update), audit, { status: args.to, telling: args.telling ?? NOT_EMAILED });
}
