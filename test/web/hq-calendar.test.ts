// The HQ month calendar (/hq/calendar) through the real page: Monday-first weeks, the region's
// visits on their days (approved and pending told apart), receptions, blackouts, month links,
// and nothing of another region.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { call, createUserAndLogin, loginAdmin } from '../helpers/api.js';
import { createWebUser, getPage, type WebSession } from '../helpers/web.js';
import { guestList } from '../helpers/receptions.js';

let ctx: TestContext;
let office: string;
let unitToken: Record<string, string>;
let aksuWeb: WebSession;
let nagquWeb: WebSession;

beforeAll(async () => {
  ctx = await createTestApp();
  office = await loginAdmin(ctx);
  unitToken = {};
  for (const unitId of ['hangzhou', 'ningbo', 'jinhua'])
    unitToken[unitId] = (await createUserAndLogin(ctx, office, { role: 'unit', unitId })).token;
  const aksuHq = await createWebUser(ctx, office, { role: 'hq', regionId: 'aksu' });
  aksuWeb = aksuHq.web;
  nagquWeb = (await createWebUser(ctx, office, { role: 'hq', regionId: 'nagqu' })).web;
  const aksuRules = {
    maxConcurrentDelegations: 50,
    minGapDays: 0,
    blackouts: [{ startDate: '2027-03-20', endDate: '2027-03-21', reason: '古尔邦节' }],
  };
  await call(ctx, 'PUT', '/api/v1/regions/aksu/rules', { token: office, body: aksuRules });
  await call(ctx, 'PUT', '/api/v1/regions/nagqu/rules', {
    token: office,
    body: { maxConcurrentDelegations: 50, minGapDays: 0, blackouts: [] },
  });

  const book = async (unitId: string, over: Record<string, unknown>) => {
    const body = { regionId: 'aksu', kind: 'inspection', headcount: 4, leaderName: '王五', purpose: '月历测试', ...over };
    const res = await call(ctx, 'POST', '/api/v1/visits', { token: unitToken[unitId], body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  await book('hangzhou', { startDate: '2027-03-08', endDate: '2027-03-10' });
  const approved = await book('ningbo', { startDate: '2027-03-15', endDate: '2027-03-16', headcount: 6 });
  await call(ctx, 'POST', `/api/v1/visits/${approved}/coordinate`, { token: aksuHq.token, body: { opinion: '同意', agree: true } });
  expect((await call(ctx, 'POST', `/api/v1/visits/${approved}/approve`, { token: office })).body.status).toBe('approved');
  // Withdrawn: holds no place, so not on the calendar.
  const withdrawn = await book('ningbo', { startDate: '2027-03-24', endDate: '2027-03-24', headcount: 9 });
  await call(ctx, 'POST', `/api/v1/visits/${withdrawn}/withdraw`, { token: unitToken.ningbo });
  await book('jinhua', { regionId: 'nagqu', startDate: '2027-03-09', endDate: '2027-03-09' });

  const receive = async (startDate: string, endDate: string, guestCount: number) => {
    const body = {
      regionId: 'aksu',
      officialLetterRef: '阿地委函〔2027〕5号',
      startDate,
      endDate,
      leadRank: 'county',
      ...guestList(guestCount),
    };
    const res = await call(ctx, 'POST', '/api/v1/receptions', { token: unitToken.hangzhou, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  };
  await receive('2027-03-25', '2027-03-26', 5);
  // Starts in one year, ends in the next: January's calendar must still show it.
  await receive('2027-12-30', '2028-01-02', 8);
});

/** The contents of the calendar cell for one day ('' when the day has no cell). */
function cell(html: string, day: string): string {
  return html.match(new RegExp(`<td[^>]*data-date="${day}"[^>]*>([\\s\\S]*?)</td>`))?.[1] ?? '';
}

function cellTag(html: string, day: string): string {
  return html.match(new RegExp(`<td[^>]*data-date="${day}"[^>]*>`))?.[0] ?? '';
}

describe('the HQ month calendar', () => {
  it('shows a visit on each of its days and on no other, pending and approved told apart', async () => {
    const page = await getPage(ctx, aksuWeb, '/hq/calendar?month=2027-03');
    expect(page.status).toBe(200);
    expect(page.html).toContain('阿克苏地区 · 2027年3月');
    for (const day of ['2027-03-08', '2027-03-09', '2027-03-10']) {
      expect(cell(page.html, day)).toContain('<span class="event visit pending">杭州市 考察 4人 · 待衔接</span>');
    }
    expect(cell(page.html, '2027-03-07')).not.toContain('杭州市');
    expect(cell(page.html, '2027-03-11')).not.toContain('杭州市');
    expect(cell(page.html, '2027-03-15')).toContain('<span class="event visit approved">宁波市 考察 6人 · 已批准</span>');
    expect(page.html).not.toContain('宁波市 考察 9人');
    expect(cell(page.html, '2027-03-25')).toContain('杭州市 接待 5人');
    expect(page.html).not.toMatch(/ style="/);
  });

  it('marks blackout days', async () => {
    const page = await getPage(ctx, aksuWeb, '/hq/calendar?month=2027-03');
    expect(cellTag(page.html, '2027-03-20')).toContain('class="blackout"');
    expect(cell(page.html, '2027-03-21')).toContain('暂停接待:古尔邦节');
    expect(cellTag(page.html, '2027-03-22')).not.toContain('blackout');
  });

  it('does not show the visit in another month', async () => {
    const april = await getPage(ctx, aksuWeb, '/hq/calendar?month=2027-04');
    expect(april.html).toContain('2027年4月');
    expect(april.html).not.toContain('杭州市 考察 4人');
    expect(april.html).toContain('本月没有考察或接待安排');
  });

  it("does not show the visit in another region's HQ calendar, nor that region's in this one", async () => {
    const nagqu = await getPage(ctx, nagquWeb, '/hq/calendar?month=2027-03');
    expect(nagqu.html).toContain('那曲市 · 2027年3月');
    expect(cell(nagqu.html, '2027-03-09')).toContain('金华市 考察 4人');
    expect(nagqu.html).not.toContain('杭州市 考察');
    expect(nagqu.html).not.toContain('古尔邦节');
    const aksu = await getPage(ctx, aksuWeb, '/hq/calendar?month=2027-03');
    expect(aksu.html).not.toContain('金华市');
  });

  it('lays weeks out Monday first, opening on the current month with links to its neighbours', async () => {
    // Today is 2027-01-10; 2027-01-01 is a Friday, so four empty cells come before it.
    const page = await getPage(ctx, aksuWeb, '/hq/calendar');
    expect(page.html).toContain('2027年1月');
    const firstWeek = page.html.split('<tbody>')[1]?.split('</tr>')[0] ?? '';
    expect(firstWeek.match(/<td class="outside">/g)?.length).toBe(4);
    expect(firstWeek).toMatch(/<td class="outside"><\/td><td[^>]*data-date="2027-01-01"/);
    expect(page.html.indexOf('<th scope="col">周一</th>')).toBeLessThan(page.html.indexOf('<th scope="col">周日</th>'));
    expect(cellTag(page.html, '2027-01-10')).toContain('aria-current="date"');
    expect(page.html).toContain('href="/hq/calendar?month=2026-12"');
    expect(page.html).toContain('href="/hq/calendar?month=2027-02"');
  });

  it('crosses years in its links and shows a reception begun the year before', async () => {
    const december = await getPage(ctx, aksuWeb, '/hq/calendar?month=2027-12');
    expect(december.html).toContain('href="/hq/calendar?month=2028-01"');
    const january = await getPage(ctx, aksuWeb, '/hq/calendar?month=2028-01');
    expect(january.html).toContain('href="/hq/calendar?month=2027-12"');
    expect(cell(january.html, '2028-01-02')).toContain('杭州市 接待 8人');
    expect(cell(january.html, '2028-01-03')).not.toContain('接待');
  });

  it('explains a malformed month and shows the current one', async () => {
    const page = await getPage(ctx, aksuWeb, '/hq/calendar?month=2027-13');
    expect(page.status).toBe(400);
    expect(page.html).toContain('月份格式应为 YYYY-MM');
    expect(page.html).toContain('2027年1月');
  });
});
