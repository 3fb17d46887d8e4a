// The record pages (/visits/{id}, /receptions/{id}), the inbox page with the navigation's unread
// count, 修改后重新提交, and the office's webhook pages, driven through the real forms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { call, loginAdmin } from '../helpers/api.js';
import { mayVisitBody } from '../helpers/visits.js';
import { createWebUser, followRedirect, getPage, postForm, webLogin } from '../helpers/web.js';
import { ADMIN } from '../helpers/app.js';

type WebUser = Awaited<ReturnType<typeof createWebUser>>;

let ctx: TestContext;
let officeToken: string;
let office: Awaited<ReturnType<typeof webLogin>>;
let unit: WebUser;
let otherUnit: WebUser;
let hq: WebUser;

async function ok(method: string, path: string, token: string, body?: unknown) {
  const res = await call(ctx, method, path, { token, body });
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

beforeAll(async () => {
  ctx = await createTestApp();
  officeToken = await loginAdmin(ctx);
  await ok('PATCH', '/api/v1/me', officeToken, { emailNotifications: true });
  office = await webLogin(ctx, ADMIN.email, ADMIN.password);
  unit = await createWebUser(ctx, officeToken, { role: 'unit', unitId: 'hangzhou' });
  otherUnit = await createWebUser(ctx, officeToken, { role: 'unit', unitId: 'ningbo' });
  hq = await createWebUser(ctx, officeToken, { role: 'hq', regionId: 'aksu' });
  await ok('PUT', '/api/v1/regions/aksu/rules', officeToken, { maxConcurrentDelegations: 20, minGapDays: 0, blackouts: [] });
});

afterAll(() => ctx.database.client.close());

describe('the visit page', () => {
  it('takes a visit through coordination and rejection from its page; the unit sees the reason on its list and the page', async () => {
    const visit = await ok('POST', '/api/v1/visits', unit.token, mayVisitBody({ leaderTitle: '副市长' }));
    const path = `/visits/${visit.id}`;

    const hqPage = await getPage(ctx, hq.web, path);
    expect(hqPage.status).toBe(200);
    expect(hqPage.html).toContain('杭州市');
    expect(hqPage.html).toContain('王五(副市长)');
    expect(hqPage.html).toContain(`action="${path}/coordinate"`);
    expect(hqPage.html).not.toContain(`action="${path}/approve"`);
    expect(hqPage.html).toContain('id="documents-title"');

    // Disagreeing without an opinion comes back on the page; agreeing needs none.
    const unexplained = await postForm(ctx, hq.web, `${path}/coordinate`, { opinion: '', decision: 'disagree' });
    expect(unexplained.status).toBe(422);
    expect(unexplained.html).toContain('不同意时请填写衔接意见,说明原因');
    const coordinated = await postForm(ctx, hq.web, `${path}/coordinate`, { opinion: '同意,请做好接待准备', decision: 'agree' });
    expect(coordinated.status).toBe(303);
    expect(coordinated.headers.get('location')).toBe(`${path}?done=agreed`);

    // The office sees approve and reject; a reject without a reason is refused on the page.
    const officePage = await getPage(ctx, office, path);
    expect(officePage.html).toContain(`action="${path}/approve"`);
    expect(officePage.html).toContain(`action="${path}/reject"`);
    expect((await postForm(ctx, office, `${path}/reject`, { reason: '  ' })).status).toBe(422);
    expect((await postForm(ctx, office, `${path}/reject`, { reason: '与当地重大活动冲突' })).status).toBe(303);
    // Without the CSRF token nothing happens.
    expect((await postForm(ctx, office, `${path}/approve`, {}, { withCsrf: false })).status).toBe(403);

    const unitPage = await getPage(ctx, unit.web, path);
    expect(unitPage.status).toBe(200);
    expect(text(unitPage.html)).toContain('驳回理由 与当地重大活动冲突');
    expect(text(unitPage.html)).toContain('前方指挥部意见 同意,请做好接待准备');
    // The timeline: who (name or e-mail, and role), what, why.
    expect(unitPage.html).toContain('class="timeline"');
    expect(text(unitPage.html)).toMatch(/前方指挥部\)\s*衔接/);
    expect(text(unitPage.html)).toMatch(/省对口支援办\)\s*驳回/);
    expect(unitPage.html).toContain('<blockquote class="why">与当地重大活动冲突</blockquote>');
    expect(unitPage.html).toContain(`href="/unit/visits/new?from=${visit.id}"`);
    expect(unitPage.html).not.toContain(`action="${path}/withdraw"`);

    const list = await getPage(ctx, unit.web, '/unit/visits?year=2027');
    expect(list.html).toContain(`href="/visits/${visit.id}"`);
    expect(list.html).toContain('<td class="decision-reason" data-label="驳回或取消理由">与当地重大活动冲突</td>');

    // Another unit cannot see it; the API read carries hqOpinion and decisionReason.
    expect((await getPage(ctx, otherUnit.web, path)).status).toBe(404);
    const read = await ok('GET', `/api/v1/visits/${visit.id}`, unit.token);
    expect(read).toMatchObject({ hqOpinion: '同意,请做好接待准备', decisionReason: '与当地重大活动冲突', status: 'rejected' });
    const listed = await ok('GET', '/api/v1/visits', unit.token);
    expect(listed.items.find((v: any) => v.id === visit.id).decisionReason).toBe('与当地重大活动冲突');
  });

  it('offers 修改后重新提交: the booking form filled from the rejected visit', async () => {
    const visit = await ok(
      'POST',
      '/api/v1/visits',
      unit.token,
      mayVisitBody({ startDate: '2027-05-05', endDate: '2027-05-06', purpose: '考察对口产业园' }),
    );
    await ok('POST', `/api/v1/visits/${visit.id}/withdraw`, unit.token);
    const form = await getPage(ctx, unit.web, `/unit/visits/new?from=${visit.id}`);
    expect(form.status).toBe(200);
    expect(form.html).toContain('考察对口产业园');
    expect(form.html).toContain('value="2027-05-05"');
    expect((await getPage(ctx, otherUnit.web, `/unit/visits/new?from=${visit.id}`)).status).toBe(404);
  });

  it('lets the owner withdraw and cancel from the page, and the office approve', async () => {
    const visit = await ok('POST', '/api/v1/visits', unit.token, mayVisitBody({ startDate: '2027-05-08', endDate: '2027-05-09' }));
    const path = `/visits/${visit.id}`;
    await ok('POST', `/api/v1/visits/${visit.id}/coordinate`, hq.token, { opinion: '同意', agree: true });
    expect((await postForm(ctx, office, `${path}/approve`, {})).headers.get('location')).toBe(`${path}?done=approve`);
    const approved = await getPage(ctx, unit.web, `${path}?done=approve`);
    expect(approved.html).toContain(`action="${path}/cancel"`);
    expect((await postForm(ctx, unit.web, `${path}/cancel`, { reason: '行程调整' })).status).toBe(303);
    expect(text((await getPage(ctx, unit.web, path)).html)).toContain('取消原因 行程调整');
    // Approving again is a state conflict, shown on the page.
    const again = await postForm(ctx, office, `${path}/approve`, {});
    expect(again.status).toBe(409);
    expect(again.html).toContain('alert error');
  });
});

