// Notifications (docs/API.md, "Notifications"): the inbox, the caller's e-mail setting and
// the office's webhooks. Shared by the API routes, the pages and the services.
import { z } from 'zod';
import { EVENT_TYPES } from '../domain/notifications.js';
import { PageQueryShape, pageSchema } from './paging.js';
import { optionalText } from './text.js';
import { UserSchema } from './accounts.js';

export const EventTypeSchema = z.enum(EVENT_TYPES).meta({ id: 'EventType' });

export const InboxQuery = z.object({
  unread: z.enum(['true', 'false']).optional().meta({ description: '`true`: unread notifications only' }),
  ...PageQueryShape,
});
export type InboxQueryInput = z.infer<typeof InboxQuery>;

export const NotificationSchema = z
  .object({
    id: z.string(),
    event: z.string().meta({ description: 'The event type, e.g. visit.approved' }),
    createdAt: z.string(),
    readAt: z.string().nullable(),
    subject: z.string(),
    body: z.string(),
    link: z.string().meta({ description: "The record's page (absolute, from PUBLIC_URL)" }),
    recordType: z.enum(['visit', 'reception', 'month', 'webhook']),
    recordId: z.string(),
  })
  .meta({ id: 'Notification' });

export const InboxPageSchema = pageSchema(NotificationSchema)
  .extend({ unreadCount: z.number().int().meta({ description: "The caller's unread notifications, all pages" }) })
  .meta({ id: 'NotificationPage' });

export const NotificationIdSchema = z.string().regex(/^[0-9]{1,15}$/, 'not a notification id');

export const MePatchBody = z
  .object({ emailNotifications: z.boolean().meta({ description: 'false: no e-mail (the inbox still fills)' }) })
  .strict()
  .meta({ id: 'MePatch' });

export const MeSchema = z.object({ ...UserSchema.shape, emailNotifications: z.boolean() }).meta({ id: 'Me' });

export const WebhookKindSchema = z.enum(['generic', 'dingtalk', 'wecom']);

export const NewWebhookBody = z
  .object({
    url: z.string().trim().min(1).max(2000).meta({ example: 'https://oapi.dingtalk.com/robot/send?access_token=…' }),
    kind: WebhookKindSchema,
    secret: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: 'generic: a whsec_… key (generated when left out); dingtalk: the robot’s 加签 secret; wecom: none' }),
    regionId: z.string().min(1).max(64).optional().meta({ description: "Only this region's events; left out: every region" }),
    events: z.array(EventTypeSchema).min(1).max(EVENT_TYPES.length).optional().meta({ description: 'Left out: every event' }),
    label: optionalText({ max: 100 }),
  })
  .strict()
  .meta({ id: 'NewWebhook' });
export type NewWebhookInput = z.infer<typeof NewWebhookBody>;

export const WebhookSchema = z
  .object({
    id: z.string(),
    url: z.string().meta({ description: 'Query values (robot tokens) are masked to their last 4 characters' }),
    kind: WebhookKindSchema,
    hasSecret: z.boolean(),
    regionId: z.string().nullable(),
    events: z.array(z.string()).nullable(),
    label: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Webhook' });

export const CreatedWebhookSchema = z
  .object({
    ...WebhookSchema.shape,
    secret: z.string().nullable().meta({ description: 'The generated whsec_… secret of a generic webhook: shown only here' }),
  })
  .meta({ id: 'CreatedWebhook' });

export const WebhookPageSchema = pageSchema(WebhookSchema).meta({ id: 'WebhookPage' });

export const WebhookAttemptSchema = z
  .object({
    id: z.string(),
    eventId: z.string().nullable(),
    event: z.string(),
    attempt: z.number().int(),
    at: z.string(),
    status: z.enum(['sent', 'failed']),
    responseStatus: z.number().int().nullable(),
    error: z.string().nullable(),
    durationMs: z.number().int(),
  })
  .meta({ id: 'WebhookAttempt' });

export const WebhookAttemptPageSchema = pageSchema(WebhookAttemptSchema).meta({ id: 'WebhookAttemptPage' });

export const WebhookTestResultSchema = z
  .object({ status: z.enum(['sent', 'failed']), responseStatus: z.number().int().nullable(), error: z.string().nullable() })
  .meta({ id: 'WebhookTestResult' });

export const ListPageQuery = z.object(PageQueryShape);
