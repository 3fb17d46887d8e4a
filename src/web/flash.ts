// What a form post has to tell the page it redirects to, when the address cannot carry it: the
// outcome of a bulk approval (each visit with its reason), a secret shown once (a feed's address,
// a webhook's signing key). Every successful form post answers 303 (a reload never posts again),
// so the message travels in a short-lived cookie that the next page reads once and clears.
//
// The cookie is HttpOnly, SameSite=Strict, lives two minutes and is bound to the session that
// set it: after a logout and another login in the same browser it is ignored. Its text is shown
// through JSX, escaped like any other text.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env.js';
import { base64urlToText, bytesToBase64url } from '../lib/base64url.js';
import type { Flash } from '../views/layout.js';

const COOKIE = 'planner_flash';
const MAX_AGE_SECONDS = 120;
/** Browsers keep cookies up to 4 KB; a message that would not fit is cut (see fitLines). */
const MAX_COOKIE_CHARS = 3_600;

interface Stored {
  /** Which session set it (a prefix of its CSRF token, which only that session's pages know). */
  session: string;
  /** What kind of message: the page that reads it asks for its own kind. */
  kind: string;
  value: unknown;
}

const sessionMark = (c: Context<AppEnv>) => (c.var.sessionCsrfToken ?? '').slice(0, 16);

function encode(stored: Stored): string {
  return bytesToBase64url(new TextEncoder().encode(JSON.stringify(stored)));
}

function decode(raw: string): Stored | null {
  const text = base64urlToText(raw);
  if (text === null) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { session, kind, value } = parsed as Record<string, unknown>;
    return typeof session === 'string' && typeof kind === 'string' ? { session, kind, value } : null;
  } catch {
    return null;
  }
}

/** Keeps a message of `kind` for the next page this session opens. */
export function keepForNextPage(c: Context<AppEnv>, kind: string, value: unknown): void {
  const encoded = encode({ session: sessionMark(c), kind, value });
  if (encoded.length > MAX_COOKIE_CHARS) throw new Error(`flash message of ${encoded.length} characters does not fit a cookie`);
  setCookie(c, COOKIE, encoded, {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: new URL(c.req.url).protocol === 'https:',
    maxAge: MAX_AGE_SECONDS,
  });
}

/** The message of `kind` this session kept, read once: a reload of the page shows it no more. */
export function takeFromLastPost<T>(c: Context<AppEnv>, kind: string, check: (value: unknown) => value is T): T | null {
  const raw = getCookie(c, COOKIE);
  if (raw === undefined) return null;
  const stored = decode(raw);
  if (!stored || stored.kind !== kind) return null;
  deleteCookie(c, COOKIE, { path: '/' });
  if (stored.session !== sessionMark(c) || !check(stored.value)) return null;
  return stored.value;
}

/**
 * Lines for the cookie: as many as fit, then how many more there were (the bulk outcome of a
 * few hundred visits would not fit; the first ones and the count still say what happened).
 */
export function fitLines(lines: string[], budget: number, more: (count: number) => string): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const [index, line] of lines.entries()) {
    // base64 of UTF-8: a Chinese character takes 4 characters of cookie, JSON adds a few.
    const cost = new TextEncoder().encode(line).length * 1.4 + 8;
    if (used + cost > budget) return [...kept, more(lines.length - index)];
    kept.push(line);
    used += cost;
  }
  return kept;
}

export const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** Page messages as kept by keepForNextPage. */
export const isFlashList = (value: unknown): value is Flash[] =>
  Array.isArray(value) &&
  value.every(
    (f) => typeof f === 'object' && f !== null && ['ok', 'error', 'warn'].includes((f as Flash).kind) && isStringArray((f as Flash).lines),
  );
