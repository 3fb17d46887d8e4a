// The unit's annual plan page: file a wish for a year (checked like the API), see it listed, and
// withdraw it. Before this page, plan requests could only be filed through the API.
import { beforeAll, describe, expect, it } from 'vitest';
import { call, loginAdmin } from '../helpers/api.js';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { createWebUser, getPage, postForm } from '../helpers/web.js';
import { elementById } from './office-helpers.js';

let ctx: TestContext;
let unit: Awaited<ReturnType<typeof createWebUser>>;
let other: Awaited<ReturnType<typeof createWebUser>>;

const wish = (over: Record<string, string> = {}) => ({
  year: '2028',
  regionId: 'nagqu',
  kind: 'inspection',
  days: '4',
  headcount: '6',
  earliest: '2028-05-01',
  latest: '2028-06-30',
  preferredStart: '2028-05-20',
  priority: '1',
  leaderName: '赵六',
  purpose: '考察援藏项目',
  ...over,
});

beforeAll(async () => {
  ctx = await createTestApp();
  const admin = await loginAdmin(ctx);
  unit = await createWebUser(ctx, admin, { role: 'unit', unitId: 'jinhua' });
  other = await createWebUser(ctx, admin, { role: 'unit', unitId: 'quzhou' });
});

describe('the unit plan page', () => {
  it('is in the unit navigation and opens on next year by default', async () => {
    const page = await getPage(ctx, unit.web, '/unit/plan');
    expect(page.status).toBe(200);
    expect(page.html).toContain('<a href="/unit/plan" aria-current="page">年度计划</a>');
    expect(page.html).toContain('2028 年度计划申报'); // today is 2027-01-10 in tests
  });

  it('files a wish through the form, lists it for the unit, and the API sees the same request', async () => {
    const res = await postForm(ctx, unit.web, '/unit/plan/requests', wish());
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/unit/plan?year=2028&filed=1');
    const page = await getPage(ctx, unit.web, res.headers.get('location')!);
    expect(page.html).toContain('已提交年度计划需求');
    expect(page.html).toContain('2028-05-01 至 2028-06-30');
    expect(page.html).toContain('(希望 2028-05-20 出发)');
    expect(page.html).toContain('重要(优先安排)');
    const api = await call(ctx, 'GET', '/api/v1/plans/2028/requests', { token: unit.token });
    const items = api.body.items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ unitId: 'jinhua', regionId: 'nagqu', days: 4, headcount: 6, priority: 1, status: 'open' });
    // Another unit does not see it.
    expect((await getPage(ctx, other.web, '/unit/plan?year=2028')).html).not.toContain('2028-05-01 至 2028-06-30');
  });

  it('re-renders a wrong wish with the errors on their fields, in Chinese, and files nothing', async () => {
    const res = await postForm(ctx, unit.web, '/unit/plan/requests', wish({ earliest: '2029-01-05', latest: '2029-01-20', days: '' }));
    expect(res.status).toBe(422);
    expect(res.html).toContain('<p class="field-error" id="f-days-error">此项必填</p>');
    const before = (await call(ctx, 'GET', '/api/v1/plans/2028/requests', { token: unit.token })).body.items.length;
    const wrongYear = await postForm(ctx, unit.web, '/unit/plan/requests', wish({ earliest: '2029-01-05', latest: '2029-01-20' }));
    expect(wrongYear.status).toBe(422);
    expect(wrongYear.html).toContain('<p class="field-error" id="f-earliest-error">须在 2028 年内</p>');
    expect(wrongYear.html).toMatch(/id="f-leaderName"[^>]*value="赵六"/);
    expect((await call(ctx, 'GET', '/api/v1/plans/2028/requests', { token: unit.token })).body.items.length).toBe(before);
  });

  it('files a condolence wish with its cadres, and asks for them when they are missing', async () => {
    const condolence = wish({ kind: 'condolence', regionId: 'haixi', earliest: '2028-09-01', latest: '2028-09-30', preferredStart: '' });
    const missing = await postForm(ctx, unit.web, '/unit/plan/requests', condolence);
    expect(missing.status).toBe(422);
    expect(missing.html).toContain('id="f-cadresVisited-error"');
    const res = await postForm(ctx, unit.web, '/unit/plan/requests', { ...condolence, cadresVisited: '8', consolationYuan: '40000' });
    expect(res.status).toBe(303);
    const items = (await call(ctx, 'GET', '/api/v1/plans/2028/requests', { token: unit.token })).body.items;
    expect(items.find((r: { kind: string }) => r.kind === 'condolence')).toMatchObject({ cadresVisited: 8, consolationYuan: 40000 });
    // An inspection wish drops the hidden condolence fields instead of storing them.
    await postForm(
      ctx,
      unit.web,
      '/unit/plan/requests',
      wish({ cadresVisited: '5', earliest: '2028-10-01', latest: '2028-10-31', preferredStart: '' }),
    );
    const inspection = (await call(ctx, 'GET', '/api/v1/plans/2028/requests', { token: unit.token })).body.items.find(
      (r: { earliest: string }) => r.earliest === '2028-10-01',
    );
    expect(inspection).toMatchObject({ kind: 'inspection', cadresVisited: null });
  });

  it('withdraws an open wish after asking (data-confirm), and only the unit that filed it can', async () => {
    const filed = await call(ctx, 'POST', '/api/v1/plans/2028/requests', {
      token: unit.token,
      body: {
        regionId: 'haixi',
        kind: 'condolence',
        days: 3,
        headcount: 4,
        earliest: '2028-08-01',
        latest: '2028-08-31',
        priority: 2,
        leaderName: '钱七',
        purpose: '慰问援青干部',
        cadresVisited: 12,
      },
    });
    expect(filed.status).toBe(201);
    const row = elementById((await getPage(ctx, unit.web, '/unit/plan?year=2028')).html, `request-${filed.body.id}`);
    expect(row).toContain('data-confirm="确定撤回这项需求吗?"');
    expect((await postForm(ctx, other.web, `/unit/plan/requests/${filed.body.id}/withdraw`, { year: '2028' })).status).toBe(404);
    const res = await postForm(ctx, unit.web, `/unit/plan/requests/${filed.body.id}/withdraw`, { year: '2028' });
    expect(res.status).toBe(303);
    const after = elementById((await getPage(ctx, unit.web, res.headers.get('location')!)).html, `request-${filed.body.id}`);
    expect(after).toContain('已撤回');
    expect(after).not.toContain('/withdraw"');
  });
});
