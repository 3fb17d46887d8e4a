// The office's own lists: every visit (/office/visits) with filters kept in the URL, paging by
// key both ways, cancel of an approved visit with a reason; the month across the four regions
// (/office/calendar); and the receptions list beyond the queue, with cancel of an approved one.
import { beforeAll, describe, expect, it } from 'vitest';
import { call, createUserAndLogin } from '../helpers/api.js';
import { createWebUser, getPage, postForm } from '../helpers/web.js';
import { book, coordinate, elementById, setUpOffice, visitStatus, type OfficeTestContext } from './office-helpers.js';

let t: OfficeTestContext;
let aksuHq: string;
const march: string[] = [];
let approved: string;

beforeAll(async () => {
  t = await setUpOffice();
  await call(t.ctx, 'PUT', '/api/v1/quotas/2027', {
    token: t.admin,
    body: { maxBatches: 100, maxHeadcountPerBatch: 50, maxPersonTrips: 5000 },
  });
  await call(t.ctx, 'PUT', '/api/v1/regions/alar/rules', {
    token: t.admin,
    body: { maxConcurrentDelegations: 4, minGapDays: 0, blackouts: [{ startDate: '2027-03-28', endDate: '2027-03-29', reason: '春耕' }] },
  });
  aksuHq = (await createUserAndLogin(t.ctx, t.admin, { role: 'hq', regionId: 'aksu' })).token;
  // Five delegations in Aksu on 10 March (one more than a calendar cell names), one in Alar.
  for (const [i, unitId] of ['hangzhou', 'ningbo', 'wenzhou', 'jiaxing', 'huzhou'].entries()) {
    march.push(await book(t, unitId, { startDate: '2027-03-10', endDate: '2027-03-11', leaderName: `三月${i}` }));
  }
  march.push(await book(t, 'lishui', { regionId: 'alar', startDate: '2027-03-12', endDate: '2027-03-12', purpose: '考察光伏园区' }));
  approved = march[0]!;
  await coordinate(t, aksuHq, approved);
  expect((await call(t.ctx, 'POST', `/api/v1/visits/${approved}/approve`, { token: t.admin })).status).toBe(200);
});

/** The ids of visits listed on a page, in the order shown. */
const listedIds = (html: string) => [...html.matchAll(/<tr id="visit-([^"]+)"/g)].map((m) => m[1]!);

