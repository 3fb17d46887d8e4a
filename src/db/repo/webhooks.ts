// Webhooks the office registers, and the log of every call made to them. A removed webhook keeps
// its row (removed_at) so its log stays readable; it receives nothing more.
import { sql } from 'drizzle-orm';
import { newId } from '../../lib/crypto.js';
import type { Db } from '../client.js';
import { webhooks } from '../schema.js';

export type WebhookRow = typeof webhooks.$inferSelect;

export interface NewWebhook {
  url: string;
  kind: WebhookRow['kind'];
  secret: string | null;
  regionId: string | null;
  events: string[] | null;
  label: string | null;
}

export async function insertWebhook(db: Db, args: { hook: NewWebhook; actorId: string; now: Date }): Promise<WebhookRow> {
  const { hook } = args;
  const [row] = await db
    .insert(webhooks)
    .values({
      id: newId(),
      url: hook.url,
      kind: hook.kind,
      secret: hook.secret,
      regionId: hook.regionId,
      eventsJson: hook.events ? JSON.stringify(hook.events) : null,
      label: hook.label,
      createdBy: args.actorId,
      createdAt: args.now.toISOString(),
    })
    .returning();
  if (!row) throw new Error('webhook insert returned no row');
  return row;
}

export async function findWebhook(db: Db, id: string): Promise<WebhookRow | undefined> {
  const [row] = await db.select().from(webhooks).where(sql`${webhooks.id} = ${id}`);
  return row;
}

/** Webhooks not removed, oldest first, after the cursor key (created_at, id). */
export async function activeWebhooksPage(db: Db, args: { after: [string, string] | null; limit: number }): Promise<WebhookRow[]> {
  const after = args.after ? sql`AND (created_at, id) > (${args.after[0]}, ${args.after[1]})` : sql``;
  return db.select().from(webhooks).where(sql`removed_at IS NULL ${after}`).orderBy(webhooks.createdAt, webhooks.id).limit(args.limit);
}

/** Removes a webhook; false when there is none (or it was removed already). */
export async function removeWebhook(db: Db, args: { id: string; now: Date; actorId: string }): Promise<boolean> {
  const at = args.now.toISOString();
  const [removed] = await db.batch([
    db.all<{ id: string }>(sql`UPDATE webhooks SET removed_at = ${at} WHERE id = ${args.id} AND removed_at IS NULL RETURNING id`),
    // What was still waiting for it is not sent any more.
    db.run(sql`UPDATE deliveries SET status = 'skipped', last_error = 'the webhook was removed'
      WHERE channel = 'webhook' AND target_id = ${args.id} AND status = 'pending'`),
    // A webhook is removed once, so it has one such audit row at most.
    db.run(sql`INSERT INTO audit_log (entity, entity_id, at, actor_id, action)
      SELECT 'webhook', id, ${at}, ${args.actorId}, 'remove' FROM webhooks
      WHERE id = ${args.id} AND removed_at IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM audit_log WHERE entity = 'webhook' AND entity_id = ${args.id} AND action = 'remove')`),
  ]);
  return removed.length === 1;
}

export interface AttemptRow {
  id: number;
  eventId: string | null;
  eventType: string;
  attempt: number;
  at: string;
  status: 'sent' | 'failed';
  responseStatus: number | null;
  error: string | null;
  durationMs: number;
}

/** A webhook's calls, newest first, older than `beforeId`. */
export async function webhookAttemptsPage(
  db: Db,
  args: { webhookId: string; beforeId: number | null; limit: number },
): Promise<AttemptRow[]> {
  return db.all<AttemptRow>(sql`SELECT id, event_id AS eventId, event_type AS eventType, attempt, at, status,
      response_status AS responseStatus, error, duration_ms AS durationMs
    FROM webhook_attempts WHERE webhook_id = ${args.webhookId}
      ${args.beforeId === null ? sql`` : sql`AND id < ${args.beforeId}`}
    ORDER BY id DESC LIMIT ${args.limit}`);
}
