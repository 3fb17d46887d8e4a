// The office settings pages: each saves through the same schema and repository as the API (the
// new value is read back through the API), and an invalid value re-renders with a field error.
import { beforeAll, describe, expect, it } from 'vitest';
import { call, loginAdmin } from '../helpers/api.js';
import { ADMIN, createTestApp } from '../helpers/app.js';
import { createWebUser, getPage, postForm, webLogin } from '../helpers/web.js';
import { book, elementById, setUpOffice, type OfficeTestContext } from './office-helpers.js';

let t: OfficeTestContext;

beforeAll(async () => {
  t = await setUpOffice();
});

/** The field's input and its error: tied by aria-invalid and aria-describedby. */
function expectFieldError(html: string, id: string, message: string) {
  const input = new RegExp(`<input[^>]*\\bid="${id}"[^>]*>`).exec(html)?.[0] ?? '';
  expect(input, `input #${id}`).toContain('aria-invalid="true"');
  expect(input).toContain(`aria-describedby="${id}-error"`);
  expect(elementById(html, `${id}-error`)).toContain(message);
}

describe('the settings index', () => {
  it('links to seven settings pages that all open', async () => {
    const index = await getPage(t.ctx, t.office, '/office/settings');
    expect(index.status).toBe(200);
    const links = [...index.html.matchAll(/<h2><a href="(\/office\/settings\/[a-z]+)">/g)].map((m) => m[1]!);
    expect(links).toEqual([
      '/office/settings/caps',
      '/office/settings/regions',
      '/office/settings/reception',
      '/office/settings/balance',
      '/office/settings/units',
      '/office/settings/cadres',
      '/office/settings/webhooks',
    ]);
    for (const href of links) expect((await getPage(t.ctx, t.office, href)).status, href).toBe(200);
  });

  it('gives other roles the 403 page and refuses a save without the CSRF token', async () => {
    const hq = await createWebUser(t.ctx, t.admin, { role: 'hq', regionId: 'aksu' });
    expect((await getPage(t.ctx, hq.web, '/office/settings/caps')).status).toBe(403);
    const res = await postForm(t.ctx, t.office, '/office/settings/balance', { overRatio: '3', underRatio: '0.1' }, { withCsrf: false });
    expect(res.status).toBe(403);
    expect((await call(t.ctx, 'GET', '/api/v1/standards/balance', { token: t.admin })).body.overRatio).not.toBe(3);
  });
});

