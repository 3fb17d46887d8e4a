// Webhooks (office): register a receiver (generic Standard Webhooks, DingTalk or WeCom group
// robot), list, remove, read its calls, and send a test message at once. URLs must be https,
// except hosts the operator lists in WEBHOOK_HTTP_HOSTS (a receiver on the same network).
import { findRegion } from '../db/repo/reference.js';
import {
  activeWebhooksPage,
  findWebhook,
  insertWebhook,
  removeWebhook,
  type WebhookRow,
  webhookAttemptsPage,
} from '../db/repo/webhooks.js';
import { recordWebhookAttempt } from '../db/repo/deliveries.js';
import type { Actor } from '../domain/actor.js';
import { DEFAULT_NOTIFICATIONS } from '../env.js';
import { newId } from '../lib/crypto.js';
import type { NewWebhookInput } from '../schemas/notifications.js';
import type { ServiceDeps } from './deps.js';
import { postWebhook } from './delivery.js';
import { forbidden, notFound, type ValidationIssue, validationFailed } from './errors.js';
import { absoluteLink } from './notification-text.js';
import { decodeCursor, type Page, type PageRequest, pageFrom, pageSize } from './paging.js';
import { newStandardWebhookSecret, standardWebhookKey, webhookRequest } from './webhook-requests.js';

export interface WebhookView {
  id: string;
  url: string;
  kind: WebhookRow['kind'];
  hasSecret: boolean;
  regionId: string | null;
  events: string[] | null;
  label: string | null;
  createdAt: string;
}

/** A robot's URL carries its token in the query: shown with each value cut to its last 4 characters. */
export function maskedUrl(raw: string): string {
  try {
    const url = new URL(raw);
    for (const [key, value] of [...url.searchParams]) url.searchParams.set(key, value.length > 4 ? `…${value.slice(-4)}` : '…');
    return decodeURIComponent(url.toString());
  } catch {
    return raw;
  }
}

export function webhookView(row: WebhookRow): WebhookView {
  return {
    id: row.id,
    url: maskedUrl(row.url),
    kind: row.kind,
    hasSecret: row.secret !== null,
    regionId: row.regionId,
    events: row.eventsJson ? (JSON.parse(row.eventsJson) as string[]) : null,
    label: row.label,
    createdAt: row.createdAt,
  };
}

function officeOnly(actor: Actor): void {
  if (actor.role !== 'office') throw forbidden('Only the office manages webhooks.');
}

function urlIssues(raw: string, httpHosts: string[]): ValidationIssue[] {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return [{ path: 'url', message: 'must be an absolute URL' }];
  }
  if (url.protocol === 'https:') return [];
  if (url.protocol === 'http:' && (httpHosts.includes(url.hostname.toLowerCase()) || httpHosts.includes(url.host.toLowerCase()))) return [];
  return [{ path: 'url', message: 'must be https (plain http only for hosts listed in WEBHOOK_HTTP_HOSTS)' }];
}

function secretIssues(input: NewWebhookInput): ValidationIssue[] {
  if (!input.secret) return [];
  if (input.kind === 'generic' && !standardWebhookKey(input.secret))
    return [{ path: 'secret', message: 'must be whsec_ followed by 24 to 64 bytes in base64 (or leave it out to get one)' }];
  if (input.kind === 'wecom') return [{ path: 'secret', message: 'WeCom group robots are not signed: the key is part of the URL' }];
  return [];
}

export async function createWebhook(
  deps: ServiceDeps,
  actor: Actor,
  input: NewWebhookInput,
): Promise<{ webhook: WebhookView; secret: string | null }> {
  officeOnly(actor);
  const settings = deps.config.notifications ?? DEFAULT_NOTIFICATIONS;
  const issues = [...urlIssues(input.url, settings.webhookHttpHosts), ...secretIssues(input)];
  if (input.regionId && !(await findRegion(deps.db, input.regionId)))
    issues.push({ path: 'regionId', message: `unknown region "${input.regionId}"` });
  if (issues.length) throw validationFailed(issues);
  const generated = input.kind === 'generic' && !input.secret ? newStandardWebhookSecret() : null;
  const row = await insertWebhook(deps.db, {
    hook: {
      url: input.url,
      kind: input.kind,
      secret: input.secret ?? generated,
      regionId: input.regionId ?? null,
      events: input.events ? [...new Set(input.events)] : null,
      label: input.label ?? null,
    },
    actorId: actor.id,
    now: deps.now(),
  });
  return { webhook: webhookView(row), secret: generated };
}

