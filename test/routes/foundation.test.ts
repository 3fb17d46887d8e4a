// The foundation's promises: migrations on a fresh database, accounts, role checks, and the
// error contract (problem+json for 401/403/404/413/415/422/429/500, never internals).
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ADMIN, FIXED_NOW, type TestContext } from '../helpers/app.js';
import { call, createUserAndLogin, login, loginAdmin } from '../helpers/api.js';
import { ensureAdmin, openDatabase } from '../../src/db/setup.js';

let ctx: TestContext;
let office: string;

beforeAll(async () => {
  ctx = await createTestApp();
  office = await loginAdmin(ctx);
});

describe('a fresh database', () => {
  it('has the four regions and eleven cities after migrations', async () => {
    const regions = await call(ctx, 'GET', '/api/v1/regions', { token: office });
    expect(regions.body.items.map((r: { id: string }) => r.id)).toEqual(['aksu', 'alar', 'haixi', 'nagqu']);
    expect(regions.body.items.find((r: { id: string }) => r.id === 'nagqu')).toMatchObject({ name: '那曲市', timezone: 'Asia/Shanghai' });
    const units = await call(ctx, 'GET', '/api/v1/units', { token: office });
    expect(units.body.items.map((u: { id: string }) => u.id).sort()).toEqual(
      ['hangzhou', 'ningbo', 'wenzhou', 'jiaxing', 'huzhou', 'shaoxing', 'jinhua', 'quzhou', 'zhoushan', 'taizhou', 'lishui'].sort(),
    );
  });

  it('changes nothing when opened and bootstrapped again (a restart)', async () => {
    const again = await openDatabase(ctx.url);
    const created = await ensureAdmin(again, {
      adminEmail: 'other@x.y',
      adminPassword: 'another-pass-1',
      publicUrl: 'http://x',
      adminPasswordIsDefault: false,
    });
    expect(created).toBe(false);
    const counts = await again.client.execute(
      `SELECT (SELECT count(*) FROM regions), (SELECT count(*) FROM units), (SELECT count(*) FROM users WHERE role = 'office')`,
    );
    expect(counts.rows[0]).toMatchObject({ 0: 4, 1: 11, 2: 1 });
    again.client.close();
  });
});

describe('login', () => {
  it('gives a token that identifies the account, stored only as a hash', async () => {
    const res = await call(ctx, 'POST', '/api/v1/auth/login', { body: { email: ADMIN.email.toUpperCase(), password: ADMIN.password } });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email: ADMIN.email, role: 'office', unitId: null });
    expect(Date.parse(res.body.expiresAt)).toBeGreaterThan(Date.now());
    const me = await call(ctx, 'GET', '/api/v1/me', { token: res.body.token });
    expect(me.body.email).toBe(ADMIN.email);
    const stored = await ctx.database.client.execute({
      sql: 'SELECT count(*) AS n FROM sessions WHERE token_hash = ?',
      args: [res.body.token],
    });
    expect(stored.rows[0]?.n).toBe(0);
  });

  it('answers a wrong password and an unknown e-mail alike with 401 INVALID_CREDENTIALS', async () => {
    for (const body of [
      { email: ADMIN.email, password: 'wrong-password' },
      { email: 'nobody@x.y', password: 'whatever-1' },
    ]) {
      const res = await call(ctx, 'POST', '/api/v1/auth/login', { body });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('INVALID_CREDENTIALS');
    }
  });

  it('refuses with 429 after repeated failures for one account, even with the right password', async () => {
    const user = await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'lishui' });
    for (let i = 0; i < 5; i++) {
      expect((await call(ctx, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: `wrong-${i}` } })).status).toBe(401);
    }
    const locked = await call(ctx, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: 'user-password-1' } });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('RATE_LIMITED');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Other accounts are not affected, and the window passes.
    expect((await call(ctx, 'POST', '/api/v1/auth/login', { body: { email: ADMIN.email, password: ADMIN.password } })).status).toBe(200);
    ctx.setNow(new Date(FIXED_NOW.getTime() + 16 * 60_000));
    expect(await login(ctx, user.email, 'user-password-1')).toBeTruthy();
    ctx.setNow(FIXED_NOW);
  });

  it('refuses an expired or unknown token with 401 problem+json', async () => {
    const res = await call(ctx, 'GET', '/api/v1/me', { token: 'not-a-token' });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });
});

