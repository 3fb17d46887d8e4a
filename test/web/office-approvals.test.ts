// The office approval queue: bulk approve (re-checked against lowered caps), reject with a
// required reason, the pipeline of visits awaiting HQs, escaping, roles and CSRF.
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../helpers/api.js';
import { createWebUser, followRedirect, getPage, postForm } from '../helpers/web.js';
import { book, coordinate, elementById, setUpOffice, visitStatus, type OfficeTestContext } from './office-helpers.js';

let t: OfficeTestContext;
let aksuHq: string;

beforeAll(async () => {
  t = await setUpOffice();
  aksuHq = (await createWebUser(t.ctx, t.admin, { role: 'hq', regionId: 'aksu' })).token;
});

describe('the approval queue', () => {
  it('lists coordinated visits earliest first with unit, region, dates, headcount, kind and the HQ opinion', async () => {
    const later = await book(t, 'lishui', { startDate: '2027-09-10', endDate: '2027-09-12', headcount: 7 });
    const earlier = await book(t, 'lishui', {
      startDate: '2027-08-01',
      endDate: '2027-08-02',
      headcount: 5,
      kind: 'condolence',
      cadresVisited: 3,
      consolationYuan: 6000,
    });
    await coordinate(t, aksuHq, later, '同意,请注意高原反应');
    await coordinate(t, aksuHq, earlier);
    const page = await getPage(t.ctx, t.office, '/office');
    expect(page.status).toBe(200);
    const section = page.html.slice(page.html.indexOf('coordinated-heading'), page.html.indexOf('submitted-heading'));
    expect(section.indexOf(`value="${earlier}"`)).toBeGreaterThan(-1);
    expect(section.indexOf(`value="${earlier}"`)).toBeLessThan(section.indexOf(`value="${later}"`));
    expect(section).toContain('丽水市');
    expect(section).toContain('阿克苏地区');
    expect(section).toContain('2027-09-10');
    expect(section).toContain('同意,请注意高原反应');
    expect(section).toContain('慰问干部 3 人,慰问金 6000 元');
    expect(section).toContain('data-check-all');
    expect(section).toMatch(/<label for="reason-[^"]+"/);
  });

  it('shows submitted visits still waiting for their HQ, read only', async () => {
    const waiting = await book(t, 'quzhou', { regionId: 'nagqu', startDate: '2027-06-20', endDate: '2027-06-22' });
    const page = await getPage(t.ctx, t.office, '/office');
    const pipeline = page.html.slice(page.html.indexOf('submitted-heading'));
    expect(pipeline).toContain('待前方指挥部衔接');
    expect(pipeline).toContain('衢州市');
    expect(pipeline).toContain('那曲市');
    expect(page.html).not.toContain(`value="${waiting}"`);
  });

  it('bulk-approves three coordinated visits', async () => {
    const ids = [
      await book(t, 'hangzhou', { startDate: '2027-04-01', endDate: '2027-04-02' }),
      await book(t, 'hangzhou', { startDate: '2027-04-11', endDate: '2027-04-12' }),
      await book(t, 'ningbo', { startDate: '2027-04-21', endDate: '2027-04-22' }),
    ];
    for (const id of ids) await coordinate(t, aksuHq, id);
    const posted = await postForm(t.ctx, t.office, '/office/visits/approve', { ids });
    // Redirected (a reload posts nothing again); the outcome is shown once, on the queue.
    const res = await followRedirect(t.ctx, t.office, posted);
    expect(res.location).toBe('/office?approved=1');
    expect(res.status).toBe(200);
    expect(res.html).toContain('已批准 3 项');
    expect(res.html).not.toContain('未批准');
    expect((await getPage(t.ctx, t.office, '/office?approved=1')).html).not.toContain('已批准 3 项');
    for (const id of ids) expect(await visitStatus(t, id)).toBe('approved');
  });

  it('with a cap lowered since booking, approves what fits and names the refusal with its numbers', async () => {
    const ids = [
      await book(t, 'wenzhou', { startDate: '2027-07-21', endDate: '2027-07-22' }),
      await book(t, 'wenzhou', { startDate: '2027-07-01', endDate: '2027-07-02' }),
      await book(t, 'wenzhou', { startDate: '2027-07-11', endDate: '2027-07-12' }),
    ];
    for (const id of ids) await coordinate(t, aksuHq, id);
    const lowered = await call(t.ctx, 'PUT', '/api/v1/quotas/2027/units/wenzhou', {
      token: t.admin,
      body: { maxBatches: 2, maxHeadcountPerBatch: 20, maxPersonTrips: 100 },
    });
    expect(lowered.status).toBe(200);

    const res = await followRedirect(t.ctx, t.office, await postForm(t.ctx, t.office, '/office/visits/approve', { ids }));
    expect(res.html).toContain('已批准 2 项');
    expect(res.html).toContain('未批准 1 项');
    expect(res.html).toContain('温州市 · 阿克苏地区 · 2027-07-21 至 2027-07-22');
    expect(res.html).toContain('本年度考察批次已满:上限 2 批,已用 2 批');
    // Earliest first: the two earlier visits got the places.
    expect(await visitStatus(t, ids[1]!)).toBe('approved');
    expect(await visitStatus(t, ids[2]!)).toBe('approved');
    expect(await visitStatus(t, ids[0]!)).toBe('coordinated');
  });

  it('tells the office to tick something when nothing is selected', async () => {
    const res = await postForm(t.ctx, t.office, '/office/visits/approve', {});
    expect(res.status).toBe(422);
    expect(res.html).toContain('请先勾选要批准的考察');
  });

  it('requires a reason to reject, then rejects with it', async () => {
    const id = await book(t, 'jiaxing', { startDate: '2027-10-01', endDate: '2027-10-02' });
    await coordinate(t, aksuHq, id);

    const blank = await postForm(t.ctx, t.office, `/office/visits/${id}/reject`, { reason: '   ' });
    expect(blank.status).toBe(422);
    const field = elementById(blank.html, `reason-${id}`);
    expect(field).toContain('aria-invalid="true"');
    expect(field).toContain(`aria-describedby="reason-${id}-error"`);
    expect(elementById(blank.html, `reason-${id}-error`)).toContain('必填');
    expect(await visitStatus(t, id)).toBe('coordinated');

    const res = await postForm(t.ctx, t.office, `/office/visits/${id}/reject`, { reason: '与当地重大活动冲突' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/office?rejected=${id}`);
    expect(await visitStatus(t, id)).toBe('rejected');
    const history = await call(t.ctx, 'GET', `/api/v1/visits/${id}/history`, { token: t.admin });
    expect(history.body.items.at(-1)).toMatchObject({ action: 'reject', note: '与当地重大活动冲突' });
    const after = await getPage(t.ctx, t.office, res.headers.get('location')!);
    expect(after.html).toContain('已驳回:嘉兴市 · 阿克苏地区 · 2027-10-01 至 2027-10-02');
  });

  it('shows a rule refusal when the visit can no longer be rejected', async () => {
    const id = await book(t, 'jiaxing', { startDate: '2027-10-11', endDate: '2027-10-12' });
    await coordinate(t, aksuHq, id);
    await postForm(t.ctx, t.office, '/office/visits/approve', { ids: [id] });
    const res = await postForm(t.ctx, t.office, `/office/visits/${id}/reject`, { reason: '太迟了' });
    expect(res.status).toBe(409);
    expect(res.html).toContain('当前状态(已批准)下不能执行此操作');
    expect(await visitStatus(t, id)).toBe('approved');
  });

  it('shows a condolence imbalance warning beside the visit', async () => {
    const roster = await call(t.ctx, 'PUT', '/api/v1/cadres/2027', {
      token: t.admin,
      body: {
        entries: [
          { unitId: 'shaoxing', regionId: 'haixi', count: 1 },
          { unitId: 'jinhua', regionId: 'haixi', count: 1 },
        ],
      },
    });
    expect(roster.status).toBe(200);
    await book(t, 'shaoxing', {
      regionId: 'haixi',
      kind: 'condolence',
      cadresVisited: 1,
      consolationYuan: 10000,
      startDate: '2027-03-01',
      endDate: '2027-03-02',
    });
    await book(t, 'jinhua', {
      regionId: 'haixi',
      kind: 'condolence',
      cadresVisited: 1,
      consolationYuan: 1000,
      startDate: '2027-03-05',
      endDate: '2027-03-06',
    });
    const page = await getPage(t.ctx, t.office, '/office');
    const pipeline = page.html.slice(page.html.indexOf('submitted-heading'));
    expect(pipeline).toContain('慰问力度明显高于其他单位:人均慰问金 10000,中位数 5500');
  });

  it('escapes user text such as a purpose', async () => {
    const id = await book(t, 'zhoushan', {
      purpose: '<script>alert(1)</script>',
      leaderName: '<b>李四</b>',
      startDate: '2027-11-01',
      endDate: '2027-11-02',
    });
    const waiting = await getPage(t.ctx, t.office, '/office');
    expect(waiting.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(waiting.html).not.toContain('<script>alert(1)</script>');
    expect(waiting.html).not.toContain('<b>李四</b>');
    await coordinate(t, aksuHq, id, '<script>alert(2)</script>');
    const queued = await getPage(t.ctx, t.office, '/office');
    expect(queued.html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(queued.html).not.toMatch(/<script>alert\(\d\)<\/script>/);
  });
});

describe('who may use it', () => {
  it('answers a unit or an HQ account with the 403 page', async () => {
    const unit = await createWebUser(t.ctx, t.admin, { role: 'unit', unitId: 'taizhou' });
    const hq = await createWebUser(t.ctx, t.admin, { role: 'hq', regionId: 'alar' });
    for (const session of [unit.web, hq.web]) {
      const page = await getPage(t.ctx, session, '/office');
      expect(page.status).toBe(403);
      expect(page.html).toContain('当前账号无权访问此页面');
    }
    const posted = await postForm(t.ctx, unit.web, '/office/visits/approve', { ids: ['x'] });
    expect(posted.status).toBe(403);
  });

  it('sends a visitor who is not logged in to the login page', async () => {
    const res = await t.ctx.app.request('/office', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2Foffice');
  });

  it('refuses a bulk approve posted without the CSRF token', async () => {
    const id = await book(t, 'huzhou', { startDate: '2027-12-01', endDate: '2027-12-02' });
    await coordinate(t, aksuHq, id);
    const res = await postForm(t.ctx, t.office, '/office/visits/approve', { ids: [id] }, { withCsrf: false });
    expect(res.status).toBe(403);
    expect(await visitStatus(t, id)).toBe('coordinated');
  });
});
