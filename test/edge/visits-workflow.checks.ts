// The concurrency promise and the workflow in workerd on D1: of 50 simultaneous bookings for the
// last batch exactly one lands (checked in the stored rows through a separate connection), and
// coordinate → approve → cancel, withdraw, and a wrong-state action behave as on Node.
import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './helpers/http.js';
import type { EdgeSuite } from './helpers/suite.js';
import { day, visitBody, YEAR } from './helpers/visits.js';

export function visitWorkflowChecks(edge: EdgeSuite): void {
  describe('simultaneous bookings', () => {
    it('gives exactly one 201 and 49 × 409 when 50 requests race for the last batch', async () => {
      const office = edge.adminToken;
      const unit = await edge.http.createUser(office, { role: 'unit', unitId: 'hangzhou' });
      await edge.http.call('PUT', `/api/v1/quotas/${YEAR}/units/hangzhou`, {
        token: office,
        body: { maxBatches: 3, maxHeadcountPerBatch: 10, maxPersonTrips: 500 },
      });
      await edge.http.call('PUT', '/api/v1/regions/alar/rules', {
        token: office,
        body: { maxConcurrentDelegations: 100, minGapDays: 0, blackouts: [] },
      });
      for (const startDate of [day('03-01'), day('03-10')]) {
        const res = await edge.http.call('POST', '/api/v1/visits', {
          token: unit.token,
          body: visitBody({ regionId: 'alar', startDate, endDate: startDate, headcount: 3 }),
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
      }

      const race = visitBody({ regionId: 'alar', startDate: day('06-01'), endDate: day('06-02'), headcount: 3 });
      const results = await Promise.all(
        Array.from({ length: 50 }, () => edge.http.call('POST', '/api/v1/visits', { token: unit.token, body: race })),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(49);
      for (const refused of results.filter((r) => r.status === 409)) {
        expectProblem(refused, 409, 'BATCH_CAP_EXCEEDED');
        expect(refused.body).toMatchObject({ limit: 3, used: 3 });
      }

      const [visits, audits] = await edge.stored([
        `SELECT count(*) AS n FROM visits WHERE unit_id = 'hangzhou' AND year = ${YEAR}`,
        `SELECT count(*) AS n FROM audit_log WHERE entity = 'visit' AND action = 'create' AND entity_id IN (SELECT id FROM visits WHERE unit_id = 'hangzhou')`,
      ]);
      expect([visits, audits]).toEqual([[{ n: 3 }], [{ n: 3 }]]);
    });
  });

  describe('transitions', () => {
    let office: string;
    let shaoxing: string;
    let haixiHq: string;

    beforeAll(async () => {
      if (edge.startError !== undefined) return; // the checks below then fail with it
      office = edge.adminToken;
      shaoxing = (await edge.http.createUser(office, { role: 'unit', unitId: 'shaoxing' })).token;
      haixiHq = (await edge.http.createUser(office, { role: 'hq', regionId: 'haixi' })).token;
      // Room for every visit below: they are not what this block is about.
      await edge.http.call('PUT', `/api/v1/quotas/${YEAR}/units/shaoxing`, {
        token: office,
        body: { maxBatches: 20, maxHeadcountPerBatch: 10, maxPersonTrips: 500 },
      });
    });

    const book = async (startDate: string) => {
      const res = await edge.http.call('POST', '/api/v1/visits', {
        token: shaoxing,
        body: visitBody({ regionId: 'haixi', startDate, endDate: startDate }),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body as { id: string };
    };
    const act = (id: string, action: string, token: string, body?: unknown) =>
      edge.http.call('POST', `/api/v1/visits/${id}/${action}`, { token, body });

    it('runs submitted → coordinated → approved → cancelled, bumping sequence, with history', async () => {
      const v = await book(day('11-02'));
      const coordinated = await act(v.id, 'coordinate', haixiHq, { opinion: '已与受援地衔接', agree: true });
      expect(coordinated.body).toMatchObject({ status: 'coordinated', sequence: 1, coordinationOpinion: '已与受援地衔接' });
      expect((await act(v.id, 'approve', office)).body).toMatchObject({ status: 'approved', sequence: 2 });
      const cancelled = await act(v.id, 'cancel', shaoxing, { reason: '行程调整' });
      expect(cancelled.body).toMatchObject({ status: 'cancelled', sequence: 3 });

      const history = await edge.http.call('GET', `/api/v1/visits/${v.id}/history`, { token: shaoxing });
      expect(
        history.body.items.map((h: { action: string; fromStatus: string | null; toStatus: string }) => [
          h.action,
          h.fromStatus,
          h.toStatus,
        ]),
      ).toEqual([
        ['create', null, 'submitted'],
        ['coordinate', 'submitted', 'coordinated'],
        ['approve', 'coordinated', 'approved'],
        ['cancel', 'approved', 'cancelled'],
      ]);
    });

    it('lets the owner unit withdraw a submitted visit', async () => {
      const v = await book(day('11-05'));
      expect((await act(v.id, 'withdraw', shaoxing)).body).toMatchObject({ status: 'withdrawn', sequence: 1 });
    });

    it('refuses approve before coordinate with 409 INVALID_TRANSITION {from, action}', async () => {
      const v = await book(day('11-08'));
      const res = await act(v.id, 'approve', office);
      expectProblem(res, 409, 'INVALID_TRANSITION');
      expect(res.body).toMatchObject({ from: 'submitted', action: 'approve' });
    });

    it('lets only the region HQ coordinate and only the office approve (403); other HQs do not see it (404)', async () => {
      const v = await book(day('11-11'));
      expectProblem(await act(v.id, 'coordinate', office, { opinion: '同意', agree: true }), 403, 'FORBIDDEN');
      const aksuHq = (await edge.http.createUser(office, { role: 'hq', regionId: 'aksu' })).token;
      expectProblem(await act(v.id, 'coordinate', aksuHq, { opinion: '同意', agree: true }), 404, 'NOT_FOUND');
      await act(v.id, 'coordinate', haixiHq, { opinion: '同意', agree: true });
      expectProblem(await act(v.id, 'approve', shaoxing), 403, 'FORBIDDEN');
    });
  });
}
