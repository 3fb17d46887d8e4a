// The calendar feeds page (/feeds) for every role: create shows the URL once (webcal:// and
// http(s)://, with a copy button) and that URL serves the feed; revoke makes it 404; scopes come
// from the account; errors tied to fields; CSRF and other people's feeds refused.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { ADMIN } from '../helpers/app.js';
import { call, loginAdmin } from '../helpers/api.js';
import { createWebUser, followRedirect, getPage, postForm, webLogin, type WebSession } from '../helpers/web.js';

let ctx: TestContext;
let hq: { token: string; web: WebSession };
let unit: { token: string; web: WebSession };
let officeWeb: WebSession;
let officeToken: string;

beforeAll(async () => {
  ctx = await createTestApp();
  officeToken = await loginAdmin(ctx);
  hq = await createWebUser(ctx, officeToken, { role: 'hq', regionId: 'aksu' });
  unit = await createWebUser(ctx, officeToken, { role: 'unit', unitId: 'hangzhou' });
  officeWeb = await webLogin(ctx, ADMIN.email, ADMIN.password);
});

/** Creates a feed through the page; returns the result page and the token its URL carries. */
async function createThroughPage(session: WebSession, fields: Record<string, string>) {
  const posted = await postForm(ctx, session, '/feeds', fields);
  // A post answers 303 (a reload creates nothing); the address is shown once, after the redirect.
  expect(posted.status, posted.html).toBe(303);
  const res = await followRedirect(ctx, session, posted);
  expect(res.location).toBe('/feeds/created');
  expect(res.status, res.html).toBe(200);
  const token = res.html.match(/webcal:\/\/planner\.test\/cal\/([A-Za-z0-9_-]+)\.ics/)?.[1] ?? '';
  expect(token.length).toBeGreaterThanOrEqual(22);
  return { html: res.html, token };
}

const feedsOf = async (token: string) =>
  (await call(ctx, 'GET', '/api/v1/feeds', { token })).body.items as {
    id: string;
    regionId: string | null;
    unitId: string | null;
    label: string | null;
  }[];

