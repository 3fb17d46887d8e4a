// Web sessions: login sets an HttpOnly SameSite=Lax cookie, forms need the CSRF token, pages
// carry a CSP they satisfy, and the API never accepts the cookie for writes.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ADMIN, type TestContext } from '../helpers/app.js';
import { csrfFrom, getPage, postForm, webLogin } from '../helpers/web.js';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestApp();
});

describe('web login', () => {
  it('refuses a login form posted without the CSRF token', async () => {
    const res = await ctx.app.request('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: ADMIN.email, password: ADMIN.password }).toString(),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie') ?? '').not.toContain('planner_session=');
  });

  it('logs in with the form and sets a safe session cookie', async () => {
    const session = await webLogin(ctx, ADMIN.email, ADMIN.password);
    expect(session.setCookie).toMatch(/planner_session=[^;]+;.*HttpOnly/i);
    expect(session.setCookie).toMatch(/SameSite=Lax/i);
    const home = await getPage(ctx, session, '/');
    expect(home.status).toBe(302);
    expect(home.headers.get('location')).toBe('/office');
  });

  it('shows a wrong password in Chinese by default and in English on request', async () => {
    const zh = await webLogin(ctx, ADMIN.email, 'wrong-password', { expectFailure: true });
    expect(zh.html).toContain('邮箱或密码错误');
    const en = await webLogin(ctx, ADMIN.email, 'wrong-password', {
      expectFailure: true,
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(en.html).toContain('Wrong e-mail or password');
  });

  it('refuses a logged-in form post without the session’s CSRF token', async () => {
    const session = await webLogin(ctx, ADMIN.email, ADMIN.password);
    const res = await postForm(ctx, session, '/logout', {}, { withCsrf: false });
    expect(res.status).toBe(403);
    const ok = await postForm(ctx, session, '/logout', {});
    expect(ok.status).toBe(303);
  });

  it('sends pages with a CSP that forbids inline scripts', async () => {
    const res = await ctx.app.request('/login');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(await res.text()).not.toMatch(/<script>(?!<\/script>)/);
  });

  it('does not let the session cookie write through the API', async () => {
    const session = await webLogin(ctx, ADMIN.email, ADMIN.password);
    const res = await ctx.app.request('/api/v1/quotas/2027', {
      method: 'PUT',
      headers: { cookie: session.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ maxBatches: 1, maxHeadcountPerBatch: 1, maxPersonTrips: 1 }),
    });
    expect(res.status).toBe(401);
  });
});

describe('deep links', () => {
  it('brings a logged-out reader back to the whole address, query included, after logging in', async () => {
    const res = await ctx.app.request('/office/reports/usage?year=2028', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent('/office/reports/usage?year=2028')}`);
    const form = await ctx.app.request(res.headers.get('location')!, { headers: { accept: 'text/html' } });
    const html = await form.text();
    expect(html).toContain('name="next" value="/office/reports/usage?year=2028"');
    const loginCookie = (form.headers.get('set-cookie') ?? '').split(';')[0]!;
    const login = await ctx.app.request('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: loginCookie },
      body: new URLSearchParams({
        email: ADMIN.email,
        password: ADMIN.password,
        next: '/office/reports/usage?year=2028',
        _csrf: csrfFrom(html),
      }).toString(),
    });
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/office/reports/usage?year=2028');
  });
});
