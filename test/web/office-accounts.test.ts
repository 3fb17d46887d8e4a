// The account pages through the real app: the office lists, searches, pages, creates,
// renames, deactivates and reactivates (after a confirmation page), resets and unlocks; everyone
// changes their own password. Sessions end as the API's do.
import { beforeAll, describe, expect, it } from 'vitest';
import { call, createUserAndLogin, loginAdmin, USER_PASSWORD } from '../helpers/api.js';
import { ADMIN, createTestApp, type TestContext } from '../helpers/app.js';
import { createWebUser, getPage, postForm, webLogin, type WebSession } from '../helpers/web.js';

let ctx: TestContext;
let admin: string;
let office: WebSession;

beforeAll(async () => {
  ctx = await createTestApp();
  admin = await loginAdmin(ctx);
  office = await webLogin(ctx, ADMIN.email, ADMIN.password);
});

describe('navigation', () => {
  it('shows the office 账号管理 and everyone 修改密码', async () => {
    const page = await getPage(ctx, office, '/office');
    expect(page.html).toContain('href="/office/accounts"');
    expect(page.html).toContain('href="/account/password"');
    const unit = await createWebUser(ctx, admin, { role: 'unit', unitId: 'jinhua' });
    const unitPage = await getPage(ctx, unit.web, '/unit');
    expect(unitPage.html).toContain('href="/account/password"');
    expect(unitPage.html).not.toContain('href="/office/accounts"');
    expect((await getPage(ctx, unit.web, '/office/accounts')).status).toBe(403);
  });
});

describe('the account list', () => {
  it('searches, filters and pages, keeping the filters in the URL', async () => {
    for (let i = 0; i < 3; i++) {
      await call(ctx, 'POST', '/api/v1/users', {
        token: admin,
        body: { email: `page-${i}@list.test`, password: 'list-password-1', role: 'hq', regionId: 'alar', displayName: `阿拉尔 ${i}` },
      });
    }
    const search = await getPage(ctx, office, `/office/accounts?q=${encodeURIComponent('阿拉尔 1')}`);
    expect(search.status).toBe(200);
    expect(search.html).toContain('page-1@list.test');
    expect(search.html).not.toContain('page-0@list.test');
    const first = await getPage(ctx, office, '/office/accounts?regionId=alar&limit=2');
    expect(first.html).toContain('page-0@list.test');
    expect(first.html).not.toContain('page-2@list.test');
    const next = first.html.match(/href="([^"]*cursor=[^"]+)"/)?.[1]?.replace(/&amp;/g, '&');
    expect(next).toContain('regionId=alar');
    const second = await getPage(ctx, office, next!);
    expect(second.html).toContain('page-2@list.test');
    expect(second.html).not.toContain('page-0@list.test');
    expect(second.html).toContain('回到第一页');
    const bad = await getPage(ctx, office, '/office/accounts?active=maybe');
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('筛选条件有误');
  });
});

describe('creating an account', () => {
  it('creates a unit account and shows it; refuses a missing unit, a short password and a taken e-mail at the fields', async () => {
    const fields = {
      email: 'new-unit@pages.test',
      displayName: '衢州市对口办',
      role: 'unit',
      unitId: 'quzhou',
      regionId: '',
      password: 'first-password-1',
    };
    const noUnit = await postForm(ctx, office, '/office/accounts', { ...fields, unitId: '' });
    expect(noUnit.status).toBe(422);
    expect(noUnit.html).toContain('value="new-unit@pages.test"');
    const short = await postForm(ctx, office, '/office/accounts', { ...fields, password: 'short' });
    expect(short.status).toBe(422);
    expect(short.html).toContain('至少 10 个字');
    const made = await postForm(ctx, office, '/office/accounts', fields);
    expect(made.status).toBe(303);
    const page = await getPage(ctx, office, made.headers.get('location')!);
    expect(page.html).toContain('账号已创建');
    expect(page.html).toContain('衢州市');
    expect((await call(ctx, 'POST', '/api/v1/auth/login', { body: { email: fields.email, password: fields.password } })).status).toBe(200);
    const taken = await postForm(ctx, office, '/office/accounts', fields);
    expect(taken.status).toBe(409);
    expect(taken.html).toContain('该邮箱已有账号');
  });
});

