// Accounts (docs/API.md): the office lists, renames, deactivates and reactivates accounts
// and resets passwords; everyone changes their own and logs out. Sessions end on the very next
// request, the last office account stays, and what was stored is read through a fresh connection.
import { beforeAll, describe, expect, it } from 'vitest';
import { call, createUserAndLogin, login, loginAdmin, USER_PASSWORD } from '../helpers/api.js';
import { ADMIN, createTestApp, FIXED_NOW, type TestContext } from '../helpers/app.js';
import { getPage, webLogin } from '../helpers/web.js';

let ctx: TestContext;
let office: string;

beforeAll(async () => {
  ctx = await createTestApp();
  office = await loginAdmin(ctx);
});

async function stored(sql: string, args: (string | number)[] = []) {
  const fresh = ctx.freshConnection();
  try {
    return (await fresh.client.execute({ sql, args })).rows;
  } finally {
    fresh.client.close();
  }
}

describe('the account list', () => {
  it('answers accounts with active, createdAt and lastLoginAt, filtered, searched and paged by e-mail', async () => {
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await call(ctx, 'POST', '/api/v1/users', {
        token: office,
        body: { email: `list-${i}@paging.test`, password: 'list-password-1', role: 'hq', regionId: 'haixi', displayName: `海西 ${i}` },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ active: true, createdAt: FIXED_NOW.toISOString(), lastLoginAt: null, displayName: `海西 ${i}` });
      made.push(res.body.id);
    }
    const first = await call(ctx, 'GET', '/api/v1/users?regionId=haixi&limit=2', { token: office });
    expect(first.status).toBe(200);
    expect(first.body.items.map((u: { email: string }) => u.email)).toEqual(['list-0@paging.test', 'list-1@paging.test']);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const seen = [...first.body.items];
    let cursor = first.body.nextCursor as string | null;
    while (cursor) {
      const page = await call(ctx, 'GET', `/api/v1/users?regionId=haixi&limit=2&cursor=${encodeURIComponent(cursor)}`, { token: office });
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    }
    expect(seen.map((u) => u.id)).toEqual(made);

    const search = await call(ctx, 'GET', `/api/v1/users?q=${encodeURIComponent('海西 3')}`, { token: office });
    expect(search.body.items.map((u: { email: string }) => u.email)).toEqual(['list-3@paging.test']);
    const byEmail = await call(ctx, 'GET', '/api/v1/users?q=LIST-4', { token: office });
    expect(byEmail.body.items.map((u: { email: string }) => u.email)).toEqual(['list-4@paging.test']);
    const offices = await call(ctx, 'GET', '/api/v1/users?role=office', { token: office });
    expect(offices.body.items.map((u: { email: string }) => u.email)).toEqual([ADMIN.email]);
    expect(offices.body.items[0].lastLoginAt).toBe(FIXED_NOW.toISOString());

    expect((await call(ctx, 'PATCH', `/api/v1/users/${made[2]}`, { token: office, body: { active: false } })).status).toBe(200);
    const inactive = await call(ctx, 'GET', '/api/v1/users?active=false', { token: office });
    expect(inactive.body.items.map((u: { id: string }) => u.id)).toEqual([made[2]]);
    const active = await call(ctx, 'GET', '/api/v1/users?regionId=haixi&active=true', { token: office });
    expect(active.body.items).toHaveLength(4);
  });

  it('refuses bad filters and a tampered cursor with 422', async () => {
    for (const query of ['active=yes', 'role=admin', 'limit=0', 'limit=201', 'cursor=%21%21', 'q=%00x']) {
      const res = await call(ctx, 'GET', `/api/v1/users?${query}`, { token: office });
      expect(res.status, query).toBe(422);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('deactivating an account', () => {
  it('refuses its bearer token and web session on the very next request, and its login with the right password (403)', async () => {
    const user = await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'wenzhou' });
    const web = await webLogin(ctx, user.email, USER_PASSWORD);
    expect((await getPage(ctx, web, '/unit')).status).toBe(200);

    const res = await call(ctx, 'PATCH', `/api/v1/users/${user.id}`, { token: office, body: { active: false } });
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);

    expect((await call(ctx, 'GET', '/api/v1/me', { token: user.token })).status).toBe(401);
    const page = await getPage(ctx, web, '/unit');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toMatch(/^\/login/);
    expect(await stored('SELECT count(*) AS n FROM sessions WHERE user_id = ?', [user.id])).toEqual([expect.objectContaining({ n: 0 })]);

    const right = await call(ctx, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: USER_PASSWORD } });
    expect(right.status).toBe(403);
    expect(right.body.code).toBe('ACCOUNT_DISABLED');
    const wrong = await call(ctx, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: 'not-the-password' } });
    expect(wrong.status).toBe(401);

    expect((await call(ctx, 'PATCH', `/api/v1/users/${user.id}`, { token: office, body: { active: true } })).body.active).toBe(true);
    expect((await call(ctx, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: USER_PASSWORD } })).status).toBe(200);
    const audit = await stored(`SELECT action FROM audit_log WHERE entity = 'user' AND entity_id = ? ORDER BY id`, [user.id]);
    expect(audit.map((r) => r.action)).toEqual(['create', 'deactivate', 'reactivate']);
  });

  it('never deactivates the last active office account (409 LAST_OFFICE_ACCOUNT), and renames it', async () => {
    const me = (await call(ctx, 'GET', '/api/v1/me', { token: office })).body;
    const res = await call(ctx, 'PATCH', `/api/v1/users/${me.id}`, { token: office, body: { active: false, displayName: '办公室' } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('LAST_OFFICE_ACCOUNT');
    const after = await call(ctx, 'GET', `/api/v1/users/${me.id}`, { token: office });
    expect(after.body.active).toBe(true);
    const renamed = await call(ctx, 'PATCH', `/api/v1/users/${me.id}`, { token: office, body: { displayName: ' 省对口支援办公室 ' } });
    expect(renamed.body.displayName).toBe('省对口支援办公室');
    expect((await call(ctx, 'PATCH', '/api/v1/users/nobody', { token: office, body: { active: false } })).status).toBe(404);
  });

  it('leaves exactly one active office account when every office account deactivates every other at once', async () => {
    const race = await createTestApp();
    const admin = await loginAdmin(race);
    const offices = [{ id: (await call(race, 'GET', '/api/v1/me', { token: admin })).body.id as string, token: admin }];
    for (let i = 0; i < 4; i++) offices.push(await createUserAndLogin(race, admin, { role: 'office' }));
    const attempts = offices.flatMap((actor) =>
      offices.map((target) => call(race, 'PATCH', `/api/v1/users/${target.id}`, { token: actor.token, body: { active: false } })),
    );
    const statuses = (await Promise.all(attempts)).map((r) => r.status);
    expect(
      statuses.every((s) => [200, 401, 409].includes(s)),
      JSON.stringify(statuses),
    ).toBe(true);
    const fresh = race.freshConnection();
    const rows = (await fresh.client.execute(`SELECT count(*) AS n FROM users WHERE role = 'office' AND active = 1`)).rows;
    expect(rows[0]!.n).toBe(1);
    fresh.client.close();
    race.database.client.close();
  });
});

