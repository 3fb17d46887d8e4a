// Every write to a visit is one guarded statement plus its audit row in one batch (DESIGN.md;
// runBatch in ../statements.ts): the audit row is selected from the visit by the write's own op
// id, so it exists only when the write landed. No interactive transactions anywhere.
import { sql } from 'drizzle-orm';
import type { VisitKind, VisitStatus, BookingRefusal } from '../../domain/types.js';
import { yearOf } from '../../domain/dates.js';
import { newId } from '../../lib/crypto.js';
import type { Db } from '../client.js';
import { compile, render, runBatch, type BoundStatement } from '../statements.js';
import { visits } from '../schema.js';
import { explainRefusal } from './booking-context.js';
import { rowMapper } from './row-mapping.js';
import { bookingGuard } from './visit-guards.js';
import { findVisit, findVisitByIdempotencyKey, type VisitRow } from './visits.js';

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

export type VisitWriteResult =
  | { ok: true; row: VisitRow; replayed: boolean }
  | { ok: false; reason: 'refused'; refusal: BookingRefusal }
  | { ok: false; reason: 'invalid-transition'; from: VisitStatus }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'unknown-region'; regionId: string }
  | { ok: false; reason: 'contention' };

// A refused write is re-read to name the rule. If by then nothing refuses it (a place was freed
// in between), the guarded write is simply tried again, a bounded number of times.
const ATTEMPTS = 4;

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

/**
 * The guarded write (ending in RETURNING *) and its audit row in one batch: the visit as
 * written, or undefined when the guard refused.
 */
async function runGuarded(db: Db, write: BoundStatement, audit: BoundStatement): Promise<VisitRow | undefined> {
  const [written] = await runBatch(db, [write, audit]);
  return written?.[0] ? visitFromRaw(written[0]) : undefined;
}

export async function createVisit(
  db: Db,
  args: { fields: VisitFields; unitId: string; actorId: string; now: Date; idempotencyKey: string | null },
): Promise<VisitWriteResult> {
  const { fields, unitId } = args;
  const year = yearOf(fields.startDate);
  const at = args.now.toISOString();
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (args.idempotencyKey) {
      const earlier = await findVisitByIdempotencyKey(db, unitId, args.idempotencyKey);
      if (earlier) return { ok: true, row: earlier, replayed: true };
    }
    const id = newId();
    const opId = newId();
    const insert = insertVisit({ ...fields, id, unitId, year, idempotencyKey: args.idempotencyKey, opId, actorId: args.actorId, at });
    const row = await runGuarded(db, insert, auditRow({ id, opId, at, actorId: args.actorId, action: 'create', from: null, note: null }));
    if (row) return { ok: true, row, replayed: false };
    if (args.idempotencyKey) {
      const concurrent = await findVisitByIdempotencyKey(db, unitId, args.idempotencyKey);
      if (concurrent) return { ok: true, row: concurrent, replayed: true };
    }
    const refusal = await explainRefusal(db, { ...fields, unitId, year });
    if (refusal === 'unknown-region') return { ok: false, reason: 'unknown-region', regionId: fields.regionId };
    if (refusal) return { ok: false, reason: 'refused', refusal };
  }
  return { ok: false, reason: 'contention' };
}

const EDITABLE = sql.raw(`('submitted','coordinated')`);

/** An edit: rules re-checked without counting the visit itself; status back to submitted. */
export async function updateVisit(
  db: Db,
  args: { id: string; fields: VisitFields; actorId: string; now: Date },
): Promise<VisitWriteResult> {
  const { fields } = args;
  const year = yearOf(fields.startDate);
  const at = args.now.toISOString();
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await findVisit(db, args.id);
    if (!current) return { ok: false, reason: 'not-found' };
    if (current.status !== 'submitted' && current.status !== 'coordinated')
      return { ok: false, reason: 'invalid-transition', from: current.status };
    const opId = newId();
    const guard = bookingGuard({ ...fields, unitId: current.unitId, year, excludeId: args.id, counted: 'all-counted' });
    const update = sql`UPDATE visits SET region_id = ${fields.regionId}, kind = ${fields.kind}, start_date = ${fields.startDate},
        end_date = ${fields.endDate}, year = ${year}, headcount = ${fields.headcount}, leader_name = ${fields.leaderName},
        leader_title = ${fields.leaderTitle}, purpose = ${fields.purpose}, cadres_visited = ${fields.cadresVisited},
        consolation_yuan = ${fields.consolationYuan}, status = 'submitted', sequence = sequence + 1,
        updated_at = ${at}, last_op_id = ${opId}
      WHERE id = ${args.id} AND sequence = ${current.sequence} AND status IN ${EDITABLE} AND ${guard}
      RETURNING *`;
    const audit = auditRow({ id: args.id, opId, at, actorId: args.actorId, action: 'edit', from: current.status, note: null });
    const written = await runGuarded(db, render(update), audit);
    if (written) return { ok: true, row: written, replayed: false };
    const row = await findVisit(db, args.id);
    if (row && row.sequence !== current.sequence) continue; // someone else wrote first: look again
    const refusal = await explainRefusal(db, { ...fields, unitId: current.unitId, year, excludeId: args.id });
    if (refusal === 'unknown-region') return { ok: false, reason: 'unknown-region', regionId: fields.regionId };
    if (refusal) return { ok: false, reason: 'refused', refusal };
  }
  return { ok: false, reason: 'contention' };
}

export interface TransitionArgs {
  id: string;
  action: string;
  from: readonly VisitStatus[];
  to: VisitStatus;
  actorId: string;
  now: Date;
  note: string | null;
  /** Approval re-checks the rules against the approved visits plus this one. */
  recheckAgainstApproved: boolean;
  coordinationOpinion?: string;
}

export async function transitionVisit(db: Db, args: TransitionArgs): Promise<VisitWriteResult> {
  const at = args.now.toISOString();
  const allowedFrom = sql.raw(`(${args.from.map((s) => `'${s}'`).join(',')})`);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await findVisit(db, args.id);
    if (!current) return { ok: false, reason: 'not-found' };
    if (!args.from.includes(current.status)) return { ok: false, reason: 'invalid-transition', from: current.status };
    const opId = newId();
    const candidate = { ...current, excludeId: current.id, counted: 'approved-only' as const };
    const guard = args.recheckAgainstApproved ? sql`AND ${bookingGuard(candidate)}` : sql``;
    const update = sql`UPDATE visits SET status = ${args.to}, sequence = sequence + 1, updated_at = ${at}, last_op_id = ${opId},
        coordination_opinion = coalesce(${args.coordinationOpinion ?? null}, coordination_opinion)
      WHERE id = ${args.id} AND sequence = ${current.sequence} AND status IN ${allowedFrom} ${guard}
      RETURNING *`;
    const audit = auditRow({ id: args.id, opId, at, actorId: args.actorId, action: args.action, from: current.status, note: args.note });
    const written = await runGuarded(db, render(update), audit);
    if (written) return { ok: true, row: written, replayed: false };
    const row = await findVisit(db, args.id);
    if (!row) return { ok: false, reason: 'not-found' };
    if (row.sequence !== current.sequence) continue;
    if (args.recheckAgainstApproved) {
      // A stored visit's region exists (foreign key), so only a rule can refuse an approval.
      const refusal = await explainRefusal(db, candidate);
      if (refusal && refusal !== 'unknown-region') return { ok: false, reason: 'refused', refusal };
    }
  }
  return { ok: false, reason: 'contention' };
}
