// Shared set-up for the office page tests: an app with roomy region rules, the office's API token
// and web session, and visits booked and coordinated through the API.
import { expect } from 'vitest';
import { ADMIN, createTestApp, type TestContext } from '../helpers/app.js';
import { call, loginAdmin } from '../helpers/api.js';
import { mayVisitBody } from '../helpers/visits.js';
import { webLogin, type WebSession } from '../helpers/web.js';

export interface OfficeTestContext {
  ctx: TestContext;
  admin: string;
  office: WebSession;
}

export async function setUpOffice(): Promise<OfficeTestContext> {
  const ctx = await createTestApp();
  const admin = await loginAdmin(ctx);
  // Room for many delegations, so only the rule a test is about can refuse.
  for (const region of ['aksu', 'alar', 'nagqu', 'haixi']) {
    const res = await call(ctx, 'PUT', `/api/v1/regions/${region}/rules`, {
      token: admin,
      body: { maxConcurrentDelegations: 50, minGapDays: 0, blackouts: [] },
    });
    expect(res.status).toBe(200);
  }
  const office = await webLogin(ctx, ADMIN.email, ADMIN.password);
  return { ctx, admin, office };
}

/** Books through the API as the office for `unitId`; returns the visit id. */
export async function book(t: OfficeTestContext, unitId: string, over: Record<string, unknown> = {}): Promise<string> {
  const res = await call(t.ctx, 'POST', '/api/v1/visits', { token: t.admin, body: mayVisitBody({ unitId, ...over }) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

export async function coordinate(t: OfficeTestContext, hqToken: string, id: string, opinion = '已与受援地衔接'): Promise<void> {
  const res = await call(t.ctx, 'POST', `/api/v1/visits/${id}/coordinate`, { token: hqToken, body: { opinion, agree: true } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

export async function visitStatus(t: OfficeTestContext, id: string): Promise<string> {
  const res = await call(t.ctx, 'GET', `/api/v1/visits/${id}`, { token: t.admin });
  return res.body.status;
}

/** The HTML of the element with this id (its opening tag up to the matching close of the same tag). */
export function elementById(html: string, id: string): string {
  const open = new RegExp(`<(\\w+)[^>]*\\bid="${id}"[^>]*>`).exec(html);
  if (!open) return '';
  const tag = open[1]!;
  let depth = 0;
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  tags.lastIndex = open.index;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(open.index, m.index + m[0].length);
  }
  return html.slice(open.index);
}
