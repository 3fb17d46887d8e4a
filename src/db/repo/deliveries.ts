// Draining the outbox: claiming due deliveries with one guarded UPDATE (a lease), reading what
// each needs to be sent, and recording how it went. Two senders (two processes, a Worker's cron
// and its waitUntil) never hold one delivery at once: the claim is one statement, and a delivery
// is free again only when its lease has run out, which happens only when its sender died or hung
// mid-send. Then the message goes out again under the same id, for the receiver to drop.
import { sql } from 'drizzle-orm';
import { newId } from '../../lib/crypto.js';
import type { Db } from '../client.js';

export interface ClaimedDelivery {
  id: string;
  channel: 'email' | 'webhook';
  targetId: string;
  attempts: number;
  createdAt: string;
  event: {
    id: string;
    type: string;
    recordType: string;
    recordId: string;
    regionId: string | null;
    occurredAt: string;
    dataJson: string;
  };
  /** E-mail: the recipient, and whether they still want mail. */
  user: { email: string; emailNotifications: boolean; active: boolean } | null;
  /** Webhook: the receiver as registered (removed: removedAt set). */
  webhook: { id: string; url: string; kind: 'generic' | 'dingtalk' | 'wecom'; secret: string | null; removedAt: string | null } | null;
}

interface ClaimRow {
  id: string;
  channel: 'email' | 'webhook';
  target_id: string;
  attempts: number;
  created_at: string;
  e_id: string;
  e_type: string;
  e_record_type: string;
  e_record_id: string;
  e_region_id: string | null;
  e_occurred_at: string;
  e_data_json: string;
  u_email: string | null;
  u_email_notifications: number | null;
  u_active: number | null;
  w_id: string | null;
  w_url: string | null;
  w_kind: 'generic' | 'dingtalk' | 'wecom' | null;
  w_secret: string | null;
  w_removed_at: string | null;
}

/**
 * Claims up to `limit` deliveries that are due and not held by a live lease, and returns them
 * with their event and target. `claimId` marks this claim, so only its holder records a failure.
 */
export async function claimDueDeliveries(db: Db, args: { now: Date; leaseMs: number; limit: number }): Promise<ClaimedDelivery[]> {
  const now = args.now.toISOString();
  const leaseUntil = new Date(args.now.getTime() + args.leaseMs).toISOString();
  const claimId = newId();
  const [, rows] = await db.batch([
    db.run(sql`UPDATE deliveries SET lease_until = ${leaseUntil}, claim_id = ${claimId}, attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM deliveries
        WHERE status = 'pending' AND next_attempt_at <= ${now} AND (lease_until IS NULL OR lease_until <= ${now})
        ORDER BY next_attempt_at LIMIT ${args.limit})`),
    db.all<ClaimRow>(sql`SELECT d.id, d.channel, d.target_id, d.attempts, d.created_at,
        e.id AS e_id, e.type AS e_type, e.record_type AS e_record_type, e.record_id AS e_record_id,
        e.region_id AS e_region_id, e.occurred_at AS e_occurred_at, e.data_json AS e_data_json,
        u.email AS u_email, u.email_notifications AS u_email_notifications, u.active AS u_active,
        w.id AS w_id, w.url AS w_url, w.kind AS w_kind, w.secret AS w_secret, w.removed_at AS w_removed_at
      FROM deliveries d JOIN events e ON e.id = d.event_id
        LEFT JOIN users u ON d.channel = 'email' AND u.id = d.target_id
        LEFT JOIN webhooks w ON d.channel = 'webhook' AND w.id = d.target_id
      WHERE d.claim_id = ${claimId} AND d.status = 'pending'
      ORDER BY d.next_attempt_at, d.id`),
  ]);
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    targetId: r.target_id,
    attempts: r.attempts,
    createdAt: r.created_at,
    event: {
      id: r.e_id,
      type: r.e_type,
      recordType: r.e_record_type,
      recordId: r.e_record_id,
      regionId: r.e_region_id,
      occurredAt: r.e_occurred_at,
      dataJson: r.e_data_json,
    },
    user:
      r.u_email === null ? null : { email: r.u_email, emailNotifications: Boolean(r.u_email_notifications), active: Boolean(r.u_active) },
    webhook:
      r.w_id === null || r.w_url === null || r.w_kind === null
        ? null
        : { id: r.w_id, url: r.w_url, kind: r.w_kind, secret: r.w_secret, removedAt: r.w_removed_at },
  }));
}

/** Sent: final, whoever holds the lease now (a message that went out is never sent again by us). */
export async function markDeliverySent(db: Db, id: string, now: Date): Promise<void> {
  await db.run(sql`UPDATE deliveries SET status = 'sent', sent_at = ${now.toISOString()}, lease_until = NULL, last_error = NULL
    WHERE id = ${id} AND status = 'pending'`);
}

/**
 * A failed try: due again at `retryAt`, or given up (status failed) when it is null, or not to be
 * sent at all (status skipped: the user turned e-mail off, the webhook was removed).
 */
export async function markDeliveryFailed(
  db: Db,
  args: { id: string; attempts: number; error: string; retryAt: Date | null; skipped?: boolean },
): Promise<void> {
  const status = args.skipped ? 'skipped' : args.retryAt ? 'pending' : 'failed';
  const nextAttemptAt = args.retryAt?.toISOString() ?? null;
  await db.run(sql`UPDATE deliveries SET status = ${status}, lease_until = NULL, last_error = ${args.error.slice(0, 500)},
      next_attempt_at = coalesce(${nextAttemptAt}, next_attempt_at)
    WHERE id = ${args.id} AND status = 'pending' AND attempts = ${args.attempts}`);
}

export interface WebhookAttemptRecord {
  webhookId: string;
  deliveryId: string | null;
  eventId: string | null;
  eventType: string;
  attempt: number;
  at: Date;
  status: 'sent' | 'failed';
  responseStatus: number | null;
  error: string | null;
  durationMs: number;
}

export async function recordWebhookAttempt(db: Db, a: WebhookAttemptRecord): Promise<void> {
  await db.run(sql`INSERT INTO webhook_attempts (webhook_id, delivery_id, event_id, event_type, attempt, at, status, response_status, error, duration_ms)
    VALUES (${a.webhookId}, ${a.deliveryId}, ${a.eventId}, ${a.eventType}, ${a.attempt}, ${a.at.toISOString()}, ${a.status},
      ${a.responseStatus}, ${a.error?.slice(0, 500) ?? null}, ${Math.round(a.durationMs)})`);
}