describe('roles', () => {
  it('forbids a unit from creating users, changing region rules, caps or units (403)', async () => {
    const unit = await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'hangzhou' });
    const attempts = [
      call(ctx, 'POST', '/api/v1/users', { token: unit.token, body: { email: 'x@y.zz', password: 'long-enough-1', role: 'office' } }),
      call(ctx, 'PUT', '/api/v1/regions/aksu/rules', {
        token: unit.token,
        body: { maxConcurrentDelegations: 9, minGapDays: 0, blackouts: [] },
      }),
      call(ctx, 'PUT', '/api/v1/quotas/2027', {
        token: unit.token,
        body: { maxBatches: 99, maxHeadcountPerBatch: 99, maxPersonTrips: 999 },
      }),
      call(ctx, 'POST', '/api/v1/units', { token: unit.token, body: { id: 'dept-x', name: 'X', kind: 'department' } }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
  });

  it('lets the office create accounts, with unit and region required by role', async () => {
    const noUnit = await call(ctx, 'POST', '/api/v1/users', {
      token: office,
      body: { email: 'u1@x.yz', password: 'long-enough-1', role: 'unit' },
    });
    expect(noUnit.status).toBe(422);
    expect(noUnit.body.errors[0].path).toBe('unitId');
    const hq = await call(ctx, 'POST', '/api/v1/users', {
      token: office,
      body: { email: 'hq@x.yz', password: 'long-enough-1', role: 'hq', regionId: 'haixi' },
    });
    expect(hq.status).toBe(201);
    expect(hq.body).toMatchObject({ role: 'hq', regionId: 'haixi', unitId: null });
    const dup = await call(ctx, 'POST', '/api/v1/users', {
      token: office,
      body: { email: 'HQ@x.yz', password: 'long-enough-1', role: 'hq', regionId: 'haixi' },
    });
    expect(dup.status).toBe(409);
  });

  it('lets the office add a department and change region rules', async () => {
    const dept = await call(ctx, 'POST', '/api/v1/units', {
      token: office,
      body: { id: 'dept-edu', name: '省教育厅', kind: 'department' },
    });
    expect(dept.status).toBe(201);
    const rules = await call(ctx, 'PUT', '/api/v1/regions/alar/rules', {
      token: office,
      body: { maxConcurrentDelegations: 4, minGapDays: 2, blackouts: [{ startDate: '2027-10-01', endDate: '2027-10-07', reason: '国庆' }] },
    });
    expect(rules.body.rules).toEqual({
      maxConcurrentDelegations: 4,
      minGapDays: 2,
      blackouts: [{ startDate: '2027-10-01', endDate: '2027-10-07', reason: '国庆' }],
    });
  });
});

describe('the error contract', () => {
  it('answers 422 with errors[].path for bad fields', async () => {
    const res = await call(ctx, 'PUT', '/api/v1/regions/aksu/rules', {
      token: office,
      body: { maxConcurrentDelegations: 'three', minGapDays: -1, blackouts: [] },
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['maxConcurrentDelegations', 'minGapDays']);
  });

  it('answers broken JSON with 422, not a crash', async () => {
    const res = await call(ctx, 'POST', '/api/v1/auth/login', { body: '{"email": ' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers a body over 64 KiB with 413', async () => {
    const res = await call(ctx, 'POST', '/api/v1/auth/login', { body: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(70_000) }) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a non-JSON body with 415', async () => {
    const res = await call(ctx, 'POST', '/api/v1/auth/login', {
      body: 'email=a&password=b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const res = await call(ctx, 'GET', '/api/v1/nothing-here', { token: office });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('answers an unexpected failure with a 500 that says nothing about internals', async () => {
    // The database is closed under a live app: the next query throws from deep inside libSQL.
    const broken = await createTestApp();
    const token = await loginAdmin(broken);
    broken.database.client.close();
    const res = await call(broken, 'GET', '/api/v1/regions', { token });
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('INTERNAL_ERROR');
    const text = JSON.stringify(res.body);
    for (const leak of ['SELECT', 'libsql', 'sqlite', 'at ', '.ts', 'closed', 'stack']) expect(text).not.toContain(leak);
  });

  it('serves /healthz, secure headers, /openapi.json and /docs', async () => {
    const health = await ctx.app.request('/healthz');
    expect(await health.json()).toEqual({ ok: true });
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    const doc = (await (await ctx.app.request('/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/auth/login',
      '/api/v1/users',
      '/api/v1/me',
      '/api/v1/regions',
      '/api/v1/regions/{id}/rules',
      '/api/v1/units',
      '/api/v1/visits',
      '/api/v1/visits/{id}/approve',
      '/api/v1/quotas/{year}/units/{unitId}',
      '/api/v1/plan/slots',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const docs = await ctx.app.request('/docs');
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('/api/v1/visits');
  });
});

// Keeps the import of Hono honest for readers: the app is a Hono instance.
it('builds a Hono app', () => expect(ctx.app).toBeInstanceOf(Hono));