describe('creating a feed', () => {
  it('shows the webcal:// link, the http URL and a copy button once, and the URL serves the calendar', async () => {
    const { html, token } = await createThroughPage(hq.web, { label: '指挥部日历' });
    expect(html).toContain(`href="webcal://planner.test/cal/${token}.ics"`);
    expect(html).toContain(`value="http://planner.test/cal/${token}.ics"`);
    expect(html).toContain(`data-copy="http://planner.test/cal/${token}.ics"`);
    expect(html).toMatch(/<label for="feed-url">/);
    expect(html).toContain('地区:阿克苏地区');

    const feed = await ctx.app.request(`/cal/${token}.ics`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');

    // Listed afterwards with label, scope and date, but the secret is never shown again.
    const list = await getPage(ctx, hq.web, '/feeds');
    expect(list.html).toContain('指挥部日历');
    expect(list.html).toContain('地区:阿克苏地区');
    expect(list.html).toContain('2027-01-10');
    expect(list.html).not.toContain(token);
    // Reloading the page shown after the post creates nothing and shows the address no more.
    const before = (await feedsOf(hq.token)).length;
    const reloaded = await getPage(ctx, hq.web, '/feeds/created');
    expect(reloaded.status).toBe(200);
    expect(reloaded.html).not.toContain(token);
    expect(reloaded.html).toContain('订阅地址只在创建后显示一次');
    expect((await feedsOf(hq.token)).length).toBe(before);
  });

  it("fixes an HQ's scope to its own region whatever the form says", async () => {
    const before = (await feedsOf(hq.token)).length;
    const { html } = await createThroughPage(hq.web, { scope: 'all', regionId: 'nagqu', label: '想订阅那曲' });
    expect(html).toContain('地区:阿克苏地区');
    const feeds = await feedsOf(hq.token);
    expect(feeds).toHaveLength(before + 1);
    expect(feeds[0]).toMatchObject({ label: '想订阅那曲', regionId: 'aksu', unitId: null });
  });

  it("fixes a unit's scope to itself", async () => {
    const { html } = await createThroughPage(unit.web, { scope: 'unit', unitId: 'ningbo' });
    expect(html).toContain('单位:杭州市');
    expect((await feedsOf(unit.token))[0]).toMatchObject({ unitId: 'hangzhou', regionId: null });
  });

  it('lets the office choose region, unit or everything, and ties a missing region to its field', async () => {
    const missing = await postForm(ctx, officeWeb, '/feeds', { scope: 'region', regionId: '', unitId: 'ningbo', label: '缺地区' });
    expect(missing.status).toBe(422);
    expect(missing.html).toContain('请检查填写的内容');
    expect(missing.html).toMatch(/<select id="feed-regionId" name="regionId" aria-invalid="true" aria-describedby="feed-regionId-error">/);
    expect(missing.html).toContain('<p class="field-error" id="feed-regionId-error">请选择地区</p>');
    expect(missing.html).toContain('value="缺地区"');

    // The unit select is ignored for a region feed, so it cannot be refused as a stray id.
    expect((await createThroughPage(officeWeb, { scope: 'region', regionId: 'haixi', unitId: 'ningbo' })).html).toContain('地区:海西州');
    expect((await createThroughPage(officeWeb, { scope: 'unit', regionId: 'aksu', unitId: 'ningbo' })).html).toContain('单位:宁波市');
    expect((await createThroughPage(officeWeb, { scope: 'all', regionId: '', unitId: '' })).html).toContain('全部考察与接待');
    const unknown = await postForm(ctx, officeWeb, '/feeds', { scope: 'unit', unitId: 'atlantis' });
    expect(unknown.status).toBe(422);
    expect(unknown.html).toContain('请选择单位');
  });

  it('escapes a label with markup', async () => {
    await createThroughPage(unit.web, { label: '<script>alert(1)</script>' });
    const list = await getPage(ctx, unit.web, '/feeds');
    expect(list.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(list.html).not.toContain('<script>alert(1)</script>');
  });

  it('refuses a post without the CSRF token and creates nothing', async () => {
    const before = (await feedsOf(unit.token)).length;
    const res = await postForm(ctx, unit.web, '/feeds', { label: '无令牌' }, { withCsrf: false });
    expect(res.status).toBe(403);
    expect(await feedsOf(unit.token)).toHaveLength(before);
  });
});

describe('revoking a feed', () => {
  it('makes its URL answer 404 and takes it off the list', async () => {
    const { token } = await createThroughPage(hq.web, { label: '待撤销' });
    const feedId = (await feedsOf(hq.token)).find((f) => f.label === '待撤销')?.id ?? '';
    const list = await getPage(ctx, hq.web, '/feeds');
    expect(list.html).toContain(`action="/feeds/${feedId}/revoke"`);

    const res = await postForm(ctx, hq.web, `/feeds/${feedId}/revoke`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/feeds?done=revoked');
    expect((await ctx.app.request(`/cal/${token}.ics`)).status).toBe(404);
    const after = await getPage(ctx, hq.web, '/feeds?done=revoked');
    expect(after.html).toContain('订阅已撤销');
    expect(after.html).not.toContain('待撤销');
    // Twice is a 404 page, not a second revocation.
    expect((await postForm(ctx, hq.web, `/feeds/${feedId}/revoke`, {})).status).toBe(404);
  });

  it("cannot revoke someone else's feed", async () => {
    const { token } = await createThroughPage(unit.web, { label: '单位日历' });
    const feedId = (await feedsOf(unit.token)).find((f) => f.label === '单位日历')?.id ?? '';
    const res = await postForm(ctx, hq.web, `/feeds/${feedId}/revoke`, {});
    expect(res.status).toBe(404);
    expect(res.html).toContain('页面或记录不存在');
    expect((await ctx.app.request(`/cal/${token}.ics`)).status).toBe(200);
  });
});
