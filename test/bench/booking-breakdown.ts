// Where a booking's time goes, for section 1's missed target: CPU time per step, in process,
// on a fresh database (the same calls the POST /api/v1/visits handler makes).
import { findSession } from '../../src/db/repo/users.js';
import { insertGuardedVisit } from '../../src/db/repo/visit-writes.js';
import { addDays } from '../../src/domain/dates.js';
import { benchApp } from './lib/app.js';
import { CITY_IDS, REGION_IDS } from './lib/seed.js';

export interface BreakdownRow {
  step: string;
  cpuMicros: number;
}

async function cpuPerCall(n: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  // A long warm-up: until V8 has compiled each path, its background compiler threads count in cpuUsage.
  for (let i = 0; i < Math.min(1_000, n); i++) await fn(1_000_000 + i);
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) await fn(i);
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / n;
}

export async function benchBookingBreakdown(options: { calls: number }): Promise<BreakdownRow[]> {
  const bench = await benchApp();
  try {
    await bench.ok('PUT', '/api/v1/quotas/2027', {
      token: bench.officeToken,
      body: { maxBatches: 10_000, maxHeadcountPerBatch: 100, maxPersonTrips: 1_000_000 },
    });
    for (const regionId of REGION_IDS) {
      await bench.ok('PUT', `/api/v1/regions/${regionId}/rules`, {
        token: bench.officeToken,
        body: { maxConcurrentDelegations: 100, minGapDays: 0, blackouts: [] },
      });
    }
    const unitToken = await bench.unitToken('hangzhou');
    const fields = (i: number) => {
      const start = addDays('2027-02-01', Math.floor(i / 4) % 300);
      return {
        regionId: REGION_IDS[i % 4]!,
        kind: 'inspection' as const,
        startDate: start,
        endDate: start,
        headcount: 3,
        leaderName: '带队领导',
        leaderTitle: null,
        purpose: '考察',
        cadresVisited: null,
        consolationYuan: null,
      };
    };
    const db = bench.database.db;
    const now = new Date('2027-01-10T02:00:00.000Z');
    const rows: BreakdownRow[] = [];
    rows.push({
      step: 'GET /healthz (app.request)',
      cpuMicros: await cpuPerCall(options.calls, async () => bench.app.request('/healthz')),
    });
    rows.push({
      step: 'SELECT 1 through @libsql/client',
      cpuMicros: await cpuPerCall(options.calls, () => bench.database.client.execute('SELECT 1')),
    });
    rows.push({
      step: 'session lookup (findSession: SHA-256 + prepared join)',
      cpuMicros: await cpuPerCall(options.calls, () => findSession(db, unitToken, 'api', now)),
    });
    rows.push({
      step: 'guarded write (createVisit: guard INSERT … RETURNING and its audit row, in one batch)',
      cpuMicros: await cpuPerCall(options.calls, (i) =>
        insertGuardedVisit(db, {
          fields: fields(i + 5_000),
          unitId: CITY_IDS[i % CITY_IDS.length]!,
          actorId: bench.officeId,
          now,
          idempotencyKey: null,
        }),
      ),
    });
    rows.push({
      step: 'POST /api/v1/visits refused by validation, 422 (app.request)',
      cpuMicros: await cpuPerCall(options.calls, (i) =>
        bench.request('POST', '/api/v1/visits', { token: unitToken, body: { ...fields(i), headcount: -1 } }),
      ),
    });
    rows.push({
      step: 'whole POST /api/v1/visits (app.request)',
      cpuMicros: await cpuPerCall(options.calls, (i) =>
        bench.request('POST', '/api/v1/visits', {
          token: unitToken,
          body: { ...fields(i + 20_000), leaderTitle: undefined, cadresVisited: undefined, consolationYuan: undefined },
        }),
      ),
    });
    return rows;
  } finally {
    bench.close();
  }
}
