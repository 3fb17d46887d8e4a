// The inbox API (paging, unread, read, read-all, scoping), the e-mail switch, the outbox's
// atomicity (a refused write leaves no notification; a stored one always has its event), and the
// monthly outlook (月询) created once per month and scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceDeps } from '../../src/services/deps.js';
import { runDeliveryPass } from '../../src/services/delivery.js';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { call, createUserAndLogin, login, loginAdmin, USER_PASSWORD } from '../helpers/api.js';
import { mayVisitBody } from '../helpers/visits.js';

let ctx: TestContext;
let office: string;
let unit: { token: string; id: string; email: string };
let hq: { token: string; id: string; email: string };

async function ok(method: string, path: string, token: string, body?: unknown) {
  const res = await call(ctx, method, path, { token, body });
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

beforeAll(async () => {
  ctx = await createTestApp();
  office = await loginAdmin(ctx);
  unit = await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'hangzhou' });
  hq = await createUserAndLogin(ctx, office, { role: 'hq', regionId: 'aksu' });
  await ok('PUT', '/api/v1/regions/aksu/rules', office, { maxConcurrentDelegations: 1, minGapDays: 0, blackouts: [] });
  await ok('PUT', '/api/v1/quotas/2027', office, { maxBatches: 50, maxHeadcountPerBatch: 50, maxPersonTrips: 500 });
});

afterAll(() => ctx.database.client.close());

describe('the inbox', () => {
  it('pages newest first, filters unread, marks one or all read, and hides others’ notifications', async () => {
    const ids: string[] = [];
    for (let day = 1; day <= 5; day++) {
      const d = String(day * 2).padStart(2, '0');
      ids.push((await ok('POST', '/api/v1/visits', unit.token, mayVisitBody({ startDate: `2027-06-${d}`, endDate: `2027-06-${d}` }))).id);
    }
    const first = await ok('GET', '/api/v1/notifications?limit=2', hq.token);
    expect(first.unreadCount).toBe(5);
    expect(first.items.map((n: any) => n.recordId)).toEqual([ids[4], ids[3]]);
    expect(first.items[0]).toMatchObject({ event: 'visit.submitted', recordType: 'visit', readAt: null });
    expect(first.items[0].subject).toContain('杭州市赴阿克苏地区');
    expect(first.items[0].link).toBe(`http://planner.test/visits/${ids[4]}`);
    const second = await ok('GET', `/api/v1/notifications?limit=2&cursor=${first.nextCursor}`, hq.token);
    expect(second.items.map((n: any) => n.recordId)).toEqual([ids[2], ids[1]]);
    const third = await ok('GET', `/api/v1/notifications?limit=2&cursor=${second.nextCursor}`, hq.token);
    expect(third.items.map((n: any) => n.recordId)).toEqual([ids[0]]);
    expect(third.nextCursor).toBeNull();

    // Another user's notification is not found; a malformed id is 422 or 404, never 500.
    expect((await call(ctx, 'POST', `/api/v1/notifications/${first.items[0].id}/read`, { token: unit.token })).status).toBe(404);
    expect((await call(ctx, 'POST', '/api/v1/notifications/abc/read', { token: hq.token })).status).toBe(422);
    expect((await call(ctx, 'GET', '/api/v1/notifications?cursor=zzz', { token: hq.token })).status).toBe(422);

    expect((await call(ctx, 'POST', `/api/v1/notifications/${first.items[0].id}/read`, { token: hq.token })).status).toBe(204);
    const unread = await ok('GET', '/api/v1/notifications?unread=true', hq.token);
    expect(unread.unreadCount).toBe(4);
    expect(unread.items.map((n: any) => n.recordId)).not.toContain(ids[4]);
    expect((await call(ctx, 'POST', '/api/v1/notifications/read-all', { token: hq.token })).status).toBe(204);
    const after = await ok('GET', '/api/v1/notifications', hq.token);
    expect(after.unreadCount).toBe(0);
    expect(after.items.every((n: any) => n.readAt !== null)).toBe(true);
    expect((await call(ctx, 'GET', '/api/v1/notifications')).status).toBe(401);
  });

  it('lets a user turn e-mail off and on again (GET and PATCH /me)', async () => {
    expect((await ok('GET', '/api/v1/me', unit.token)).emailNotifications).toBe(true);
    expect((await ok('PATCH', '/api/v1/me', unit.token, { emailNotifications: false })).emailNotifications).toBe(false);
    expect((await ok('GET', '/api/v1/me', unit.token)).emailNotifications).toBe(false);
    expect((await call(ctx, 'PATCH', '/api/v1/me', { token: unit.token, body: { emailNotifications: 'no' } })).status).toBe(422);
    expect((await call(ctx, 'PATCH', '/api/v1/me', { token: unit.token, body: { role: 'office' } })).status).toBe(422);
    await ok('PATCH', '/api/v1/me', unit.token, { emailNotifications: true });
  });
});

