// The record page and the inbox in Chromium: the HQ opens a new visit from its inbox (the count in
// the navigation goes down), refuses it on the visit's page; the unit sees the reason on its list
// and the page, and starts 修改后重新提交 from there with the form filled in.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createUserAndLogin, loginAdmin } from '../helpers/api.js';
import { mayVisitBody } from '../helpers/visits.js';
import { ARTIFACTS_DIR, chromiumAvailable, launchBrowser, serveTestApp, type ServedApp } from './browser.js';

describe.skipIf(!chromiumAvailable())('record pages and the inbox in Chromium', () => {
  let served: ServedApp;
  let browser: Browser;
  let unit: { email: string; token: string };
  let hq: { email: string };
  let visitId = '';

  beforeAll(async () => {
    served = await serveTestApp();
    const office = await loginAdmin(served.ctx);
    await call(served.ctx, 'PUT', '/api/v1/regions/aksu/rules', {
      token: office,
      body: { maxConcurrentDelegations: 5, minGapDays: 0, blackouts: [] },
    });
    unit = await createUserAndLogin(served.ctx, office, { role: 'unit', unitId: 'hangzhou' });
    hq = await createUserAndLogin(served.ctx, office, { role: 'hq', regionId: 'aksu' });
    const booked = await call(served.ctx, 'POST', '/api/v1/visits', { token: unit.token, body: mayVisitBody({ purpose: '考察援建学校' }) });
    visitId = booked.body.id;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  async function loggedIn(email: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${served.baseUrl}/login`);
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', 'user-password-1');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    return page;
  }

  it('the HQ opens the visit from its inbox and refuses it with a reason; the unit reads it and resubmits', async () => {
    const hqPage = await loggedIn(hq.email);
    expect(await hqPage.locator('header nav a[href="/inbox"] .badge').innerText()).toContain('1');
    await hqPage.click('header nav a[href="/inbox"]');
    await Promise.all([hqPage.waitForNavigation(), hqPage.click('ul.inbox a')]);
    expect(new URL(hqPage.url()).pathname).toBe(`/visits/${visitId}`);
    expect(await hqPage.locator('header nav a[href="/inbox"] .badge').count()).toBe(0);
    await hqPage.fill('textarea[name=opinion]', '当月当地有重大活动,请改期');
    await Promise.all([hqPage.waitForNavigation(), hqPage.click('button[value=disagree]')]);
    expect(await hqPage.locator('.alert.ok').innerText()).toContain('考察已退回');
    expect(await hqPage.locator('ol.timeline').innerText()).toContain('当月当地有重大活动,请改期');

    const unitPage = await loggedIn(unit.email);
    await unitPage.goto(`${served.baseUrl}/unit/visits?year=2027`);
    expect(await unitPage.locator(`#visit-${visitId}`).innerText()).toContain('当月当地有重大活动,请改期');
    await Promise.all([unitPage.waitForNavigation(), unitPage.click(`#visit-${visitId} a[href="/visits/${visitId}"] >> nth=0`)]);
    expect(await unitPage.locator('#hq-opinion').innerText()).toBe('当月当地有重大活动,请改期');
    await unitPage.screenshot({ path: `${ARTIFACTS_DIR}record-page.png`, fullPage: true });
    await Promise.all([unitPage.waitForNavigation(), unitPage.click('text=修改后重新提交')]);
    expect(await unitPage.inputValue('textarea[name=purpose], input[name=purpose]')).toBe('考察援建学校');
    expect(await unitPage.inputValue('input[name=startDate]')).toBe('2027-05-01');
  });
});
