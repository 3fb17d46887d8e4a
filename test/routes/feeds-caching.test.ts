// Feeds are fetched by every subscriber every few minutes: identical data must give identical
// bytes (so ETags hold and 304s are cheap), and the work must not grow with queries per event.
import { drizzle } from 'drizzle-orm/libsql';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import * as schema from '../../src/db/schema.js';
import { ADMIN, createTestApp, FIXED_NOW, type TestContext } from '../helpers/app.js';
import { call, createUserAndLogin, loginAdmin } from '../helpers/api.js';
import { countingClient } from '../helpers/statement-counter.js';

let ctx: TestContext;
let office: string;
let hq: string;
let unit: string;

const get = (url: string, headers: Record<string, string> = {}) => ctx.app.request(new URL(url).pathname, { headers });

async function newFeedUrl(token: string, body: Record<string, unknown>): Promise<string> {
  const res = await call(ctx, 'POST', '/api/v1/feeds', { token, body });
  expect(res.status).toBe(201);
  return res.body.url;
}

const bookInHaixi = (startDate: string, endDate: string) =>
  call(ctx, 'POST', '/api/v1/visits', {
    token: unit,
    body: { regionId: 'haixi', kind: 'inspection', startDate, endDate, headcount: 4, leaderName: '王五', purpose: '考察' },
  });

beforeAll(async () => {
  ctx = await createTestApp();
  office = await loginAdmin(ctx);
  hq = (await createUserAndLogin(ctx, office, { role: 'hq', regionId: 'haixi' })).token;
  unit = (await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'huzhou' })).token;
  expect((await bookInHaixi('2027-08-20', '2027-08-22')).status).toBe(201);
});

describe('ETag and identical bytes', () => {
  it('serves unchanged data byte for byte, whatever the clock, and answers a matching If-None-Match with 304', async () => {
    const url = await newFeedUrl(hq, { scope: 'region' });
    const first = await get(url);
    const firstText = await first.text();
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(new ICAL.Component(ICAL.parse(firstText)).getAllSubcomponents('vevent')).toHaveLength(1);

    // A later fetch (hours later) of the same data: nothing in the body may follow "now".
    ctx.setNow(new Date(FIXED_NOW.getTime() + 5 * 3600_000));
    const second = await get(url);
    expect(await second.text()).toBe(firstText);
    expect(second.headers.get('etag')).toBe(etag);
    ctx.setNow(FIXED_NOW);

    for (const ifNoneMatch of [etag!, `W/${etag}`, `"other", ${etag}`, '*']) {
      const notModified = await get(url, { 'if-none-match': ifNoneMatch });
      expect(notModified.status, ifNoneMatch).toBe(304);
      expect(await notModified.text()).toBe('');
      expect(notModified.headers.get('etag')).toBe(etag);
      expect(notModified.headers.get('cache-control')).toMatch(/^private\b/);
    }
    const head = await ctx.app.request(new URL(url).pathname, { method: 'HEAD' });
    expect([head.status, head.headers.get('etag'), await head.text()]).toEqual([200, etag, '']);
    const stale = await get(url, { 'if-none-match': '"something-else"' });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(firstText);
  });

  it('gives two feeds of the same scope the same bytes: nothing per token or owner is in the body', async () => {
    const [a, b] = await Promise.all([newFeedUrl(hq, { scope: 'region' }), newFeedUrl(office, { scope: 'region', regionId: 'haixi' })]);
    const [ra, rb] = await Promise.all([get(a), get(b)]);
    expect(await ra.text()).toBe(await rb.text());
    expect(ra.headers.get('etag')).toBe(rb.headers.get('etag'));
  });

  it('changes the ETag when the data changes, so the old one gets the new feed', async () => {
    const url = await newFeedUrl(hq, { scope: 'region' });
    const before = await get(url);
    const etag = before.headers.get('etag')!;
    expect((await bookInHaixi('2027-09-20', '2027-09-21')).status).toBe(201);
    const after = await get(url, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(await after.text()).toContain('DTSTART;VALUE=DATE:20270920');
  });
});

describe('queries per fetch', () => {
  it('runs the same few statements for 1 event as for 120 (no query per event)', async () => {
    const counter = countingClient(ctx.database.client);
    const app = createApp({
      db: drizzle(counter.client, { schema }),
      config: { publicUrl: 'http://planner.test', adminEmail: ADMIN.email, adminPassword: ADMIN.password, adminPasswordIsDefault: false },
      now: () => FIXED_NOW,
      files: ctx.files,
    });
    const url = await newFeedUrl(office, { scope: 'unit', unitId: 'lishui' });
    const measure = async () => {
      const before = counter.statements();
      const res = await app.request(new URL(url).pathname);
      const events = new ICAL.Component(ICAL.parse(await res.text())).getAllSubcomponents('vevent').length;
      return { events, statements: counter.statements() - before };
    };
    const insertVisits = (from: number, to: number) =>
      ctx.database.db.insert(schema.visits).values(
        Array.from({ length: to - from }, (_, i) => ({
          id: `bulk-${from + i}`,
          unitId: 'lishui',
          regionId: 'aksu',
          kind: 'inspection' as const,
          startDate: '2027-10-01',
          endDate: '2027-10-02',
          year: 2027,
          headcount: 3,
          leaderName: '赵六',
          purpose: '考察',
          status: 'approved' as const,
          lastOpId: `op-${from + i}`,
          createdBy: 'bulk',
          createdAt: FIXED_NOW.toISOString(),
          updatedAt: FIXED_NOW.toISOString(),
        })),
      );

    await insertVisits(0, 1);
    const one = await measure();
    await insertVisits(1, 120);
    const many = await measure();
    expect([one.events, many.events]).toEqual([1, 120]);
    expect(many.statements).toBe(one.statements);
    // The token lookup, then visits and receptions in one batch.
    expect(one.statements).toBeLessThanOrEqual(3);
  });
});
