// `?year=` is read the same way on every page that shows a year: a year (2000..2999, four
// digits) is shown; anything else shows the page's default year with the year field marked
// 「请填写 2000 至 2999 之间的年份」 and a 422 (issue: the unit pages answered in English, the
// settings, plan and overview pages silently showed another year, the reports refused).
import { beforeAll, describe, expect, it } from 'vitest';
import { loginAdmin } from '../helpers/api.js';
import { ADMIN, createTestApp, type TestContext } from '../helpers/app.js';
import { createWebUser, getPage, webLogin, type WebSession } from '../helpers/web.js';

let ctx: TestContext;
let office: WebSession;
let unit: WebSession;

beforeAll(async () => {
  ctx = await createTestApp();
  const token = await loginAdmin(ctx);
  office = await webLogin(ctx, ADMIN.email, ADMIN.password);
  unit = (await createWebUser(ctx, token, { role: 'unit', unitId: 'hangzhou' })).web;
});

const PAGES: ['office' | 'unit', string][] = [
  ['unit', '/unit'],
  ['unit', '/unit/visits'],
  ['unit', '/unit/receptions'],
  ['unit', '/unit/plan'],
  ['office', '/office/plan'],
  ['office', '/office/plan/requests'],
  ['office', '/office/settings/caps'],
  ['office', '/office/settings/cadres'],
  ['office', '/office/reports/usage'],
  ['office', '/office/reports/balance'],
  ['office', '/office/reports/archive'],
];

describe('?year= on every page that shows a year', () => {
  it('shows a year that is one', async () => {
    for (const [who, path] of PAGES) {
      const res = await getPage(ctx, who === 'office' ? office : unit, `${path}?year=2031`);
      expect(res.status, path).toBe(200);
      expect(res.html, path).toContain('2031');
      expect(res.html, path).not.toContain('请填写 2000 至 2999 之间的年份');
    }
  });

  it('marks a year that is not one, in Chinese, with a 422', async () => {
    for (const raw of ['20x7', '1999', '20270']) {
      for (const [who, path] of PAGES) {
        const res = await getPage(ctx, who === 'office' ? office : unit, `${path}?year=${raw}`);
        expect(res.status, `${path}?year=${raw}`).toBe(422);
        expect(res.html, `${path}?year=${raw}`).toContain('请填写 2000 至 2999 之间的年份');
        expect(res.html, `${path}?year=${raw}`).not.toMatch(/must be|expected/i);
      }
    }
  });
});