describe('all visits (/office/visits)', () => {
  it('lists every status, approved included, by start date, each linking to its record page', async () => {
    const page = await getPage(t.ctx, t.office, '/office/visits');
    expect(page.status).toBe(200);
    expect(listedIds(page.html)).toEqual(march.slice().sort((a, b) => (a === march[5] ? 1 : b === march[5] ? -1 : a < b ? -1 : 1)));
    expect(page.html).toContain(`href="/visits/${approved}"`);
    expect(page.html).toContain('<span class="status approved">已批准</span>');
    expect(page.html).toContain('href="/office/visits" aria-current="page"');
  });

  it('keeps its filters in the URL and in the form', async () => {
    const page = await getPage(t.ctx, t.office, '/office/visits?regionId=alar&q=%E5%85%89%E4%BC%8F');
    expect(listedIds(page.html)).toEqual([march[5]]);
    expect(elementById(page.html, 'filter-q')).toContain('value="光伏"');
    expect(page.html).toMatch(/<option value="alar" selected="">/);
    const approvedOnly = await getPage(t.ctx, t.office, '/office/visits?status=approved');
    expect(listedIds(approvedOnly.html)).toEqual([approved]);
  });

  it('pages by key: next, previous and first links that keep the filters', async () => {
    const first = await getPage(t.ctx, t.office, '/office/visits?regionId=aksu&limit=2');
    expect(listedIds(first.html)).toHaveLength(2);
    expect(first.html).not.toContain('rel="prev"');
    const next = first.html.match(/<a class="button secondary" rel="next" href="([^"]+)"/)?.[1]?.replaceAll('&amp;', '&');
    expect(next).toContain('regionId=aksu');
    expect(next).toContain('limit=2');
    const second = await getPage(t.ctx, t.office, next!);
    expect(listedIds(second.html)).toHaveLength(2);
    expect(listedIds(second.html)).not.toContain(listedIds(first.html)[0]);
    const prev = second.html.match(/rel="prev" href="([^"]+)"/)?.[1]?.replaceAll('&amp;', '&');
    expect(listedIds((await getPage(t.ctx, t.office, prev!)).html)).toEqual(listedIds(first.html));
    const third = await getPage(t.ctx, t.office, second.html.match(/rel="next" href="([^"]+)"/)![1]!.replaceAll('&amp;', '&'));
    expect(listedIds(third.html)).toHaveLength(1);
    expect(third.html).not.toContain('rel="next"');
    // Back from the last page is the second, not the first.
    const back = third.html.match(/rel="prev" href="([^"]+)"/)![1]!.replaceAll('&amp;', '&');
    const secondAgain = await getPage(t.ctx, t.office, back);
    expect(listedIds(secondAgain.html)).toEqual(listedIds(second.html));
    expect(secondAgain.html).toContain('rel="prev"');
    expect(secondAgain.html).toContain('rel="next"');
    const all = [...listedIds(first.html), ...listedIds(second.html), ...listedIds(third.html)];
    expect(new Set(all).size).toBe(5);
  });

  it('shows a refused filter on its field with a 422, and no list', async () => {
    const page = await getPage(t.ctx, t.office, '/office/visits?from=2027-02-30');
    expect(page.status).toBe(422);
    expect(elementById(page.html, 'filter-from')).toContain('aria-invalid="true"');
    expect(elementById(page.html, 'filter-from-error')).toContain('请填写有效日期');
    expect(listedIds(page.html)).toEqual([]);
  });

  it('cancels an approved visit with a required reason; other visits offer no cancel', async () => {
    const list = await getPage(t.ctx, t.office, '/office/visits');
    expect(list.html).toContain(`action="/office/visits/${approved}/cancel"`);
    expect(list.html).not.toContain(`action="/office/visits/${march[1]}/cancel"`);

    const blank = await postForm(t.ctx, t.office, `/office/visits/${approved}/cancel`, { reason: ' ' });
    expect(blank.status).toBe(422);
    expect(elementById(blank.html, `cancel-reason-${approved}`)).toContain('aria-invalid="true"');
    expect(await visitStatus(t, approved)).toBe('approved');

    const done = await postForm(t.ctx, t.office, `/office/visits/${approved}/cancel`, { reason: '受援地临时任务' });
    expect(done.status).toBe(303);
    expect(await visitStatus(t, approved)).toBe('cancelled');
    const after = await getPage(t.ctx, t.office, done.headers.get('location')!);
    expect(after.html).toContain('已取消考察:2027-03-10 至 2027-03-11');
    const history = await call(t.ctx, 'GET', `/api/v1/visits/${approved}/history`, { token: t.admin });
    expect(history.body.items.at(-1)).toMatchObject({ action: 'cancel', note: '受援地临时任务' });

    const again = await postForm(t.ctx, t.office, `/office/visits/${approved}/cancel`, { reason: '再次取消' });
    expect(again.status).toBe(409);
    expect(again.html).toContain('class="alert error"');
  });

  it('is the office’s: other roles get 403, a forged form is refused', async () => {
    const unit = await createWebUser(t.ctx, t.admin, { role: 'unit', unitId: 'hangzhou' });
    expect((await getPage(t.ctx, unit.web, '/office/visits')).status).toBe(403);
    expect((await postForm(t.ctx, unit.web, `/office/visits/${march[1]}/cancel`, { reason: 'x' })).status).toBe(403);
    expect((await postForm(t.ctx, t.office, `/office/visits/${march[1]}/cancel`, { reason: 'x' }, { withCsrf: false })).status).toBe(403);
  });
});

