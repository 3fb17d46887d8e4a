// Webhooks (office; docs/API.md, "Notifications"): register, list, remove, read the calls
// made, send a test message.
import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../http/auth.js';
import {
  CreatedWebhookSchema,
  ListPageQuery,
  NewWebhookBody,
  WebhookAttemptPageSchema,
  WebhookPageSchema,
  WebhookTestResultSchema,
} from '../schemas/notifications.js';
import { createWebhook, deleteWebhook, listWebhooks, testWebhook, webhookDeliveries } from '../services/webhooks.js';
import { bearerSecurity, createRouter, jsonBody, jsonContent, problemResponses } from './openapi.js';

const WebhookIdParam = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const SIGNING =
  '`generic`: POST JSON `{id, event, occurredAt, data}` signed as Standard Webhooks: headers `webhook-id` (the same on ' +
  'every retry of one message), `webhook-timestamp` (seconds) and `webhook-signature: v1,<base64 HMAC-SHA256 of ' +
  '"id.timestamp.body">` keyed with the base64 bytes after `whsec_`. `dingtalk`: the custom robot’s markdown message; with ' +
  'a secret (加签) the URL gets `timestamp` (ms) and `sign` = URL-encoded base64(HMAC-SHA256(secret, timestamp + "\\n" + ' +
  'secret)). `wecom`: the group robot’s markdown message. A 2xx (and for robots `errcode` 0) is success; anything else is ' +
  'retried with exponential backoff for at least 24 hours. URLs must be https, except hosts listed in WEBHOOK_HTTP_HOSTS.';

const createWebhookRoute = createRoute({
  method: 'post',
  path: '/webhooks',
  tags: ['Webhooks'],
  summary: 'Register a webhook (office): every region, or one; every event, or those listed',
  description: `${SIGNING} A generic webhook without a secret gets a generated \`whsec_…\`, shown only in this answer.`,
  security: bearerSecurity,
  request: jsonBody(NewWebhookBody),
  responses: { 201: jsonContent(CreatedWebhookSchema, 'The webhook (and its generated secret, once)'), ...problemResponses },
});

const listWebhooksRoute = createRoute({
  method: 'get',
  path: '/webhooks',
  tags: ['Webhooks'],
  summary: 'The webhooks not removed, oldest first (office)',
  security: bearerSecurity,
  request: { query: ListPageQuery },
  responses: { 200: jsonContent(WebhookPageSchema, 'A page of webhooks'), ...problemResponses },
});

const deleteWebhookRoute = createRoute({
  method: 'delete',
  path: '/webhooks/{id}',
  tags: ['Webhooks'],
  summary: 'Remove a webhook (office): nothing more is sent to it; its log stays',
  security: bearerSecurity,
  request: { params: WebhookIdParam },
  responses: { 204: { description: 'Removed' }, ...problemResponses },
});

const deliveriesRoute = createRoute({
  method: 'get',
  path: '/webhooks/{id}/deliveries',
  tags: ['Webhooks'],
  summary: 'Every call made to the webhook, newest first (office)',
  security: bearerSecurity,
  request: { params: WebhookIdParam, query: ListPageQuery },
  responses: { 200: jsonContent(WebhookAttemptPageSchema, 'A page of attempts'), ...problemResponses },
});

const testRoute = createRoute({
  method: 'post',
  path: '/webhooks/{id}/test',
  tags: ['Webhooks'],
  summary: 'Send a test message now and answer how it went (office); logged with the deliveries',
  security: bearerSecurity,
  request: { params: WebhookIdParam },
  responses: { 200: jsonContent(WebhookTestResultSchema, 'The outcome'), ...problemResponses },
});

export const webhookRoutes = createRouter()
  .openapi(createWebhookRoute, async (c) => {
    const { webhook, secret } = await createWebhook(c.var.deps, requireRole(c, 'office'), c.req.valid('json'));
    return c.json({ ...webhook, secret }, 201);
  })
  .openapi(listWebhooksRoute, async (c) => c.json(await listWebhooks(c.var.deps, requireRole(c, 'office'), c.req.valid('query')), 200))
  .openapi(deleteWebhookRoute, async (c) => {
    await deleteWebhook(c.var.deps, requireRole(c, 'office'), c.req.valid('param').id);
    return c.body(null, 204);
  })
  .openapi(deliveriesRoute, async (c) => {
    const actor = requireRole(c, 'office');
    return c.json(await webhookDeliveries(c.var.deps, actor, { id: c.req.valid('param').id, ...c.req.valid('query') }), 200);
  })
  .openapi(testRoute, async (c) => c.json(await testWebhook(c.var.deps, requireRole(c, 'office'), c.req.valid('param').id), 200));