describe('the reception page', () => {
  it('shows the host unit the office’s reason, and lets the office act from it', async () => {
    const reception = await ok('POST', '/api/v1/receptions', unit.token, {
      regionId: 'aksu',
      officialLetterRef: '阿地委函〔2027〕12号',
      startDate: '2027-05-10',
      endDate: '2027-05-11',
      guestCount: 2,
      leadRank: 'county',
      guests: [
        { name: '艾力', title: '副专员', rank: 'county' },
        { name: '王芳', title: '处长', rank: 'county' },
      ],
    });
    const path = `/receptions/${reception.id}`;
    const officePage = await getPage(ctx, office, path);
    expect(officePage.html).toContain('艾力');
    expect(officePage.html).toContain(`action="${path}/reject"`);
    expect((await postForm(ctx, office, `${path}/reject`, { reason: '公函不全' })).headers.get('location')).toBe(`${path}?done=reject`);
    const unitPage = await getPage(ctx, unit.web, path);
    expect(text(unitPage.html)).toContain('驳回理由 公函不全');
    expect((await getPage(ctx, hq.web, path)).status).toBe(200);
    expect((await getPage(ctx, otherUnit.web, path)).status).toBe(404);
    const list = await getPage(ctx, unit.web, '/unit/receptions?year=2027');
    expect(list.html).toContain('<td class="decision-reason" data-label="驳回或取消理由">公函不全</td>');
    expect((await ok('GET', `/api/v1/receptions/${reception.id}`, unit.token)).decisionReason).toBe('公函不全');
  });
});

