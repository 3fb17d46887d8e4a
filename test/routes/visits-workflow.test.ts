// The visit workflow: transitions with their roles and states, history, freeing caps, edits
// that never count a visit twice, role scoping, and idempotent retries.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { call, createUserAndLogin, loginAdmin } from '../helpers/api.js';
import { mayVisitBody } from '../helpers/visits.js';

let ctx: TestContext;
let office: string;
let hangzhou: string;
let ningbo: string;
let aksuHq: string;
let nagquHq: string;

beforeAll(async () => {
  ctx = await createTestApp();
  office = await loginAdmin(ctx);
  hangzhou = (await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'hangzhou' })).token;
  ningbo = (await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'ningbo' })).token;
  aksuHq = (await createUserAndLogin(ctx, office, { role: 'hq', regionId: 'aksu' })).token;
  nagquHq = (await createUserAndLogin(ctx, office, { role: 'hq', regionId: 'nagqu' })).token;
  for (const region of ['aksu', 'nagqu', 'alar', 'haixi']) {
    await call(ctx, 'PUT', `/api/v1/regions/${region}/rules`, {
      token: office,
      body: { maxConcurrentDelegations: 50, minGapDays: 0, blackouts: [] },
    });
  }
});

async function book(token: string, over: Record<string, unknown> = {}) {
  const res = await call(ctx, 'POST', '/api/v1/visits', { token, body: mayVisitBody(over) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; sequence: number; status: string; updatedAt: string };
}

describe('transitions', () => {
  it('lets the HQ agree without an opinion, and refuses a disagreement without one', async () => {
    const agreed = await book(ningbo, { startDate: '2027-11-02', endDate: '2027-11-03' });
    const silent = await call(ctx, 'POST', `/api/v1/visits/${agreed.id}/coordinate`, { token: aksuHq, body: { agree: true } });
    expect(silent.status, JSON.stringify(silent.body)).toBe(200);
    expect(silent.body).toMatchObject({ status: 'coordinated', coordinationOpinion: null });

    const refused = await book(ningbo, { startDate: '2027-11-06', endDate: '2027-11-07' });
    for (const body of [{ agree: false }, { agree: false, opinion: '  ' }, { agree: false, opinion: null }]) {
      const res = await call(ctx, 'POST', `/api/v1/visits/${refused.id}/coordinate`, { token: aksuHq, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'opinion' })]);
    }
    const said = await call(ctx, 'POST', `/api/v1/visits/${refused.id}/coordinate`, {
      token: aksuHq,
      body: { agree: false, opinion: '受援地近期接待任务重' },
    });
    expect(said.body).toMatchObject({ status: 'rejected', coordinationOpinion: '受援地近期接待任务重' });
  });

  it('runs submitted → coordinated → approved → cancelled with sequence and history', async () => {
    const v = await book(hangzhou);
    const coordinated = await call(ctx, 'POST', `/api/v1/visits/${v.id}/coordinate`, {
      token: aksuHq,
      body: { opinion: '已与受援地衔接', agree: true },
    });
    expect(coordinated.body).toMatchObject({ status: 'coordinated', sequence: 1, coordinationOpinion: '已与受援地衔接' });
    const approved = await call(ctx, 'POST', `/api/v1/visits/${v.id}/approve`, { token: office });
    expect(approved.body).toMatchObject({ status: 'approved', sequence: 2 });
    const cancelled = await call(ctx, 'POST', `/api/v1/visits/${v.id}/cancel`, { token: hangzhou, body: { reason: '行程调整' } });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', sequence: 3 });
    const history = await call(ctx, 'GET', `/api/v1/visits/${v.id}/history`, { token: hangzhou });
    expect(
      history.body.items.map((h: { action: string; fromStatus: string | null; toStatus: string }) => [h.action, h.fromStatus, h.toStatus]),
    ).toEqual([
      ['create', null, 'submitted'],
      ['coordinate', 'submitted', 'coordinated'],
      ['approve', 'coordinated', 'approved'],
      ['cancel', 'approved', 'cancelled'],
    ]);
    expect(history.body.items[3].note).toBe('行程调整');
  });

  it('rejects when the HQ disagrees', async () => {
    const v = await book(hangzhou);
    const res = await call(ctx, 'POST', `/api/v1/visits/${v.id}/coordinate`, {
      token: aksuHq,
      body: { opinion: '受援地近期接待任务重', agree: false },
    });
    expect(res.body.status).toBe('rejected');
  });

  it('refuses approve before coordinate with INVALID_TRANSITION and the current status', async () => {
    const v = await book(hangzhou);
    const res = await call(ctx, 'POST', `/api/v1/visits/${v.id}/approve`, { token: office });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'INVALID_TRANSITION', from: 'submitted', action: 'approve' });
  });

  it.each([
    ['withdraw', 2028, {}],
    ['reject', 2029, { reason: '与年度计划冲突' }],
  ])('frees the batch and person-trips at once on %s', async (action, year, payload) => {
    await call(ctx, 'PUT', `/api/v1/quotas/${year}/units/ningbo`, {
      token: office,
      body: { maxBatches: 1, maxHeadcountPerBatch: 10, maxPersonTrips: 10 },
    });
    const v = await book(ningbo, { startDate: `${year}-03-01`, endDate: `${year}-03-02`, headcount: 10 });
    const before = await call(ctx, 'GET', `/api/v1/quotas/${year}/units/ningbo`, { token: ningbo });
    expect(before.body).toMatchObject({ used: { batches: 1, personTrips: 10 }, remaining: { batches: 0, personTrips: 0 } });
    const token = action === 'withdraw' ? ningbo : office;
    expect((await call(ctx, 'POST', `/api/v1/visits/${v.id}/${action}`, { token, body: payload })).status).toBe(200);
    const after = await call(ctx, 'GET', `/api/v1/quotas/${year}/units/ningbo`, { token: ningbo });
    expect(after.body).toMatchObject({ used: { batches: 0, personTrips: 0 }, remaining: { batches: 1, personTrips: 10 } });
    await book(ningbo, { startDate: `${year}-04-01`, endDate: `${year}-04-02`, headcount: 10 });
  });

  it('frees the cap when an approved visit is cancelled by the office', async () => {
    await call(ctx, 'PUT', '/api/v1/quotas/2030/units/ningbo', {
      token: office,
      body: { maxBatches: 1, maxHeadcountPerBatch: 10, maxPersonTrips: 10 },
    });
    const v = await book(ningbo, { startDate: '2030-03-01', endDate: '2030-03-02' });
    await call(ctx, 'POST', `/api/v1/visits/${v.id}/coordinate`, { token: aksuHq, body: { opinion: '同意', agree: true } });
    await call(ctx, 'POST', `/api/v1/visits/${v.id}/approve`, { token: office });
    const again = await call(ctx, 'POST', '/api/v1/visits', {
      token: ningbo,
      body: mayVisitBody({ startDate: '2030-05-01', endDate: '2030-05-02' }),
    });
    expect(again.body.code).toBe('BATCH_CAP_EXCEEDED');
    expect((await call(ctx, 'POST', `/api/v1/visits/${v.id}/cancel`, { token: office, body: { reason: '计划调整' } })).body.status).toBe(
      'cancelled',
    );
    await book(ningbo, { startDate: '2030-05-01', endDate: '2030-05-02' });
  });
});

