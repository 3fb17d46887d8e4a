// Receptions hosted by a unit, through its pages: registering with the 2013 rules (every broken
// rule shown with its numbers), the list with status and cancel, the printable reception list
// with its totals, and the CSV download with the BOM Excel needs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { call, loginAdmin } from '../helpers/api.js';
import { createWebUser, getPage, postForm, type WebSession } from '../helpers/web.js';

let ctx: TestContext;
let office: string;
let unit: { token: string; session: WebSession };
let other: { token: string; session: WebSession };

/** Within the shipped standards (meal 120, departmental 500, county 400) and every rule. */
const form = (over: Record<string, string> = {}): Record<string, string> => ({
  regionId: 'aksu',
  officialLetterRef: '阿地委函〔2027〕12号',
  startDate: '2027-05-10',
  endDate: '2027-05-12',
  leadRank: 'departmental',
  // Six guests in rows 0, 2–6 (row 1 left blank): the guest count is the list's.
  'guests.0.name': '艾力·买买提',
  'guests.0.title': '副专员',
  'guests.0.rank': 'departmental',
  'guests.2.name': '王芳',
  'guests.2.title': '处长',
  'guests.2.rank': 'county',
  'guests.3.name': '李明',
  'guests.3.title': '副局长',
  'guests.3.rank': 'departmental',
  ...Object.fromEntries(
    [4, 5, 6].flatMap((i) => [
      [`guests.${i}.name`, `来宾${i + 1}`],
      [`guests.${i}.title`, '干部'],
      [`guests.${i}.rank`, 'county'],
    ]),
  ),
  'workMeal.date': '2027-05-11',
  'workMeal.accompanyCount': '3',
  'workMeal.costPerPersonYuan': '100',
  'lodging.0.rank': 'departmental',
  'lodging.0.rooms': '2',
  'lodging.0.nights': '2',
  'lodging.0.ratePerNightYuan': '450',
  'lodging.1.rank': 'county',
  'lodging.1.rooms': '4',
  'lodging.1.nights': '2',
  'lodging.1.ratePerNightYuan': '380',
  'activities.0.date': '2027-05-10',
  'activities.0.description': '座谈交流',
  'activities.0.place': '市政府3号会议室',
  venue: '杭州',
  dietaryNotes: '清真',
  giftsYuan: '0',
  ...over,
});

const receptionsOf = async (token: string) => (await call(ctx, 'GET', '/api/v1/receptions', { token })).body.items as Record<string, any>[];

async function register(session: WebSession, over: Record<string, string> = {}): Promise<string> {
  const res = await postForm(ctx, session, '/unit/receptions', form(over));
  expect(res.status).toBe(303);
  return new URL(res.headers.get('location')!, 'http://x').searchParams.get('created')!;
}

beforeAll(async () => {
  ctx = await createTestApp();
  office = await loginAdmin(ctx);
  const accounts = await Promise.all(['hangzhou', 'ningbo'].map((unitId) => createWebUser(ctx, office, { role: 'unit', unitId })));
  unit = { token: accounts[0]!.token, session: accounts[0]!.web };
  other = { token: accounts[1]!.token, session: accounts[1]!.web };
});

afterAll(() => ctx.database.client.close());

