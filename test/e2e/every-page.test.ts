// Every page of every role in Chromium at a desktop width (1280 px) and a phone width (390 px).
// The pages come from the app's own routes, so a page added later is visited without touching
// this file (a route with a parameter this file cannot fill fails the test). Each page answers
// without an error, nothing scrolls sideways, every list table turns into cards on the phone,
// a Chinese page shows no English status word, and a screenshot of each is kept under
// test/artifacts/pages/ (the CI run's artifact folder).
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_PASSWORD } from '../helpers/api.js';
import { ADMIN } from '../helpers/app.js';
import { ARTIFACTS_DIR, chromiumAvailable, launchBrowser, serveTestApp, type ServedApp } from './browser.js';
import { type Role, type SeededPages, seedEveryPage } from './every-page-seed.js';

const SHOTS_DIR = `${ARTIFACTS_DIR}pages/`;
const WIDTHS = [1280, 390] as const;
// Stored codes that must never reach a Chinese page as they are.
const ENGLISH_STATUS = /\b(submitted|coordinated|approved|rejected|withdrawn|cancelled|committed|pending|failed)\b/i;

/** Not pages: files, feeds, machine answers, and addresses that only redirect. */
const NOT_PAGES = [
  /^\/api\//,
  /^\/cal\//,
  /^\/static\//,
  /^\/(healthz|openapi\.json|favicon\.ico)$/,
  /^\/lang\//,
  /\.(csv|zip)$/,
  /^\/(visits|receptions)\/:id\/documents$/,
  /^\/inbox\/:id\/open$/,
  /^\/login$/,
  /\/reactivate$/,
];

/** Which roles open a page: each role's own area, and the shared pages for all three. */
function rolesOf(path: string): Role[] {
  if (path.startsWith('/office')) return ['office'];
  if (path.startsWith('/hq')) return ['hq'];
  if (path.startsWith('/unit')) return ['unit'];
  return ['office', 'hq', 'unit'];
}

/** The address with real ids (and the seeded year or month) in place of its parameters. */
function addressOf(path: string, seeded: SeededPages): string {
  const filled = path.replace(/:(\w+)/g, (_m, name: string) => {
    if (name !== 'id') throw new Error(`every-page test: cannot fill :${name} in ${path}`);
    if (path.startsWith('/unit/visits/')) return seeded.ids.editableVisit;
    if (path.startsWith('/visits/')) return seeded.ids.visit;
    if (path.includes('/receptions/')) return seeded.ids.reception;
    if (path.startsWith('/office/accounts/')) return seeded.ids.account;
    if (path.startsWith('/office/settings/webhooks/')) return seeded.ids.webhook;
    throw new Error(`every-page test: no record to show at ${path}`);
  });
  // The seeded records are in 2027 (plan requests in 2028): show those, as a user would pick them.
  if (/^\/(unit\/plan|office\/plan)/.test(filled)) return `${filled}?year=2028`;
  if (/calendar$|reports\/monthly$/.test(filled)) return `${filled}?month=2027-03`;
  if (/^\/(unit|office)\/(visits|receptions|settings\/caps|settings\/cadres|reports\/(usage|balance|archive))$/.test(filled))
    return `${filled}?year=2027`;
  return filled;
}

interface PageFinding {
  path: string;
  status: number;
  overflowX: number;
  /** Tables wider than their frame (allowed at 1280 for month grids only). */
  wideTables: string[];
  /** List tables not made into cards, or cells without their column's name. */
  notCards: string[];
  englishStatus: string | null;
}