describe('edits', () => {
  it('does not count the edited visit twice and sends it back to submitted', async () => {
    await call(ctx, 'PUT', '/api/v1/quotas/2031/units/hangzhou', {
      token: office,
      body: { maxBatches: 1, maxHeadcountPerBatch: 10, maxPersonTrips: 10 },
    });
    const v = await book(hangzhou, { startDate: '2031-03-01', endDate: '2031-03-02', headcount: 10 });
    await call(ctx, 'POST', `/api/v1/visits/${v.id}/coordinate`, { token: aksuHq, body: { opinion: '同意', agree: true } });
    const edited = await call(ctx, 'PATCH', `/api/v1/visits/${v.id}`, {
      token: hangzhou,
      body: { startDate: '2031-04-01', endDate: '2031-04-03' },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ status: 'submitted', sequence: 2, startDate: '2031-04-01', endDate: '2031-04-03', headcount: 10 });
  });

  it('re-checks the new year and frees the old one when the start moves across a year boundary', async () => {
    await call(ctx, 'PUT', '/api/v1/quotas/2032/units/hangzhou', {
      token: office,
      body: { maxBatches: 1, maxHeadcountPerBatch: 10, maxPersonTrips: 100 },
    });
    await call(ctx, 'PUT', '/api/v1/quotas/2033/units/hangzhou', {
      token: office,
      body: { maxBatches: 1, maxHeadcountPerBatch: 10, maxPersonTrips: 100 },
    });
    const full2033 = await book(hangzhou, { startDate: '2033-02-01', endDate: '2033-02-02' });
    // A visit from Dec 30 to Jan 3 counts once, in the year it starts.
    const v = await book(hangzhou, { startDate: '2032-12-30', endDate: '2033-01-03' });
    expect((await call(ctx, 'GET', '/api/v1/quotas/2032/units/hangzhou', { token: hangzhou })).body.used.batches).toBe(1);
    expect((await call(ctx, 'GET', '/api/v1/quotas/2033/units/hangzhou', { token: hangzhou })).body.used.batches).toBe(1);
    const moved = await call(ctx, 'PATCH', `/api/v1/visits/${v.id}`, {
      token: hangzhou,
      body: { startDate: '2033-01-02', endDate: '2033-01-04' },
    });
    expect(moved.status).toBe(409);
    expect(moved.body).toMatchObject({ code: 'BATCH_CAP_EXCEEDED', limit: 1, used: 1 });
    await call(ctx, 'POST', `/api/v1/visits/${full2033.id}/withdraw`, { token: hangzhou });
    const movedNow = await call(ctx, 'PATCH', `/api/v1/visits/${v.id}`, {
      token: hangzhou,
      body: { startDate: '2033-01-02', endDate: '2033-01-04' },
    });
    expect(movedNow.body).toMatchObject({ year: 2033, status: 'submitted' });
    expect((await call(ctx, 'GET', '/api/v1/quotas/2032/units/hangzhou', { token: hangzhou })).body.used.batches).toBe(0);
  });

  it('re-checks the new region when a visit moves there', async () => {
    await call(ctx, 'PUT', '/api/v1/regions/haixi/rules', {
      token: office,
      body: {
        maxConcurrentDelegations: 50,
        minGapDays: 0,
        blackouts: [{ startDate: '2027-06-01', endDate: '2027-06-30', reason: '那达慕' }],
      },
    });
    const v = await book(hangzhou, { startDate: '2027-06-10', endDate: '2027-06-12' });
    const res = await call(ctx, 'PATCH', `/api/v1/visits/${v.id}`, { token: hangzhou, body: { regionId: 'haixi' } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('BLACKOUT_CONFLICT');
    expect((await call(ctx, 'GET', `/api/v1/visits/${v.id}`, { token: hangzhou })).body.regionId).toBe('aksu');
  });

  it('refuses edits once approved', async () => {
    const v = await book(hangzhou, { startDate: '2027-07-01', endDate: '2027-07-02' });
    await call(ctx, 'POST', `/api/v1/visits/${v.id}/coordinate`, { token: aksuHq, body: { opinion: '同意', agree: true } });
    await call(ctx, 'POST', `/api/v1/visits/${v.id}/approve`, { token: office });
    const res = await call(ctx, 'PATCH', `/api/v1/visits/${v.id}`, { token: hangzhou, body: { headcount: 3 } });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'INVALID_TRANSITION', from: 'approved' });
  });
});