async function activeWebhook(deps: ServiceDeps, id: string): Promise<WebhookRow> {
  const row = await findWebhook(deps.db, id);
  if (!row || row.removedAt) throw notFound('webhook');
  return row;
}

export async function listWebhooks(deps: ServiceDeps, actor: Actor, request: PageRequest): Promise<Page<WebhookView>> {
  officeOnly(actor);
  const size = pageSize(request);
  const key = decodeCursor(request.cursor, ['string', 'string']);
  const rows = await activeWebhooksPage(deps.db, { after: key ? [String(key[0]), String(key[1])] : null, limit: size + 1 });
  const page = pageFrom(rows, size, (row) => [row.createdAt, row.id]);
  return { items: page.items.map(webhookView), nextCursor: page.nextCursor };
}

export async function getWebhook(deps: ServiceDeps, actor: Actor, id: string): Promise<WebhookView> {
  officeOnly(actor);
  return webhookView(await activeWebhook(deps, id));
}

export async function deleteWebhook(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  officeOnly(actor);
  if (!(await removeWebhook(deps.db, { id, now: deps.now(), actorId: actor.id }))) throw notFound('webhook');
}

export interface WebhookAttemptView {
  id: string;
  eventId: string | null;
  event: string;
  attempt: number;
  at: string;
  status: 'sent' | 'failed';
  responseStatus: number | null;
  error: string | null;
  durationMs: number;
}

/** A webhook's calls, newest first (a removed webhook's log stays readable). */
export async function webhookDeliveries(
  deps: ServiceDeps,
  actor: Actor,
  args: { id: string } & PageRequest,
): Promise<Page<WebhookAttemptView>> {
  officeOnly(actor);
  if (!(await findWebhook(deps.db, args.id))) throw notFound('webhook');
  const size = pageSize(args);
  const key = decodeCursor(args.cursor, ['number']);
  const rows = await webhookAttemptsPage(deps.db, { webhookId: args.id, beforeId: key ? Number(key[0]) : null, limit: size + 1 });
  const page = pageFrom(rows, size, (row) => [row.id]);
  return {
    items: page.items.map(({ eventType, id, ...rest }) => ({ ...rest, id: String(id), event: eventType })),
    nextCursor: page.nextCursor,
  };
}

/** Sends a test message now (not through the outbox: the office waits for the answer) and logs it. */
export async function testWebhook(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
): Promise<{ status: 'sent' | 'failed'; responseStatus: number | null; error: string | null }> {
  officeOnly(actor);
  const hook = await activeWebhook(deps, id);
  const eventId = newId();
  const now = deps.now();
  const text = '这是一条测试消息:对口支援考察接待计划已能向此处发送通知。';
  const request = await webhookRequest(
    hook,
    {
      messageId: `msg_test_${eventId}`,
      eventId,
      type: 'webhook.test',
      occurredAt: now.toISOString(),
      record: { type: 'webhook', id: hook.id, regionId: hook.regionId },
      message: { subject: '【测试消息】对口支援考察接待计划', body: text, path: '/', data: { text } },
      link: absoluteLink(deps.config.publicUrl, '/'),
    },
    now,
  );
  const started = Date.now();
  const sent = await postWebhook({ fetch: (input, init) => fetch(input, init) }, hook.kind, request);
  await recordWebhookAttempt(deps.db, {
    webhookId: hook.id,
    deliveryId: null,
    eventId: null,
    eventType: 'webhook.test',
    attempt: 1,
    at: deps.now(),
    status: sent.ok ? 'sent' : 'failed',
    responseStatus: sent.responseStatus,
    error: sent.error,
    durationMs: Date.now() - started,
  });
  return { status: sent.ok ? 'sent' : 'failed', responseStatus: sent.responseStatus, error: sent.error };
}