describe('one account', () => {
  it('deactivates after a confirmation page: the account’s browser and token are refused on the next request; then reactivates', async () => {
    const user = await createWebUser(ctx, admin, { role: 'hq', regionId: 'haixi' });
    const confirm = await getPage(ctx, office, `/office/accounts/${user.id}/deactivate`);
    expect(confirm.status).toBe(200);
    expect(confirm.html).toContain('确认停用');
    const done = await postForm(ctx, office, `/office/accounts/${user.id}/deactivate`, {});
    expect(done.status).toBe(303);
    expect((await getPage(ctx, office, done.headers.get('location')!)).html).toContain('账号已停用');
    expect((await getPage(ctx, user.web, '/hq')).status).toBe(303);
    expect((await call(ctx, 'GET', '/api/v1/me', { token: user.token })).status).toBe(401);
    const login = await webLogin(ctx, user.email, USER_PASSWORD, { expectFailure: true });
    expect(login.status).toBe(403);
    expect(login.html).toContain('该账号已停用');
    expect((await getPage(ctx, office, `/office/accounts/${user.id}/reactivate`)).html).toContain('确认重新启用');
    expect((await postForm(ctx, office, `/office/accounts/${user.id}/reactivate`, {})).status).toBe(303);
    expect((await webLogin(ctx, user.email, USER_PASSWORD)).status).toBe(303);
  });

  it('keeps the last active office account, saying why', async () => {
    const me = (await call(ctx, 'GET', '/api/v1/me', { token: admin })).body.id;
    const res = await postForm(ctx, office, `/office/accounts/${me}/deactivate`, {});
    expect(res.status).toBe(409);
    expect(res.html).toContain('最后一个启用的省对口支援办账号');
  });

  it('renames, sets a new password (ending the sessions) and unlocks', async () => {
    const user = await createUserAndLogin(ctx, admin, { role: 'unit', unitId: 'taizhou' });
    const renamed = await postForm(ctx, office, `/office/accounts/${user.id}/name`, { displayName: '台州市对口办' });
    expect(renamed.status).toBe(303);
    expect((await getPage(ctx, office, `/office/accounts/${user.id}`)).html).toContain('台州市对口办');
    expect((await postForm(ctx, office, `/office/accounts/${user.id}/name`, { displayName: '台州\u0000' })).status).toBe(422);

    expect((await postForm(ctx, office, `/office/accounts/${user.id}/password`, { newPassword: 'short' })).status).toBe(422);
    const reset = await postForm(ctx, office, `/office/accounts/${user.id}/password`, { newPassword: 'reset-by-office-1' });
    expect(reset.status).toBe(303);
    expect((await call(ctx, 'GET', '/api/v1/me', { token: user.token })).status).toBe(401);

    for (let i = 0; i < 5; i++)
      await call(ctx, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: `wrong-${i}-password` } });
    expect((await call(ctx, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: 'reset-by-office-1' } })).status).toBe(
      429,
    );
    expect((await postForm(ctx, office, `/office/accounts/${user.id}/unlock`, {})).status).toBe(303);
    expect((await call(ctx, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: 'reset-by-office-1' } })).status).toBe(
      200,
    );
  });

  it('answers an unknown account with the 404 page', async () => {
    expect((await getPage(ctx, office, '/office/accounts/nobody')).status).toBe(404);
  });
});

describe('changing one’s own password', () => {
  it('checks the current one and the repeat, keeps this browser logged in and ends the other sessions', async () => {
    const user = await createWebUser(ctx, admin, { role: 'unit', unitId: 'zhoushan' });
    const other = await webLogin(ctx, user.email, USER_PASSWORD);
    const form = await getPage(ctx, user.web, '/account/password');
    expect(form.status).toBe(200);
    expect(form.html).toContain('autocomplete="current-password"');
    const wrong = await postForm(ctx, user.web, '/account/password', {
      currentPassword: 'not-my-password',
      newPassword: 'my-new-password-1',
      confirmPassword: 'my-new-password-1',
    });
    expect(wrong.status).toBe(403);
    expect(wrong.html).toContain('当前密码不正确');
    const differ = await postForm(ctx, user.web, '/account/password', {
      currentPassword: USER_PASSWORD,
      newPassword: 'my-new-password-1',
      confirmPassword: 'my-new-password-2',
    });
    expect(differ.status).toBe(422);
    expect(differ.html).toContain('两次输入的新密码不一致');
    const ok = await postForm(ctx, user.web, '/account/password', {
      currentPassword: USER_PASSWORD,
      newPassword: 'my-new-password-1',
      confirmPassword: 'my-new-password-1',
    });
    expect(ok.status).toBe(303);
    expect((await getPage(ctx, user.web, '/unit')).status).toBe(200);
    expect((await getPage(ctx, other, '/unit')).status).toBe(303);
    expect((await call(ctx, 'GET', '/api/v1/me', { token: user.token })).status).toBe(401);
    expect((await call(ctx, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: 'my-new-password-1' } })).status).toBe(
      200,
    );
  });
});
