// The inbox (docs/API.md, "Notifications"): the caller's notifications, newest first, with
// the unread count; marking one or all read. Each caller sees only their own: another's id is
// "not found".
import { findInboxItem, inboxPage, markAllRead, markRead, unreadCount } from '../db/repo/notifications.js';
import type { Actor } from '../domain/actor.js';
import type { InboxQueryInput } from '../schemas/notifications.js';
import type { ServiceDeps } from './deps.js';
import { notFound } from './errors.js';
import { absoluteLink, eventMessage } from './notification-text.js';
import { decodeCursor, type Page, pageFrom, pageSize } from './paging.js';

export interface InboxItem {
  id: string;
  event: string;
  createdAt: string;
  readAt: string | null;
  subject: string;
  body: string;
  link: string;
  /** The same page, relative: what the web inbox links to. */
  path: string;
  recordType: 'visit' | 'reception' | 'month' | 'webhook';
  recordId: string;
}

export type InboxPage = Page<InboxItem> & { unreadCount: number };

/** Counted up to this; the navigation shows "99+" beyond it. */
export const UNREAD_COUNT_CAP = 100;

export async function listInbox(deps: ServiceDeps, actor: Actor, query: InboxQueryInput): Promise<InboxPage> {
  const size = pageSize(query);
  const key = decodeCursor(query.cursor, ['number']);
  const [rows, unread] = await Promise.all([
    inboxPage(deps.db, { userId: actor.id, unreadOnly: query.unread === 'true', beforeId: key ? Number(key[0]) : null, limit: size + 1 }),
    unreadCount(deps.db, actor.id, Number.MAX_SAFE_INTEGER),
  ]);
  const page = pageFrom(rows, size, (row) => [row.id]);
  return {
    items: page.items.map((row) => {
      const message = eventMessage(row.event);
      return {
        id: String(row.id),
        event: row.event.type,
        createdAt: row.createdAt,
        readAt: row.readAt,
        subject: message.subject,
        body: message.body,
        link: absoluteLink(deps.config.publicUrl, message.path),
        path: message.path,
        recordType: row.event.recordType as InboxItem['recordType'],
        recordId: row.event.recordId,
      };
    }),
    nextCursor: page.nextCursor,
    unreadCount: unread,
  };
}

/** The navigation's badge: one short index range per page. */
export function navUnreadCount(deps: ServiceDeps, actor: Actor): Promise<number> {
  return unreadCount(deps.db, actor.id, UNREAD_COUNT_CAP);
}

function notificationNumber(id: string): number {
  const numeric = /^[0-9]{1,15}$/.test(id) ? Number(id) : Number.NaN;
  if (!Number.isSafeInteger(numeric)) throw notFound('notification');
  return numeric;
}

export async function readNotification(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  if (!(await markRead(deps.db, { userId: actor.id, id: notificationNumber(id), now: deps.now() }))) throw notFound('notification');
}

/** Opens a notification from the inbox: marks it read and answers the page it is about. */
export async function openNotification(deps: ServiceDeps, actor: Actor, id: string): Promise<string> {
  const item = await findInboxItem(deps.db, actor.id, notificationNumber(id));
  if (!item) throw notFound('notification');
  await markRead(deps.db, { userId: actor.id, id: item.id, now: deps.now() });
  return eventMessage(item.event).path;
}

export async function readAllNotifications(deps: ServiceDeps, actor: Actor): Promise<void> {
  await markAllRead(deps.db, { userId: actor.id, now: deps.now() });
}