describe('registering a reception', () => {
  it('offers a labelled form with the standards in force', async () => {
    const page = await getPage(ctx, unit.session, '/unit/receptions/new');
    expect(page.status).toBe(200);
    expect(page.html).toContain('工作餐每人不超过 120 元');
    for (const id of [
      'f-officialLetterRef',
      'f-guests-0-name',
      'f-workMeal-costPerPersonYuan',
      'f-lodging-2-ratePerNightYuan',
      'f-activities-1-place',
      'f-giftsYuan',
    ]) {
      expect(page.html).toContain(`<label for="${id}">`);
    }
  });

  it('stores a reception that keeps the rules and lists it as awaiting approval', async () => {
    const res = await postForm(ctx, unit.session, '/unit/receptions', form());
    expect(res.status).toBe(303);
    const [stored] = await receptionsOf(unit.token);
    expect(res.headers.get('location')).toBe(`/unit/receptions?year=2027&created=${stored!.id}`);
    expect(stored).toMatchObject({ hostUnitId: 'hangzhou', status: 'submitted', guestCount: 6, venue: '杭州' });
    // Blank rows are left out; the filled ones keep their order.
    expect(stored!.guests.map((g: { name: string }) => g.name)).toEqual(['艾力·买买提', '王芳', '李明', '来宾5', '来宾6', '来宾7']);
    expect(stored!.lodging).toHaveLength(2);
    expect(stored!.activities).toHaveLength(1);
    const list = await getPage(ctx, unit.session, res.headers.get('location')!);
    expect(list.html).toContain('公务接待已登记,等待审批。');
    expect(list.html).toMatch(new RegExp(`<tr id="reception-${stored!.id}">.*?待审批.*?</tr>`));
  });

  it('shows every broken rule with its numbers, at the fields too, and stores nothing', async () => {
    const before = (await receptionsOf(unit.token)).length;
    const res = await postForm(
      ctx,
      unit.session,
      '/unit/receptions',
      form({ officialLetterRef: '', 'workMeal.costPerPersonYuan': '200', giftsYuan: '500' }),
    );
    expect(res.status).toBe(409);
    const alert = res.html.match(/<div class="alert error" role="alert">(.*?)<\/div>/)?.[1] ?? '';
    const lines = [...alert.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]);
    expect(lines).toEqual(['无公函不予接待:请填写公函文号', '工作餐标准超标:每人最多 120 元,填报 200 元', '不得赠送礼金、礼品和纪念品']);
    expect(res.html).toMatch(/<input id="f-officialLetterRef"[^>]*aria-invalid="true"/);
    expect(res.html).toContain(
      '<p class="field-error" id="f-workMeal-costPerPersonYuan-error">工作餐标准超标:每人最多 120 元,填报 200 元</p>',
    );
    expect(res.html).toMatch(/<input id="f-giftsYuan"[^>]*aria-invalid="true"[^>]*aria-describedby="f-giftsYuan-hint f-giftsYuan-error"/);
    // The user's input comes back.
    expect(res.html).toContain('value="艾力·买买提"');
    expect(await receptionsOf(unit.token)).toHaveLength(before);
  });

  it('names the rank in Chinese for a lodging rate over the standard and marks that row', async () => {
    const res = await postForm(
      ctx,
      unit.session,
      '/unit/receptions',
      form({ 'lodging.1.ratePerNightYuan': '450', 'workMeal.accompanyCount': '4' }),
    );
    expect(res.status).toBe(409);
    expect(res.html).toContain('<li>陪餐人数超标:最多 3 人,填报 4 人</li>');
    expect(res.html).toContain('<li>住宿标准超标(县处级):每晚最多 400 元,填报 450 元</li>');
    expect(res.html).toContain(
      '<p class="field-error" id="f-lodging-1-ratePerNightYuan-error">住宿标准超标(县处级):每晚最多 400 元,填报 450 元</p>',
    );
    expect(res.html).not.toContain('id="f-lodging-0-ratePerNightYuan-error"');
  });

  it('reports a format error at the form row it came from', async () => {
    // Row 0 is blank, so row 2 is the second guest sent: its error must land on row 2.
    const res = await postForm(
      ctx,
      unit.session,
      '/unit/receptions',
      form({ 'guests.0.name': '', 'guests.0.title': '', 'guests.2.rank': '' }),
    );
    expect(res.status).toBe(422);
    expect(res.html).toContain('<p class="field-error" id="f-guests-2-rank-error">请从列表中选择</p>');
    expect(res.html).not.toContain('id="f-guests-0-rank-error"');
    const outside = await postForm(
      ctx,
      unit.session,
      '/unit/receptions',
      form({
        'activities.0.date': '',
        'activities.0.description': '',
        'activities.0.place': '',
        'activities.2.date': '2027-06-01',
        'activities.2.description': '参观',
        'activities.2.place': '园区',
      }),
    );
    expect(outside.status).toBe(422);
    expect(outside.html).toContain('<p class="field-error" id="f-activities-2-date-error">日期须在接待期间内</p>');
  });
});

