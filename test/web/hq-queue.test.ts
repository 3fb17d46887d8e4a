// The HQ coordination desk (/hq) through the real pages: only the HQ's region, agree/disagree
// through the form (checked through the API), errors tied to the field, balance warnings,
// escaping, CSRF and foreign visits.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { call, createUserAndLogin, loginAdmin } from '../helpers/api.js';
import { mayVisitBody } from '../helpers/visits.js';
import { createWebUser, getPage, postForm, type WebSession } from '../helpers/web.js';
import { guestList } from '../helpers/receptions.js';

let ctx: TestContext;
let office: string;
let unitToken: Record<string, string>;
let hqToken: Record<string, string>;
let hqWeb: Record<string, WebSession>;

beforeAll(async () => {
  ctx = await createTestApp();
  office = await loginAdmin(ctx);
  // Caps are not what these tests are about: room for every booking below.
  await call(ctx, 'PUT', '/api/v1/quotas/2027', {
    token: office,
    body: { maxBatches: 50, maxHeadcountPerBatch: 20, maxPersonTrips: 1000 },
  });
  unitToken = {};
  for (const unitId of ['hangzhou', 'ningbo', 'shaoxing', 'jinhua', 'quzhou']) {
    unitToken[unitId] = (await createUserAndLogin(ctx, office, { role: 'unit', unitId })).token;
  }
  hqToken = {};
  hqWeb = {};
  for (const regionId of ['aksu', 'nagqu', 'haixi']) {
    const hq = await createWebUser(ctx, office, { role: 'hq', regionId });
    hqToken[regionId] = hq.token;
    hqWeb[regionId] = hq.web;
    await call(ctx, 'PUT', `/api/v1/regions/${regionId}/rules`, {
      token: office,
      body: { maxConcurrentDelegations: 50, minGapDays: 0, blackouts: [] },
    });
  }
});

