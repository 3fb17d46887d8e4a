// The official letter's scan in a real browser: the office requires it; a unit's reception
// cannot be approved until the unit uploads the scan through the documents page (Chromium's own
// multipart encoding, with a Chinese file name); then the office approves it in its queue, and
// the document downloads as the same bytes.
import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createUserAndLogin, loginAdmin } from '../helpers/api.js';
import { ADMIN } from '../helpers/app.js';
import { PDF } from '../helpers/documents.js';
import { newReception } from '../helpers/records.js';
import { ARTIFACTS_DIR, chromiumAvailable, launchBrowser, serveTestApp, type ServedApp } from './browser.js';

describe.skipIf(!chromiumAvailable())('the official letter scan in Chromium', () => {
  let served: ServedApp;
  let browser: Browser;
  let unitEmail: string;
  let receptionId: string;
  const dialogs: string[] = [];

  beforeAll(async () => {
    served = await serveTestApp();
    const office = await loginAdmin(served.ctx);
    const unit = await createUserAndLogin(served.ctx, office, { role: 'unit', unitId: 'hangzhou' });
    unitEmail = unit.email;
    receptionId = await newReception(served.ctx, unit.token);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  async function loggedInPage(email: string, password: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1200, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto(`${served.baseUrl}/login`);
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', password);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    return page;
  }

  it('keeps the reception from approval until the unit uploads the scan', async () => {
    const office = await loggedInPage(ADMIN.email, ADMIN.password);
    await office.goto(`${served.baseUrl}/office/settings/reception`);
    await office.check('#requireLetterScan');
    await Promise.all([office.waitForNavigation(), office.click('form.card button[type=submit]')]);
    await expect.poll(() => office.locator('main').innerText()).toContain('已保存');

    await office.goto(`${served.baseUrl}/office/receptions`);
    await Promise.all([office.waitForNavigation(), office.click(`form[action="/office/receptions/${receptionId}/approve"] button`)]);
    await expect.poll(() => office.locator('main').innerText()).toContain('批准前须上传公函扫描件');

    const unit = await loggedInPage(unitEmail, 'user-password-1');
    await unit.goto(`${served.baseUrl}/unit/receptions?year=2027`);
    await Promise.all([unit.waitForNavigation(), unit.click(`a[href="/receptions/${receptionId}#documents"]`)]);
    await unit.selectOption('#document-kind', 'official_letter');
    await unit.setInputFiles('#document-file', { name: '阿地委函〔2027〕12号.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF) });
    await Promise.all([unit.waitForNavigation(), unit.click('form.upload button[type=submit]')]);
    await expect.poll(() => unit.locator('main').innerText()).toContain('已上传:阿地委函〔2027〕12号.pdf');
    await unit.screenshot({ path: `${ARTIFACTS_DIR}unit-documents.png`, fullPage: true });
    const [download] = await Promise.all([unit.waitForEvent('download'), unit.click('#documents a[download]')]);
    expect(download.suggestedFilename()).toBe('阿地委函〔2027〕12号.pdf');
    const bytes = await (await download.createReadStream()).toArray();
    expect(createHash('sha256').update(Buffer.concat(bytes)).digest('hex')).toBe(createHash('sha256').update(PDF).digest('hex'));

    await office.goto(`${served.baseUrl}/office/receptions`);
    await Promise.all([office.waitForNavigation(), office.click(`form[action="/office/receptions/${receptionId}/approve"] button`)]);
    await expect.poll(() => office.locator('main').innerText()).toContain('已批准公务接待');
    const token = await loginAdmin(served.ctx);
    expect((await call(served.ctx, 'GET', `/api/v1/receptions/${receptionId}`, { token })).body.status).toBe('approved');
    expect(dialogs).toEqual([]);
  });
});
