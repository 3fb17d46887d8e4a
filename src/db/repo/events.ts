// Events that belong to no single record change (the monthly outlook of a scope): which exist,
// and writing one with its fan-out in one batch (outbox.ts).
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { events } from '../schema.js';
import { type OutboxShape, type ScopedEventArgs, scopedEventOutbox } from './outbox.js';

export async function existingDedupeKeys(db: Db, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.select({ key: events.dedupeKey }).from(events).where(inArray(events.dedupeKey, keys));
  return new Set(rows.map((r) => r.key ?? ''));
}

/** Inserts the event and its inbox rows and deliveries, once: a second call with the same key does nothing. */
export async function insertScopedEvent(db: Db, shape: OutboxShape, args: ScopedEventArgs): Promise<void> {
  const [first, ...rest] = scopedEventOutbox(shape, args).map((statement) => db.run(statement));
  if (!first) return;
  await db.batch([first, ...rest]);
}

/** Whether the event exists (after insertScopedEvent: whether this call or an earlier one wrote it). */
export async function eventExists(db: Db, id: string): Promise<boolean> {
  const rows = await db.all<{ one: number }>(sql`SELECT 1 AS one FROM events WHERE id = ${id}`);
  return rows.length > 0;
}
