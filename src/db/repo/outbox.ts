// The outbox statements a state change adds to its own batch (docs/ARCHITECTURE.md, "The one rule about
// writes"): the event, one inbox row per recipient, and one delivery row per e-mail recipient and
// matching webhook. The event is selected from the record through the write's own `last_op_id`,
// exactly as the audit row is, and everything after it hangs off the event: a write that did not
// land leaves nothing behind, and nothing that landed is missing its messages.
//
// Each template takes its values as plain values or as drizzle placeholders, so the booking's hot
// path compiles them once (statements.ts) while rarer writes bind values directly.
import { type SQL, sql } from 'drizzle-orm';
import type { EventType, Party } from '../../domain/notifications.js';

/** A value, or a named placeholder bound when a compiled statement runs. */
type B = unknown;

export interface RecordEventBinds {
  eventId: B;
  recordId: B;
  opId: B;
  at: B;
  actorId: B;
  /** What the change said: the reason, the opinion (null when nothing). */
  note: B;
  /** The workflow action (create, edit, coordinate…). */
  action: B;
}

export interface OutboxShape {
  type: EventType;
  parties: readonly Party[];
  /** Write e-mail deliveries: only when a mail channel is configured. */
  email: boolean;
}

// A deactivated account is told nothing (it cannot log in to read it). The one place that says so.
const RECIPIENT_IS_ACTIVE = sql`u.active = 1`;

const PARTY_SQL: Record<Party, SQL> = {
  office: sql`u.role = 'office'`,
  'region-hq': sql`(u.role = 'hq' AND u.region_id = e.region_id)`,
  'record-unit': sql`(u.role = 'unit' AND u.unit_id = e.unit_id)`,
};

/** Who is told, as a condition on `users u` joined to `events e`. */
function recipientsOf(parties: readonly Party[]): SQL {
  if (parties.length === 0) return sql`0`;
  return sql`(${sql.join(
    parties.map((p) => PARTY_SQL[p]),
    sql` OR `,
  )})`;
}

const ACTOR_JSON = sql`'actorName', coalesce(a.display_name, a.email), 'actorRole', a.role`;

function visitEvent(type: EventType, b: RecordEventBinds): SQL {
  return sql`INSERT INTO events (id, type, record_type, record_id, region_id, unit_id, occurred_at, data_json)
    SELECT ${b.eventId}, ${type}, 'visit', v.id, v.region_id, v.unit_id, ${b.at}, json_object(
      'unitName', un.name, 'regionName', r.name, 'kind', v.kind, 'startDate', v.start_date, 'endDate', v.end_date,
      'headcount', v.headcount, 'leaderName', v.leader_name, 'leaderTitle', v.leader_title, 'purpose', v.purpose,
      'status', v.status, 'sequence', v.sequence, 'hqOpinion', v.coordination_opinion, 'decisionReason', v.decision_reason,
      'action', ${b.action}, 'note', ${b.note}, ${ACTOR_JSON})
    FROM visits v JOIN units un ON un.id = v.unit_id JOIN regions r ON r.id = v.region_id LEFT JOIN users a ON a.id = ${b.actorId}
    WHERE v.id = ${b.recordId} AND v.last_op_id = ${b.opId}`;
}

function receptionEvent(type: EventType, b: RecordEventBinds): SQL {
  return sql`INSERT INTO events (id, type, record_type, record_id, region_id, unit_id, occurred_at, data_json)
    SELECT ${b.eventId}, ${type}, 'reception', x.id, x.region_id, x.host_unit_id, ${b.at}, json_object(
      'unitName', un.name, 'regionName', r.name, 'startDate', x.start_date, 'endDate', x.end_date,
      'guestCount', x.guest_count, 'officialLetterRef', x.official_letter_ref, 'status', x.status, 'sequence', x.sequence,
      'decisionReason', x.decision_reason, 'action', ${b.action}, 'note', ${b.note}, ${ACTOR_JSON})
    FROM receptions x JOIN units un ON un.id = x.host_unit_id JOIN regions r ON r.id = x.region_id
      LEFT JOIN users a ON a.id = ${b.actorId}
    WHERE x.id = ${b.recordId} AND x.last_op_id = ${b.opId}`;
}

/** The inbox rows and deliveries of an event already inserted earlier in the same batch. */
function fanOut(shape: OutboxShape, eventId: B, at: B, webhookScope: 'record' | 'exact'): SQL[] {
  const regionMatch = webhookScope === 'record' ? sql`(w.region_id IS NULL OR w.region_id = e.region_id)` : sql`w.region_id IS e.region_id`;
  const statements = [
    sql`INSERT INTO notifications (event_id, user_id, created_at)
      SELECT e.id, u.id, e.occurred_at FROM events e JOIN users u ON ${recipientsOf(shape.parties)}
      WHERE e.id = ${eventId} AND ${RECIPIENT_IS_ACTIVE}`,
  ];
  if (shape.email) {
    statements.push(sql`INSERT INTO deliveries (id, event_id, channel, target_id, status, attempts, next_attempt_at, created_at)
      SELECT lower(hex(randomblob(16))), n.event_id, 'email', n.user_id, 'pending', 0, ${at}, ${at}
      FROM notifications n JOIN users u ON u.id = n.user_id
      WHERE n.event_id = ${eventId} AND u.email_notifications = 1`);
  }
  statements.push(sql`INSERT INTO deliveries (id, event_id, channel, target_id, status, attempts, next_attempt_at, created_at)
    SELECT lower(hex(randomblob(16))), e.id, 'webhook', w.id, 'pending', 0, ${at}, ${at}
    FROM events e JOIN webhooks w ON w.removed_at IS NULL AND ${regionMatch}
      AND (w.events_json IS NULL OR EXISTS (SELECT 1 FROM json_each(w.events_json) AS j WHERE j.value = e.type))
    WHERE e.id = ${eventId}`);
  return statements;
}

/** A visit's change told: the event (only if the write with `opId` landed) and its fan-out. */
export function visitOutbox(shape: OutboxShape, binds: RecordEventBinds): SQL[] {
  return [visitEvent(shape.type, binds), ...fanOut(shape, binds.eventId, binds.at, 'record')];
}

export function receptionOutbox(shape: OutboxShape, binds: RecordEventBinds): SQL[] {
  return [receptionEvent(shape.type, binds), ...fanOut(shape, binds.eventId, binds.at, 'record')];
}

export interface ScopedEventArgs {
  eventId: string;
  type: EventType;
  recordType: 'month' | 'webhook';
  recordId: string;
  regionId: string | null;
  at: string;
  data: unknown;
  /** At most one event ever has this key: a second insert does nothing, and neither does its fan-out. */
  dedupeKey: string;
}

/** An event that belongs to no single record (the monthly outlook of one scope), told once. */
export function scopedEventOutbox(shape: OutboxShape, args: ScopedEventArgs): SQL[] {
  return [
    sql`INSERT INTO events (id, type, record_type, record_id, region_id, unit_id, occurred_at, data_json, dedupe_key)
      VALUES (${args.eventId}, ${args.type}, ${args.recordType}, ${args.recordId}, ${args.regionId}, NULL, ${args.at},
        ${JSON.stringify(args.data)}, ${args.dedupeKey})
      ON CONFLICT DO NOTHING`,
    ...fanOut(shape, args.eventId, args.at, 'exact'),
  ];
}