describe('deactivated accounts', () => {
  it('are told nothing: a new visit reaches the active HQ account of its region, not the deactivated one', async () => {
    const stillHere = await createUserAndLogin(ctx, office, { role: 'hq', regionId: 'alar' });
    const gone = await createUserAndLogin(ctx, office, { role: 'hq', regionId: 'alar' });
    await ok('PATCH', `/api/v1/users/${gone.id}`, office, { active: false });
    const visit = await ok(
      'POST',
      '/api/v1/visits',
      unit.token,
      mayVisitBody({ regionId: 'alar', startDate: '2027-09-01', endDate: '2027-09-02' }),
    );
    const told = await ok('GET', '/api/v1/notifications', stillHere.token);
    expect(told.items.map((n: { recordId: string }) => n.recordId)).toContain(visit.id);
    const rows = await ctx.database.client.execute({ sql: 'SELECT count(*) AS n FROM notifications WHERE user_id = ?', args: [gone.id] });
    expect(rows.rows[0]!.n).toBe(0);
  });
});

describe('the outbox is written with the change, or not at all', () => {
  it('of simultaneous bookings for the last place, the refused ones leave no event; every stored visit has one', async () => {
    const bodies = Array.from({ length: 8 }, () => mayVisitBody({ startDate: '2027-07-01', endDate: '2027-07-02' }));
    const results = await Promise.all(bodies.map((body) => call(ctx, 'POST', '/api/v1/visits', { token: unit.token, body })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const fresh = ctx.freshConnection();
    const rows = await fresh.client.execute(`SELECT v.id, (SELECT count(*) FROM events e WHERE e.record_id = v.id) AS events,
        (SELECT count(*) FROM notifications n JOIN events e ON e.id = n.event_id WHERE e.record_id = v.id) AS told
      FROM visits v WHERE v.start_date = '2027-07-01'`);
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]).toMatchObject({ events: 1, told: 1 });
    const orphans = await fresh.client.execute(`SELECT count(*) AS n FROM events e WHERE e.record_type = 'visit'
        AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.id = e.record_id)`);
    expect(orphans.rows[0]!.n).toBe(0);
    fresh.client.close();
  });
});

describe('the monthly outlook (月询)', () => {
  it('tells the office of every region and each HQ of its own, once per month, on the first days only', async () => {
    const deps = (now: Date): ServiceDeps => ({ db: ctx.database.db, config: ctx.config, now: () => now, files: ctx.files });
    const channels = { mail: null, fetch };
    // A visit in March to Aksu (booked before March).
    ctx.setNow(new Date('2027-02-20T02:00:00Z'));
    // Sessions last 12 hours: log in again on the new day.
    office = await loginAdmin(ctx);
    unit.token = await login(ctx, unit.email, USER_PASSWORD);
    hq.token = await login(ctx, hq.email, USER_PASSWORD);
    const march = await ok('POST', '/api/v1/visits', unit.token, mayVisitBody({ startDate: '2027-03-10', endDate: '2027-03-12' }));
    await ok('PUT', '/api/v1/regions/alar/rules', office, { maxConcurrentDelegations: 5, minGapDays: 0, blackouts: [] });

    await runDeliveryPass(deps(new Date('2027-02-28T15:00:00Z')), channels); // 23:00 on the 28th in Shanghai: not yet
    const outlooks = (token: string) =>
      ok('GET', '/api/v1/notifications', token).then((p) => p.items.filter((n: any) => n.event === 'monthly.outlook'));
    expect(await outlooks(office)).toHaveLength(0);

    await runDeliveryPass(deps(new Date('2027-02-28T16:30:00Z')), channels); // 00:30 on 1 March in Shanghai
    await runDeliveryPass(deps(new Date('2027-03-01T02:00:00Z')), channels); // again: nothing new
    const officeOutlook = await outlooks(office);
    expect(officeOutlook).toHaveLength(1);
    expect(officeOutlook[0]).toMatchObject({ recordType: 'month', recordId: '2027-03' });
    expect(officeOutlook[0].subject).toContain('2027-03');
    expect(officeOutlook[0].body).toContain('阿克苏地区:考察 1 批');
    expect(officeOutlook[0].body).toContain('阿拉尔');
    expect(officeOutlook[0].link).toBe('http://planner.test/office/reports/monthly?month=2027-03');
    const hqOutlook = await outlooks(hq.token);
    expect(hqOutlook).toHaveLength(1);
    expect(hqOutlook[0].body).toContain('2027-03-10 至 2027-03-12 杭州市 考察');
    expect(hqOutlook[0].body).not.toContain('阿拉尔');
    expect(hqOutlook[0].link).toBe('http://planner.test/hq/calendar?month=2027-03');
    expect(await outlooks(unit.token)).toHaveLength(0);
    void march;

    // April: created on the 5th when the service was down on the 1st; never after the 7th.
    await runDeliveryPass(deps(new Date('2027-05-10T02:00:00Z')), channels);
    expect((await outlooks(office)).map((n: any) => n.recordId)).toEqual(['2027-03']);
    await runDeliveryPass(deps(new Date('2027-04-05T02:00:00Z')), channels);
    expect((await outlooks(office)).map((n: any) => n.recordId)).toEqual(['2027-04', '2027-03']);
  });
});