describe('the reception list page and cancel', () => {
  it('prints the reception list with its totals and escapes user text', async () => {
    const id = await register(unit.session, {
      'guests.1.name': '<script>alert(1)</script>',
      'guests.1.title': '科长',
      'guests.1.rank': 'other',
    });
    const page = await getPage(ctx, unit.session, `/unit/receptions/${id}/list`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h1>接待清单</h1>');
    expect(page.html).toContain('杭州市');
    expect(page.html).toContain('阿地委函〔2027〕12号');
    expect(page.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.html).not.toContain('<script>alert(1)</script>');
    // Seven guests now (row 1 filled too). Meal: (7 guests + 3) × 100 = 1000; lodging:
    // 2×2×450 + 4×2×380 = 4840; total 5840.
    const totals = page.html.match(/<section class="sheet-section sheet-totals".*?<\/section>/)?.[0] ?? '';
    expect(totals).toContain('<th scope="row">工作餐用餐人次</th><td>10</td>');
    expect(totals).toContain('<th scope="row">工作餐费用(元)</th><td>1000</td>');
    expect(totals).toContain('<th scope="row">住宿费用(元)</th><td>4840</td>');
    expect(totals).toContain('<strong>5840</strong>');
    // A paper list is signed by who prepared it and who checked it, with the date, after the totals.
    const signOff = page.html.match(/<section class="sheet-section sign-off".*?<\/section>/)?.[0] ?? '';
    expect(page.html.indexOf('sign-off')).toBeGreaterThan(page.html.indexOf('sheet-totals'));
    for (const label of ['经办人', '审核人', '日期']) expect(signOff).toContain(`<span>${label}:</span><span class="blank"></span>`);
    expect(page.html).toContain(`href="/unit/receptions/${id}/list.csv"`);
  });

  it('downloads the same CSV as the API, with the UTF-8 BOM', async () => {
    const id = await register(unit.session);
    const res = await ctx.app.request(`/unit/receptions/${id}/list.csv`, { headers: { cookie: unit.session.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="reception-${id}.csv"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const api = await ctx.app.request(`/api/v1/receptions/${id}/list`, {
      headers: { authorization: `Bearer ${unit.token}`, accept: 'text/csv' },
    });
    expect(Buffer.from(bytes).equals(Buffer.from(await api.arrayBuffer()))).toBe(true);
    expect(new TextDecoder().decode(bytes)).toContain('"合计 (Total, yuan)",5740\r\n');
  });

  it('cancels a reception from the list', async () => {
    const id = await register(unit.session, {
      startDate: '2027-07-01',
      endDate: '2027-07-02',
      'workMeal.date': '2027-07-01',
      'activities.0.date': '2027-07-02',
    });
    const list = await getPage(ctx, unit.session, '/unit/receptions?year=2027');
    expect(list.html).toContain(`action="/unit/receptions/${id}/cancel"`);
    const res = await postForm(ctx, unit.session, `/unit/receptions/${id}/cancel`, { year: '2027', reason: '来访推迟' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/unit/receptions?year=2027&cancelled=${id}`);
    const stored = (await call(ctx, 'GET', `/api/v1/receptions/${id}`, { token: office })).body;
    expect(stored.status).toBe('cancelled');
    const after = await getPage(ctx, unit.session, res.headers.get('location')!);
    expect(after.html).toContain('公务接待已取消。');
    expect(after.html).toMatch(new RegExp(`<tr id="reception-${id}">.*?已取消.*?</tr>`));
    const again = await postForm(ctx, unit.session, `/unit/receptions/${id}/cancel`, { year: '2027' });
    expect(again.status).toBe(409);
    expect(again.html).toContain('当前状态(已取消)下不能执行此操作');
  });

  it('keeps another unit’s receptions invisible', async () => {
    const theirs = await register(other.session, { officialLetterRef: '宁波接待' });
    expect((await getPage(ctx, unit.session, `/unit/receptions/${theirs}/list`)).status).toBe(404);
    expect((await getPage(ctx, unit.session, `/unit/receptions/${theirs}/list.csv`)).status).toBe(404);
    const cancel = await postForm(ctx, unit.session, `/unit/receptions/${theirs}/cancel`, {});
    expect(cancel.status).toBe(404);
    expect((await call(ctx, 'GET', `/api/v1/receptions/${theirs}`, { token: office })).body.status).toBe('submitted');
    const list = await getPage(ctx, unit.session, '/unit/receptions?year=2027');
    expect(list.html).not.toContain('宁波接待');
  });
});

describe('the guest list on the form (rows added and removed freely)', () => {
  const guestNames = (html: string) => [...html.matchAll(/name="guests\.(\d+)\.name"/g)].map((m) => Number(m[1]));

  it('offers three rows, a template for more and the buttons to add and remove them', async () => {
    const page = await getPage(ctx, unit.session, '/unit/receptions/new');
    const rows = page.html.split('<template id="guest-row-template">')[0]!;
    expect(guestNames(rows)).toEqual([0, 1, 2]);
    expect(page.html).toContain('name="guests.__i__.name"');
    expect(page.html).toContain('value="add-guest"');
    expect(page.html).toContain('value="remove-guest-1"');
    expect(page.html).not.toContain('name="guestCount"');
  });

  it('adds and removes a row without JavaScript, keeping what was typed and saving nothing', async () => {
    const before = (await receptionsOf(unit.token)).length;
    const typed = { ...form(), 'guests.1.name': '' };
    const added = await postForm(ctx, unit.session, '/unit/receptions', { ...typed, intent: 'add-guest' });
    expect(added.status).toBe(200);
    const rows = added.html.split('<template id="guest-row-template">')[0]!;
    expect(guestNames(rows)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(rows).toContain('value="艾力·买买提"');
    const removed = await postForm(ctx, unit.session, '/unit/receptions', { ...typed, intent: 'remove-guest-2' });
    expect(guestNames(removed.html.split('<template id="guest-row-template">')[0]!)).toEqual([0, 1, 3, 4, 5, 6]);
    expect(removed.html).not.toContain('value="王芳"');
    expect((await receptionsOf(unit.token)).length).toBe(before);
  });

  it('registers as many guests as the rows list, and refuses an empty list', async () => {
    const twelve = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [
        [`guests.${i}.name`, `来宾${i + 1}`],
        [`guests.${i}.title`, '干部'],
        [`guests.${i}.rank`, i < 2 ? 'departmental' : 'county'],
      ]).flat(),
    );
    const base = Object.fromEntries(Object.entries(form()).filter(([key]) => !key.startsWith('guests.')));
    const id = await register(unit.session, { ...twelve });
    expect((await call(ctx, 'GET', `/api/v1/receptions/${id}`, { token: unit.token })).body.guestCount).toBe(12);
    const none = await postForm(ctx, unit.session, '/unit/receptions', { ...base, 'guests.0.name': '' });
    expect(none.status).toBe(422);
    expect(none.html).toContain('请至少填写一位来宾');
  });
});
