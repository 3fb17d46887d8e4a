// The office's annual plan page (/office/plan): requests by region and month, solving from the
// page, the proposal as a year calendar coloured by unit with booked visits in grey, unplaced
// requests with their reasons, committing (and a stale commit that names the request and commits
// nothing), roles and CSRF. "Today" is 2027-01-10.
import { beforeAll, describe, expect, it } from 'vitest';
import { UNIT_PALETTE } from '../../src/web/office/plan-calendar.js';
import { call } from '../helpers/api.js';
import { createWebUser, getPage, postForm } from '../helpers/web.js';
import { book, elementById, setUpOffice, type OfficeTestContext } from './office-helpers.js';

let t: OfficeTestContext;
const ids = {} as Record<'hangzhou' | 'ningbo' | 'blackout' | 'narrow', string>;
let existingVisit: string;

async function file(body: Record<string, unknown>): Promise<string> {
  const res = await call(t.ctx, 'POST', '/api/v1/plans/2027/requests', {
    token: t.admin,
    body: { kind: 'inspection', days: 3, headcount: 4, priority: 2, leaderName: '张三', purpose: '考察援建项目', ...body },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

async function stored(sql: string, args: string[] = []) {
  const fresh = t.ctx.freshConnection();
  try {
    return (await fresh.client.execute({ sql, args })).rows.map((r) => ({ ...r }));
  } finally {
    fresh.client.close();
  }
}

beforeAll(async () => {
  t = await setUpOffice();
  const haixi = {
    maxConcurrentDelegations: 50,
    minGapDays: 0,
    blackouts: [{ startDate: '2027-08-01', endDate: '2027-08-10', reason: '那达慕' }],
  };
  expect((await call(t.ctx, 'PUT', '/api/v1/regions/haixi/rules', { token: t.admin, body: haixi })).status).toBe(200);
  expect(
    (
      await call(t.ctx, 'PUT', '/api/v1/regions/nagqu/rules', {
        token: t.admin,
        body: { maxConcurrentDelegations: 1, minGapDays: 0, blackouts: [] },
      })
    ).status,
  ).toBe(200);
});

describe('before solving', () => {
  it('says nothing is solved yet and offers no commit', async () => {
    const page = await getPage(t.ctx, t.office, '/office/plan?year=2027');
    expect(page.status).toBe(200);
    expect(page.html).toContain('2027 年度考察计划');
    expect(page.html).toContain('本年度尚未求解');
    expect(page.html).not.toContain('id="plan-commit"');
    expect(page.html).toContain('<button type="submit" disabled="">求解(0 项待安排)</button>');
  });

  it('lists requests by region and wished-for month', async () => {
    ids.hangzhou = await file({
      unitId: 'hangzhou',
      regionId: 'aksu',
      earliest: '2027-03-01',
      latest: '2027-03-31',
      preferredStart: '2027-03-10',
      priority: 1,
    });
    ids.ningbo = await file({ unitId: 'ningbo', regionId: 'aksu', earliest: '2027-04-01', latest: '2027-04-30' });
    ids.blackout = await file({ unitId: 'wenzhou', regionId: 'haixi', days: 5, earliest: '2027-08-01', latest: '2027-08-10' });
    ids.narrow = await file({ unitId: 'jiaxing', regionId: 'alar', days: 5, earliest: '2027-04-01', latest: '2027-04-03' });
    existingVisit = await book(t, 'quzhou', { startDate: '2027-05-01', endDate: '2027-05-03' });
    const page = await getPage(t.ctx, t.office, '/office/plan?year=2027');
    const grid = elementById(page.html, 'plan-requests');
    const aksuRow = grid.slice(grid.indexOf('data-region="aksu"'), grid.indexOf('data-region="alar"'));
    const march = aksuRow.slice(aksuRow.indexOf('data-month="3"'), aksuRow.indexOf('data-month="4"'));
    const april = aksuRow.slice(aksuRow.indexOf('data-month="4"'), aksuRow.indexOf('data-month="5"'));
    expect(march).toContain(`data-request-id="${ids.hangzhou}"`);
    expect(march).toContain('杭州市');
    expect(march).toContain('3天 · 4人 · 优先级1');
    expect(april).toContain('宁波市');
    expect(april).not.toContain('杭州市');
    expect(grid).toContain('共 4 项,其中待安排 4 项');
    expect(page.html).toContain('求解(4 项待安排)');
  });
});

describe('solving and committing from the page', () => {
  let proposalPath = '';

  it('solves with the button and shows the proposal as a calendar coloured by unit, booked visits grey', async () => {
    const res = await postForm(t.ctx, t.office, '/office/plan/solve', { year: '2027' });
    expect(res.status).toBe(303);
    proposalPath = res.headers.get('location') ?? '';
    expect(proposalPath).toMatch(/^\/office\/plan\?year=2027&proposal=[0-9a-f-]+$/);
    const page = await getPage(t.ctx, t.office, proposalPath);
    expect(page.status).toBe(200);
    const svg = elementById(page.html, 'plan-proposal');
    expect(svg).toContain('<svg class="plan-calendar"');
    // hangzhou is the first unit (cities by id), ningbo the sixth: their fixed palette colours.
    expect(svg).toMatch(new RegExp(`<rect class="placement"[^>]*fill="${UNIT_PALETTE[0]}"[^>]*data-request-id="${ids.hangzhou}"`));
    expect(svg).toMatch(new RegExp(`<rect class="placement"[^>]*fill="${UNIT_PALETTE[5]}"[^>]*data-request-id="${ids.ningbo}"`));
    expect(svg).toMatch(new RegExp(`<rect class="existing"[^>]*fill="#c4c9d0"[^>]*data-visit-id="${existingVisit}"`));
    expect(svg).toContain('<title>杭州市 · 2027-03-10 – 2027-03-12</title>');
    expect(svg).toMatch(/<rect class="blackout"[^>]*fill="#f6e1e1"><title>暂停接待:2027-08-01 至 2027-08-10/);
    const legend = svg.slice(svg.indexOf('class="plan-legend"'));
    expect(legend).toContain('杭州市');
    expect(legend).toContain('宁波市');
    expect(legend).toContain('已预约的考察');
    expect(page.html).not.toMatch(/style=/);
  });

  it('shows the numbers and each unplaced request with its reason in words', async () => {
    const page = await getPage(t.ctx, t.office, proposalPath);
    const objective = elementById(page.html, 'plan-objective');
    expect(objective).toContain('2 / 4 项');
    expect(objective).toContain('<dd>5</dd>');
    // The unevenness is a whole number with what it means, not a bare figure with decimals.
    expect(objective).toMatch(/抵达分布不均度\(越小越均匀\)<\/dt><dd>\d+<p class="hint">把各受援地一年的抵达按批数均匀排开得到理想间隔/);
    const unplaced = elementById(page.html, 'plan-unplaced');
    const blackout = unplaced.slice(unplaced.indexOf(`data-request-id="${ids.blackout}"`));
    expect(blackout).toContain('data-code="BLACKOUT_CONFLICT"');
    expect(blackout).toContain('温州市 · 海西州');
    expect(blackout).toContain('所选日期与暂停接待期冲突:2027-08-01 至 2027-08-10(那达慕)');
    const narrow = unplaced.slice(unplaced.indexOf(`data-request-id="${ids.narrow}"`));
    expect(narrow).toContain('2027-04-01 至 2027-04-03 之间(除去已过去的日子)容不下 5 天的考察');
    expect(elementById(page.html, 'plan-placements')).toContain('2027-03-10 至 2027-03-12');
  });

  it('commits with the button: the visits exist, the page says so and offers no second commit', async () => {
    const page = await getPage(t.ctx, t.office, proposalPath);
    const action = page.html.match(/<form method="post" action="(\/office\/plan\/proposals\/[^"]+\/commit)"/)?.[1];
    expect(action).toBeDefined();
    const res = await postForm(t.ctx, t.office, action!, {});
    expect(res.status).toBe(303);
    const after = await getPage(t.ctx, t.office, res.headers.get('location') ?? '');
    expect(after.html).toContain('方案已提交:已生成 2 项考察,等待前方指挥部衔接。');
    expect(after.html).toContain('方案(已提交)');
    expect(after.html).not.toContain('id="plan-commit"');
    const visits = await call(t.ctx, 'GET', '/api/v1/visits?year=2027&status=submitted', { token: t.admin });
    expect(visits.body.items.map((v: { unitId: string }) => v.unitId).sort()).toEqual(['hangzhou', 'ningbo', 'quzhou']);
    // Posting the same commit again changes nothing and says why.
    const again = await postForm(t.ctx, t.office, action!, {});
    expect(again.status).toBe(409);
    expect(again.html).toContain('此方案已经提交过');
    expect(await stored("SELECT count(*) AS n FROM visits WHERE status = 'submitted'")).toEqual([{ n: 3 }]);
  });
});

describe('a stale proposal', () => {
  it('re-renders with the request that moved and its reason, and commits nothing', async () => {
    const nagqu = await file({
      unitId: 'lishui',
      regionId: 'nagqu',
      days: 2,
      earliest: '2027-06-01',
      latest: '2027-06-05',
      preferredStart: '2027-06-01',
    });
    const solved = await postForm(t.ctx, t.office, '/office/plan/solve', { year: '2027' });
    const page = await getPage(t.ctx, t.office, solved.headers.get('location') ?? '');
    const action = page.html.match(/action="(\/office\/plan\/proposals\/[^"]+\/commit)"/)?.[1];
    expect(page.html).toContain(`data-request-id="${nagqu}"`);
    await book(t, 'taizhou', { regionId: 'nagqu', startDate: '2027-06-01', endDate: '2027-06-02' });

    const res = await postForm(t.ctx, t.office, action!, {});
    expect(res.status).toBe(409);
    expect(res.html).toContain('方案已过期:1 项安排已不再可行,未提交任何考察。请重新求解。');
    expect(res.html).toContain(
      '丽水市 · 那曲市 · 2027-06-01 至 2027-06-05 · 考察 2 天 · 4 人:受援地接待已满:每天最多 1 批,已满日期 2027-06-01',
    );
    expect(res.html).toContain('求解后需求、规则、已预约考察或额度有变化');
    expect(await stored('SELECT status, visit_id FROM plan_requests WHERE id = ?', [nagqu])).toEqual([{ status: 'open', visit_id: null }]);
    expect(await stored("SELECT count(*) AS n FROM visits WHERE region_id = 'nagqu'")).toEqual([{ n: 1 }]);
  });
});

describe('who may use it', () => {
  it('is for the office only', async () => {
    const unit = await createWebUser(t.ctx, t.admin, { role: 'unit', unitId: 'hangzhou' });
    expect((await getPage(t.ctx, unit.web, '/office/plan')).status).toBe(403);
    expect((await postForm(t.ctx, unit.web, '/office/plan/solve', { year: '2027' })).status).toBe(403);
    const latest = await stored('SELECT id FROM plan_proposals ORDER BY created_at DESC LIMIT 1');
    expect((await postForm(t.ctx, unit.web, `/office/plan/proposals/${latest[0]!.id}/commit`, {})).status).toBe(403);
  });

  it('refuses a solve without the CSRF token, storing nothing', async () => {
    const before = await stored('SELECT count(*) AS n FROM plan_proposals');
    expect((await postForm(t.ctx, t.office, '/office/plan/solve', { year: '2027' }, { withCsrf: false })).status).toBe(403);
    expect(await stored('SELECT count(*) AS n FROM plan_proposals')).toEqual(before);
  });

  it('speaks English when asked', async () => {
    const page = await getPage(t.ctx, t.office, '/office/plan?year=2027', { 'accept-language': 'en' });
    expect(page.html).toContain('Annual plan 2027');
    expect(page.html).toContain('Requests by region and wished-for month');
  });
});