describe('the month across the regions (/office/calendar)', () => {
  const cell = (html: string, region: string, day: string) => {
    const match = new RegExp(`<td[^>]*data-region="${region}" data-date="${day}"[^>]*>([\\s\\S]*?)</td>`).exec(html);
    return match?.[1] ?? '';
  };

  it('shows each region’s delegations a day against its limit, names three and links the rest', async () => {
    const page = await getPage(t.ctx, t.office, '/office/calendar?month=2027-03');
    expect(page.status).toBe(200);
    expect(page.html).toContain('href="/office/calendar" aria-current="page"');
    // The approved one was cancelled above: four delegations hold a place on 10 March.
    const aksu10 = cell(page.html, 'aksu', '2027-03-10');
    expect(aksu10).toContain('4/50 批');
    expect(aksu10.match(/class="event visit/g)).toHaveLength(3);
    expect(aksu10).toContain('另有 1 批');
    expect(aksu10).toContain(
      'href="/office/visits?regionId=aksu&amp;from=2027-03-10&amp;to=2027-03-10&amp;status=submitted,coordinated,approved"',
    );
    expect(cell(page.html, 'alar', '2027-03-12')).toContain('1/4 批');
    expect(cell(page.html, 'alar', '2027-03-12')).toContain('丽水市');
    expect(cell(page.html, 'alar', '2027-03-28')).toContain('暂停接待:春耕');
    expect(cell(page.html, 'aksu', '2027-03-13')).not.toContain('event');
    expect(page.html).toContain('href="/office/calendar?month=2027-04"');
  });

  it('falls back to this month with a message for a malformed month', async () => {
    const page = await getPage(t.ctx, t.office, '/office/calendar?month=2027-13');
    expect(page.status).toBe(400);
    expect(page.html).toContain('月份格式应为 YYYY-MM');
    expect(page.html).toContain('2027年1月');
  });
});

describe('the office’s receptions beyond the queue', () => {
  it('lists approved ones on request and cancels one with a reason', async () => {
    const unit = await createUserAndLogin(t.ctx, t.admin, { role: 'unit', unitId: 'jinhua' });
    const res = await call(t.ctx, 'POST', '/api/v1/receptions', {
      token: unit.token,
      body: {
        regionId: 'haixi',
        officialLetterRef: '海西函〔2027〕7号',
        startDate: '2027-04-01',
        endDate: '2027-04-02',
        guestCount: 2,
        leadRank: 'county',
        guests: [
          { name: '甲', title: '处长', rank: 'county' },
          { name: '乙', title: '科长', rank: 'other' },
        ],
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id = res.body.id as string;
    expect((await call(t.ctx, 'POST', `/api/v1/receptions/${id}/approve`, { token: t.admin })).status).toBe(200);

    expect((await getPage(t.ctx, t.office, '/office/receptions')).html).not.toContain('海西函〔2027〕7号');
    const approvedList = await getPage(t.ctx, t.office, '/office/receptions?status=approved');
    expect(approvedList.html).toContain('海西函〔2027〕7号');
    expect(approvedList.html).toContain(`action="/office/receptions/${id}/cancel"`);
    expect(approvedList.html).not.toContain(`action="/office/receptions/${id}/approve"`);

    const blank = await postForm(t.ctx, t.office, `/office/receptions/${id}/cancel`, { reason: '' });
    expect(blank.status).toBe(422);
    expect(elementById(blank.html, `reception-cancel-${id}`)).toContain('aria-invalid="true"');

    const done = await postForm(t.ctx, t.office, `/office/receptions/${id}/cancel`, { reason: '来访推迟' });
    expect(done.status).toBe(303);
    expect((await getPage(t.ctx, t.office, done.headers.get('location')!)).html).toContain(
      '已取消公务接待:金华市 2027-04-01 至 2027-04-02',
    );
    expect((await call(t.ctx, 'GET', `/api/v1/receptions/${id}`, { token: t.admin })).body.status).toBe('cancelled');
  });
});
