// Section 4: slot search over a whole year in a region holding 2,000 counted visits, through
// GET /api/v1/plan/slots and through the pure findSlots on the same visits and rules.
import { regionVisitsAround } from '../../src/db/repo/booking-context.js';
import { findSlots } from '../../src/domain/slots.js';
import { benchApp } from './lib/app.js';
import { seedVisits } from './lib/seed.js';
import { summarise, timeLoop, type Summary } from './lib/stats.js';

export interface SlotResult {
  visits: number;
  route: Summary & { slots: number };
  pure: Summary & { slots: number };
}

export async function benchSlots(options: { runs: number }): Promise<SlotResult> {
  const bench = await benchApp();
  try {
    const visits = 2_000;
    await seedVisits(bench.database.client, {
      count: visits,
      unitIds: ['hangzhou', 'ningbo', 'wenzhou', 'jiaxing', 'huzhou', 'shaoxing'],
      regionIds: ['aksu'],
      fromYear: 2027,
      toYear: 2027,
      countedOnly: true,
      actorId: bench.officeId,
      seed: 11,
    });
    // 2,000 visits of 1..10 days keep about 30 delegations in the region on an average day, so
    // with room for 25 most windows are refused and the search walks the whole year.
    await bench.ok('PUT', '/api/v1/regions/aksu/rules', {
      token: bench.officeToken,
      body: {
        maxConcurrentDelegations: 25,
        minGapDays: 0,
        blackouts: [{ startDate: '2027-02-05', endDate: '2027-02-20', reason: '春节' }],
      },
    });
    const query = '/api/v1/plan/slots?regionId=aksu&days=5&headcount=5&from=2027-01-11&to=2027-12-31&limit=50';
    const check = await bench.request('GET', query, { token: bench.officeToken });
    if (check.status !== 200) throw new Error(`slots: ${check.status} ${check.text.slice(0, 300)}`);
    const routeSamples = await timeLoop(() => bench.request('GET', query, { token: bench.officeToken }), {
      count: options.runs,
      maxMs: 20_000,
    });

    const rules = (await bench.ok('GET', '/api/v1/regions', { token: bench.officeToken })).items.find(
      (r: { id: string }) => r.id === 'aksu',
    ).rules;
    const regionVisits = await regionVisitsAround(bench.database.db, {
      regionId: 'aksu',
      from: '2027-01-11',
      to: '2027-12-31',
      minGapDays: 0,
    });
    const input = { rules, regionVisits, days: 5, from: '2027-01-11', to: '2027-12-31', limit: 50, capsRefusal: () => null };
    const pureSlots = findSlots(input).length;
    const pureSamples = await timeLoop(() => findSlots(input), { count: options.runs * 5, maxMs: 10_000 });
    return {
      visits: regionVisits.length,
      route: { ...summarise(routeSamples), slots: check.body.slots.length },
      pure: { ...summarise(pureSamples), slots: pureSlots },
    };
  } finally {
    bench.close();
  }
}