describe('passwords', () => {
  it('a reset by the office ends every session of the account; the new password logs in, the old one not', async () => {
    const user = await createUserAndLogin(ctx, office, { role: 'hq', regionId: 'alar' });
    const second = await login(ctx, user.email, USER_PASSWORD);
    const reset = await call(ctx, 'POST', `/api/v1/users/${user.id}/password`, {
      token: office,
      body: { newPassword: 'fresh-password-22' },
    });
    expect(reset.status).toBe(204);
    for (const token of [user.token, second]) expect((await call(ctx, 'GET', '/api/v1/me', { token })).status).toBe(401);
    expect((await call(ctx, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: USER_PASSWORD } })).status).toBe(401);
    expect((await call(ctx, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: 'fresh-password-22' } })).status).toBe(
      200,
    );
    const short = await call(ctx, 'POST', `/api/v1/users/${user.id}/password`, { token: office, body: { newPassword: 'short-9ch' } });
    expect(short.status).toBe(422);
    const audit = await stored(`SELECT action, note FROM audit_log WHERE entity = 'user' AND entity_id = ? ORDER BY id`, [user.id]);
    expect(audit.map((r) => r.action)).toEqual(['create', 'password_reset']);
    expect(JSON.stringify(audit)).not.toContain('fresh-password-22');
  });

  it('an own change keeps the session it is made with and ends the others, the web session included', async () => {
    const user = await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'huzhou' });
    const other = await login(ctx, user.email, USER_PASSWORD);
    const web = await webLogin(ctx, user.email, USER_PASSWORD);
    const wrong = await call(ctx, 'POST', '/api/v1/me/password', {
      token: user.token,
      body: { currentPassword: 'not-my-password', newPassword: 'my-new-password-1' },
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    const short = await call(ctx, 'POST', '/api/v1/me/password', {
      token: user.token,
      body: { currentPassword: USER_PASSWORD, newPassword: '123456789' },
    });
    expect(short.status).toBe(422);
    const ok = await call(ctx, 'POST', '/api/v1/me/password', {
      token: user.token,
      body: { currentPassword: USER_PASSWORD, newPassword: 'my-new-password-1' },
    });
    expect(ok.status).toBe(204);
    expect((await call(ctx, 'GET', '/api/v1/me', { token: user.token })).status).toBe(200);
    expect((await call(ctx, 'GET', '/api/v1/me', { token: other })).status).toBe(401);
    expect((await getPage(ctx, web, '/unit')).status).toBe(303);
    expect((await call(ctx, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: 'my-new-password-1' } })).status).toBe(
      200,
    );
  });

  it('checks at most 5 current passwords per session in 15 minutes', async () => {
    const user = await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'quzhou' });
    const tries = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(ctx, 'POST', '/api/v1/me/password', {
          token: user.token,
          body: { currentPassword: `guess-${i}-x`, newPassword: 'whatever-pass-1' },
        }),
      ),
    );
    expect(tries.filter((r) => r.status === 403).length).toBeLessThanOrEqual(5);
    expect(tries.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(15);
  });
});

describe('logging out of the API', () => {
  it('ends the token: 401 from then on, other sessions untouched', async () => {
    const user = await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'zhoushan' });
    const other = await login(ctx, user.email, USER_PASSWORD);
    expect((await call(ctx, 'POST', '/api/v1/auth/logout', { token: user.token })).status).toBe(204);
    expect((await call(ctx, 'GET', '/api/v1/me', { token: user.token })).status).toBe(401);
    expect((await call(ctx, 'POST', '/api/v1/auth/logout', { token: user.token })).status).toBe(401);
    expect((await call(ctx, 'GET', '/api/v1/me', { token: other })).status).toBe(200);
  });
});
