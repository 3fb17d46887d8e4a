// Paging and filters on the queue and unit pages: each list of a page keeps its own position in
// the URL, paging one keeps the other's, and filters stay in every link.
import { beforeAll, describe, expect, it } from 'vitest';
import { call, createUserAndLogin } from '../helpers/api.js';
import { createWebUser, getPage, type WebSession } from '../helpers/web.js';
import { book, coordinate, setUpOffice, type OfficeTestContext } from './office-helpers.js';

let t: OfficeTestContext;
let aksuHq: { token: string; web: WebSession };
let hangzhou: { token: string; web: WebSession };

beforeAll(async () => {
  t = await setUpOffice();
  aksuHq = await createWebUser(t.ctx, t.admin, { role: 'hq', regionId: 'aksu' });
  hangzhou = await createWebUser(t.ctx, t.admin, { role: 'unit', unitId: 'hangzhou' });
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) {
    ids.push(await book(t, 'hangzhou', { startDate: `2027-0${i + 3}-10`, endDate: `2027-0${i + 3}-11`, leaderName: `分页${i}` }));
  }
  // Three coordinated (the office's first list), three still submitted (its second).
  for (const id of ids.slice(0, 3)) await coordinate(t, aksuHq.token, id);
  for (let i = 0; i < 3; i++) {
    const res = await call(t.ctx, 'POST', '/api/v1/receptions', {
      token: hangzhou.token,
      body: {
        regionId: 'aksu',
        officialLetterRef: `分页函${i}号`,
        startDate: `2027-0${i + 4}-01`,
        endDate: `2027-0${i + 4}-01`,
        guestCount: 2,
        leadRank: 'county',
        guests: [
          { name: '甲', title: '处长', rank: 'county' },
          { name: '乙', title: '科长', rank: 'other' },
        ],
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
});

const link = (html: string, label: string) => {
  const match = new RegExp(`<nav class="pager[^"]*" aria-label="${label}">([\\s\\S]*?)</nav>`).exec(html);
  const next = match?.[1]?.match(/rel="next" href="([^"]+)"/)?.[1];
  return next?.replaceAll('&amp;', '&');
};

describe('the office queue', () => {
  it('pages its two lists separately, each link keeping the other list where it is', async () => {
    const first = await getPage(t.ctx, t.office, '/office?limit=1&q=%E5%88%86%E9%A1%B5');
    expect(first.html).toContain('分页0');
    expect(first.html).toContain('分页3');
    const nextCoordinated = link(first.html, '待审批考察的翻页');
    expect(nextCoordinated).toContain('q=分页'.replace('分页', encodeURIComponent('分页')));
    const second = await getPage(t.ctx, t.office, nextCoordinated!);
    expect(second.html).toContain('分页1');
    expect(second.html).not.toContain('分页0');
    // Now page the waiting list: the coordinated list stays on its second page.
    const third = await getPage(t.ctx, t.office, link(second.html, '待衔接考察的翻页')!);
    expect(third.html).toContain('分页1');
    expect(third.html).toContain('分页4');
    expect(third.html).not.toContain('分页3');
    expect(third.html).toContain('(3)'); // the headings count every match, not the page
  });
});

describe('the HQ desk', () => {
  it('pages the queue, the visits ahead and the receptions, with the filter kept', async () => {
    const page = await getPage(t.ctx, aksuHq.web, '/hq?limit=1&unitId=hangzhou');
    expect(page.status).toBe(200);
    expect(page.html).toContain('分页3'); // the first submitted one
    expect(page.html.split('近期已衔接的考察')[1]).toContain('2027-03-10 至 2027-03-11'); // the first coordinated one ahead
    expect(page.html.split('近期已衔接的考察')[1]).not.toContain('2027-04-10');
    expect(page.html).toContain('分页函0号');
    const queueNext = link(page.html, '待衔接考察的翻页');
    expect(queueNext).toContain('unitId=hangzhou');
    expect((await getPage(t.ctx, aksuHq.web, queueNext!)).html).toContain('分页4');
    const receptionsNext = link(page.html, '公务接待的翻页');
    const receptions = await getPage(t.ctx, aksuHq.web, receptionsNext!);
    expect(receptions.html).toContain('分页函1号');
    expect(receptions.html).toContain('分页3'); // the queue stays on its first page
  });

  it('links each visit and reception of its month calendar to the record’s page', async () => {
    const calendar = await getPage(t.ctx, aksuHq.web, '/hq/calendar?month=2027-04');
    expect(calendar.html).toMatch(/<a class="nowrap" href="\/visits\/[^"]+">2027-04-10 至 2027-04-11<\/a>/);
    expect(calendar.html).toMatch(/<a class="nowrap" href="\/receptions\/[^"]+">2027-04-01<\/a>/);
  });

  it('refuses a bad filter on its field', async () => {
    const page = await getPage(t.ctx, aksuHq.web, '/hq?kind=tour');
    expect(page.status).toBe(422);
    expect(page.html).toContain('id="filter-kind-error"');
  });
});

describe('the unit’s lists', () => {
  it('page the visits of the year with the filters in every link', async () => {
    const first = await getPage(t.ctx, hangzhou.web, '/unit/visits?year=2027&limit=4&kind=inspection');
    expect(first.html).toContain('分页0');
    expect(first.html).not.toContain('分页4');
    const next = first.html.match(/rel="next" href="([^"]+)"/)![1]!.replaceAll('&amp;', '&');
    expect(next).toContain('year=2027');
    expect(next).toContain('kind=inspection');
    const second = await getPage(t.ctx, hangzhou.web, next);
    expect(second.html).toContain('分页4');
    expect(second.html).toContain('分页5');
    const back = await getPage(t.ctx, hangzhou.web, second.html.match(/rel="prev" href="([^"]+)"/)![1]!.replaceAll('&amp;', '&'));
    expect(back.html).toContain('分页0');
    expect(back.html).toContain('分页3');
    expect(back.html).not.toContain('分页4');
  });

  it('page the receptions and filter them by status', async () => {
    const first = await getPage(t.ctx, hangzhou.web, '/unit/receptions?year=2027&limit=2');
    expect(first.html).toContain('分页函1号');
    expect(first.html).not.toContain('分页函2号');
    const second = await getPage(t.ctx, hangzhou.web, first.html.match(/rel="next" href="([^"]+)"/)![1]!.replaceAll('&amp;', '&'));
    expect(second.html).toContain('分页函2号');
    expect((await getPage(t.ctx, hangzhou.web, '/unit/receptions?year=2027&status=approved')).html).not.toContain('分页函');
  });

  it('count the year’s visits by status on the overview without listing them', async () => {
    const other = await createUserAndLogin(t.ctx, t.admin, { role: 'unit', unitId: 'hangzhou' });
    expect(other.token).toBeTruthy();
    const overview = await getPage(t.ctx, hangzhou.web, '/unit');
    expect(overview.html).toMatch(/<td data-status="submitted"[^>]*>3<\/td>/);
    expect(overview.html).toMatch(/<td data-status="coordinated"[^>]*>3<\/td>/);
    expect(overview.html).toMatch(/<a href="\/visits\/[^"]+">2027-03-10 – 2027-03-11<\/a>/);
  });
});
