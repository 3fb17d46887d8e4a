// One pass over the outbox: claim what is due, send each message on its channel, record the
// outcome with exponential backoff (domain/notifications.ts). Free of node:* imports so Workers
// run it too; the SMTP sender is handed in (src/node-smtp.ts on Node, none on Workers).
import {
  type ClaimedDelivery,
  claimDueDeliveries,
  markDeliveryFailed,
  markDeliverySent,
  recordWebhookAttempt,
} from '../db/repo/deliveries.js';
import { nextAttemptAt } from '../domain/notifications.js';
import { DEFAULT_NOTIFICATIONS } from '../env.js';
import { describeError } from '../lib/log.js';
import type { ServiceDeps } from './deps.js';
import { ensureMonthlyOutlook } from './monthly-outlook.js';
import { absoluteLink, eventMessage } from './notification-text.js';
import { accepted, webhookRequest } from './webhook-requests.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** `<…@host>`: the same on every retry, so a receiver can drop a duplicate. */
  messageId: string;
  /** X-Planner-Event and X-Planner-Record, for mail rules (and tests) to sort by. */
  headers: Record<string, string>;
}

export interface MailSender {
  send(message: MailMessage): Promise<void>;
}

export interface DeliveryChannels {
  /** Null where no mail channel is configured (and always on Workers). */
  mail: MailSender | null;
  fetch: typeof fetch;
}

/** How many deliveries one pass claims, and how many it sends at once. */
export const PASS_SIZE = 25;
const PARALLEL = 5;
const WEBHOOK_TIMEOUT_MS = 10_000;

export interface PassResult {
  claimed: number;
  sent: number;
  failed: number;
}

