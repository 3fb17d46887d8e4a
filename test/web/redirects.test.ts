// After the language switch and after login the pages follow `next` only to a path on this site,
// as a browser's URL parser reads it (issue: `/\t/evil.example` went to http://evil.example/, and
// a newline in `next` gave a 500, after a correct password with the session already set).
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, type TestContext } from '../helpers/app.js';
import { csrfFrom } from '../helpers/web.js';

let ctx: TestContext;
const ORIGIN = 'http://localhost';

beforeAll(async () => {
  ctx = await createTestApp();
});

const HOSTILE = [
  '/\t/evil.example',
  '/\t\t/evil.example/x',
  '//evil.example',
  '//x',
  '/\\evil.example',
  '/\\x',
  '\\\\evil.example',
  '/\n/evil.example',
  '/visits\nSet-Cookie: a=b',
  '/\r\n/evil.example',
  'https://evil.example/',
  'http:evil.example',
  'javascript:alert(1)',
  ' //evil.example',
  '/%09/evil.example',
  '/\u0000/evil.example',
  '\u3000//evil.example',
  '/.//evil.example',
  '/a/..//evil.example',
];

/** Where a browser goes with this Location: it must stay on the site. */
function staysOnSite(location: string | null): boolean {
  if (!location) return false;
  if (/\p{Cc}/u.test(location)) return false;
  return new URL(location, ORIGIN).origin === ORIGIN && location.startsWith('/') && !location.startsWith('//');
}

describe('next after switching the language', () => {
  it.each(HOSTILE)('never leaves the site for next=%j, and never answers 500', async (next) => {
    const res = await ctx.app.request(`/lang/en?next=${encodeURIComponent(next)}`);
    expect(res.status).toBe(303);
    expect(staysOnSite(res.headers.get('location')), `Location: ${JSON.stringify(res.headers.get('location'))}`).toBe(true);
  });

  it('follows a path of the site with its query', async () => {
    const res = await ctx.app.request(`/lang/en?next=${encodeURIComponent('/unit/visits?year=2027&status=submitted')}`);
    expect(res.headers.get('location')).toBe('/unit/visits?year=2027&status=submitted');
  });
});

describe('next after logging in', () => {
  async function logInWith(next: string) {
    const form = await ctx.app.request('/login');
    const cookie = (form.headers.get('set-cookie') ?? '').split(';')[0]!;
    return ctx.app.request('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ email: ADMIN.email, password: ADMIN.password, _csrf: csrfFrom(await form.text()), next }).toString(),
    });
  }

  it.each(HOSTILE)('lands on the site for next=%j, logged in, never 500', async (next) => {
    const res = await logInWith(next);
    expect(res.status).toBe(303);
    expect(staysOnSite(res.headers.get('location')), `Location: ${JSON.stringify(res.headers.get('location'))}`).toBe(true);
    expect(res.headers.get('set-cookie') ?? '').toContain('planner_session=');
  });

  it('follows a path of the site', async () => {
    const res = await logInWith('/office/reports?year=2027');
    expect(res.headers.get('location')).toBe('/office/reports?year=2027');
  });
});
