// Browser sessions: the session cookie (HttpOnly, SameSite=Lax, Secure over HTTPS) identifies
// the user; every POST must carry the session's CSRF token as the `_csrf` form field. Before
// login, a double-submit cookie protects the login form itself.
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env.js';
import type { Actor } from '../domain/actor.js';
import { constantTimeEqual, newSecretToken } from '../lib/crypto.js';
import { AppError } from '../services/errors.js';
import { SESSION_COOKIE } from '../http/auth.js';
import { DEVICE_TTL_MS, SESSION_TTL_MS } from '../services/sessions.js';
import type { Role } from '../domain/types.js';
import { isUploadRequest } from '../http/uploads.js';
import { formBody } from './form-body.js';

export const LOGIN_CSRF_COOKIE = 'planner_login_csrf';
/** The browser's device token (src/domain/login-throttle.ts): sent only to the login form. */
export const DEVICE_COOKIE = 'planner_device';

function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    path: '/',
    maxAge: Math.floor(SESSION_TTL_MS.web / 1000),
  });
}

/** Kept as long as the device token lives; each login renews both. */
export function setDeviceCookie(c: Context, token: string): void {
  setCookie(c, DEVICE_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c),
    path: '/login',
    maxAge: Math.floor(DEVICE_TTL_MS / 1000),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c) });
}

/** The token the login form must echo: a cookie only this site can set, checked on submit. */
export function loginCsrfToken(c: Context): string {
  const existing = getCookie(c, LOGIN_CSRF_COOKIE);
  if (existing && existing.length >= 32) return existing;
  const token = newSecretToken();
  setCookie(c, LOGIN_CSRF_COOKIE, token, { httpOnly: true, sameSite: 'Strict', secure: isHttps(c), path: '/login' });
  return token;
}

/** The form field a POST must carry. */
export async function formField(c: Context, name: string): Promise<string> {
  const body = await formBody(c);
  const value = body[name];
  return typeof value === 'string' ? value : '';
}

/** Refuses every POST whose `_csrf` field does not match the session's (or, on /login, the cookie's). */
export function csrfProtection(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // A document upload streams: reading its token here would read the whole file first. Its
    // route checks the token itself, as the form's first field, before storing a byte
    // (checkUploadToken below, src/web/documents-pages.tsx).
    if (isUploadRequest(c.req.method, c.req.path)) return next();
    if (c.req.method === 'POST') {
      const type = c.req.header('content-type') ?? '';
      if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Pages accept HTML form posts only.');
      }
      const sent = await formField(c, '_csrf');
      const expected = c.var.user ? c.var.sessionCsrfToken : c.req.path === '/login' ? (getCookie(c, LOGIN_CSRF_COOKIE) ?? null) : null;
      if (!expected || !sent || !constantTimeEqual(sent, expected)) {
        throw new AppError('CSRF_REJECTED', 'The form has expired or did not come from this site. Reload the page and try again.');
      }
    }
    await next();
  };
}

/** The check csrfProtection makes, for a streamed upload's fields read before its file. */
export function checkUploadToken(c: Context<AppEnv>, fields: Readonly<Record<string, string>>): void {
  const expected = c.var.sessionCsrfToken;
  const sent = fields._csrf;
  if (!expected || !sent || !constantTimeEqual(sent, expected)) {
    throw new AppError('CSRF_REJECTED', 'The form has expired or did not come from this site. Reload the page and try again.');
  }
}

/** The logged-in user of the role a page needs; others are sent to log in or told no. */
export function webUser(c: Context<AppEnv>, ...roles: Role[]): Actor {
  const user = c.var.user;
  if (!user) throw new AppError('UNAUTHENTICATED', 'Log in first.');
  if (roles.length && !roles.includes(user.role)) throw new AppError('FORBIDDEN', 'This page is for another role.');
  return user;
}

export function homeFor(role: Role): string {
  return role === 'office' ? '/office' : role === 'hq' ? '/hq' : '/unit';
}
