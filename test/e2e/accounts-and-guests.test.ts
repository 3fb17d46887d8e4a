// In a real browser: the reception form's guest rows come and go with /static/app.js (and Enter
// still registers the reception, not a row's 删除), and the office creates an account, whose
// browser is logged out the moment the office deactivates it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createUserAndLogin, loginAdmin, USER_PASSWORD } from '../helpers/api.js';
import { ADMIN } from '../helpers/app.js';
import { chromiumAvailable, launchBrowser, serveTestApp, type ServedApp } from './browser.js';

describe.skipIf(!chromiumAvailable())('accounts and the guest list in Chromium', () => {
  let served: ServedApp;
  let browser: Browser;
  let officeToken: string;
  const unit = { email: '', token: '' };

  beforeAll(async () => {
    served = await serveTestApp();
    officeToken = await loginAdmin(served.ctx);
    const made = await createUserAndLogin(served.ctx, officeToken, { role: 'unit', unitId: 'hangzhou' });
    unit.email = made.email;
    unit.token = made.token;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  async function loggedInPage(email: string, password: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${served.baseUrl}/login`);
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', password);
    await Promise.all([page.waitForNavigation(), page.click('form[action="/login"] button[type=submit]')]);
    return page;
  }

  it('adds and removes guest rows in place, counts the guests, and registers with Enter', async () => {
    const page = await loggedInPage(unit.email, USER_PASSWORD);
    await page.goto(`${served.baseUrl}/unit/receptions/new`);
    await page.click('[data-add-guest]');
    await page.click('[data-add-guest]');
    expect(await page.locator('[data-guest-rows] [data-guest-row]').count()).toBe(5);
    expect(page.url()).toContain('/unit/receptions/new'); // no round trip
    for (let i = 0; i < 5; i++) {
      await page.fill(`input[name="guests.${i}.name"]`, `来宾${i + 1}`);
      await page.selectOption(`select[name="guests.${i}.rank"]`, 'county');
    }
    await page.click('[data-guest-row="1"] [data-remove-guest]');
    expect(await page.locator('[data-guest-rows] [data-guest-row]').count()).toBe(4);
    expect(await page.textContent('[data-guest-count]')).toBe('4');
    await page.selectOption('select[name=regionId]', 'aksu');
    await page.fill('input[name=startDate]', '2027-05-10');
    await page.fill('input[name=endDate]', '2027-05-11');
    await page.selectOption('select[name=leadRank]', 'county');
    await page.fill('input[name=officialLetterRef]', '阿地委函〔2027〕21号');
    await Promise.all([page.waitForNavigation(), page.press('input[name=officialLetterRef]', 'Enter')]);
    expect(page.url()).toMatch(/\/unit\/receptions\?year=2027&created=/);
    const stored = (await call(served.ctx, 'GET', '/api/v1/receptions', { token: unit.token })).body.items[0];
    expect(stored.guestCount).toBe(4);
    expect(stored.guests.map((g: { name: string }) => g.name)).toEqual(['来宾1', '来宾3', '来宾4', '来宾5']);
  }, 60_000);

  it('lets the office create an account and deactivate it after confirming; that browser is logged out at once', async () => {
    const office = await loggedInPage(ADMIN.email, ADMIN.password);
    await office.goto(`${served.baseUrl}/office/accounts/new`);
    await office.fill('input[name=email]', 'browser-made@e2e.test');
    await office.fill('input[name=displayName]', '宁波市对口办');
    await office.selectOption('select[name=role]', 'unit');
    await office.selectOption('select[name=unitId]', 'ningbo');
    await office.fill('input[name=password]', 'browser-password-1');
    await Promise.all([office.waitForNavigation(), office.click('text=创建账号')]);
    expect(await office.textContent('main')).toContain('账号已创建');
    const accountUrl = office.url().split('?')[0]!;

    const owner = await loggedInPage('browser-made@e2e.test', 'browser-password-1');
    expect(owner.url()).toMatch(/\/unit$/);

    await office.goto(accountUrl);
    await Promise.all([office.waitForNavigation(), office.click('text=停用账号…')]);
    expect(await office.textContent('main')).toContain('确认停用');
    await Promise.all([office.waitForNavigation(), office.click('button:has-text("确认停用")')]);
    expect(await office.textContent('main')).toContain('账号已停用');

    await owner.goto(`${served.baseUrl}/unit/visits`);
    expect(owner.url()).toContain('/login');
  }, 60_000);
});
