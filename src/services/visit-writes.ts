// The visit writes with their retries: each attempt is one guarded statement (db/repo/visit-writes.ts);
// when it writes nothing, the state is read again to say why: a rule's refusal (explainRefusal),
// a status that no longer allows it, or someone else's write in between, which is simply tried
// again, a bounded number of times.
import {
  insertGuardedVisit,
  type TransitionArgs,
  transitionGuardedVisit,
  updateGuardedVisit,
  type VisitFields,
} from '../db/repo/visit-writes.js';
import { findVisit, findVisitByIdempotencyKey, type VisitRow } from '../db/repo/visits.js';
import { yearOf } from '../domain/dates.js';
import type { BookingRefusal, VisitStatus } from '../domain/types.js';
import { explainRefusal } from './booking-check.js';
import { messagesWaiting, type ServiceDeps, telling } from './deps.js';

export type { VisitFields };

export type VisitWriteResult =
  | { ok: true; row: VisitRow; replayed: boolean }
  | { ok: false; reason: 'refused'; refusal: BookingRefusal }
  | { ok: false; reason: 'invalid-transition'; from: VisitStatus }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'unknown-region'; regionId: string }
  | { ok: false; reason: 'contention' };

/** A write that landed: its messages are in the outbox, so the sender is woken. */
function landed(deps: Pick<ServiceDeps, 'wakeDelivery'>, row: VisitRow): VisitWriteResult {
  messagesWaiting(deps);
  return { ok: true, row, replayed: false };
}

// A refused write is re-read to name the rule. If by then nothing refuses it (a place was freed
// in between), the guarded write is simply tried again, a bounded number of times.
const ATTEMPTS = 4;

export async function createVisit(
  deps: Pick<ServiceDeps, 'db' | 'config' | 'wakeDelivery'>,
  args: { fields: VisitFields; unitId: string; actorId: string; now: Date; idempotencyKey: string | null },
): Promise<VisitWriteResult> {
  const { db } = deps;
  const { fields, unitId, idempotencyKey } = args;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (idempotencyKey) {
      const earlier = await findVisitByIdempotencyKey(db, unitId, idempotencyKey);
      if (earlier) return { ok: true, row: earlier, replayed: true };
    }
    const row = await insertGuardedVisit(db, { ...args, telling: telling(deps) });
    if (row) return landed(deps, row);
    if (idempotencyKey) {
      const concurrent = await findVisitByIdempotencyKey(db, unitId, idempotencyKey);
      if (concurrent) return { ok: true, row: concurrent, replayed: true };
    }
    const refusal = await explainRefusal(deps, { ...fields, unitId, year: yearOf(fields.startDate) });
    if (refusal === 'unknown-region') return { ok: false, reason: 'unknown-region', regionId: fields.regionId };
    if (refusal) return { ok: false, reason: 'refused', refusal };
  }
  return { ok: false, reason: 'contention' };
}

/** An edit: rules re-checked without counting the visit itself; status back to submitted. */
export async function updateVisit(
  deps: Pick<ServiceDeps, 'db' | 'config' | 'wakeDelivery'>,
  args: { id: string; fields: VisitFields; actorId: string; now: Date },
): Promise<VisitWriteResult> {
  const { db } = deps;
  const { fields } = args;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await findVisit(db, args.id);
    if (!current) return { ok: false, reason: 'not-found' };
    if (current.status !== 'submitted' && current.status !== 'coordinated')
      return { ok: false, reason: 'invalid-transition', from: current.status };
    const written = await updateGuardedVisit(db, { current, fields, actorId: args.actorId, now: args.now, telling: telling(deps) });
    if (written) return landed(deps, written);
    const row = await findVisit(db, args.id);
    if (row && row.sequence !== current.sequence) continue; // someone else wrote first: look again
    const candidate = { ...fields, unitId: current.unitId, year: yearOf(fields.startDate), excludeId: args.id };
    const refusal = await explainRefusal(deps, candidate);
    if (refusal === 'unknown-region') return { ok: false, reason: 'unknown-region', regionId: fields.regionId };
    if (refusal) return { ok: false, reason: 'refused', refusal };
  }
  return { ok: false, reason: 'contention' };
}

export async function transitionVisit(
  deps: Pick<ServiceDeps, 'db' | 'config' | 'wakeDelivery'>,
  args: Omit<TransitionArgs, 'current'> & { id: string },
): Promise<VisitWriteResult> {
  const { db } = deps;
  const { id, ...change } = args;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await findVisit(db, id);
    if (!current) return { ok: false, reason: 'not-found' };
    if (!args.from.includes(current.status)) return { ok: false, reason: 'invalid-transition', from: current.status };
    const written = await transitionGuardedVisit(db, { ...change, current, telling: telling(deps) });
    if (written) return landed(deps, written);
    const row = await findVisit(db, id);
    if (!row) return { ok: false, reason: 'not-found' };
    if (row.sequence !== current.sequence) continue;
    if (args.recheckAgainstApproved) {
      // A stored visit's region exists (foreign key), so only a rule can refuse an approval.
      const refusal = await explainRefusal(deps, { ...current, excludeId: current.id, counted: 'approved-only' });
      if (refusal && refusal !== 'unknown-region') return { ok: false, reason: 'refused', refusal };
    }
  }
  return { ok: false, reason: 'contention' };
}
