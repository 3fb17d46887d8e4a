// Every web POST answers a body it cannot read with a 4xx page, never a 500 (issue: a malformed
// multipart body gave a 500 on every web POST, /login included). The routes come from the app
// itself, so a page added later is covered without touching this file.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { loginAdmin } from '../helpers/api.js';
import { followRedirect, webLogin, type WebSession } from '../helpers/web.js';
import { ADMIN } from '../helpers/app.js';

let ctx: TestContext;
let office: WebSession;
let routes: string[];

beforeAll(async () => {
  ctx = await createTestApp();
  await loginAdmin(ctx);
  office = await webLogin(ctx, ADMIN.email, ADMIN.password);
  routes = [
    ...new Set(
      ctx.app.routes
        .filter((r) => r.method === 'POST' && !r.path.startsWith('/api/') && !r.path.startsWith('/cal/'))
        .map((r) => r.path.replace(/:(\w+)/g, (_m, name: string) => (name === 'year' ? '2027' : 'some-id'))),
    ),
  ];
});

const BOUNDARY = '----planner-test-boundary';
const encoder = new TextEncoder();

/** Bodies a browser never sends, each with the content type it claims. */
function badBodies(csrf: string): { label: string; type: string; body: string | Uint8Array<ArrayBuffer> }[] {
  return [
    { label: 'multipart, boundary not in the body', type: `multipart/form-data; boundary=${BOUNDARY}`, body: 'garbage, no parts here' },
    { label: 'multipart without a boundary', type: 'multipart/form-data', body: `--${BOUNDARY}\r\n\r\n` },
    {
      label: 'multipart cut short in a part',
      type: `multipart/form-data; boundary=${BOUNDARY}`,
      body: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--${BOUNDARY}\r\nContent-Disposition: form-da`,
    },
    {
      label: 'multipart part without a name',
      type: `multipart/form-data; boundary=${BOUNDARY}`,
      body: `--${BOUNDARY}\r\nContent-Type: text/plain\r\n\r\nx\r\n--${BOUNDARY}--\r\n`,
    },
    { label: 'form with broken escapes', type: 'application/x-www-form-urlencoded', body: `_csrf=${csrf}&a=%zz&%E4%B8=%` },
    {
      label: 'form with bytes that are not UTF-8',
      type: 'application/x-www-form-urlencoded',
      body: new Uint8Array([...encoder.encode(`_csrf=${csrf}&email=`), 0xff, 0xfe, 0xc0, 0xaf]),
    },
    { label: 'empty form', type: 'application/x-www-form-urlencoded', body: '' },
    { label: 'JSON', type: 'application/json', body: `{"_csrf":"${csrf}"}` },
    { label: 'text', type: 'text/plain', body: `_csrf=${csrf}` },
    { label: 'no content type', type: '', body: `_csrf=${csrf}` },
    { label: 'form over 64 KiB', type: 'application/x-www-form-urlencoded', body: `_csrf=${csrf}&x=${'a'.repeat(70 * 1024)}` },
  ];
}

describe('bad bodies on every web POST', () => {
  it('answers 4xx, never 5xx, logged in and not', async () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
    expect(routes).toContain('/login');
    const wrong: string[] = [];
    for (const path of routes) {
      for (const [who, cookie, csrf] of [
        ['office', office.cookie, office.csrf],
        ['anonymous', '', ''],
      ] as const) {
        for (const bad of badBodies(csrf)) {
          const headers: Record<string, string> = { accept: 'text/html' };
          if (bad.type) headers['content-type'] = bad.type;
          if (cookie) headers.cookie = cookie;
          const res = await ctx.app.request(path, { method: 'POST', headers, body: bad.body });
          await res.arrayBuffer();
          if (res.status < 400 || res.status >= 500) wrong.push(`${path} as ${who}, ${bad.label}: ${res.status}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 60_000);

  it('still reads well-formed forms of both types', async () => {
    const form = await ctx.app.request('/login');
    const cookie = (form.headers.get('set-cookie') ?? '').split(';')[0]!;
    const csrf = (await form.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
    const multipart = new FormData();
    for (const [name, value] of Object.entries({ _csrf: csrf, email: ADMIN.email, password: ADMIN.password })) multipart.set(name, value);
    const res = await ctx.app.request('/login', { method: 'POST', headers: { cookie }, body: multipart });
    expect(res.status).toBe(303);
    const session = await webLogin(ctx, ADMIN.email, ADMIN.password);
    const plus = await ctx.app.request('/feeds', {
      method: 'POST',
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: `_csrf=${session.csrf}&scope=all&label=%E5%85%A8%E9%83%A8+feeds`,
    });
    const created = await followRedirect(ctx, session, { status: plus.status, headers: plus.headers });
    expect(created.html).toContain('全部 feeds');
  });
});
