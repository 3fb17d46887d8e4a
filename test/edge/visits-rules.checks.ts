// Annual caps and booking refusals in workerd on D1: every rule answers 409 with its numbers,
// each from one guarded INSERT … SELECT … WHERE in a D1 batch (docs/ARCHITECTURE.md, "The one rule about writes").
import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './helpers/http.js';
import type { EdgeSuite } from './helpers/suite.js';
import { day, visitBody, YEAR } from './helpers/visits.js';

export function visitRuleChecks(edge: EdgeSuite): void {
  const book = (token: string, over: Record<string, unknown>) => edge.http.call('POST', '/api/v1/visits', { token, body: visitBody(over) });

  beforeAll(async () => {
    if (edge.startError !== undefined) return; // the checks below then fail with it
    const office = edge.adminToken;
    const caps = await edge.http.call('PUT', `/api/v1/quotas/${YEAR}`, {
      token: office,
      body: { maxBatches: 2, maxHeadcountPerBatch: 10, maxPersonTrips: 15 },
    });
    expect(caps.status).toBe(200);
    const rules = {
      maxConcurrentDelegations: 2,
      minGapDays: 3,
      blackouts: [{ startDate: day('08-01'), endDate: day('08-10'), reason: '赛马节' }],
    };
    const region = await edge.http.call('PUT', '/api/v1/regions/nagqu/rules', { token: office, body: rules });
    expect(region.status, JSON.stringify(region.body)).toBe(200);
    expect(region.body.rules).toEqual(rules);
  });

  describe('quotas', () => {
    it("reports a unit's limits, usage and remaining, and an override replaces the year's default", async () => {
      const unit = await edge.http.createUser(edge.adminToken, { role: 'unit', unitId: 'lishui' });
      const before = await edge.http.call('GET', `/api/v1/quotas/${YEAR}/units/lishui`, { token: unit.token });
      expect(before.body).toEqual({
        year: YEAR,
        unitId: 'lishui',
        limits: { maxBatches: 2, maxHeadcountPerBatch: 10, maxPersonTrips: 15 },
        used: { batches: 0, personTrips: 0 },
        remaining: { batches: 2, personTrips: 15 },
      });
      const limits = { maxBatches: 4, maxHeadcountPerBatch: 12, maxPersonTrips: 40 };
      const set = await edge.http.call('PUT', `/api/v1/quotas/${YEAR}/units/lishui`, { token: edge.adminToken, body: limits });
      expect(set.status).toBe(200);
      expect((await book(unit.token, { regionId: 'haixi', headcount: 12 })).status).toBe(201);
      const after = await edge.http.call('GET', `/api/v1/quotas/${YEAR}/units/lishui`, { token: unit.token });
      expect(after.body).toMatchObject({ limits, used: { batches: 1, personTrips: 12 }, remaining: { batches: 3, personTrips: 28 } });
    });

    it('only the office sets quotas (403)', async () => {
      const unit = await edge.http.createUser(edge.adminToken, { role: 'unit', unitId: 'lishui' });
      const res = await edge.http.call('PUT', `/api/v1/quotas/${YEAR}`, {
        token: unit.token,
        body: { maxBatches: 99, maxHeadcountPerBatch: 99, maxPersonTrips: 999 },
      });
      expectProblem(res, 403, 'FORBIDDEN');
    });
  });

  describe('booking refusals', () => {
    it('BATCH_CAP_EXCEEDED beyond maxBatches, with limit and used', async () => {
      const unit = await edge.http.createUser(edge.adminToken, { role: 'unit', unitId: 'ningbo' });
      const first = await book(unit.token, { startDate: day('03-01'), endDate: day('03-02') });
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      expect(first.body).toMatchObject({ unitId: 'ningbo', status: 'submitted', sequence: 0, year: YEAR, warnings: [] });
      expect((await book(unit.token, { regionId: 'alar', startDate: day('04-01'), endDate: day('04-02') })).status).toBe(201);
      const third = await book(unit.token, { regionId: 'haixi', startDate: day('05-01'), endDate: day('05-02') });
      expectProblem(third, 409, 'BATCH_CAP_EXCEEDED');
      expect(third.body).toMatchObject({ limit: 2, used: 2 });
    });

    it('HEADCOUNT_CAP_EXCEEDED for a delegation over the per-batch cap', async () => {
      const unit = await edge.http.createUser(edge.adminToken, { role: 'unit', unitId: 'wenzhou' });
      const res = await book(unit.token, { headcount: 11 });
      expectProblem(res, 409, 'HEADCOUNT_CAP_EXCEEDED');
      expect(res.body).toMatchObject({ limit: 10 });
    });

    it('PERSON_TRIPS_CAP_EXCEEDED beyond the annual person-trips, exactly up to it is fine', async () => {
      const unit = await edge.http.createUser(edge.adminToken, { role: 'unit', unitId: 'jiaxing' });
      expect((await book(unit.token, { headcount: 10, regionId: 'alar', startDate: day('06-01'), endDate: day('06-02') })).status).toBe(
        201,
      );
      const res = await book(unit.token, { headcount: 6, regionId: 'haixi', startDate: day('06-10'), endDate: day('06-11') });
      expectProblem(res, 409, 'PERSON_TRIPS_CAP_EXCEEDED');
      expect(res.body).toMatchObject({ limit: 15, used: 10 });
      expect((await book(unit.token, { headcount: 5, regionId: 'haixi', startDate: day('06-10'), endDate: day('06-11') })).status).toBe(
        201,
      );
    });

    it('REGION_CAPACITY_EXCEEDED on the days the region already holds two, naming them', async () => {
      const units = await Promise.all(
        ['huzhou', 'shaoxing', 'jinhua'].map((unitId) => edge.http.createUser(edge.adminToken, { role: 'unit', unitId })),
      );
      expect((await book(units[0]!.token, { regionId: 'nagqu', startDate: day('09-01'), endDate: day('09-10') })).status).toBe(201);
      expect((await book(units[1]!.token, { regionId: 'nagqu', startDate: day('09-05'), endDate: day('09-12') })).status).toBe(201);
      const res = await book(units[2]!.token, { regionId: 'nagqu', startDate: day('09-09'), endDate: day('09-14') });
      expectProblem(res, 409, 'REGION_CAPACITY_EXCEEDED');
      expect(res.body).toMatchObject({ limit: 2, dates: [day('09-09'), day('09-10')] });
    });

    it('REGION_SPACING_VIOLATION for an arrival closer than minGapDays, naming the nearest', async () => {
      const a = await edge.http.createUser(edge.adminToken, { role: 'unit', unitId: 'quzhou' });
      const b = await edge.http.createUser(edge.adminToken, { role: 'unit', unitId: 'zhoushan' });
      expect((await book(a.token, { regionId: 'nagqu', startDate: day('10-10'), endDate: day('10-11') })).status).toBe(201);
      const tooClose = await book(b.token, { regionId: 'nagqu', startDate: day('10-12'), endDate: day('10-13') });
      expectProblem(tooClose, 409, 'REGION_SPACING_VIOLATION');
      expect(tooClose.body).toMatchObject({ minGapDays: 3, nearest: day('10-10') });
      expect((await book(b.token, { regionId: 'nagqu', startDate: day('10-13'), endDate: day('10-14') })).status).toBe(201);
    });

    it('BLACKOUT_CONFLICT for a visit touching a blackout by its last day', async () => {
      const unit = await edge.http.createUser(edge.adminToken, { role: 'unit', unitId: 'taizhou' });
      const res = await book(unit.token, { regionId: 'nagqu', startDate: day('07-28'), endDate: day('08-01') });
      expectProblem(res, 409, 'BLACKOUT_CONFLICT');
      expect(res.body).toMatchObject({ blackout: { startDate: day('08-01'), endDate: day('08-10'), reason: '赛马节' } });
      expect((await book(unit.token, { regionId: 'nagqu', startDate: day('08-11'), endDate: day('08-12') })).status).toBe(201);
    });

    it('422 for a start date already past and for end before start', async () => {
      const unit = await edge.http.createUser(edge.adminToken, { role: 'unit', unitId: 'taizhou' });
      const past = await book(unit.token, { startDate: day('03-01', YEAR - 2), endDate: day('03-02', YEAR - 2) });
      expectProblem(past, 422, 'VALIDATION_FAILED');
      expect(past.body.errors.map((e: { path: string }) => e.path)).toContain('startDate');
      const backwards = await book(unit.token, { startDate: day('03-05'), endDate: day('03-04') });
      expectProblem(backwards, 422, 'VALIDATION_FAILED');
      expect(backwards.body.errors.map((e: { path: string }) => e.path)).toContain('endDate');
    });
  });
}
