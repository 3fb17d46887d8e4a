// Lists a page at a time on D1, whose SQLite is built with tighter limits than Node's (at most
// 5 terms in a compound SELECT, 100 bound parameters, LIKE patterns of 50 bytes): every filter at
// once, a long Chinese search, and cursors followed to the end give the same visits as on Node.
import { describe, expect, it } from 'vitest';
import type { HttpResponse } from './helpers/http.js';
import type { EdgeSuite } from './helpers/suite.js';
import { day, visitBody, YEAR } from './helpers/visits.js';

const EVERY_STATUS = 'submitted,coordinated,approved,rejected,withdrawn,cancelled';

export function listChecks(edge: EdgeSuite): void {
  describe('paged lists', () => {
    it('follows cursors through every status with all filters and a long search on D1', async () => {
      const office = edge.adminToken;
      // Other checks leave tight caps and rules behind: room for this one's five visits.
      await edge.http.call('PUT', '/api/v1/regions/nagqu/rules', {
        token: office,
        body: { maxConcurrentDelegations: 100, minGapDays: 0, blackouts: [] },
      });
      await edge.http.call('PUT', `/api/v1/quotas/${YEAR}/units/taizhou`, {
        token: office,
        body: { maxBatches: 50, maxHeadcountPerBatch: 50, maxPersonTrips: 1000 },
      });
      const purpose = '赴那曲开展对口支援考察并看望慰问援藏干部人才座谈交流';
      const booked: string[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await edge.http.call('POST', '/api/v1/visits', {
          token: office,
          body: visitBody({ unitId: 'taizhou', regionId: 'nagqu', startDate: day(`07-0${i + 1}`), endDate: day(`07-0${i + 2}`), purpose }),
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        booked.push(res.body.id);
      }
      const query = new URLSearchParams({
        status: EVERY_STATUS,
        regionId: 'nagqu',
        unitId: 'taizhou',
        kind: 'inspection',
        from: day('07-01'),
        to: day('07-31'),
        year: day('01-01').slice(0, 4),
        q: purpose,
        limit: '2',
      });
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 10; page++) {
        const res: HttpResponse = await edge.http.call('GET', `/api/v1/visits?${query}${cursor ? `&cursor=${cursor}` : ''}`, {
          token: office,
        });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        seen.push(...res.body.items.map((v: { id: string }) => v.id));
        cursor = res.body.nextCursor;
        if (!cursor) break;
      }
      expect(seen).toEqual(booked);
      const receptions = await edge.http.call('GET', `/api/v1/receptions?status=submitted,approved,rejected,cancelled&q=${purpose}`, {
        token: office,
      });
      expect(receptions.status, JSON.stringify(receptions.body)).toBe(200);
    });
  });
}
