// The unit dashboard: this year's caps with bars, visits by status, what comes next; and that a
// purpose with markup is shown as text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { call, loginAdmin } from '../helpers/api.js';
import { visitBody } from '../helpers/visits.js';
import { createWebUser, getPage, webLogin, type WebSession } from '../helpers/web.js';

let ctx: TestContext;
let office: string;
let unitToken: string;
let session: WebSession & { html: string };

beforeAll(async () => {
  ctx = await createTestApp();
  office = await loginAdmin(ctx);
  await call(ctx, 'PUT', '/api/v1/quotas/2027', { token: office, body: { maxBatches: 5, maxHeadcountPerBatch: 12, maxPersonTrips: 40 } });
  const unit = await createWebUser(ctx, office, { role: 'unit', unitId: 'huzhou' });
  unitToken = unit.token;
  session = unit.web;
  // Two counted visits (4 + 6 people) and one withdrawn one, which frees its place.
  expect(
    (await call(ctx, 'POST', '/api/v1/visits', { token: unitToken, body: visitBody({ purpose: '<script>alert(1)</script>' }) })).status,
  ).toBe(201);
  expect(
    (
      await call(ctx, 'POST', '/api/v1/visits', {
        token: unitToken,
        body: visitBody({ regionId: 'haixi', headcount: 6, startDate: '2027-05-10', endDate: '2027-05-12' }),
      })
    ).status,
  ).toBe(201);
  const third = await call(ctx, 'POST', '/api/v1/visits', {
    token: unitToken,
    body: visitBody({ regionId: 'nagqu', startDate: '2027-06-01', endDate: '2027-06-02' }),
  });
  expect((await call(ctx, 'POST', `/api/v1/visits/${third.body.id}/withdraw`, { token: unitToken })).status).toBe(200);
});

afterAll(() => ctx.database.client.close());

describe('GET /unit', () => {
  it('lands a unit user on the dashboard after login', () => {
    expect(session.html).toContain('湖州市 · 2027 年度概览');
  });

  it('shows this year’s caps as meters with used and remaining numbers', async () => {
    const { status, html } = await getPage(ctx, session, '/unit');
    expect(status).toBe(200);
    expect(html).toMatch(/<meter id="cap-batches-2027" min="0" max="5" value="2"/);
    expect(html).toMatch(/<meter id="cap-trips-2027" min="0" max="40" value="10"/);
    expect(html).toContain('已用 2 批 / 上限 5 批,剩余 3 批');
    expect(html).toContain('已用 10 人次 / 上限 40 人次,剩余 30 人次');
    expect(html).toContain('每批最多 12 人');
  });

  it('counts the year’s visits by status', async () => {
    const { html } = await getPage(ctx, session, '/unit');
    expect(html).toMatch(/<td data-status="submitted"[^>]*>2<\/td>/);
    expect(html).toMatch(/<td data-status="withdrawn"[^>]*>1<\/td>/);
    expect(html).toMatch(/<td data-status="approved"[^>]*>0<\/td>/);
  });

  it('lists the upcoming counted visits and escapes their purpose', async () => {
    const { html } = await getPage(ctx, session, '/unit');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('阿克苏地区');
    expect(html).toContain('海西州');
    // The withdrawn visit to Nagqu is not coming up.
    expect(html).not.toContain('那曲市');
    expect(html).toContain('href="/unit/visits/new"');
  });

  it('speaks English when asked', async () => {
    const { html } = await getPage(ctx, session, '/unit', { 'accept-language': 'en' });
    expect(html).toContain('2 of 5 batches used, 3 left');
  });

  it('opens on the year of the next visit, which in December is next year, and switches years', async () => {
    const december = await createTestApp({ now: new Date('2026-12-07T02:00:00.000Z') });
    const admin = await loginAdmin(december);
    const unit = await createWebUser(december, admin, { role: 'unit', unitId: 'shaoxing' });
    const before = await getPage(december, unit.web, '/unit');
    expect(before.html).toContain('绍兴市 · 2026 年度概览'); // nothing booked yet: this year
    const booked = await call(december, 'POST', '/api/v1/visits', {
      token: unit.token,
      body: visitBody({ startDate: '2027-03-01', endDate: '2027-03-03' }),
    });
    expect(booked.status).toBe(201);
    const after = await getPage(december, unit.web, '/unit');
    expect(after.html).toContain('绍兴市 · 2027 年度概览');
    expect(after.html).toMatch(/<td data-status="submitted"[^>]*>1<\/td>/);
    const switched = await getPage(december, unit.web, '/unit?year=2026');
    expect(switched.html).toContain('绍兴市 · 2026 年度概览');
    expect(switched.html).toMatch(/<td data-status="submitted"[^>]*>0<\/td>/);
    expect(switched.html).toContain('href="/unit?year=2027"');
  });

  it('is for unit accounts only', async () => {
    const admin = await webLogin(ctx, 'admin@test.local', 'admin-password-1');
    const { status, html } = await getPage(ctx, admin, '/unit');
    expect(status).toBe(403);
    expect(html).toContain('当前账号无权访问此页面');
    const anonymous = await ctx.app.request('/unit', { headers: { accept: 'text/html' } });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/login?next=%2Funit');
  });
});
