// A proposal becomes visits in ONE db.batch, all or nothing (docs/ARCHITECTURE.md, "The one rule about
// writes"). Each placement is a guarded INSERT … SELECT … WHERE <booking guard> AND <request still
// open>, so the rules are re-checked by SQLite itself with the earlier placements of the same
// batch already counted. A refused guarded insert inserts nothing without failing, though, and a
// batch only rolls back when a statement fails; so the batch ends with a statement that fails
// (a NULL into audit_log.entity, NOT NULL) whenever fewer visits landed than there are
// placements. A NOT NULL violation fails the same way on libSQL and on D1, needs no trigger and
// no temporary table.
import { asc, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { yearOf } from '../../domain/dates.js';
import { RECIPIENTS } from '../../domain/notifications.js';
import type { Placement } from '../../domain/planner/index.js';
import { newId } from '../../lib/crypto.js';
import type { Db } from '../client.js';
import { visits } from '../schema.js';
import { visitOutbox } from './outbox.js';
import { bookingGuard } from './visit-guards.js';
import type { VisitRow } from './visits.js';

/** What the guard needs beyond the placement: the request's headcount (the visit copies the rest from the stored request). */
export type CommitPlacement = Placement & { headcount: number };

export interface CommitArgs {
  proposalId: string;
  placements: readonly CommitPlacement[];
  actorId: string;
  now: Date;
  /** Whether each new visit's notice is also e-mailed (a mail channel is configured). */
  telling?: { email: boolean };
}

export type CommitResult = { ok: true; visits: VisitRow[] } | { ok: false; reason: 'refused' };

/** The marker the failing statement leaves in the error: the column it violates. */
const GUARD_FAILURE = 'audit_log.entity';

export async function commitPlacements(db: Db, args: CommitArgs): Promise<CommitResult> {
  const at = args.now.toISOString();
  // One op id for the whole batch: "visits with this op id" is exactly what this commit created.
  const opId = newId();
  const statements = args.placements.flatMap((p) => placementStatements(db, { ...args, placement: p, opId, at }));
  const expected = args.placements.length;
  const batch = await runBatch(db, [
    ...statements,
    db.run(sql`UPDATE plan_proposals SET status = 'committed', committed_at = ${at} WHERE id = ${args.proposalId} AND status = 'open'`),
    db.run(sql`INSERT INTO audit_log (entity, entity_id, at, actor_id, action, from_status, to_status, note)
      VALUES ('plan_proposal', ${args.proposalId}, ${at}, ${args.actorId}, 'commit', 'open', 'committed', ${`${expected} visits`})`),
    // The all-or-nothing check: fails the statement, and with it the whole batch, when any
    // placement's insert or its request's update was refused.
    db.run(sql`INSERT INTO audit_log (entity, entity_id, at, actor_id, action, note)
      SELECT NULL, ${args.proposalId}, ${at}, ${args.actorId}, 'commit-guard', 'PLAN_STALE'
      WHERE (SELECT count(*) FROM visits WHERE last_op_id = ${opId}) < ${expected}
         OR (SELECT count(*) FROM plan_requests WHERE status = 'committed'
             AND visit_id IN (SELECT id FROM visits WHERE last_op_id = ${opId})) < ${expected}`),
    db.select().from(visits).where(sql`${visits.lastOpId} = ${opId}`).orderBy(asc(visits.startDate), asc(visits.id)),
  ]);
  if (!batch) return { ok: false, reason: 'refused' };
  const created = batch[batch.length - 1] as VisitRow[];
  return { ok: true, visits: created };
}

/** The batch's results, or null when its closing guard failed (everything rolled back). */
async function runBatch(db: Db, statements: BatchItem<'sqlite'>[]): Promise<unknown[] | null> {
  try {
    // Never empty: the proposal's own statements are always there.
    return await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  } catch (error) {
    if (isGuardFailure(error)) return null;
    throw error;
  }
}

function isGuardFailure(error: unknown): boolean {
  // drizzle wraps the driver's error; the SQLite message is somewhere down the cause chain.
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e.message.includes('NOT NULL') && e.message.includes(GUARD_FAILURE)) return true;
  }
  return false;
}

function placementStatements(db: Db, args: CommitArgs & { placement: CommitPlacement; opId: string; at: string }) {
  const { placement: p, opId, at, actorId, proposalId } = args;
  const visitId = newId();
  const year = yearOf(p.startDate);
  const guard = bookingGuard({ ...p, year, excludeId: '', counted: 'all-counted' });
  return [
    // The visit copies the request's stored kind, size, leader, purpose and condolence figures; it is inserted only
    // while the request is still open and the proposal not yet committed, and the rules hold.
    db.run(sql`INSERT INTO visits (id, unit_id, region_id, kind, start_date, end_date, year, headcount,
        leader_name, leader_title, purpose, cadres_visited, consolation_yuan, status, sequence, idempotency_key,
        last_op_id, created_by, created_at, updated_at)
      SELECT ${visitId}, pr.unit_id, pr.region_id, pr.kind, ${p.startDate}, ${p.endDate}, ${year}, pr.headcount,
        pr.leader_name, NULL, pr.purpose, pr.cadres_visited, pr.consolation_yuan, 'submitted', 0, NULL, ${opId}, ${actorId}, ${at}, ${at}
      FROM plan_requests AS pr
      WHERE pr.id = ${p.requestId} AND pr.status = 'open' AND pr.unit_id = ${p.unitId} AND pr.region_id = ${p.regionId}
        AND pr.headcount = ${p.headcount}
        AND EXISTS (SELECT 1 FROM plan_proposals WHERE id = ${proposalId} AND status = 'open')
        AND ${guard}`),
    db.run(sql`INSERT INTO audit_log (entity, entity_id, at, actor_id, action, from_status, to_status, note)
      SELECT 'visit', id, ${at}, ${actorId}, 'create', NULL, status, ${`plan proposal ${proposalId}, request ${p.requestId}`}
      FROM visits WHERE id = ${visitId} AND last_op_id = ${opId}`),
    db.run(sql`UPDATE plan_requests SET status = 'committed', visit_id = ${visitId}, updated_at = ${at}
      WHERE id = ${p.requestId} AND status = 'open' AND EXISTS (SELECT 1 FROM visits WHERE id = ${visitId} AND last_op_id = ${opId})`),
    db.run(sql`INSERT INTO audit_log (entity, entity_id, at, actor_id, action, from_status, to_status, note)
      SELECT 'plan_request', id, ${at}, ${actorId}, 'commit', 'open', 'committed', ${visitId}
      FROM plan_requests WHERE id = ${p.requestId} AND visit_id = ${visitId}`),
    // Each committed visit is a new booking: its HQ is told as for any other.
    ...visitOutbox(
      { type: 'visit.submitted', parties: RECIPIENTS['visit.submitted'], email: args.telling?.email ?? false },
      { eventId: newId(), recordId: visitId, opId, at, actorId, note: null, action: 'create' },
    ).map((statement) => db.run(statement)),
  ];
}