async function book(unitId: string, over: Record<string, unknown> = {}): Promise<string> {
  const res = await call(ctx, 'POST', '/api/v1/visits', { token: unitToken[unitId], body: mayVisitBody(over) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

const visitStatus = async (id: string) => (await call(ctx, 'GET', `/api/v1/visits/${id}`, { token: office })).body;

/** The part of the desk above the "recently coordinated" list: the queue itself. */
const queuePart = (html: string) => html.split('近期已衔接的考察')[0] ?? '';

describe('the coordination queue', () => {
  it("lists only the HQ's own region's submitted visits, earliest first, with their facts", async () => {
    await book('hangzhou', {
      startDate: '2027-06-10',
      endDate: '2027-06-12',
      purpose: '队列测试-杭州六月',
      leaderName: '张三',
      leaderTitle: '副市长',
      headcount: 7,
    });
    await book('ningbo', { startDate: '2027-05-20', endDate: '2027-05-21', purpose: '队列测试-宁波五月' });
    await book('hangzhou', { regionId: 'nagqu', purpose: '队列测试-那曲' });
    const decided = await book('ningbo', { startDate: '2027-07-01', endDate: '2027-07-02', purpose: '队列测试-已衔接' });
    await call(ctx, 'POST', `/api/v1/visits/${decided}/coordinate`, { token: hqToken.aksu, body: { opinion: '已衔接好', agree: true } });

    const page = await getPage(ctx, hqWeb.aksu!, '/hq');
    expect(page.status).toBe(200);
    const queue = queuePart(page.html);
    expect(queue).toContain('阿克苏地区');
    expect(queue).toContain('队列测试-杭州六月');
    expect(queue).toContain('张三(副市长)');
    expect(queue).toContain('7 人');
    expect(queue).toContain('2027-06-10 至 2027-06-12');
    expect(queue.indexOf('队列测试-宁波五月')).toBeLessThan(queue.indexOf('队列测试-杭州六月'));
    expect(page.html).not.toContain('队列测试-那曲');
    expect(queue).not.toContain('队列测试-已衔接');
    // The coordinated one is listed below, with the HQ's opinion and the status the unit sees too.
    expect(page.html.split('近期已衔接的考察')[1]).toContain('已衔接好');
    expect(page.html.split('近期已衔接的考察')[1]).toContain('<span class="status coordinated">已衔接待审批</span>');
    expect(page.html).not.toMatch(/ style="/);

    const nagqu = await getPage(ctx, hqWeb.nagqu!, '/hq');
    expect(nagqu.html).toContain('队列测试-那曲');
    expect(nagqu.html).not.toContain('队列测试-杭州六月');
  });

  it('speaks English on request', async () => {
    const page = await getPage(ctx, hqWeb.aksu!, '/hq', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(page.html).toContain('Coordination · Aksu Prefecture');
    expect(page.html).toContain('>Disagree</button>');
    expect(page.html).not.toContain('>不同意</button>');
  });

  it('moves a visit to coordinated when the HQ agrees through the form', async () => {
    const id = await book('hangzhou', { startDate: '2027-08-01', endDate: '2027-08-02', purpose: '同意测试' });
    const res = await postForm(ctx, hqWeb.aksu!, `/hq/visits/${id}/coordinate`, { opinion: '已与受援地对接,同意', decision: 'agree' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/hq?done=agreed');
    expect(await visitStatus(id)).toMatchObject({ status: 'coordinated', coordinationOpinion: '已与受援地对接,同意' });
    const after = await getPage(ctx, hqWeb.aksu!, '/hq?done=agreed');
    expect(after.html).toContain('已记录衔接意见(同意)');
    expect(queuePart(after.html)).not.toContain('同意测试');
  });

  it('rejects a visit when the HQ disagrees through the form', async () => {
    const id = await book('ningbo', { startDate: '2027-08-05', endDate: '2027-08-06', purpose: '不同意测试' });
    const res = await postForm(ctx, hqWeb.aksu!, `/hq/visits/${id}/coordinate`, { opinion: '受援地近期接待任务重', decision: 'disagree' });
    expect(res.status).toBe(303);
    expect(await visitStatus(id)).toMatchObject({ status: 'rejected', coordinationOpinion: '受援地近期接待任务重' });
  });

  it('agrees without an opinion, but asks for one when the HQ disagrees', async () => {
    const silent = await book('hangzhou', { startDate: '2027-08-08', endDate: '2027-08-09', purpose: '无意见同意测试' });
    const agreed = await postForm(ctx, hqWeb.aksu!, `/hq/visits/${silent}/coordinate`, { opinion: '   ', decision: 'agree' });
    expect(agreed.status).toBe(303);
    expect(await visitStatus(silent)).toMatchObject({ status: 'coordinated', coordinationOpinion: null });

    const id = await book('hangzhou', { startDate: '2027-08-10', endDate: '2027-08-11', purpose: '缺少意见测试' });
    const res = await postForm(ctx, hqWeb.aksu!, `/hq/visits/${id}/coordinate`, { opinion: '   ', decision: 'disagree' });
    expect(res.status).toBe(422);
    expect(res.html).toContain('请检查填写的内容');
    const textarea = res.html.match(new RegExp(`<textarea[^>]*id="opinion-${id}"[^>]*>`))?.[0] ?? '';
    expect(textarea).toContain('aria-invalid="true"');
    expect(textarea).toContain(`aria-describedby="opinion-${id}-error"`);
    expect(textarea).not.toContain('required');
    expect(res.html).toMatch(new RegExp(`<p class="field-error" id="opinion-${id}-error">不同意时请填写衔接意见,说明原因</p>`));
    expect((await visitStatus(id)).status).toBe('submitted');
  });

  it('tells in Chinese why a visit that was already coordinated cannot be coordinated again', async () => {
    const id = await book('ningbo', { startDate: '2027-08-15', endDate: '2027-08-16', purpose: '重复衔接测试' });
    expect((await postForm(ctx, hqWeb.aksu!, `/hq/visits/${id}/coordinate`, { opinion: '同意', decision: 'agree' })).status).toBe(303);
    const again = await postForm(ctx, hqWeb.aksu!, `/hq/visits/${id}/coordinate`, { opinion: '再次提交', decision: 'disagree' });
    expect(again.status).toBe(409);
    expect(again.html).toContain('当前状态(已衔接待审批)下不能执行此操作');
    expect(again.html).not.toContain('(coordinated)');
    expect((await visitStatus(id)).status).toBe('coordinated');
  });

  it('escapes a purpose, a leader and an opinion that contain markup', async () => {
    const xss = '<script>alert(1)</script>';
    await book('hangzhou', { startDate: '2027-08-20', endDate: '2027-08-21', purpose: xss, leaderName: xss });
    const decided = await book('hangzhou', { startDate: '2027-08-25', endDate: '2027-08-26', purpose: '意见转义测试' });
    expect((await postForm(ctx, hqWeb.aksu!, `/hq/visits/${decided}/coordinate`, { opinion: xss, decision: 'agree' })).status).toBe(303);
    const page = await getPage(ctx, hqWeb.aksu!, '/hq');
    expect(page.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.html).not.toContain(xss);
  });

  it("answers 404 to a forged post for another region's visit and changes nothing", async () => {
    const id = await book('hangzhou', { regionId: 'nagqu', startDate: '2027-09-01', endDate: '2027-09-02', purpose: '他区考察' });
    expect((await getPage(ctx, hqWeb.aksu!, '/hq')).html).not.toContain('他区考察');
    const res = await postForm(ctx, hqWeb.aksu!, `/hq/visits/${id}/coordinate`, { opinion: '越权', decision: 'agree' });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.html).toContain('页面或记录不存在');
    expect((await visitStatus(id)).status).toBe('submitted');
  });

  it('refuses a post without the CSRF token', async () => {
    const id = await book('ningbo', { startDate: '2027-09-05', endDate: '2027-09-06', purpose: 'CSRF 测试' });
    const res = await postForm(
      ctx,
      hqWeb.aksu!,
      `/hq/visits/${id}/coordinate`,
      { opinion: '同意', decision: 'agree' },
      { withCsrf: false },
    );
    expect(res.status).toBe(403);
    expect((await visitStatus(id)).status).toBe('submitted');
  });

  it('keeps other roles and visitors out', async () => {
    const unitWeb = (await createWebUser(ctx, office, { role: 'unit', unitId: 'jinhua' })).web;
    expect((await getPage(ctx, unitWeb, '/hq')).status).toBe(403);
    const anonymous = await ctx.app.request('/hq', { headers: { accept: 'text/html' } });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/login?next=%2Fhq');
  });
});

describe('what else the desk shows', () => {
  it('shows the consolation and a localized balance warning on a condolence visit that tips its unit over', async () => {
    const roster = ['shaoxing', 'jinhua', 'quzhou'].map((unitId) => ({ unitId, regionId: 'haixi', count: 1 }));
    expect((await call(ctx, 'PUT', '/api/v1/cadres/2028', { token: office, body: { entries: roster } })).status).toBe(200);
    const condolence = (day: string) => ({
      regionId: 'haixi',
      kind: 'condolence',
      startDate: day,
      endDate: day,
      purpose: '慰问援青干部',
      cadresVisited: 1,
      consolationYuan: 1000,
    });
    await book('shaoxing', condolence('2028-03-01'));
    await book('jinhua', condolence('2028-03-02'));
    await book('quzhou', condolence('2028-03-03'));
    await book('quzhou', condolence('2028-03-10'));
    const page = await getPage(ctx, hqWeb.haixi!, '/hq');
    expect(page.html).toContain('1000 元');
    expect(page.html).toContain('慰问力度明显高于其他单位:人均慰问金 2000,中位数 1000');
    // Only quzhou is over: one warning per metric on each of its two visits.
    expect(page.html.split('人均慰问金 2000').length - 1).toBe(2);
  });

  it("lists the region's receptions awaiting the office, read-only", async () => {
    const reception = {
      regionId: 'aksu',
      officialLetterRef: '阿地委函〔2027〕88号',
      startDate: '2027-05-10',
      endDate: '2027-05-12',
      leadRank: 'departmental',
      ...guestList(6, 'departmental'),
    };
    const res = await call(ctx, 'POST', '/api/v1/receptions', { token: unitToken.hangzhou, body: reception });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const aksu = await getPage(ctx, hqWeb.aksu!, '/hq');
    const receptions = aksu.html.split('待省对口支援办审批的公务接待')[1] ?? '';
    expect(receptions).toContain('阿地委函〔2027〕88号');
    expect(receptions).toContain('厅局级');
    expect(receptions).not.toContain('<form');
    expect((await getPage(ctx, hqWeb.nagqu!, '/hq')).html).not.toContain('阿地委函〔2027〕88号');
  });
});
