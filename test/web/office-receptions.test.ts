// The office's reception queue: what it shows, approve (re-checked against the current
// standards), reject with a required reason, each reception's list and CSV, escaping, roles, CSRF.
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../helpers/api.js';
import { createWebUser, getPage, postForm } from '../helpers/web.js';
import { elementById, setUpOffice, type OfficeTestContext } from './office-helpers.js';

let t: OfficeTestContext;

beforeAll(async () => {
  t = await setUpOffice();
});

const receptionBody = (over: Record<string, unknown> = {}) => ({
  regionId: 'aksu',
  hostUnitId: 'hangzhou',
  officialLetterRef: '阿地委函〔2027〕12号',
  startDate: '2027-03-01',
  endDate: '2027-03-02',
  guestCount: 6,
  leadRank: 'departmental',
  guests: [
    { name: '买买提', title: '副书记', rank: 'departmental' },
    ...[2, 3, 4, 5, 6].map((i) => ({ name: `来宾${i}`, title: '干部', rank: 'departmental' })),
  ],
  workMeal: { date: '2027-03-01', accompanyCount: 3, costPerPersonYuan: 100 },
  lodging: [{ rank: 'departmental', rooms: 3, nights: 1, ratePerNightYuan: 450 }],
  ...over,
});

async function register(over: Record<string, unknown> = {}): Promise<string> {
  const res = await call(t.ctx, 'POST', '/api/v1/receptions', { token: t.admin, body: receptionBody(over) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

async function receptionStatus(id: string): Promise<string> {
  return (await call(t.ctx, 'GET', `/api/v1/receptions/${id}`, { token: t.admin })).body.status;
}

describe('the reception queue', () => {
  it('shows each submitted reception with host, region, letter, dates, guests and costs', async () => {
    const id = await register({ hostUnitId: 'ningbo', regionId: 'nagqu', officialLetterRef: '那委函〔2027〕3号' });
    const page = await getPage(t.ctx, t.office, '/office/receptions');
    expect(page.status).toBe(200);
    expect(page.html).toContain('宁波市');
    expect(page.html).toContain('那曲市');
    expect(page.html).toContain('那委函〔2027〕3号');
    expect(page.html).toContain('2027-03-01');
    expect(page.html).toContain('6 人');
    // Meal: (6 guests + 3 accompanying) × 100; lodging: 3 rooms × 1 night × 450.
    expect(page.html).toContain('工作餐 900');
    expect(page.html).toContain('住宿 1350');
    expect(page.html).toContain('合计 2250');
    expect(page.html).toContain(`href="/office/receptions/${id}"`);
  });

  it('approves a reception and confirms it after the redirect', async () => {
    const id = await register({ hostUnitId: 'jiaxing' });
    const res = await postForm(t.ctx, t.office, `/office/receptions/${id}/approve`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/office/receptions?approved=${id}`);
    expect(await receptionStatus(id)).toBe('approved');
    const after = await getPage(t.ctx, t.office, res.headers.get('location')!);
    expect(after.html).toContain('已批准公务接待:嘉兴市 2027-03-01 至 2027-03-02');
    expect(after.html).not.toContain(`/office/receptions/${id}/approve`);
  });

  it('requires a reason to reject, then rejects with it', async () => {
    const id = await register({ hostUnitId: 'huzhou' });
    const blank = await postForm(t.ctx, t.office, `/office/receptions/${id}/reject`, { reason: '' });
    expect(blank.status).toBe(422);
    const field = elementById(blank.html, `reception-reason-${id}`);
    expect(field).toContain('aria-invalid="true"');
    expect(field).toContain(`aria-describedby="reception-reason-${id}-error"`);
    expect(elementById(blank.html, `reception-reason-${id}-error`)).toContain('必填');
    expect(await receptionStatus(id)).toBe('submitted');

    const res = await postForm(t.ctx, t.office, `/office/receptions/${id}/reject`, { reason: '公函与来访人员不符' });
    expect(res.status).toBe(303);
    expect(await receptionStatus(id)).toBe('rejected');
    const history = await call(t.ctx, 'GET', `/api/v1/receptions/${id}/history`, { token: t.admin });
    expect(history.body.items.at(-1)).toMatchObject({ action: 'reject', note: '公函与来访人员不符' });
    expect((await getPage(t.ctx, t.office, res.headers.get('location')!)).html).toContain('已驳回公务接待:湖州市');
    // Its list names the status in the words every page uses.
    expect((await getPage(t.ctx, t.office, `/office/receptions/${id}`)).html).toMatch(/<th scope="row">状态<\/th>\s*<td>未通过<\/td>/);
  });

  it('refuses approval under a lowered standard with the localized numbers, and warns beforehand', async () => {
    const id = await register({ hostUnitId: 'shaoxing' });
    const lowered = await call(t.ctx, 'PUT', '/api/v1/standards/reception', {
      token: t.admin,
      body: { workMealPerPersonYuan: 80, lodgingPerNightYuan: { provincial: 800, departmental: 500, county: 400, other: 350 } },
    });
    expect(lowered.status).toBe(200);
    try {
      const queue = await getPage(t.ctx, t.office, '/office/receptions');
      expect(queue.html).toContain('工作餐标准超标:每人最多 80 元,填报 100 元');
      const res = await postForm(t.ctx, t.office, `/office/receptions/${id}/approve`, {});
      expect(res.status).toBe(409);
      expect(res.html).toContain('class="alert error"');
      expect(res.html).toContain('工作餐标准超标:每人最多 80 元,填报 100 元');
      expect(await receptionStatus(id)).toBe('submitted');
    } finally {
      await call(t.ctx, 'PUT', '/api/v1/standards/reception', {
        token: t.admin,
        body: { workMealPerPersonYuan: 120, lodgingPerNightYuan: { provincial: 800, departmental: 500, county: 400, other: 350 } },
      });
    }
  });
});

describe("a reception's list", () => {
  it('shows guests, meal, lodging and totals, with a CSV download', async () => {
    const id = await register({
      hostUnitId: 'jinhua',
      activities: [{ date: '2027-03-02', description: '考察产业园', place: '金华经济开发区' }],
    });
    const page = await getPage(t.ctx, t.office, `/office/receptions/${id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('接待清单');
    expect(page.html).toContain('买买提');
    expect(page.html).toContain('考察产业园');
    // The same sheet as the unit prints, totals last.
    const totals = page.html.match(/<section class="sheet-section sheet-totals".*?<\/section>/)?.[0] ?? '';
    expect(totals).toContain('<th scope="row">合计(元)</th><td><strong>2250</strong></td>');
    expect(page.html).toContain(`href="/office/receptions/${id}/list.csv"`);

    const csv = await t.ctx.app.request(`/office/receptions/${id}/list.csv`, { headers: { cookie: t.office.cookie } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('金华市');
    expect(text).toContain('2250');
  });

  it('answers an unknown reception with the 404 page', async () => {
    expect((await getPage(t.ctx, t.office, '/office/receptions/no-such-reception')).status).toBe(404);
    const res = await postForm(t.ctx, t.office, '/office/receptions/no-such-reception/approve', {});
    expect(res.status).toBe(404);
    expect(res.html).toContain('记录不存在');
  });
});

describe('safety', () => {
  it('escapes user text on the queue and the list', async () => {
    const id = await register({
      hostUnitId: 'quzhou',
      officialLetterRef: '<img src=x onerror=alert(1)>',
      guests: [{ name: '<script>alert(1)</script>', title: '', rank: 'other' }],
      guestCount: 1,
      lodging: [],
    });
    for (const path of ['/office/receptions', `/office/receptions/${id}`]) {
      const page = await getPage(t.ctx, t.office, path);
      expect(page.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(page.html).not.toContain('<img src=x');
      if (path !== '/office/receptions') expect(page.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(page.html).not.toContain('<script>alert(1)</script>');
    }
  });

  it('gives a unit account the 403 page and refuses a post without the CSRF token', async () => {
    const unit = await createWebUser(t.ctx, t.admin, { role: 'unit', unitId: 'hangzhou' });
    expect((await getPage(t.ctx, unit.web, '/office/receptions')).status).toBe(403);
    const id = await register({ hostUnitId: 'lishui' });
    const res = await postForm(t.ctx, t.office, `/office/receptions/${id}/approve`, {}, { withCsrf: false });
    expect(res.status).toBe(403);
    expect(await receptionStatus(id)).toBe('submitted');
  });
});