describe('the inbox page', () => {
  it('shows the unread count in every role’s navigation, opens a notification as read, marks all read', async () => {
    const before = await getPage(ctx, hq.web, '/hq');
    const count = Number(before.html.match(/href="\/inbox"[^>]*>通知<span class="badge">(\d+)/)?.[1]);
    expect(count).toBeGreaterThan(0);
    const unitNav = await getPage(ctx, unit.web, '/unit');
    expect(unitNav.html).toMatch(/href="\/inbox"[^>]*>通知<span class="badge">\d+/);

    const inbox = await getPage(ctx, hq.web, '/inbox');
    expect(inbox.status).toBe(200);
    const open = inbox.html.match(/href="(\/inbox\/(\d+)\/open)"/);
    expect(open).not.toBeNull();
    const opened = await getPage(ctx, hq.web, open![1]!);
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toMatch(/^\/visits\//);
    const after = await getPage(ctx, hq.web, '/hq');
    expect(after.html).toContain(`<span class="badge">${count - 1}<`);
    // Someone else's notification is not theirs to open.
    expect((await getPage(ctx, unit.web, open![1]!)).status).toBe(404);

    expect((await postForm(ctx, hq.web, '/inbox/read-all', {})).status).toBe(303);
    const cleared = await getPage(ctx, hq.web, '/inbox?unread=true');
    expect(cleared.html).toContain('没有未读通知');
    expect(cleared.html).not.toMatch(/href="\/inbox"[^>]*>通知<span class="badge">/);
  });

  it('switches e-mail off and on', async () => {
    expect((await postForm(ctx, unit.web, '/inbox/email', { on: '0' })).headers.get('location')).toBe('/inbox?done=email-off');
    expect((await ok('GET', '/api/v1/me', unit.token)).emailNotifications).toBe(false);
    expect((await getPage(ctx, unit.web, '/inbox')).html).toContain('开启邮件提醒');
    await postForm(ctx, unit.web, '/inbox/email', { on: '1' });
    expect((await ok('GET', '/api/v1/me', unit.token)).emailNotifications).toBe(true);
  });
});

describe('the office’s webhook pages', () => {
  it('registers a DingTalk robot and a generic hook (secret shown once), tests, lists deliveries, removes', async () => {
    const refused = await postForm(ctx, office, '/office/settings/webhooks', { kind: 'dingtalk', url: 'http://intranet.test/robot' });
    expect(refused.status).toBe(422);
    const dingtalk = await postForm(ctx, office, '/office/settings/webhooks', {
      kind: 'dingtalk',
      url: 'https://oapi.dingtalk.com/robot/send?access_token=abcdef123456',
      secret: 'SECabc',
      label: '援疆工作群',
      events: ['visit.approved', 'visit.rejected'],
    });
    expect(dingtalk.status).toBe(303);
    const listed = await followRedirect(ctx, office, dingtalk);
    expect(listed.html).toContain('已登记');
    expect(listed.html).toContain('援疆工作群');
    expect(listed.html).toContain('access_token=…3456');
    expect(listed.html).not.toContain('abcdef123456');
    const generic = await postForm(ctx, office, '/office/settings/webhooks', {
      kind: 'generic',
      url: 'https://127.0.0.1:9/hook',
      label: '数据平台',
    });
    expect((await followRedirect(ctx, office, generic)).html).toMatch(/whsec_[A-Za-z0-9+/=]{44}/);
    const list = await getPage(ctx, office, '/office/settings/webhooks');
    expect(list.html).not.toMatch(/whsec_/);
    const hookPath = list.html.match(/href="(\/office\/settings\/webhooks\/[0-9a-f-]{36})">数据平台/)![1]!;
    const hookPage = await getPage(ctx, office, hookPath);
    expect(hookPage.status).toBe(200);
    expect(hookPage.html).toContain('尚无发送记录');
    // Nothing listens on 127.0.0.1:9: the test fails, and the attempt is logged.
    const tested = await followRedirect(ctx, office, await postForm(ctx, office, `${hookPath}/test`, {}));
    expect(tested.html).toContain('测试消息未送达');
    expect((await getPage(ctx, office, hookPath)).html).toContain('测试消息');
    expect((await postForm(ctx, office, `${hookPath}/remove`, {})).status).toBe(303);
    expect((await getPage(ctx, office, '/office/settings/webhooks')).html).not.toContain('数据平台');
    expect((await getPage(ctx, unit.web, '/office/settings/webhooks')).status).toBe(403);
  });
});
