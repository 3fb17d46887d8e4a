// The main journey in a real browser: a unit books (and meets its cap in Chinese), withdraws,
// the HQ coordinates, the office bulk-approves. Every step is checked in the page itself.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createUserAndLogin, loginAdmin } from '../helpers/api.js';
import { ADMIN } from '../helpers/app.js';
import { ARTIFACTS_DIR, chromiumAvailable, launchBrowser, serveTestApp, type ServedApp } from './browser.js';

const HOSTILE_PURPOSE = '<script>alert(1)</script>考察援建项目';

describe.skipIf(!chromiumAvailable())('booking journey in Chromium', () => {
  let served: ServedApp;
  let browser: Browser;
  const accounts = { unit: { email: '', password: 'user-password-1' }, hq: { email: '', password: 'user-password-1' } };
  let firstVisitId = '';
  const dialogs: string[] = [];
  let confirmNext = false;

  beforeAll(async () => {
    served = await serveTestApp();
    const office = await loginAdmin(served.ctx);
    await call(served.ctx, 'PUT', '/api/v1/quotas/2027/units/hangzhou', {
      token: office,
      body: { maxBatches: 2, maxHeadcountPerBatch: 20, maxPersonTrips: 100 },
    });
    await call(served.ctx, 'PUT', '/api/v1/regions/aksu/rules', {
      token: office,
      body: { maxConcurrentDelegations: 5, minGapDays: 0, blackouts: [] },
    });
    accounts.unit.email = (await createUserAndLogin(served.ctx, office, { role: 'unit', unitId: 'hangzhou' })).email;
    accounts.hq.email = (await createUserAndLogin(served.ctx, office, { role: 'hq', regionId: 'aksu' })).email;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  async function loggedInPage(email: string, password: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      // A destructive step asks first (data-confirm); the test says yes only where it means to.
      if (confirmNext) await dialog.accept();
      else await dialog.dismiss();
    });
    await page.goto(`${served.baseUrl}/login`);
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', password);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    return page;
  }

  async function bookThroughForm(page: Page, startDate: string, endDate: string) {
    await page.goto(`${served.baseUrl}/unit/visits/new`);
    await page.selectOption('select[name=regionId]', 'aksu');
    await page.selectOption('select[name=kind]', 'inspection');
    await page.fill('input[name=startDate]', startDate);
    await page.fill('input[name=endDate]', endDate);
    await page.fill('input[name=headcount]', '6');
    await page.fill('input[name=leaderName]', '张三');
    await page.fill('textarea[name=purpose]', HOSTILE_PURPOSE);
    await Promise.all([page.waitForNavigation(), page.click('form.visit-form button[type=submit]:not([formmethod])')]);
  }

  it('lets a unit book twice, then shows the cap in Chinese, then withdraw', async () => {
    const page = await loggedInPage(accounts.unit.email, accounts.unit.password);
    expect(new URL(page.url()).pathname).toBe('/unit');
    await page.screenshot({ path: `${ARTIFACTS_DIR}unit-dashboard.png`, fullPage: true });

    await bookThroughForm(page, '2027-03-01', '2027-03-03');
    expect(new URL(page.url()).pathname).toBe('/unit/visits');
    await expect.poll(() => page.locator('main').innerText()).toContain(HOSTILE_PURPOSE);
    await bookThroughForm(page, '2027-04-01', '2027-04-02');
    await bookThroughForm(page, '2027-05-01', '2027-05-02');
    await expect.poll(() => page.locator('main').innerText()).toContain('本年度考察批次已满:上限 2 批,已用 2 批');
    expect(await page.inputValue('input[name=startDate]')).toBe('2027-05-01');
    await page.screenshot({ path: `${ARTIFACTS_DIR}unit-cap-message.png`, fullPage: true });

    const office = await loginAdmin(served.ctx);
    const visits = (await call(served.ctx, 'GET', '/api/v1/visits?unitId=hangzhou', { token: office })).body.items as {
      id: string;
      startDate: string;
    }[];
    expect(visits.map((v) => v.startDate)).toEqual(['2027-03-01', '2027-04-01']);
    firstVisitId = visits[0]!.id;
    const secondId = visits[1]!.id;

    await page.goto(`${served.baseUrl}/unit/visits`);
    await page.screenshot({ path: `${ARTIFACTS_DIR}unit-visits.png`, fullPage: true });
    // Dismissing the question withdraws nothing; saying yes withdraws.
    await page.click(`form[action$="/unit/visits/${secondId}/withdraw"] button[type=submit]`);
    expect(dialogs).toEqual(['确定撤回这次考察预约吗?撤回后名额随即释放。']);
    expect(new URL(page.url()).pathname).toBe('/unit/visits');
    await expect.poll(() => page.locator(`#visit-${secondId}`).innerText()).not.toContain('已撤回');
    confirmNext = true;
    await Promise.all([page.waitForNavigation(), page.click(`form[action$="/unit/visits/${secondId}/withdraw"] button[type=submit]`)]);
    confirmNext = false;
    await expect.poll(() => page.locator(`#visit-${secondId}`).innerText()).toContain('已撤回');
    dialogs.length = 0;
  });

  it('lets the HQ coordinate the visit in its queue', async () => {
    const page = await loggedInPage(accounts.hq.email, accounts.hq.password);
    expect(new URL(page.url()).pathname).toBe('/hq');
    await expect.poll(() => page.locator('main').innerText()).toContain(HOSTILE_PURPOSE);
    const form = page.locator(`form[action="/hq/visits/${firstVisitId}/coordinate"]`);
    await form.locator('textarea[name=opinion]').fill('已与受援地衔接,同意');
    await page.screenshot({ path: `${ARTIFACTS_DIR}hq-queue.png`, fullPage: true });
    await Promise.all([page.waitForNavigation(), form.locator('button[value=agree]').click()]);
    await expect.poll(() => page.locator('main').innerText()).toMatch(/已同意|已衔接|同意/);
    await expect.poll(() => page.locator(`form[action="/hq/visits/${firstVisitId}/coordinate"]`).count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('lets the office bulk-approve the coordinated visit', async () => {
    const page = await loggedInPage(ADMIN.email, ADMIN.password);
    expect(new URL(page.url()).pathname).toBe('/office');
    await page.check(`input[name=ids][value="${firstVisitId}"]`);
    await page.screenshot({ path: `${ARTIFACTS_DIR}office-approvals.png`, fullPage: true });
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("批准所选")')]);
    await expect.poll(() => page.locator('main').innerText()).toContain('已批准 1 项');
    await page.screenshot({ path: `${ARTIFACTS_DIR}office-approved.png`, fullPage: true });
    const office = await loginAdmin(served.ctx);
    expect((await call(served.ctx, 'GET', `/api/v1/visits/${firstVisitId}`, { token: office })).body.status).toBe('approved');

    for (const path of ['/office/reports/usage', '/office/reports/balance', '/office/settings/regions']) {
      await page.goto(`${served.baseUrl}${path}`);
      await page.screenshot({ path: `${ARTIFACTS_DIR}office-${path.split('/').slice(-1)[0]}.png`, fullPage: true });
    }
    expect(dialogs).toEqual([]);
  });
});
