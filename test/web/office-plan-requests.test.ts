// The plan's requests beyond the grid: a busy region-month names six requests and links to the
// paged list (/office/plan/requests), which pages by key and filters by region, unit and status.
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../helpers/api.js';
import { createWebUser, getPage } from '../helpers/web.js';
import { setUpOffice, type OfficeTestContext } from './office-helpers.js';

let t: OfficeTestContext;
const filed: string[] = [];

beforeAll(async () => {
  t = await setUpOffice();
  for (let i = 0; i < 9; i++) {
    const res = await call(t.ctx, 'POST', '/api/v1/plans/2027/requests', {
      token: t.admin,
      body: {
        unitId: i < 7 ? 'hangzhou' : 'ningbo',
        regionId: 'aksu',
        kind: 'inspection',
        days: 3,
        headcount: 4,
        earliest: `2027-03-${String(i + 1).padStart(2, '0')}`,
        latest: '2027-03-28',
        priority: 2,
        leaderName: '张三',
        purpose: '考察',
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    filed.push(res.body.id);
  }
  await call(t.ctx, 'POST', `/api/v1/plans/2027/requests/${filed[8]}/withdraw`, { token: t.admin });
});

const rowIds = (html: string) => [...html.matchAll(/<tr data-request-id="([^"]+)"/g)].map((m) => m[1]!);

describe('the plan requests', () => {
  it('name six requests in a busy cell of the grid and link to the rest', async () => {
    const page = await getPage(t.ctx, t.office, '/office/plan?year=2027');
    const cell = /<tr data-region="aksu">[\s\S]*?<td data-month="3"[^>]*>([\s\S]*?)<\/td>/.exec(page.html)?.[1] ?? '';
    expect(cell.match(/<li class="plan-chip /g)).toHaveLength(6);
    expect(cell).toContain('另有 3 项');
    expect(cell).toContain('href="/office/plan/requests?year=2027&amp;regionId=aksu"');
  });

  it('list them all, a page at a time, by earliest day', async () => {
    const first = await getPage(t.ctx, t.office, '/office/plan/requests?year=2027&regionId=aksu&limit=4');
    expect(first.status).toBe(200);
    expect(rowIds(first.html)).toEqual(filed.slice(0, 4));
    const next = first.html.match(/rel="next" href="([^"]+)"/)![1]!.replaceAll('&amp;', '&');
    expect(next).toContain('regionId=aksu');
    expect(next).toContain('year=2027');
    expect(rowIds((await getPage(t.ctx, t.office, next)).html)).toEqual(filed.slice(4, 8));
  });

  it('filter by unit and status', async () => {
    expect(rowIds((await getPage(t.ctx, t.office, '/office/plan/requests?year=2027&unitId=ningbo')).html)).toEqual(filed.slice(7));
    const withdrawn = await getPage(t.ctx, t.office, '/office/plan/requests?year=2027&status=withdrawn');
    expect(rowIds(withdrawn.html)).toEqual([filed[8]]);
    expect(withdrawn.html).toContain('已撤回');
    expect((await getPage(t.ctx, t.office, '/office/plan/requests?year=2027&status=lost')).status).toBe(422);
  });

  it('are the office’s', async () => {
    const unit = await createWebUser(t.ctx, t.admin, { role: 'unit', unitId: 'hangzhou' });
    expect((await getPage(t.ctx, unit.web, '/office/plan/requests?year=2027')).status).toBe(403);
  });
});
