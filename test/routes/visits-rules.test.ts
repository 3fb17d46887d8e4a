// Every rule refusal of POST /api/v1/visits, each answered 409 (or 422) with its numbers.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { call, createUserAndLogin, loginAdmin } from '../helpers/api.js';
import { visitBody } from '../helpers/visits.js';

let ctx: TestContext;
let office: string;

const visit = (over: Record<string, unknown> = {}) => visitBody({ headcount: 5, ...over });

beforeAll(async () => {
  ctx = await createTestApp();
  office = await loginAdmin(ctx);
  await call(ctx, 'PUT', '/api/v1/quotas/2027', { token: office, body: { maxBatches: 2, maxHeadcountPerBatch: 10, maxPersonTrips: 15 } });
  await call(ctx, 'PUT', '/api/v1/regions/nagqu/rules', {
    token: office,
    body: { maxConcurrentDelegations: 2, minGapDays: 3, blackouts: [{ startDate: '2027-08-01', endDate: '2027-08-10', reason: '赛马节' }] },
  });
});

describe('cap refusals', () => {
  it('refuses a batch beyond maxBatches with limit and used', async () => {
    const unit = await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'ningbo' });
    expect(
      (await call(ctx, 'POST', '/api/v1/visits', { token: unit.token, body: visit({ startDate: '2027-03-01', endDate: '2027-03-02' }) }))
        .status,
    ).toBe(201);
    expect(
      (
        await call(ctx, 'POST', '/api/v1/visits', {
          token: unit.token,
          body: visit({ startDate: '2027-04-01', endDate: '2027-04-02', regionId: 'alar' }),
        })
      ).status,
    ).toBe(201);
    const third = await call(ctx, 'POST', '/api/v1/visits', {
      token: unit.token,
      body: visit({ startDate: '2027-05-01', endDate: '2027-05-02', regionId: 'haixi' }),
    });
    expect(third.status).toBe(409);
    expect(third.headers.get('content-type')).toContain('application/problem+json');
    expect(third.body).toMatchObject({ code: 'BATCH_CAP_EXCEEDED', limit: 2, used: 2, status: 409 });
  });

  it('refuses a delegation larger than the per-batch cap', async () => {
    const unit = await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'wenzhou' });
    const res = await call(ctx, 'POST', '/api/v1/visits', { token: unit.token, body: visit({ headcount: 11 }) });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'HEADCOUNT_CAP_EXCEEDED', limit: 10 });
  });

  it('refuses person-trips beyond the annual cap with limit and used', async () => {
    const unit = await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'jiaxing' });
    expect(
      (
        await call(ctx, 'POST', '/api/v1/visits', {
          token: unit.token,
          body: visit({ headcount: 10, regionId: 'alar', startDate: '2027-06-01', endDate: '2027-06-02' }),
        })
      ).status,
    ).toBe(201);
    const res = await call(ctx, 'POST', '/api/v1/visits', {
      token: unit.token,
      body: visit({ headcount: 6, regionId: 'haixi', startDate: '2027-06-10', endDate: '2027-06-11' }),
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'PERSON_TRIPS_CAP_EXCEEDED', limit: 15, used: 10 });
    // Exactly up to the cap is fine.
    const exact = await call(ctx, 'POST', '/api/v1/visits', {
      token: unit.token,
      body: visit({ headcount: 5, regionId: 'haixi', startDate: '2027-06-10', endDate: '2027-06-11' }),
    });
    expect(exact.status).toBe(201);
  });
});

describe('region refusals', () => {
  it('refuses a third delegation on a day the region holds two, naming the full days', async () => {
    const units = await Promise.all(
      ['huzhou', 'shaoxing', 'jinhua'].map((unitId) => createUserAndLogin(ctx, office, { role: 'unit', unitId })),
    );
    const book = (token: string, startDate: string, endDate: string) =>
      call(ctx, 'POST', '/api/v1/visits', { token, body: visit({ regionId: 'nagqu', startDate, endDate }) });
    expect((await book(units[0]!.token, '2027-09-01', '2027-09-10')).status).toBe(201);
    expect((await book(units[1]!.token, '2027-09-05', '2027-09-12')).status).toBe(201);
    const res = await book(units[2]!.token, '2027-09-09', '2027-09-14');
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'REGION_CAPACITY_EXCEEDED', limit: 2, dates: ['2027-09-09', '2027-09-10'] });
  });

  it('refuses an arrival closer than minGapDays to another, naming the nearest', async () => {
    const a = await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'quzhou' });
    const b = await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'zhoushan' });
    expect(
      (
        await call(ctx, 'POST', '/api/v1/visits', {
          token: a.token,
          body: visit({ regionId: 'nagqu', startDate: '2027-10-10', endDate: '2027-10-11' }),
        })
      ).status,
    ).toBe(201);
    const tooClose = await call(ctx, 'POST', '/api/v1/visits', {
      token: b.token,
      body: visit({ regionId: 'nagqu', startDate: '2027-10-12', endDate: '2027-10-13' }),
    });
    expect(tooClose.status).toBe(409);
    expect(tooClose.body).toMatchObject({ code: 'REGION_SPACING_VIOLATION', minGapDays: 3, nearest: '2027-10-10' });
    // Exactly minGapDays apart is allowed.
    const spaced = await call(ctx, 'POST', '/api/v1/visits', {
      token: b.token,
      body: visit({ regionId: 'nagqu', startDate: '2027-10-13', endDate: '2027-10-14' }),
    });
    expect(spaced.status).toBe(201);
  });

  it('refuses a visit touching a blackout, even by its last day', async () => {
    const unit = await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'taizhou' });
    const res = await call(ctx, 'POST', '/api/v1/visits', {
      token: unit.token,
      body: visit({ regionId: 'nagqu', startDate: '2027-07-28', endDate: '2027-08-01' }),
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'BLACKOUT_CONFLICT',
      blackout: { startDate: '2027-08-01', endDate: '2027-08-10', reason: '赛马节' },
    });
    const dayAfter = await call(ctx, 'POST', '/api/v1/visits', {
      token: unit.token,
      body: visit({ regionId: 'nagqu', startDate: '2027-08-11', endDate: '2027-08-12' }),
    });
    expect(dayAfter.status).toBe(201);
  });
});

describe('validation (422 with paths)', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['a start date already past', { startDate: '2027-01-09', endDate: '2027-01-12' }, 'startDate'],
    ['an impossible calendar date', { startDate: '2027-02-30', endDate: '2027-03-02' }, 'startDate'],
    ['end before start', { startDate: '2027-03-05', endDate: '2027-03-04' }, 'endDate'],
    ['more than 31 days', { startDate: '2027-03-01', endDate: '2027-04-01' }, 'endDate'],
    ['headcount below 1', { headcount: 0 }, 'headcount'],
    ['an unknown region', { regionId: 'atlantis' }, 'regionId'],
    ['a wrong kind', { kind: 'holiday' }, 'kind'],
    ['an unexpected field', { colour: 'red' }, ''],
  ];
  it.each(cases)('refuses %s', async (_label, over, path) => {
    const unit = await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'lishui' });
    const res = await call(ctx, 'POST', '/api/v1/visits', { token: unit.token, body: visit(over) });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('accepts exactly 31 days and a start date of today', async () => {
    const unit = await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'lishui' });
    const res = await call(ctx, 'POST', '/api/v1/visits', {
      token: unit.token,
      body: visit({ regionId: 'haixi', startDate: '2027-01-10', endDate: '2027-02-09' }),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'submitted', sequence: 0, unitId: 'lishui', year: 2027, warnings: [] });
  });
});