export async function runDeliveryPass(deps: ServiceDeps, channels: DeliveryChannels): Promise<PassResult> {
  const settings = deps.config.notifications ?? DEFAULT_NOTIFICATIONS;
  try {
    await ensureMonthlyOutlook(deps);
  } catch (error) {
    // The outlook is tried again on the next pass; messages already waiting still go out.
    console.error(`monthly outlook failed: ${describeError(error)}`);
  }
  const claimed = await claimDueDeliveries(deps.db, { now: deps.now(), leaseMs: settings.leaseMs, limit: PASS_SIZE });
  const result: PassResult = { claimed: claimed.length, sent: 0, failed: 0 };
  // One queue per receiver (the mail server; each webhook), up to PARALLEL queues at once, each in
  // order and stopped at its first failure: a receiver that is down or hangs costs one attempt and
  // one worker per pass, and never holds up the others.
  const queues = [...groupBy(claimed, (d) => (d.channel === 'email' ? 'email' : `webhook:${d.targetId}`)).values()];
  const work = async () => {
    for (let queue = queues.shift(); queue; queue = queues.shift()) {
      let failedBefore: string | null = null;
      for (const delivery of queue) {
        const outcome = failedBefore === null ? await deliverOne(deps, channels, delivery) : await deferOne(deps, delivery, failedBefore);
        if (outcome === 'sent') result.sent++;
        else result.failed++;
        if (outcome === 'failed') failedBefore ??= 'not tried: the receiver failed just before in the same pass';
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, work));
  return result;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

/** A delivery not tried because its receiver just failed: due again as if it had failed. */
async function deferOne(deps: ServiceDeps, delivery: ClaimedDelivery, reason: string): Promise<'deferred'> {
  const settings = deps.config.notifications ?? DEFAULT_NOTIFICATIONS;
  const now = deps.now();
  const retryAt = nextAttemptAt(settings.retry, { attempts: delivery.attempts, createdAt: new Date(delivery.createdAt), now });
  await markDeliveryFailed(deps.db, { id: delivery.id, attempts: delivery.attempts, error: reason, retryAt });
  return 'deferred';
}

type Outcome = { ok: true } | { ok: false; error: string; skip?: boolean };

/** Sends one delivery and records the outcome: sent; failed (due again later); skipped (never to be sent). */
async function deliverOne(
  deps: ServiceDeps,
  channels: DeliveryChannels,
  delivery: ClaimedDelivery,
): Promise<'sent' | 'failed' | 'skipped'> {
  const settings = deps.config.notifications ?? DEFAULT_NOTIFICATIONS;
  let outcome: Outcome;
  try {
    outcome = delivery.channel === 'email' ? await sendMail(deps, channels, delivery) : await callWebhook(deps, channels, delivery);
  } catch (error) {
    outcome = { ok: false, error: describeError(error) };
  }
  const now = deps.now();
  if (outcome.ok) {
    await markDeliverySent(deps.db, delivery.id, now);
    return 'sent';
  }
  const retryAt = outcome.skip
    ? null
    : nextAttemptAt(settings.retry, { attempts: delivery.attempts, createdAt: new Date(delivery.createdAt), now });
  await markDeliveryFailed(deps.db, { id: delivery.id, attempts: delivery.attempts, error: outcome.error, retryAt, skipped: outcome.skip });
  return outcome.skip ? 'skipped' : 'failed';
}

function hostOf(publicUrl: string): string {
  try {
    return new URL(publicUrl).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}

async function sendMail(deps: ServiceDeps, channels: DeliveryChannels, delivery: ClaimedDelivery): Promise<Outcome> {
  if (!delivery.user) return { ok: false, error: 'the account no longer exists', skip: true };
  if (!delivery.user.emailNotifications) return { ok: false, error: 'the user turned e-mail off', skip: true };
  if (!delivery.user.active) return { ok: false, error: 'the account was deactivated', skip: true };
  if (!channels.mail) return { ok: false, error: 'no mail channel is configured (SMTP_URL)' };
  const message = eventMessage(delivery.event);
  const link = absoluteLink(deps.config.publicUrl, message.path);
  await channels.mail.send({
    to: delivery.user.email,
    subject: message.subject,
    text: `${message.body}\n\n查看详情:${link}\n\n——对口支援考察接待计划(可在“通知”页面关闭邮件提醒)`,
    messageId: `<${delivery.id}@${hostOf(deps.config.publicUrl)}>`,
    headers: { 'X-Planner-Event': delivery.event.type, 'X-Planner-Record': `${delivery.event.recordType}/${delivery.event.recordId}` },
  });
  return { ok: true };
}

async function callWebhook(deps: ServiceDeps, channels: DeliveryChannels, delivery: ClaimedDelivery): Promise<Outcome> {
  const hook = delivery.webhook;
  if (!hook || hook.removedAt) return { ok: false, error: 'the webhook was removed', skip: true };
  const message = eventMessage(delivery.event);
  const started = Date.now();
  const request = await webhookRequest(
    hook,
    {
      messageId: `msg_${delivery.id}`,
      eventId: delivery.event.id,
      type: delivery.event.type,
      occurredAt: delivery.event.occurredAt,
      record: { type: delivery.event.recordType, id: delivery.event.recordId, regionId: delivery.event.regionId },
      message,
      link: absoluteLink(deps.config.publicUrl, message.path),
    },
    deps.now(),
  );
  const sent = await postWebhook(channels, hook.kind, request);
  await recordWebhookAttempt(deps.db, {
    webhookId: hook.id,
    deliveryId: delivery.id,
    eventId: delivery.event.id,
    eventType: delivery.event.type,
    attempt: delivery.attempts,
    at: deps.now(),
    status: sent.ok ? 'sent' : 'failed',
    responseStatus: sent.responseStatus,
    error: sent.error,
    durationMs: Date.now() - started,
  });
  return sent.ok ? { ok: true } : { ok: false, error: sent.error ?? 'failed' };
}

export interface PostResult {
  ok: boolean;
  responseStatus: number | null;
  error: string | null;
}

/** POSTs a built request with a time limit; never throws. */
export async function postWebhook(
  channels: Pick<DeliveryChannels, 'fetch'>,
  kind: Parameters<typeof accepted>[0],
  request: Awaited<ReturnType<typeof webhookRequest>>,
): Promise<PostResult> {
  try {
    const response = await channels.fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    const text = (await response.text()).slice(0, 2000);
    const verdict = accepted(kind, response.status, text);
    return { ok: verdict.ok, responseStatus: response.status, error: verdict.error };
  } catch (error) {
    return { ok: false, responseStatus: null, error: describeError(error) };
  }
}
