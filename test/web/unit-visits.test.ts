// The unit's visit list: statuses in Chinese with the HQ's opinion, withdraw and cancel as plain
// forms, editing, balance warnings after booking, and other units' visits staying invisible.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { call, createUserAndLogin, loginAdmin } from '../helpers/api.js';
import { visitBody } from '../helpers/visits.js';
import { createWebUser, getPage, postForm, type WebSession } from '../helpers/web.js';

let ctx: TestContext;
let office: string;
let aksuHq: string;
let unit: { token: string; session: WebSession };
let other: { token: string; session: WebSession };

async function book(token: string, over: Record<string, unknown> = {}): Promise<string> {
  const res = await call(ctx, 'POST', '/api/v1/visits', { token, body: visitBody(over) });
  expect(res.status).toBe(201);
  return res.body.id;
}

const stored = async (id: string) => (await call(ctx, 'GET', `/api/v1/visits/${id}`, { token: office })).body;

beforeAll(async () => {
  ctx = await createTestApp();
  office = await loginAdmin(ctx);
  aksuHq = (await createUserAndLogin(ctx, office, { role: 'hq', regionId: 'aksu' })).token;
  for (const [name, unitId] of [
    ['unit', 'hangzhou'],
    ['other', 'ningbo'],
  ] as const) {
    const account = await createWebUser(ctx, office, { role: 'unit', unitId });
    if (name === 'unit') unit = { token: account.token, session: account.web };
    else other = { token: account.token, session: account.web };
  }
});

afterAll(() => ctx.database.client.close());

describe('GET /unit/visits', () => {
  it('lists the year’s visits with Chinese statuses and the HQ’s opinion, escaping user text', async () => {
    const coordinated = await book(unit.token, { purpose: '<script>alert(1)</script>', startDate: '2027-04-01', endDate: '2027-04-02' });
    expect(
      (
        await call(ctx, 'POST', `/api/v1/visits/${coordinated}/coordinate`, {
          token: aksuHq,
          body: { agree: true, opinion: '同意,请提前一周报送名单' },
        })
      ).status,
    ).toBe(200);
    await book(unit.token, { regionId: 'alar', startDate: '2028-02-01', endDate: '2028-02-02', purpose: '明年的考察' });
    const { status, html } = await getPage(ctx, unit.session, '/unit/visits?year=2027');
    expect(status).toBe(200);
    expect(html).toContain('已衔接待审批');
    expect(html).toContain('同意,请提前一周报送名单');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('明年的考察');
    const nextYear = await getPage(ctx, unit.session, '/unit/visits?year=2028');
    expect(nextYear.html).toContain('明年的考察');
    expect(nextYear.html).toContain('待衔接');
  });

  it('never shows another unit’s visits', async () => {
    await book(other.token, { purpose: '宁波的考察', regionId: 'haixi' });
    const { html } = await getPage(ctx, unit.session, '/unit/visits?year=2027');
    expect(html).not.toContain('宁波的考察');
  });
});

