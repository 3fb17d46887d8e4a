// The foundation's contract in workerd: health, login, the caller, reference data, roles, and
// the problem+json refusals (401, 403, 404, 413, 415, 422, 429).
import { describe, expect, it } from 'vitest';
import { expectProblem } from './helpers/http.js';
import { EDGE_ADMIN, type EdgeSuite } from './helpers/suite.js';

const CITIES = ['hangzhou', 'huzhou', 'jiaxing', 'jinhua', 'lishui', 'ningbo', 'quzhou', 'shaoxing', 'taizhou', 'wenzhou', 'zhoushan'];

export function accountChecks(edge: EdgeSuite): void {
  it('answers /healthz', async () => {
    const res = await edge.http.call('GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
  });

  it('serves the OpenAPI 3.1 document', async () => {
    const res = await edge.http.call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toContain('/api/v1/auth/login');
  });

  describe('login', () => {
    it('gives a bearer token to the bootstrapped office account (ADMIN_EMAIL/ADMIN_PASSWORD vars)', async () => {
      const res = await edge.http.call('POST', '/api/v1/auth/login', { body: EDGE_ADMIN });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        token: expect.any(String),
        expiresAt: expect.any(String),
        user: { email: EDGE_ADMIN.email, role: 'office', unitId: null, regionId: null },
      });
    });

    it('refuses a wrong password with 401 INVALID_CREDENTIALS', async () => {
      const res = await edge.http.call('POST', '/api/v1/auth/login', { body: { ...EDGE_ADMIN, password: 'not-the-password' } });
      expectProblem(res, 401, 'INVALID_CREDENTIALS');
    });

    it('throttles repeated failures with 429 and Retry-After (state kept in D1)', async () => {
      const body = { email: 'nobody-throttled@edge.test', password: 'wrong-password' };
      for (let i = 0; i < 5; i++) expectProblem(await edge.http.call('POST', '/api/v1/auth/login', { body }), 401, 'INVALID_CREDENTIALS');
      const res = await edge.http.call('POST', '/api/v1/auth/login', { body });
      expectProblem(res, 429, 'RATE_LIMITED');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });

  describe('accounts (v1.1)', () => {
    it('keeps passwords as PBKDF2-SHA256 at 100,000 iterations, the most a Worker may run, and logs in with them', async () => {
      const unit = await edge.http.createUser(edge.adminToken, { role: 'unit', unitId: 'jiaxing' });
      const [rows] = await edge.stored([
        `SELECT email, password_hash AS hash FROM users WHERE email IN ('${EDGE_ADMIN.email}', '${unit.email}')`,
      ]);
      expect(rows).toHaveLength(2);
      for (const row of rows!) expect(String(row.hash)).toMatch(/^pbkdf2-sha256\$100000\$/);
      expect((await edge.http.call('GET', '/api/v1/me', { token: unit.token })).status).toBe(200);
    });

    it('deactivating ends the account’s tokens at once (one D1 batch); logout ends one token', async () => {
      const unit = await edge.http.createUser(edge.adminToken, { role: 'unit', unitId: 'shaoxing' });
      const second = await edge.http.login(unit.email, 'user-password-1');
      expect((await edge.http.call('POST', '/api/v1/auth/logout', { token: second })).status).toBe(204);
      expectProblem(await edge.http.call('GET', '/api/v1/me', { token: second }), 401, 'UNAUTHENTICATED');
      expect((await edge.http.call('GET', '/api/v1/me', { token: unit.token })).status).toBe(200);
      const off = await edge.http.call('PATCH', `/api/v1/users/${unit.id}`, { token: edge.adminToken, body: { active: false } });
      expect(off.status).toBe(200);
      expect(off.body.active).toBe(false);
      expectProblem(await edge.http.call('GET', '/api/v1/me', { token: unit.token }), 401, 'UNAUTHENTICATED');
      const [sessions] = await edge.stored([`SELECT count(*) AS n FROM sessions WHERE user_id = '${unit.id}'`]);
      expect(Number(sessions![0]!.n)).toBe(0);
      const login = await edge.http.call('POST', '/api/v1/auth/login', { body: { email: unit.email, password: 'user-password-1' } });
      expectProblem(login, 403, 'ACCOUNT_DISABLED');
    });

    it('refuses to deactivate the last active office account (409 LAST_OFFICE_ACCOUNT)', async () => {
      const me = await edge.http.call('GET', '/api/v1/me', { token: edge.adminToken });
      const res = await edge.http.call('PATCH', `/api/v1/users/${me.body.id}`, { token: edge.adminToken, body: { active: false } });
      expectProblem(res, 409, 'LAST_OFFICE_ACCOUNT');
    });
  });

  describe('the caller', () => {
    it('GET /api/v1/me returns the account behind the token', async () => {
      const res = await edge.http.call('GET', '/api/v1/me', { token: edge.adminToken });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ email: EDGE_ADMIN.email, role: 'office' });
    });

    it('without a token → 401 UNAUTHENTICATED; with a made-up token → 401', async () => {
      expectProblem(await edge.http.call('GET', '/api/v1/me'), 401, 'UNAUTHENTICATED');
      expectProblem(await edge.http.call('GET', '/api/v1/me', { token: 'made-up-token' }), 401, 'UNAUTHENTICATED');
    });

    it('a unit account carries its unit', async () => {
      const unit = await edge.http.createUser(edge.adminToken, { role: 'unit', unitId: 'ningbo' });
      const res = await edge.http.call('GET', '/api/v1/me', { token: unit.token });
      expect(res.body).toMatchObject({ role: 'unit', unitId: 'ningbo', regionId: null });
    });
  });

  describe('reference data', () => {
    it('lists the four seeded regions with their rules', async () => {
      const res = await edge.http.call('GET', '/api/v1/regions', { token: edge.adminToken });
      expect(res.status).toBe(200);
      expect(res.body.items.map((r: { id: string }) => r.id).sort()).toEqual(['aksu', 'alar', 'haixi', 'nagqu']);
      expect(res.body.items[0].rules).toMatchObject({
        maxConcurrentDelegations: expect.any(Number),
        minGapDays: expect.any(Number),
        blackouts: [],
      });
    });

    it("lists the province's 11 cities", async () => {
      const res = await edge.http.call('GET', '/api/v1/units', { token: edge.adminToken });
      expect(res.status).toBe(200);
      const cities = res.body.items.filter((u: { kind: string }) => u.kind === 'city').map((u: { id: string }) => u.id);
      expect(cities.sort()).toEqual(CITIES);
    });

    it('the office adds a department (one D1 batch); the same id again → 409', async () => {
      const body = { id: 'edge-dept', name: '省边缘测试厅', kind: 'department' };
      const created = await edge.http.call('POST', '/api/v1/units', { token: edge.adminToken, body });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ id: 'edge-dept', name: '省边缘测试厅', kind: 'department' });
      expectProblem(await edge.http.call('POST', '/api/v1/units', { token: edge.adminToken, body }), 409, 'UNIT_EXISTS');
    });
  });

  describe('roles', () => {
    it('a unit account may not add units or create accounts (403)', async () => {
      const unit = await edge.http.createUser(edge.adminToken, { role: 'unit', unitId: 'wenzhou' });
      expectProblem(
        await edge.http.call('POST', '/api/v1/units', { token: unit.token, body: { id: 'sneaky', name: 'x', kind: 'department' } }),
        403,
        'FORBIDDEN',
      );
      const account = { email: 'sneaky@edge.test', password: 'sneaky-password-1', role: 'office' };
      expectProblem(await edge.http.call('POST', '/api/v1/users', { token: unit.token, body: account }), 403, 'FORBIDDEN');
    });

    it("an hq account may not change a region's rules (403)", async () => {
      const hq = await edge.http.createUser(edge.adminToken, { role: 'hq', regionId: 'haixi' });
      const rules = { maxConcurrentDelegations: 9, minGapDays: 0, blackouts: [] };
      expectProblem(await edge.http.call('PUT', '/api/v1/regions/haixi/rules', { token: hq.token, body: rules }), 403, 'FORBIDDEN');
    });
  });

  describe('refusals are problem+json', () => {
    it('422 VALIDATION_FAILED lists the bad fields', async () => {
      const res = await edge.http.call('POST', '/api/v1/users', {
        token: edge.adminToken,
        body: { email: 'not-an-email', password: 'short', role: 'unit' },
      });
      expectProblem(res, 422, 'VALIDATION_FAILED');
      const paths = res.body.errors.map((e: { path: string }) => e.path);
      expect(paths).toEqual(expect.arrayContaining(['email', 'password']));
      for (const error of res.body.errors) expect(error).toEqual({ path: expect.any(String), message: expect.any(String) });
    });

    it('422 for a body that is not JSON', async () => {
      expectProblem(await edge.http.call('POST', '/api/v1/auth/login', { body: '{"email":' }), 422, 'VALIDATION_FAILED');
    });

    it('413 PAYLOAD_TOO_LARGE past 64 KiB', async () => {
      const res = await edge.http.call('POST', '/api/v1/units', {
        token: edge.adminToken,
        body: JSON.stringify({ name: 'x'.repeat(70 * 1024) }),
      });
      expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
    });

    it('415 UNSUPPORTED_MEDIA_TYPE for a form body', async () => {
      const res = await edge.http.call('POST', '/api/v1/units', {
        token: edge.adminToken,
        body: 'id=x',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('404 NOT_FOUND for an unknown path', async () => {
      expectProblem(await edge.http.call('GET', '/api/v1/nothing-here', { token: edge.adminToken }), 404, 'NOT_FOUND');
    });
  });
}
