// The HTTP request each kind of webhook receives, signed with WebCrypto so it runs on Node and
// Workers alike:
// - generic: Standard Webhooks — JSON {id, event, occurredAt, data}; headers webhook-id,
//   webhook-timestamp (seconds) and webhook-signature `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`
//   keyed with the base64 bytes after `whsec_`;
// - dingtalk: the custom robot's markdown message; with a secret, `timestamp` (ms) and `sign` =
//   base64(HMAC-SHA256(secret, timestamp + "\n" + secret)) as query parameters (URL-encoded);
// - wecom: the group robot's markdown message (its key is in the URL).
import type { EventMessage } from './notification-text.js';

export type WebhookKind = 'generic' | 'dingtalk' | 'wecom';

export interface OutgoingMessage {
  /** Stable for one event and receiver: the same on every retry (webhook-id). */
  messageId: string;
  eventId: string;
  type: string;
  occurredAt: string;
  /** What the event is about: a visit, a reception, a month (the outlook). */
  record: { type: string; id: string; regionId: string | null };
  message: EventMessage;
  link: string;
}

export interface OutgoingRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

const encoder = new TextEncoder();

async function hmacSha256Base64(key: Uint8Array<ArrayBuffer>, text: string): Promise<string> {
  const cryptoKey = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(text)));
  let binary = '';
  for (const b of signature) binary += String.fromCharCode(b);
  return btoa(binary);
}

export const GENERIC_SECRET_PREFIX = 'whsec_';

/** The signing key of a `whsec_…` secret, or null when it is not one. */
export function standardWebhookKey(secret: string): Uint8Array<ArrayBuffer> | null {
  if (!secret.startsWith(GENERIC_SECRET_PREFIX)) return null;
  const encoded = secret.slice(GENERIC_SECRET_PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return null;
  try {
    const key = Uint8Array.from(atob(encoded), (ch) => ch.charCodeAt(0));
    return key.length >= 24 && key.length <= 64 ? key : null;
  } catch {
    return null;
  }
}

/** A fresh secret for a generic webhook: 32 random bytes, Standard Webhooks' `whsec_` form. */
export function newStandardWebhookSecret(): string {
  let binary = '';
  for (const b of crypto.getRandomValues(new Uint8Array(32))) binary += String.fromCharCode(b);
  return `${GENERIC_SECRET_PREFIX}${btoa(binary)}`;
}

// Robot messages have size limits (WeCom: 4096 bytes of markdown); a long purpose is cut.
const ROBOT_TEXT_LIMIT = 1500;

/** Markdown's own characters in user text, escaped so a purpose cannot forge links or headings. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]()#<>!|~])/g, '\\$1');
}

function robotMarkdown(out: OutgoingMessage): string {
  const body = out.message.body.length > ROBOT_TEXT_LIMIT ? `${out.message.body.slice(0, ROBOT_TEXT_LIMIT)}…` : out.message.body;
  const lines = body.split('\n').map((line) => (line ? `> ${escapeMarkdown(line)}` : '>'));
  return [`### ${escapeMarkdown(out.message.subject)}`, '', ...lines, '', `[查看详情](${out.link})`].join('\n');
}

export async function webhookRequest(
  hook: { kind: WebhookKind; url: string; secret: string | null },
  out: OutgoingMessage,
  now: Date,
): Promise<OutgoingRequest> {
  const json = { 'content-type': 'application/json; charset=utf-8' };
  if (hook.kind === 'generic') {
    const body = JSON.stringify({
      id: out.eventId,
      event: out.type,
      occurredAt: out.occurredAt,
      data: {
        ...out.message.data,
        recordType: out.record.type,
        recordId: out.record.id,
        regionId: out.record.regionId,
        subject: out.message.subject,
        body: out.message.body,
        link: out.link,
      },
    });
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const headers: Record<string, string> = { ...json, 'webhook-id': out.messageId, 'webhook-timestamp': timestamp };
    const key = hook.secret ? standardWebhookKey(hook.secret) : null;
    if (key) headers['webhook-signature'] = `v1,${await hmacSha256Base64(key, `${out.messageId}.${timestamp}.${body}`)}`;
    return { url: hook.url, headers, body };
  }
  if (hook.kind === 'dingtalk') {
    const body = JSON.stringify({ msgtype: 'markdown', markdown: { title: out.message.subject, text: robotMarkdown(out) } });
    const url = new URL(hook.url);
    if (hook.secret) {
      const timestamp = String(now.getTime());
      const sign = await hmacSha256Base64(encoder.encode(hook.secret), `${timestamp}\n${hook.secret}`);
      url.searchParams.set('timestamp', timestamp);
      url.searchParams.set('sign', sign);
    }
    return { url: url.toString(), headers: json, body };
  }
  const body = JSON.stringify({ msgtype: 'markdown', markdown: { content: robotMarkdown(out) } });
  return { url: hook.url, headers: json, body };
}

/**
 * Whether the receiver took the message: a 2xx, and for the robots also `errcode` 0 in the
 * answer (both answer 200 with an error code when they refuse, e.g. a wrong sign).
 */
export function accepted(kind: WebhookKind, status: number, responseText: string): { ok: boolean; error: string | null } {
  if (status < 200 || status > 299) return { ok: false, error: `HTTP ${status}` };
  if (kind === 'generic') return { ok: true, error: null };
  try {
    const answer = JSON.parse(responseText) as { errcode?: unknown; errmsg?: unknown };
    if (answer.errcode === undefined || answer.errcode === 0) return { ok: true, error: null };
    return { ok: false, error: `errcode ${String(answer.errcode)}: ${String(answer.errmsg ?? '')}` };
  } catch {
    return { ok: false, error: 'the robot answered something that is not JSON' };
  }
}