describe('annual caps', () => {
  it("lists the 11 cities with their caps and this year's usage", async () => {
    await book(t, 'hangzhou', { headcount: 4 });
    const page = await getPage(t.ctx, t.office, '/office/settings/caps?year=2027');
    for (const city of ['杭州市', '宁波市', '温州市', '嘉兴市', '湖州市', '绍兴市', '金华市', '衢州市', '舟山市', '台州市', '丽水市'])
      expect(page.html).toContain(city);
    const row = elementById(page.html, 'unit-hangzhou');
    expect(row).toContain('1(剩余 5)');
    expect(row).toContain('4(剩余 96)');
  });

  it("saves the year's default and one unit's override", async () => {
    const saved = await postForm(t.ctx, t.office, '/office/settings/caps/default', {
      year: '2028',
      maxBatches: '4',
      maxHeadcountPerBatch: '15',
      maxPersonTrips: '60',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/office/settings/caps?year=2028&saved=1');
    expect((await call(t.ctx, 'GET', '/api/v1/quotas/2028', { token: t.admin })).body.limits).toEqual({
      maxBatches: 4,
      maxHeadcountPerBatch: 15,
      maxPersonTrips: 60,
    });

    const unit = await postForm(t.ctx, t.office, '/office/settings/caps/units/ningbo', {
      year: '2028',
      maxBatches: '9',
      maxHeadcountPerBatch: '30',
      maxPersonTrips: '200',
    });
    expect(unit.status).toBe(303);
    expect((await call(t.ctx, 'GET', '/api/v1/quotas/2028/units/ningbo', { token: t.admin })).body.limits).toEqual({
      maxBatches: 9,
      maxHeadcountPerBatch: 30,
      maxPersonTrips: 200,
    });
    const page = await getPage(t.ctx, t.office, unit.headers.get('location')!);
    expect(page.html).toContain('已保存');
    expect(elementById(page.html, 'unit-ningbo')).toContain('单独设定');
    expect(elementById(page.html, 'unit-wenzhou')).toContain('同默认');
  });

  it('re-renders a negative cap with the error on its field and keeps what was typed', async () => {
    const res = await postForm(t.ctx, t.office, '/office/settings/caps/units/wenzhou', {
      year: '2028',
      maxBatches: '-1',
      maxHeadcountPerBatch: '12',
      maxPersonTrips: '2.5',
    });
    expect(res.status).toBe(422);
    expect(res.html).toContain('请检查标出的内容');
    expectFieldError(res.html, 'cap-wenzhou-maxBatches', '不能小于 0');
    expectFieldError(res.html, 'cap-wenzhou-maxPersonTrips', '请填写整数');
    expect(res.html).toMatch(/id="cap-wenzhou-maxHeadcountPerBatch"[^>]*value="12"/);
    expect((await call(t.ctx, 'GET', '/api/v1/quotas/2028/units/wenzhou', { token: t.admin })).body.limits.maxBatches).toBe(4);
  });
});

describe('annual caps: back to the default, and lowering below what is counted', () => {
  it('resets a unit with its own caps to the default, through the page and the API', async () => {
    await call(t.ctx, 'PUT', '/api/v1/quotas/2029/units/huzhou', {
      token: t.admin,
      body: { maxBatches: 9, maxHeadcountPerBatch: 30, maxPersonTrips: 200 },
    });
    const before = await getPage(t.ctx, t.office, '/office/settings/caps?year=2029');
    expect(elementById(before.html, 'unit-huzhou')).toContain('action="/office/settings/caps/units/huzhou/reset"');
    expect(elementById(before.html, 'unit-shaoxing')).not.toContain('/reset"');
    const res = await postForm(t.ctx, t.office, '/office/settings/caps/units/huzhou/reset', { year: '2029' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/office/settings/caps?year=2029&saved=1#unit-huzhou');
    const defaults = (await call(t.ctx, 'GET', '/api/v1/quotas/2029', { token: t.admin })).body.limits;
    expect((await call(t.ctx, 'GET', '/api/v1/quotas/2029/units/huzhou', { token: t.admin })).body.limits).toEqual(defaults);
    expect(elementById((await getPage(t.ctx, t.office, '/office/settings/caps?year=2029')).html, 'unit-huzhou')).toContain('同默认');

    await call(t.ctx, 'PUT', '/api/v1/quotas/2029/units/huzhou', {
      token: t.admin,
      body: { maxBatches: 1, maxHeadcountPerBatch: 5, maxPersonTrips: 5 },
    });
    const api = await call(t.ctx, 'DELETE', '/api/v1/quotas/2029/units/huzhou', { token: t.admin });
    expect(api.status).toBe(200);
    expect(api.body.limits).toEqual(defaults);
    expect((await call(t.ctx, 'DELETE', '/api/v1/quotas/2029/units/nowhere', { token: t.admin })).status).toBe(404);
  });

  it('shows which waiting visits a lower cap would strand, saves only when confirmed, then lists them', async () => {
    const first = await book(t, 'zhoushan', { startDate: '2027-06-01', endDate: '2027-06-02', headcount: 3 });
    const second = await book(t, 'zhoushan', { startDate: '2027-06-11', endDate: '2027-06-12', headcount: 3 });
    const third = await book(t, 'zhoushan', { startDate: '2027-06-21', endDate: '2027-06-22', headcount: 3 });
    const lower = { year: '2027', maxBatches: '1', maxHeadcountPerBatch: '20', maxPersonTrips: '100' };
    const preview = await postForm(t.ctx, t.office, '/office/settings/caps/units/zhoushan', lower);
    expect(preview.status).toBe(200);
    expect(preview.html).toContain('确认修改年度上限');
    expect(preview.html).toContain('有 2 项待审批考察将超出上限');
    // The earliest waiting visit keeps its place, as the approval queue would approve it first.
    expect(preview.html).not.toContain(`/visits/${first}"`);
    expect(preview.html).toContain(`/visits/${second}"`);
    expect(preview.html).toContain(`/visits/${third}"`);
    expect(preview.html).toContain('本年度考察批次已满:上限 1 批,已用 1 批');
    expect((await call(t.ctx, 'GET', '/api/v1/quotas/2027/units/zhoushan', { token: t.admin })).body.limits.maxBatches).not.toBe(1);

    const saved = await postForm(t.ctx, t.office, '/office/settings/caps/units/zhoushan', { ...lower, confirm: '1' });
    expect(saved.status).toBe(303);
    expect((await call(t.ctx, 'GET', '/api/v1/quotas/2027/units/zhoushan', { token: t.admin })).body.limits.maxBatches).toBe(1);
    const page = await getPage(t.ctx, t.office, saved.headers.get('location')!);
    const beyond = elementById(page.html, 'beyond');
    expect(beyond).toContain('超出上限、无法批准的待审批考察');
    expect(beyond).toContain(`/visits/${second}"`);
    expect(beyond).toContain(`/visits/${third}"`);
    expect(beyond).toContain('舟山市');
  });

  it('saves at once when nothing waiting would be stranded', async () => {
    const res = await postForm(t.ctx, t.office, '/office/settings/caps/units/lishui', {
      year: '2031',
      maxBatches: '0',
      maxHeadcountPerBatch: '20',
      maxPersonTrips: '100',
    });
    expect(res.status).toBe(303);
  });
});

describe('shipped placeholders', () => {
  it('warns on the caps page while the year has no default of its own, and only notes it after', async () => {
    const unset = await getPage(t.ctx, t.office, '/office/settings/caps?year=2035');
    expect(unset.html).toContain('2035 年度尚未设定默认上限,当前使用系统预置的占位数值(每单位每年 6 批、每批 20 人、100 人次)');
    expect(unset.html).toMatch(/class="alert warn" role="note">2035 年度尚未设定/);
    await call(t.ctx, 'PUT', '/api/v1/quotas/2035', {
      token: t.admin,
      body: { maxBatches: 5, maxHeadcountPerBatch: 10, maxPersonTrips: 40 },
    });
    const set = await getPage(t.ctx, t.office, '/office/settings/caps?year=2035');
    expect(set.html).not.toContain('尚未设定默认上限');
    expect(set.html).toContain('系统预置的上限(每单位每年 6 批、每批 20 人、100 人次)仅为占位');
  });

  it('names the regions still on the shipped rules, and none once each is set', async () => {
    const fresh = await createTestApp();
    const admin = await loginAdmin(fresh);
    const office = await webLogin(fresh, ADMIN.email, ADMIN.password);
    const page = await getPage(fresh, office, '/office/settings/regions');
    expect(page.html).toContain(
      '阿克苏地区、兵团第一师阿拉尔市、海西州、那曲市仍在使用系统预置的占位规则(每天最多 3 批、不限抵达间隔、无暂停接待期)',
    );
    for (const region of ['aksu', 'alar', 'nagqu', 'haixi'])
      await call(fresh, 'PUT', `/api/v1/regions/${region}/rules`, {
        token: admin,
        body: { maxConcurrentDelegations: 2, minGapDays: 1, blackouts: [] },
      });
    const after = await getPage(fresh, office, '/office/settings/regions');
    expect(after.html).not.toContain('仍在使用系统预置的占位规则');
    expect(after.html).toContain('系统预置的规则(每天最多 3 批、不限抵达间隔、无暂停接待期)仅为占位');
  });
});

describe('region rules', () => {
  it('adds a blackout (visible through the API), then removes it', async () => {
    const res = await postForm(t.ctx, t.office, '/office/settings/regions/nagqu', {
      maxConcurrentDelegations: '2',
      minGapDays: '3',
      newStartDate: '2027-02-08',
      newEndDate: '2027-02-20',
      newReason: '藏历新年<script>alert(1)</script>',
    });
    expect(res.status).toBe(303);
    const regions = await call(t.ctx, 'GET', '/api/v1/regions', { token: t.admin });
    const nagqu = regions.body.items.find((r: { id: string }) => r.id === 'nagqu');
    expect(nagqu.rules).toEqual({
      maxConcurrentDelegations: 2,
      minGapDays: 3,
      blackouts: [{ startDate: '2027-02-08', endDate: '2027-02-20', reason: '藏历新年<script>alert(1)</script>' }],
    });
    const page = await getPage(t.ctx, t.office, '/office/settings/regions');
    const form = elementById(page.html, 'region-nagqu');
    expect(form).toContain('2027-02-20');
    expect(form).toContain('藏历新年&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.html).not.toContain('<script>alert(1)</script>');

    const removed = await postForm(t.ctx, t.office, '/office/settings/regions/nagqu', {
      maxConcurrentDelegations: '2',
      minGapDays: '3',
      blackoutStartDate: '2027-02-08',
      blackoutEndDate: '2027-02-20',
      blackoutReason: '藏历新年<script>alert(1)</script>',
      remove: '0',
    });
    expect(removed.status).toBe(303);
    const after = await call(t.ctx, 'GET', '/api/v1/regions', { token: t.admin });
    expect(after.body.items.find((r: { id: string }) => r.id === 'nagqu').rules.blackouts).toEqual([]);
  });

  it('re-renders minGapDays -1 with the error on that field and changes nothing', async () => {
    const res = await postForm(t.ctx, t.office, '/office/settings/regions/haixi', { maxConcurrentDelegations: '5', minGapDays: '-1' });
    expect(res.status).toBe(422);
    expectFieldError(res.html, 'haixi-minGapDays', '不能小于 0');
    expect(res.html).toMatch(/id="haixi-maxConcurrentDelegations"[^>]*value="5"/);
    const regions = await call(t.ctx, 'GET', '/api/v1/regions', { token: t.admin });
    expect(regions.body.items.find((r: { id: string }) => r.id === 'haixi').rules.minGapDays).toBe(0);
  });

  it('ties blackout date errors, including the service’s length limit, to the new blackout fields', async () => {
    const backwards = await postForm(t.ctx, t.office, '/office/settings/regions/alar', {
      maxConcurrentDelegations: '3',
      minGapDays: '0',
      newStartDate: '2027-05-10',
      newEndDate: '2027-05-01',
      newReason: '',
    });
    expect(backwards.status).toBe(422);
    expectFieldError(backwards.html, 'alar-newEndDate', '结束日期不能早于开始日期');
    expectFieldError(backwards.html, 'alar-newReason', '必填');

    const tooLong = await postForm(t.ctx, t.office, '/office/settings/regions/alar', {
      maxConcurrentDelegations: '3',
      minGapDays: '0',
      newStartDate: '2027-01-01',
      newEndDate: '2028-06-30',
      newReason: '整修',
    });
    expect(tooLong.status).toBe(422);
    expectFieldError(tooLong.html, 'alar-newEndDate', '暂停接待期最长 366 天');
    const regions = await call(t.ctx, 'GET', '/api/v1/regions', { token: t.admin });
    expect(regions.body.items.find((r: { id: string }) => r.id === 'alar').rules.blackouts).toEqual([]);
  });
});

describe('reception standards', () => {
  it('notes the placeholders, saves new standards and shows them', async () => {
    const before = await getPage(t.ctx, t.office, '/office/settings/reception');
    expect(before.html).toContain('占位数值');
    const res = await postForm(t.ctx, t.office, '/office/settings/reception', {
      workMealPerPersonYuan: '90',
      'lodging-provincial': '700',
      'lodging-departmental': '480',
      'lodging-county': '380',
      'lodging-other': '300',
    });
    expect(res.status).toBe(303);
    expect((await call(t.ctx, 'GET', '/api/v1/standards/reception', { token: t.admin })).body).toEqual({
      workMealPerPersonYuan: 90,
      lodgingPerNightYuan: { provincial: 700, departmental: 480, county: 380, other: 300 },
      requireLetterScan: false,
    });
    const after = await getPage(t.ctx, t.office, res.headers.get('location')!);
    expect(after.html).toContain('已保存');
    expect(after.html).toMatch(/id="lodging-county"[^>]*value="380"/);
    expect(after.html).not.toMatch(/id="requireLetterScan"[^>]*checked/);
  });

  it('switches the official letter scan requirement on and off with its checkbox', async () => {
    const amounts = {
      workMealPerPersonYuan: '90',
      'lodging-provincial': '700',
      'lodging-departmental': '480',
      'lodging-county': '380',
      'lodging-other': '300',
    };
    expect((await postForm(t.ctx, t.office, '/office/settings/reception', { ...amounts, requireLetterScan: 'on' })).status).toBe(303);
    expect((await call(t.ctx, 'GET', '/api/v1/standards/reception', { token: t.admin })).body.requireLetterScan).toBe(true);
    const page = await getPage(t.ctx, t.office, '/office/settings/reception');
    expect(page.html).toMatch(/id="requireLetterScan"[^>]*checked/);
    expect(page.html).toContain('批准前须上传公函扫描件');
    // Unticked, a checkbox sends nothing: the form still switches it off.
    expect((await postForm(t.ctx, t.office, '/office/settings/reception', amounts)).status).toBe(303);
    expect((await call(t.ctx, 'GET', '/api/v1/standards/reception', { token: t.admin })).body.requireLetterScan).toBe(false);
  });

  it('re-renders a missing amount with a field error', async () => {
    const res = await postForm(t.ctx, t.office, '/office/settings/reception', {
      workMealPerPersonYuan: '',
      'lodging-provincial': '700',
      'lodging-departmental': '-5',
      'lodging-county': '380',
      'lodging-other': '300',
    });
    expect(res.status).toBe(422);
    expectFieldError(res.html, 'workMealPerPersonYuan', '必填');
    expectFieldError(res.html, 'lodging-departmental', '不能小于 0');
  });
});

describe('balance thresholds', () => {
  it('saves the ratios and refuses an over ratio of 1', async () => {
    const res = await postForm(t.ctx, t.office, '/office/settings/balance', { overRatio: '2', underRatio: '0.25' });
    expect(res.status).toBe(303);
    expect((await call(t.ctx, 'GET', '/api/v1/standards/balance', { token: t.admin })).body).toEqual({ overRatio: 2, underRatio: 0.25 });

    const bad = await postForm(t.ctx, t.office, '/office/settings/balance', { overRatio: '1', underRatio: 'abc' });
    expect(bad.status).toBe(422);
    expectFieldError(bad.html, 'overRatio', '必须大于 1');
    expectFieldError(bad.html, 'underRatio', '请填写数字');
    expect((await call(t.ctx, 'GET', '/api/v1/standards/balance', { token: t.admin })).body.overRatio).toBe(2);
  });
});

describe('cadre roster', () => {
  it("saves the grid as the year's roster and shows it again", async () => {
    const res = await postForm(t.ctx, t.office, '/office/settings/cadres', {
      year: '2027',
      'cadres:hangzhou:aksu': '3',
      'cadres:ningbo:nagqu': '2',
      'cadres:wenzhou:haixi': '0',
      'cadres:lishui:alar': '',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/office/settings/cadres?year=2027&saved=1');
    const roster = await call(t.ctx, 'GET', '/api/v1/cadres/2027', { token: t.admin });
    expect(roster.body.entries).toEqual([
      { unitId: 'hangzhou', regionId: 'aksu', count: 3 },
      { unitId: 'ningbo', regionId: 'nagqu', count: 2 },
    ]);
    const page = await getPage(t.ctx, t.office, res.headers.get('location')!);
    expect(page.html).toMatch(/id="cadres-hangzhou-aksu"[^>]*value="3"/);
    expect(page.html).toMatch(/id="cadres-ningbo-aksu"[^>]*value=""/);
  });

  it('re-renders a negative count with the error on its cell and keeps the stored roster', async () => {
    const res = await postForm(t.ctx, t.office, '/office/settings/cadres', {
      year: '2027',
      'cadres:hangzhou:aksu': '5',
      'cadres:quzhou:alar': '-2',
    });
    expect(res.status).toBe(422);
    expectFieldError(res.html, 'cadres-quzhou-alar', '不能小于 0');
    expect(res.html).toMatch(/id="cadres-hangzhou-aksu"[^>]*value="5"/);
    const roster = await call(t.ctx, 'GET', '/api/v1/cadres/2027', { token: t.admin });
    expect(roster.body.entries).toContainEqual({ unitId: 'hangzhou', regionId: 'aksu', count: 3 });
  });
});