describe('withdraw and cancel', () => {
  it('withdraws a submitted visit and says so; a second withdraw explains why not', async () => {
    const id = await book(unit.token, { regionId: 'nagqu', startDate: '2027-05-01', endDate: '2027-05-02' });
    const res = await postForm(ctx, unit.session, `/unit/visits/${id}/withdraw`, { year: '2027' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/unit/visits?year=2027&withdrawn=${id}`);
    expect((await stored(id)).status).toBe('withdrawn');
    const list = await getPage(ctx, unit.session, res.headers.get('location')!);
    expect(list.html).toContain('考察预约已撤回。');
    expect(list.html).toMatch(new RegExp(`<tr id="visit-${id}">.*?已撤回.*?</tr>`));
    // A withdrawn visit offers no withdraw button any more.
    expect(list.html).not.toContain(`action="/unit/visits/${id}/withdraw"`);
    const again = await postForm(ctx, unit.session, `/unit/visits/${id}/withdraw`, { year: '2027' });
    expect(again.status).toBe(409);
    expect(again.html).toContain('当前状态(已撤回)下不能执行此操作');
  });

  it('cancels an approved visit with a reason', async () => {
    const id = await book(unit.token, { startDate: '2027-06-01', endDate: '2027-06-02' });
    await call(ctx, 'POST', `/api/v1/visits/${id}/coordinate`, { token: aksuHq, body: { agree: true, opinion: '同意' } });
    expect((await call(ctx, 'POST', `/api/v1/visits/${id}/approve`, { token: office })).status).toBe(200);
    const list = await getPage(ctx, unit.session, '/unit/visits?year=2027');
    expect(list.html).toContain(`action="/unit/visits/${id}/cancel"`);
    expect(list.html).toContain(`<label for="cancel-reason-${id}">取消原因</label>`);
    const res = await postForm(ctx, unit.session, `/unit/visits/${id}/cancel`, { year: '2027', reason: '行程冲突' });
    expect(res.status).toBe(303);
    expect((await stored(id)).status).toBe('cancelled');
    const history = (await call(ctx, 'GET', `/api/v1/visits/${id}/history`, { token: office })).body.items;
    expect(history.at(-1)).toMatchObject({ action: 'cancel', note: '行程冲突', toStatus: 'cancelled' });
  });

  it('answers 404 for another unit’s visit and changes nothing', async () => {
    const theirs = await book(other.token, { regionId: 'alar', startDate: '2027-07-01', endDate: '2027-07-02' });
    const withdraw = await postForm(ctx, unit.session, `/unit/visits/${theirs}/withdraw`, {});
    expect(withdraw.status).toBe(404);
    expect(withdraw.html).toContain('页面或记录不存在');
    const edit = await getPage(ctx, unit.session, `/unit/visits/${theirs}/edit`);
    expect(edit.status).toBe(404);
    expect(edit.html).toContain('页面或记录不存在');
    const editPost = await postForm(ctx, unit.session, `/unit/visits/${theirs}/edit`, { ...visitBody(), headcount: '1' } as Record<
      string,
      string
    >);
    expect(editPost.status).toBe(404);
    expect(await stored(theirs)).toMatchObject({ status: 'submitted', headcount: 4, sequence: 0 });
  });

  it('refuses a withdraw without the CSRF token', async () => {
    const id = await book(unit.token, { regionId: 'haixi', startDate: '2027-08-01', endDate: '2027-08-02' });
    const res = await postForm(ctx, unit.session, `/unit/visits/${id}/withdraw`, {}, { withCsrf: false });
    expect(res.status).toBe(403);
    expect((await stored(id)).status).toBe('submitted');
  });
});

describe('editing', () => {
  it('shows the visit in the form and saves a change through editVisit', async () => {
    const id = await book(unit.token, { regionId: 'haixi', startDate: '2027-09-01', endDate: '2027-09-03', purpose: '原计划' });
    const page = await getPage(ctx, unit.session, `/unit/visits/${id}/edit`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('value="2027-09-01"');
    expect(page.html).toContain('>原计划</textarea>');
    const fields = {
      regionId: 'haixi',
      kind: 'inspection',
      startDate: '2027-09-02',
      endDate: '2027-09-04',
      headcount: '6',
      leaderName: '张三',
      leaderTitle: '',
      purpose: '调整后的计划',
    };
    const res = await postForm(ctx, unit.session, `/unit/visits/${id}/edit`, fields);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/unit/visits?year=2027&updated=${id}`);
    expect(await stored(id)).toMatchObject({
      startDate: '2027-09-02',
      headcount: 6,
      purpose: '调整后的计划',
      sequence: 1,
      status: 'submitted',
    });
    const bad = await postForm(ctx, unit.session, `/unit/visits/${id}/edit`, { ...fields, headcount: '0' });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('<p class="field-error" id="f-headcount-error">不能小于 1</p>');
  });

  it('explains that an approved visit cannot be edited', async () => {
    const id = await book(unit.token, { startDate: '2027-10-01', endDate: '2027-10-02' });
    await call(ctx, 'POST', `/api/v1/visits/${id}/coordinate`, { token: aksuHq, body: { agree: true, opinion: '同意' } });
    await call(ctx, 'POST', `/api/v1/visits/${id}/approve`, { token: office });
    const page = await getPage(ctx, unit.session, `/unit/visits/${id}/edit`);
    expect(page.status).toBe(409);
    expect(page.html).toContain('当前状态(已批准)下不能执行此操作');
    expect(page.html).not.toContain(`action="/unit/visits/${id}/edit"`);
  });
});

describe('condolence balance', () => {
  it('shows the CONDOLENCE_IMBALANCE warning for the visit just booked', async () => {
    const roster = { entries: ['hangzhou', 'ningbo', 'wenzhou'].map((unitId) => ({ unitId, regionId: 'nagqu', count: 10 })) };
    expect((await call(ctx, 'PUT', '/api/v1/cadres/2027', { token: office, body: roster })).status).toBe(200);
    const wenzhou = await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'wenzhou' });
    const modest = { kind: 'condolence', regionId: 'nagqu', cadresVisited: 10, consolationYuan: 1000 };
    await book(wenzhou.token, { ...modest, startDate: '2027-11-01', endDate: '2027-11-02' });
    await book(other.token, { ...modest, startDate: '2027-11-05', endDate: '2027-11-06' });
    const fields = {
      regionId: 'nagqu',
      kind: 'condolence',
      startDate: '2027-11-10',
      endDate: '2027-11-11',
      headcount: '3',
      leaderName: '王五',
      purpose: '慰问援藏干部',
      cadresVisited: '10',
      consolationYuan: '20000',
    };
    const res = await postForm(ctx, unit.session, '/unit/visits', fields);
    expect(res.status).toBe(303);
    const list = await getPage(ctx, unit.session, res.headers.get('location')!);
    expect(list.html).toContain('考察预约已提交');
    expect(list.html).toContain('慰问力度明显高于其他单位:人均慰问金 2000,中位数 100');
    const booked = (await call(ctx, 'GET', '/api/v1/visits?year=2027&regionId=nagqu', { token: unit.token })).body.items.at(-1);
    expect(booked).toMatchObject({ consolationYuan: 20000, cadresVisited: 10 });
  });
});
