// The login throttle under concurrency (issue: 300 simultaneous wrong passwords had 218 checked,
// and 60 guesses with the right one at #50 logged in). Every attempt is counted before its
// password is checked, in one statement, so of any burst at most five are checked per account
// in fifteen minutes, and one client address cannot keep the server hashing.
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/app.js';
import { createNodeServer } from '../../src/node-body.js';
import { call, createUserAndLogin, loginAdmin, USER_PASSWORD } from '../helpers/api.js';
import { ADMIN, createTestApp, FIXED_NOW } from '../helpers/app.js';
import { webLogin } from '../helpers/web.js';

describe('login throttle under concurrency', () => {
  it('checks at most 5 of 100 simultaneous wrong logins for one account; the rest are 429, and the right password after them is too', async () => {
    const ctx = await createTestApp();
    const office = await loginAdmin(ctx);
    const target = await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'hangzhou' });
    const wrong = Array.from({ length: 100 }, (_, i) =>
      call(ctx, 'POST', '/api/v1/auth/login', { body: { email: target.email, password: `wrong-password-${i}` } }),
    );
    const right = call(ctx, 'POST', '/api/v1/auth/login', { body: { email: target.email, password: USER_PASSWORD } });
    const answers = await Promise.all([...wrong, right]);
    const statuses = answers.slice(0, 100).map((a) => a.status);
    const checked = statuses.filter((s) => s === 401).length;
    expect(checked, `statuses: ${statuses.join(' ')}`).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBe(100 - checked);
    for (const answer of answers.filter((a) => a.status === 429)) {
      expect(answer.body.code).toBe('RATE_LIMITED');
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(answers[100]!.status, 'the right password sent after the burst').toBe(429);
    ctx.database.client.close();
  });
});

describe('login throttle over real sockets (the Node entry, one client address)', () => {
  it('checks at most 5 per account and at most 20 per address; a burst of random e-mails gets 429 after that', async () => {
    const ctx = await createTestApp();
    const office = await loginAdmin(ctx);
    const target = await createUserAndLogin(ctx, office, { role: 'hq', regionId: 'aksu' });
    const server = createNodeServer(ctx.app.fetch, MAX_BODY_BYTES);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const login = (email: string, password: string) =>
      fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      }).then(async (res) => ({ status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() }));
    try {
      const burst = await Promise.all([
        ...Array.from({ length: 100 }, (_, i) => login(target.email, `wrong-${i}-password`)),
        login(target.email, USER_PASSWORD),
      ]);
      expect(burst.filter((r) => r.status === 401).length).toBeLessThanOrEqual(5);
      expect(burst.at(-1)!.status).toBe(429);

      // Random e-mails, none an account: only the address's limit stops them.
      const strangers = await Promise.all(Array.from({ length: 60 }, (_, i) => login(`nobody-${i}@nowhere.test`, 'some-password-1')));
      const checked = strangers.filter((r) => r.status === 401).length;
      // The 100 above already counted against this address: nothing more is checked from it.
      expect(checked).toBe(0);
      for (const r of strangers) {
        expect(r.status).toBe(429);
        expect(Number(r.retryAfter)).toBeGreaterThan(0);
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
      ctx.database.client.close();
    }
  }, 60_000);

  it('lets one address check 20 passwords in 15 minutes, then none until the window passes', async () => {
    const ctx = await createTestApp();
    const server = createNodeServer(ctx.app.fetch, MAX_BODY_BYTES);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const login = (email: string) =>
      fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'some-password-1' }),
      }).then((res) => res.status);
    try {
      const statuses = await Promise.all(Array.from({ length: 60 }, (_, i) => login(`stranger-${i}@nowhere.test`)));
      expect(statuses.filter((s) => s === 401).length).toBe(20);
      expect(statuses.filter((s) => s === 429).length).toBe(40);
      ctx.setNow(new Date(FIXED_NOW.getTime() + 15 * 60_000 + 1000));
      expect(await login('stranger-x@nowhere.test')).toBe(401);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      ctx.database.client.close();
    }
  }, 60_000);
});

describe('what an outsider cannot do', () => {
  it('cannot lock the owner out: a browser that logged in before has its own five attempts', async () => {
    const ctx = await createTestApp();
    const owner = await webLogin(ctx, ADMIN.email, ADMIN.password);
    const device = owner.setCookie.match(/planner_device=([^;]+)/)?.[1];
    expect(device, 'the login sets a device cookie').toBeTruthy();
    expect(owner.setCookie).toMatch(/planner_device=[^;]+;[^,]*HttpOnly/i);
    // Someone else, without the cookie, fills the account's bucket…
    for (let i = 0; i < 6; i++) await webLogin(ctx, ADMIN.email, `guess-${i}-password`, { expectFailure: true });
    const stranger = await webLogin(ctx, ADMIN.email, ADMIN.password, { expectFailure: true });
    expect(stranger.status).toBe(429);
    // …and the owner's browser still logs in with the right password.
    const again = await webLogin(ctx, ADMIN.email, ADMIN.password, { cookie: `planner_device=${device}` });
    expect(again.html).toContain('审批队列');
    ctx.database.client.close();
  });

  it('cannot lock an API client out that sends its deviceToken; and the office can unlock the account', async () => {
    const ctx = await createTestApp();
    const office = await loginAdmin(ctx);
    const user = await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'ningbo' });
    const first = await call(ctx, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: USER_PASSWORD } });
    const deviceToken = first.body.deviceToken as string;
    expect(deviceToken).toMatch(/^[\w-]{40,}$/);
    for (let i = 0; i < 5; i++) {
      expect((await call(ctx, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: `guess-${i}-xyz` } })).status).toBe(401);
    }
    expect((await call(ctx, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: USER_PASSWORD } })).status).toBe(429);
    const withDevice = await call(ctx, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: USER_PASSWORD, deviceToken } });
    expect(withDevice.status).toBe(200);
    expect(withDevice.body.deviceToken).toBe(deviceToken);
    // Another account's device token is no key to this one.
    const adminDevice = (await call(ctx, 'POST', '/api/v1/auth/login', { body: ADMIN })).body.deviceToken;
    const borrowed = await call(ctx, 'POST', '/api/v1/auth/login', {
      body: { email: user.email, password: USER_PASSWORD, deviceToken: adminDevice },
    });
    expect(borrowed.status).toBe(429);

    expect((await call(ctx, 'POST', `/api/v1/users/${user.id}/unlock`, { token: office })).status).toBe(204);
    expect((await call(ctx, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: USER_PASSWORD } })).status).toBe(200);
    ctx.database.client.close();
  });

  it('keeps no throttle row past its window: old rows are deleted by the next attempt', async () => {
    const ctx = await createTestApp();
    for (let i = 0; i < 3; i++)
      await call(ctx, 'POST', '/api/v1/auth/login', { body: { email: `old-${i}@nowhere.test`, password: 'x-password-1' } });
    const fresh = ctx.freshConnection();
    expect((await fresh.client.execute('SELECT count(*) AS n FROM login_attempts')).rows[0]!.n).toBe(3);
    ctx.setNow(new Date(FIXED_NOW.getTime() + 16 * 60_000));
    await call(ctx, 'POST', '/api/v1/auth/login', { body: { email: 'new@nowhere.test', password: 'x-password-1' } });
    const rows = (await fresh.client.execute('SELECT bucket FROM login_attempts')).rows.map((r) => r.bucket);
    expect(rows).toEqual(['account:new@nowhere.test']);
    fresh.client.close();
    ctx.database.client.close();
  });
});
