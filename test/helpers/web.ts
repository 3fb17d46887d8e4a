// Driving the web pages through app.request(): log in with the real form (CSRF and all), then
// GET pages and POST forms with the session cookie and the page's CSRF token.
import { expect } from 'vitest';
import { createUserAndLogin, USER_PASSWORD } from './api.js';
import type { TestContext } from './app.js';

export interface WebSession {
  cookie: string;
  setCookie: string;
  csrf: string;
}

function cookiePairs(setCookie: string): string[] {
  return setCookie
    .split(/,(?=\s*[A-Za-z_]+=)/)
    .map((c) => c.split(';')[0]!.trim())
    .filter((pair) => pair.includes('=') && !pair.endsWith('='));
}

export function csrfFrom(html: string): string {
  return html.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
}

export async function webLogin(
  ctx: TestContext,
  email: string,
  password: string,
  options: { expectFailure?: boolean; headers?: Record<string, string>; cookie?: string } = {},
): Promise<WebSession & { html: string; status: number }> {
  const form = await ctx.app.request('/login', { headers: options.headers });
  const loginCookie = [...cookiePairs(form.headers.get('set-cookie') ?? ''), ...(options.cookie ? [options.cookie] : [])].join('; ');
  const csrf = csrfFrom(await form.text());
  const res = await ctx.app.request('/login', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: loginCookie, ...options.headers },
    body: new URLSearchParams({ email, password, _csrf: csrf }).toString(),
  });
  const setCookie = res.headers.get('set-cookie') ?? '';
  if (options.expectFailure) return { cookie: '', setCookie, csrf: '', html: await res.text(), status: res.status };
  expect(res.status, 'login redirects').toBe(303);
  const cookie = cookiePairs(setCookie)
    .filter((p) => p.startsWith('planner_session='))
    .join('; ');
  const landing = await ctx.app.request(res.headers.get('location') ?? '/', { headers: { cookie, accept: 'text/html' } });
  const html = await landing.text();
  return { cookie, setCookie, csrf: csrfFrom(html), html, status: res.status };
}

export async function getPage(ctx: TestContext, session: WebSession, path: string, headers: Record<string, string> = {}) {
  const res = await ctx.app.request(path, { headers: { cookie: session.cookie, accept: 'text/html', ...headers } });
  return { status: res.status, headers: res.headers, html: await res.text() };
}

export async function postForm(
  ctx: TestContext,
  session: WebSession,
  path: string,
  fields: Record<string, string | string[]>,
  options: { withCsrf?: boolean } = {},
) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  if (options.withCsrf !== false) body.set('_csrf', session.csrf);
  const res = await ctx.app.request(path, {
    method: 'POST',
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
  return { status: res.status, headers: res.headers, html: await res.text() };
}

/**
 * Follows a form post's 303 as a browser does, with any cookie the answer set (the one-time
 * message a post keeps for the page it redirects to: src/web/flash.ts).
 */
export async function followRedirect(ctx: TestContext, session: WebSession, posted: { status: number; headers: Headers }) {
  expect(posted.status).toBe(303);
  const location = posted.headers.get('location') ?? '';
  const cookie = [session.cookie, ...cookiePairs(posted.headers.get('set-cookie') ?? '')].join('; ');
  const res = await ctx.app.request(location, { headers: { cookie, accept: 'text/html' } });
  return { status: res.status, headers: res.headers, html: await res.text(), location };
}

/** An account created through the API (as the office) with its API token and a web session. */
export async function createWebUser(
  ctx: TestContext,
  adminToken: string,
  account: { role: 'office' | 'hq' | 'unit'; unitId?: string; regionId?: string },
) {
  const created = await createUserAndLogin(ctx, adminToken, account);
  return { ...created, web: await webLogin(ctx, created.email, USER_PASSWORD) };
}
