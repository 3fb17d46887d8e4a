// Feed management: who may subscribe to what, tokens hashed at rest, listing and revocation.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { feeds } from '../../src/db/schema.js';
import { sha256Hex } from '../../src/lib/crypto.js';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { call, createUserAndLogin, loginAdmin } from '../helpers/api.js';

let ctx: TestContext;
let office: string;
let hqAksu: { token: string; id: string };
let unitHangzhou: { token: string; id: string };

const createFeed = (token: string, body: Record<string, unknown>) => call(ctx, 'POST', '/api/v1/feeds', { token, body });
const fetchFeed = (url: string) => ctx.app.request(new URL(url).pathname);

beforeAll(async () => {
  ctx = await createTestApp();
  office = await loginAdmin(ctx);
  hqAksu = await createUserAndLogin(ctx, office, { role: 'hq', regionId: 'aksu' });
  unitHangzhou = await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'hangzhou' });
});

describe('POST /api/v1/feeds permissions', () => {
  it('gives an HQ a feed of its own region by default, with a secret URL of 256 bits', async () => {
    const res = await createFeed(hqAksu.token, { scope: 'region', label: '指挥部日程' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      scope: 'region',
      regionId: 'aksu',
      unitId: null,
      label: '指挥部日程',
      createdAt: '2027-01-10T02:00:00.000Z',
    });
    // 32 random bytes in base64url are 43 characters.
    expect(res.body.url).toMatch(/^http:\/\/planner\.test\/cal\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await fetchFeed(res.body.url)).status).toBe(200);
  });

  it.each([
    { body: { scope: 'region', regionId: 'nagqu' }, why: 'another region' },
    { body: { scope: 'unit', unitId: 'hangzhou' }, why: 'a unit scope' },
    { body: { scope: 'all' }, why: 'everything' },
  ])('refuses an HQ $why with 403', async ({ body }) => {
    const res = await createFeed(hqAksu.token, body);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('gives a unit a feed of itself, and refuses it other units, regions and everything', async () => {
    const own = await createFeed(unitHangzhou.token, { scope: 'unit' });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ scope: 'unit', unitId: 'hangzhou', regionId: null, label: null });
    for (const body of [{ scope: 'unit', unitId: 'ningbo' }, { scope: 'region', regionId: 'aksu' }, { scope: 'all' }]) {
      const res = await createFeed(unitHangzhou.token, body);
      expect(res.status, JSON.stringify(body)).toBe(403);
    }
  });

  it('lets the office subscribe to anything that exists', async () => {
    for (const body of [{ scope: 'all' }, { scope: 'region', regionId: 'haixi' }, { scope: 'unit', unitId: 'lishui' }]) {
      const res = await createFeed(office, body);
      expect(res.status, JSON.stringify(body)).toBe(201);
      expect(res.body.scope).toBe(body.scope);
    }
  });

  it.each([
    { body: { scope: 'region' }, path: 'regionId' },
    { body: { scope: 'region', regionId: 'atlantis' }, path: 'regionId' },
    { body: { scope: 'unit' }, path: 'unitId' },
    { body: { scope: 'unit', unitId: 'gotham' }, path: 'unitId' },
    { body: { scope: 'all', regionId: 'aksu' }, path: 'regionId' },
    { body: { scope: 'region', regionId: 'aksu', unitId: 'hangzhou' }, path: 'unitId' },
    { body: { scope: 'everything' }, path: 'scope' },
  ])('answers the office 422 on $path for $body', async ({ body, path }) => {
    const res = await createFeed(office, body);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('needs a logged-in account', async () => {
    const res = await call(ctx, 'POST', '/api/v1/feeds', { body: { scope: 'all' } });
    expect(res.status).toBe(401);
  });
});

describe('tokens at rest', () => {
  it('stores only the SHA-256 of the token, as seen through a second connection', async () => {
    const res = await createFeed(office, { scope: 'region', regionId: 'alar' });
    const token = new URL(res.body.url).pathname.replace(/^\/cal\//, '').replace(/\.ics$/, '');
    const { db, client } = ctx.freshConnection();
    try {
      const [row] = await db.select().from(feeds).where(eq(feeds.id, res.body.id));
      expect(row).toBeDefined();
      expect(row!.tokenHash).not.toBe(token);
      expect(row!.tokenHash).toBe(await sha256Hex(token));
      // Nowhere else either: not in the audit trail, not in any column of the feed row.
      const dump = JSON.stringify([row, (await client.execute('SELECT * FROM audit_log')).rows]);
      expect(dump).not.toContain(token);
    } finally {
      client.close();
    }
  });

  it('answers 404 to a token that was never issued, and to a malformed one', async () => {
    expect((await ctx.app.request(`/cal/${'A'.repeat(43)}.ics`)).status).toBe(404);
    expect((await ctx.app.request('/cal/short.ics')).status).toBe(404);
    expect((await ctx.app.request(`/cal/${'A'.repeat(43)}.txt`)).status).toBe(404);
  });
});

describe('GET /api/v1/feeds and DELETE /api/v1/feeds/{id}', () => {
  it("lists the caller's active feeds only, newest first, without URLs", async () => {
    const unit = await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'ningbo' });
    const first = await createFeed(unit.token, { scope: 'unit', label: 'first' });
    ctx.setNow(new Date('2027-01-10T03:00:00.000Z'));
    const second = await createFeed(unit.token, { scope: 'unit', label: 'second' });
    const revoked = await createFeed(unit.token, { scope: 'unit', label: 'revoked' });
    const third = await createFeed(unit.token, { scope: 'unit', label: 'third' });
    ctx.setNow(new Date('2027-01-10T02:00:00.000Z'));
    expect((await call(ctx, 'DELETE', `/api/v1/feeds/${revoked.body.id}`, { token: unit.token })).status).toBe(204);

    const list = await call(ctx, 'GET', '/api/v1/feeds', { token: unit.token });
    expect(list.status).toBe(200);
    // second and third share an instant: the later insert still comes first.
    expect(list.body.items.map((f: { label: string }) => f.label)).toEqual(['third', 'second', 'first']);
    expect(list.body.items[0]).toEqual({
      id: third.body.id,
      scope: 'unit',
      regionId: null,
      unitId: 'ningbo',
      label: 'third',
      createdAt: '2027-01-10T03:00:00.000Z',
    });
    expect(JSON.stringify(list.body)).not.toContain('/cal/');
    expect([first.status, second.status]).toEqual([201, 201]);

    const othersList = await call(ctx, 'GET', '/api/v1/feeds', { token: unitHangzhou.token });
    expect(othersList.body.items.map((f: { id: string }) => f.id)).not.toContain(third.body.id);
  });

  it("revokes at once, and hides others' feeds behind 404", async () => {
    const feed = await createFeed(hqAksu.token, { scope: 'region' });
    expect((await fetchFeed(feed.body.url)).status).toBe(200);

    const byOther = await call(ctx, 'DELETE', `/api/v1/feeds/${feed.body.id}`, { token: office });
    expect(byOther.status).toBe(404);
    expect((await fetchFeed(feed.body.url)).status).toBe(200);

    expect((await call(ctx, 'DELETE', `/api/v1/feeds/${feed.body.id}`, { token: hqAksu.token })).status).toBe(204);
    const gone = await fetchFeed(feed.body.url);
    expect(gone.status).toBe(404);
    expect(gone.headers.get('content-type')).toContain('application/problem+json');
    // Revoking twice finds nothing to revoke.
    expect((await call(ctx, 'DELETE', `/api/v1/feeds/${feed.body.id}`, { token: hqAksu.token })).status).toBe(404);
  });
});

describe('OpenAPI', () => {
  it('documents the feed routes and the public /cal URL', async () => {
    const doc = await call(ctx, 'GET', '/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/feeds', '/api/v1/feeds/{id}']));
    expect(doc.body.paths['/api/v1/feeds'].post.description).toContain('/cal/{token}.ics');
    expect(doc.body.paths['/api/v1/feeds'].get.description).toMatch(/revoked feeds are not listed/);
    expect(doc.body.paths['/api/v1/feeds/{id}'].delete.responses).toHaveProperty('204');
  });
});
