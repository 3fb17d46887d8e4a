// The inbox (docs/API.md, "Notifications"): the caller's notifications, paged newest first,
// with the unread count; marking one or all read.
import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../http/auth.js';
import { InboxPageSchema, InboxQuery, NotificationIdSchema } from '../schemas/notifications.js';
import { listInbox, readAllNotifications, readNotification } from '../services/inbox.js';
import { bearerSecurity, createRouter, jsonContent, problemResponses } from './openapi.js';

const NotificationIdParam = z.object({ id: NotificationIdSchema.openapi({ param: { name: 'id', in: 'path' } }) });

const listRoute = createRoute({
  method: 'get',
  path: '/notifications',
  tags: ['Notifications'],
  summary: "The caller's notifications, newest first (`unread=true`: unread only), with the unread count",
  description:
    'One notification per event and recipient, written in the same batch as the change it tells of. ' +
    '`subject` and `body` are Chinese and name the record; `link` is its page. Events: visit.submitted (new or edited), ' +
    'visit.coordinated, visit.approved, visit.rejected, visit.cancelled, visit.withdrawn, reception.submitted, ' +
    'reception.approved, reception.rejected, reception.cancelled, monthly.outlook (月询, the first days of each month).',
  security: bearerSecurity,
  request: { query: InboxQuery },
  responses: { 200: jsonContent(InboxPageSchema, 'A page of notifications'), ...problemResponses },
});

const readRoute = createRoute({
  method: 'post',
  path: '/notifications/{id}/read',
  tags: ['Notifications'],
  summary: 'Mark one notification read (another user’s id → 404)',
  security: bearerSecurity,
  request: { params: NotificationIdParam },
  responses: { 204: { description: 'Read' }, ...problemResponses },
});

const readAllRoute = createRoute({
  method: 'post',
  path: '/notifications/read-all',
  tags: ['Notifications'],
  summary: "Mark all the caller's notifications read",
  security: bearerSecurity,
  responses: { 204: { description: 'All read' }, ...problemResponses },
});

export const notificationRoutes = createRouter()
  .openapi(listRoute, async (c) => c.json(await listInbox(c.var.deps, requireUser(c), c.req.valid('query')), 200))
  .openapi(readAllRoute, async (c) => {
    await readAllNotifications(c.var.deps, requireUser(c));
    return c.body(null, 204);
  })
  .openapi(readRoute, async (c) => {
    await readNotification(c.var.deps, requireUser(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
