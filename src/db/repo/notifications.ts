// The inbox: a user's notifications with their events, newest first, paged by id; the unread
// count the navigation shows on every page (bounded, so it stays one short index range).
import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';

export interface InboxRow {
  id: number;
  createdAt: string;
  readAt: string | null;
  event: { id: string; type: string; recordType: string; recordId: string; regionId: string | null; occurredAt: string; dataJson: string };
}

interface RawInboxRow {
  id: number;
  created_at: string;
  read_at: string | null;
  event_id: string;
  type: string;
  record_type: string;
  record_id: string;
  region_id: string | null;
  occurred_at: string;
  data_json: string;
}

/** Up to `limit` notifications of the user older than `beforeId` (newest first). */
export async function inboxPage(db: Db, args: { userId: string; unreadOnly: boolean; beforeId: number | null; limit: number }) {
  const rows = await db.all<RawInboxRow>(sql`SELECT n.id, n.created_at, n.read_at, e.id AS event_id, e.type, e.record_type,
      e.record_id, e.region_id, e.occurred_at, e.data_json
    FROM notifications n JOIN events e ON e.id = n.event_id
    WHERE n.user_id = ${args.userId}
      ${args.unreadOnly ? sql`AND n.read_at IS NULL` : sql``}
      ${args.beforeId === null ? sql`` : sql`AND n.id < ${args.beforeId}`}
    ORDER BY n.id DESC LIMIT ${args.limit}`);
  return rows.map(
    (r): InboxRow => ({
      id: r.id,
      createdAt: r.created_at,
      readAt: r.read_at,
      event: {
        id: r.event_id,
        type: r.type,
        recordType: r.record_type,
        recordId: r.record_id,
        regionId: r.region_id,
        occurredAt: r.occurred_at,
        dataJson: r.data_json,
      },
    }),
  );
}

/** Unread notifications of the user, counted up to `cap` (the navigation shows "99+" beyond). */
export async function unreadCount(db: Db, userId: string, cap: number): Promise<number> {
  const [row] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM (
      SELECT 1 FROM notifications WHERE user_id = ${userId} AND read_at IS NULL LIMIT ${cap})`);
  return row?.n ?? 0;
}

/** Marks one of the user's notifications read; false when the user has no such notification. */
export async function markRead(db: Db, args: { userId: string; id: number; now: Date }): Promise<boolean> {
  const rows = await db.all<{ id: number }>(sql`UPDATE notifications SET read_at = coalesce(read_at, ${args.now.toISOString()})
    WHERE id = ${args.id} AND user_id = ${args.userId} RETURNING id`);
  return rows.length === 1;
}

export async function markAllRead(db: Db, args: { userId: string; now: Date }): Promise<void> {
  await db.run(sql`UPDATE notifications SET read_at = ${args.now.toISOString()} WHERE user_id = ${args.userId} AND read_at IS NULL`);
}

/** One of the user's notifications with its event, or undefined (none, or another user's). */
export async function findInboxItem(db: Db, userId: string, id: number): Promise<InboxRow | undefined> {
  const [row] = await db.all<RawInboxRow>(sql`SELECT n.id, n.created_at, n.read_at, e.id AS event_id, e.type, e.record_type,
      e.record_id, e.region_id, e.occurred_at, e.data_json
    FROM notifications n JOIN events e ON e.id = n.event_id
    WHERE n.id = ${id} AND n.user_id = ${userId}`);
  if (!row) return undefined;
  return {
    id: row.id,
    createdAt: row.created_at,
    readAt: row.read_at,
    event: {
      id: row.event_id,
      type: row.type,
      recordType: row.record_type,
      recordId: row.record_id,
      regionId: row.region_id,
      occurredAt: row.occurred_at,
      dataJson: row.data_json,
    },
  };
}