describe('role scoping', () => {
  it('hides a unit’s visits from other units (404) and from other regions’ HQs', async () => {
    const v = await book(hangzhou, { startDate: '2027-08-01', endDate: '2027-08-02' });
    expect((await call(ctx, 'GET', `/api/v1/visits/${v.id}`, { token: ningbo })).status).toBe(404);
    expect((await call(ctx, 'PATCH', `/api/v1/visits/${v.id}`, { token: ningbo, body: { headcount: 2 } })).status).toBe(404);
    expect((await call(ctx, 'POST', `/api/v1/visits/${v.id}/withdraw`, { token: ningbo })).status).toBe(404);
    expect((await call(ctx, 'GET', `/api/v1/visits/${v.id}`, { token: nagquHq })).status).toBe(404);
    expect(
      (await call(ctx, 'POST', `/api/v1/visits/${v.id}/coordinate`, { token: nagquHq, body: { opinion: 'x', agree: true } })).status,
    ).toBe(404);
    const list = await call(ctx, 'GET', '/api/v1/visits', { token: ningbo });
    expect(list.body.items.some((i: { id: string }) => i.id === v.id)).toBe(false);
    expect(list.body.items.every((i: { unitId: string }) => i.unitId === 'ningbo')).toBe(true);
    const hqList = await call(ctx, 'GET', '/api/v1/visits', { token: aksuHq });
    expect(hqList.body.items.some((i: { id: string }) => i.id === v.id)).toBe(true);
    expect(hqList.body.items.every((i: { regionId: string }) => i.regionId === 'aksu')).toBe(true);
  });

  it('lets only the region HQ coordinate and only the office approve (403)', async () => {
    const v = await book(hangzhou, { startDate: '2027-08-05', endDate: '2027-08-06' });
    expect(
      (await call(ctx, 'POST', `/api/v1/visits/${v.id}/coordinate`, { token: hangzhou, body: { opinion: 'x', agree: true } })).status,
    ).toBe(403);
    expect(
      (await call(ctx, 'POST', `/api/v1/visits/${v.id}/coordinate`, { token: office, body: { opinion: 'x', agree: true } })).status,
    ).toBe(403);
    await call(ctx, 'POST', `/api/v1/visits/${v.id}/coordinate`, { token: aksuHq, body: { opinion: '同意', agree: true } });
    expect((await call(ctx, 'POST', `/api/v1/visits/${v.id}/approve`, { token: aksuHq })).status).toBe(403);
    expect((await call(ctx, 'POST', `/api/v1/visits/${v.id}/approve`, { token: hangzhou })).status).toBe(403);
    expect((await call(ctx, 'POST', `/api/v1/visits/${v.id}/approve`, { token: office })).status).toBe(200);
  });

  it('ignores nothing from the request about who the unit is', async () => {
    const res = await call(ctx, 'POST', '/api/v1/visits', {
      token: hangzhou,
      body: mayVisitBody({ unitId: 'ningbo', startDate: '2027-09-01', endDate: '2027-09-02' }),
    });
    expect(res.status).toBe(403);
    expect((await call(ctx, 'POST', '/api/v1/visits', { token: aksuHq, body: mayVisitBody() })).status).toBe(403);
  });
});

describe('idempotent retries', () => {
  it('answers the same key with the first visit and stores one', async () => {
    const headers = { 'idempotency-key': 'booking-form-42' };
    const payload = mayVisitBody({ startDate: '2027-10-01', endDate: '2027-10-02' });
    const [a, b] = await Promise.all([
      call(ctx, 'POST', '/api/v1/visits', { token: hangzhou, body: payload, headers }),
      call(ctx, 'POST', '/api/v1/visits', { token: hangzhou, body: payload, headers }),
    ]);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(a.body.id).toBe(b.body.id);
    const third = await call(ctx, 'POST', '/api/v1/visits', { token: hangzhou, body: payload, headers });
    expect(third.body.id).toBe(a.body.id);
    const stored = (await call(ctx, 'GET', '/api/v1/visits?year=2027', { token: hangzhou })).body.items.filter(
      (i: { startDate: string }) => i.startDate === '2027-10-01',
    );
    expect(stored).toHaveLength(1);
    // Another unit's same key is its own booking.
    const other = await call(ctx, 'POST', '/api/v1/visits', { token: ningbo, body: payload, headers });
    expect(other.body.id).not.toBe(a.body.id);
  });
});