describe.skipIf(!chromiumAvailable())('every page at 1280 and 390 px', () => {
  let served: ServedApp;
  let browser: Browser;
  let seeded: SeededPages;
  let pagePaths: string[];

  beforeAll(async () => {
    served = await serveTestApp();
    seeded = await seedEveryPage(served.ctx, served.baseUrl);
    pagePaths = [
      ...new Set(served.ctx.app.routes.filter((r) => r.method === 'GET' && !NOT_PAGES.some((re) => re.test(r.path))).map((r) => r.path)),
    ];
    browser = await launchBrowser();
    mkdirSync(SHOTS_DIR, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  async function loggedIn(role: Role, width: number): Promise<Page> {
    const account =
      role === 'office' ? { email: ADMIN.email, password: ADMIN.password } : { email: seeded.emails[role], password: USER_PASSWORD };
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width, height: 900 } });
    const page = await context.newPage();
    page.on('dialog', (dialog) => dialog.dismiss());
    await page.goto(`${served.baseUrl}/login`);
    await page.fill('input[name=email]', account.email);
    await page.fill('input[name=password]', account.password);
    await Promise.all([page.waitForNavigation(), page.click('form[action="/login"] button[type=submit]')]);
    return page;
  }

  async function inspect(page: Page, path: string, shot: string): Promise<PageFinding> {
    const response = await page.goto(`${served.baseUrl}${path}`);
    const finding = await page.evaluate((pattern) => {
      const describe = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
      // The plan's year chart scrolls inside its own frame (a phone also has the placements
      // list under it); lists, month calendars and the plan's grid included, must not.
      const grids = 'svg.plan-calendar, .month-grid';
      const wide = [...document.querySelectorAll('main .table-wrap, main table')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1 && !el.querySelector(grids) && !el.matches(grids))
        .map(describe);
      // Label-and-value tables (facts, the API docs' field tables) and month grids are not lists.
      const lists = [...document.querySelectorAll('main table')].filter(
        (t) => !t.matches(`${grids}, .month-grid table, table.calendar:not(.office-calendar), table.facts, table.schema`),
      );
      const notCards = [
        ...lists.filter((t) => !t.classList.contains('cards')).map((t) => `${describe(t)} (not cards)`),
        ...[...document.querySelectorAll('main table.cards td:not([data-label])')].map(
          (td) => `td without data-label: ${td.textContent?.slice(0, 20)}`,
        ),
      ];
      const text = document.body.innerText;
      const match = document.documentElement.lang.startsWith('zh') ? new RegExp(pattern, 'i').exec(text) : null;
      return {
        overflowX: document.documentElement.scrollWidth - window.innerWidth,
        wideTables: wide,
        notCards,
        englishStatus: match ? text.slice(Math.max(0, match.index - 30), match.index + 30) : null,
      };
    }, ENGLISH_STATUS.source);
    await page.screenshot({ path: `${SHOTS_DIR}${shot}.png`, fullPage: true });
    return { path, status: response?.status() ?? 0, ...finding };
  }

  for (const role of ['office', 'hq', 'unit'] as const) {
    for (const width of WIDTHS) {
      it(`${role} at ${width} px`, async () => {
        const page = await loggedIn(role, width);
        const findings: PageFinding[] = [];
        for (const path of pagePaths.filter((p) => rolesOf(p).includes(role))) {
          const address = addressOf(path, seeded);
          const name =
            address
              .replace(/\?.*$/, '')
              .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'id')
              .replace(/[^a-z0-9]+/gi, '-')
              .replace(/^-|-$/g, '') || 'home';
          findings.push(await inspect(page, address, `${role}-${width}-${name}`));
        }
        writeFileSync(`${SHOTS_DIR}${role}-${width}.json`, JSON.stringify(findings, null, 2));
        await page.context().close();
        expect(findings.length).toBeGreaterThanOrEqual(role === 'office' ? 30 : 8);
        const problems = findings.filter(
          (f) =>
            f.status >= 400 ||
            f.status === 0 ||
            f.overflowX > 0 ||
            (width < 640 && f.wideTables.length > 0) ||
            f.notCards.length > 0 ||
            f.englishStatus,
        );
        expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
      }, 300_000);
    }
  }
});
