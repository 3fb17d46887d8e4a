// The feed's ETag is computed from a version of the data (aggregates), not from the bytes, so a
// 304 never reads or serialises the records. This checks that every kind of change a feed can
// show changes the tag (the old tag then gets a 200 with new bytes) and that nothing else does.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { call, createUserAndLogin, loginAdmin } from '../helpers/api.js';
import { guestList } from '../helpers/receptions.js';

let ctx: TestContext;
let office: string;
let hq: string;
let unit: string;
let regionFeed: string;
let unitFeed: string;

async function fetchFeed(path: string, etag?: string) {
  const res = await ctx.app.request(path, { headers: etag ? { 'if-none-match': etag } : {} });
  return { status: res.status, etag: res.headers.get('etag')!, text: await res.text() };
}

const visitBody = (startDate: string) => ({
  regionId: 'aksu',
  kind: 'inspection',
  startDate,
  endDate: startDate,
  headcount: 3,
  leaderName: '周七',
  purpose: '考察',
});

beforeAll(async () => {
  ctx = await createTestApp();
  office = await loginAdmin(ctx);
  hq = (await createUserAndLogin(ctx, office, { role: 'hq', regionId: 'aksu' })).token;
  unit = (await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'quzhou' })).token;
  await call(ctx, 'PUT', '/api/v1/regions/aksu/rules', {
    token: office,
    body: { maxConcurrentDelegations: 50, minGapDays: 0, blackouts: [] },
  });
  await call(ctx, 'PUT', '/api/v1/regions/alar/rules', {
    token: office,
    body: { maxConcurrentDelegations: 50, minGapDays: 0, blackouts: [] },
  });
  regionFeed = new URL((await call(ctx, 'POST', '/api/v1/feeds', { token: hq, body: { scope: 'region' } })).body.url).pathname;
  unitFeed = new URL((await call(ctx, 'POST', '/api/v1/feeds', { token: unit, body: { scope: 'unit' } })).body.url).pathname;
});

/** Runs a change and says, per feed, whether the old tag was answered with new bytes. */
async function afterChange(change: () => Promise<unknown>) {
  const before = await Promise.all([fetchFeed(regionFeed), fetchFeed(unitFeed)]);
  await change();
  const after = await Promise.all([fetchFeed(regionFeed, before[0]!.etag), fetchFeed(unitFeed, before[1]!.etag)]);
  return after.map((a, i) => {
    if (a.status === 304) return 'unchanged';
    expect(a.status).toBe(200);
    expect(a.etag).not.toBe(before[i]!.etag);
    expect(a.text).not.toBe(before[i]!.text);
    return 'changed';
  });
}

describe('feed ETag from the data version', () => {
  it('changes with every kind of change a feed shows, in the feeds that show it', async () => {
    let id = '';
    expect(
      await afterChange(async () => {
        const res = await call(ctx, 'POST', '/api/v1/visits', { token: unit, body: visitBody('2027-05-03') });
        expect(res.status).toBe(201);
        id = res.body.id;
      }),
    ).toEqual(['changed', 'changed']);
    expect(await afterChange(() => call(ctx, 'PATCH', `/api/v1/visits/${id}`, { token: unit, body: { purpose: '考察对接' } }))).toEqual([
      'changed',
      'changed',
    ]);
    expect(
      await afterChange(() => call(ctx, 'POST', `/api/v1/visits/${id}/coordinate`, { token: hq, body: { opinion: '同意', agree: true } })),
    ).toEqual(['changed', 'changed']);
    // Moved to another region: it leaves the region feed and stays in the unit's.
    expect(await afterChange(() => call(ctx, 'PATCH', `/api/v1/visits/${id}`, { token: unit, body: { regionId: 'alar' } }))).toEqual([
      'changed',
      'changed',
    ]);
    // Another region's change is not in the region feed.
    expect(await afterChange(() => call(ctx, 'POST', `/api/v1/visits/${id}/withdraw`, { token: unit }))).toEqual(['unchanged', 'changed']);
    // Another unit's booking in the region is not in the unit feed.
    expect(
      await afterChange(() =>
        call(ctx, 'POST', '/api/v1/visits', { token: office, body: { ...visitBody('2027-05-20'), unitId: 'lishui' } }),
      ),
    ).toEqual(['changed', 'unchanged']);
    const reception = await call(ctx, 'POST', '/api/v1/receptions', {
      token: unit,
      body: {
        regionId: 'aksu',
        officialLetterRef: '阿地委函〔2027〕9号',
        startDate: '2027-06-01',
        endDate: '2027-06-01',
        leadRank: 'other',
        ...guestList(2, 'other'),
      },
    });
    expect(reception.status).toBe(201);
    expect(await afterChange(() => call(ctx, 'POST', `/api/v1/receptions/${reception.body.id}/approve`, { token: office }))).toEqual([
      'changed',
      'changed',
    ]);
    // Nothing shown changed: settings that feeds do not show leave both tags alone.
    expect(
      await afterChange(() =>
        call(ctx, 'PUT', '/api/v1/quotas/2027', { token: office, body: { maxBatches: 9, maxHeadcountPerBatch: 9, maxPersonTrips: 90 } }),
      ),
    ).toEqual(['unchanged', 'unchanged']);
  });
});
