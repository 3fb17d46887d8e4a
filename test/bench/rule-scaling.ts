// Section 2: does the booking rule check stay cheap as history grows? The same bookings, under
// the same rules, timed through the app against a database holding 200 visits and one holding
// 200,000 (seeded in bulk, spread over 60 units, the four regions, 40 years and every status).
// Bookings alternate between the two databases so background load hits both alike.
import { addDays } from '../../src/domain/dates.js';
import { benchApp, type BenchApp } from './lib/app.js';
import { ensureDepartments, REGION_IDS, seedVisits } from './lib/seed.js';
import { summarise, type Summary } from './lib/stats.js';

export interface ScalingResult {
  small: Summary & { stored: number; cpu: Summary };
  large: Summary & { stored: number; cpu: Summary };
  seedSeconds: number;
}

const YEARS = [2027, 2028];

async function prepare(count: number): Promise<{ bench: BenchApp; token: string; seedMs: number }> {
  const bench = await benchApp();
  const t0 = performance.now();
  const unitIds = await ensureDepartments(bench.database.client, 49);
  await seedVisits(bench.database.client, { count, unitIds, fromYear: 2000, toYear: 2039, actorId: bench.officeId, seed: 7 });
  // No ANALYZE: a deployed database never gets one, so the planner works without statistics here too.
  const seedMs = performance.now() - t0;
  for (const year of YEARS) {
    await bench.ok('PUT', `/api/v1/quotas/${year}`, {
      token: bench.officeToken,
      body: { maxBatches: 10_000, maxHeadcountPerBatch: 100, maxPersonTrips: 1_000_000 },
    });
  }
  for (const regionId of REGION_IDS) {
    await bench.ok('PUT', `/api/v1/regions/${regionId}/rules`, {
      token: bench.officeToken,
      body: { maxConcurrentDelegations: 100, minGapDays: 0, blackouts: [] },
    });
  }
  return { bench, token: await bench.unitToken('hangzhou'), seedMs };
}

function booking(i: number) {
  const start = addDays('2027-02-01', (i * 7) % 680);
  const condolence = i % 5 === 0;
  return {
    regionId: REGION_IDS[i % REGION_IDS.length],
    kind: condolence ? 'condolence' : 'inspection',
    startDate: start,
    endDate: addDays(start, i % 5),
    headcount: 3 + (i % 8),
    leaderName: '带队领导',
    leaderTitle: '副市长',
    purpose: '考察对接援建项目',
    ...(condolence ? { cadresVisited: 4, consolationYuan: 20_000 } : {}),
  };
}

export async function benchRuleScaling(options: { bookings: number; largeCount: number; smallCount: number }): Promise<ScalingResult> {
  const started = performance.now();
  const small = await prepare(options.smallCount);
  const large = await prepare(options.largeCount);
  const seedSeconds = (performance.now() - started) / 1000;
  try {
    const samples = { small: [] as number[], large: [] as number[] };
    // CPU time of this process per booking (the database runs in-process): unlike wall time it
    // does not grow when other processes share the CPUs.
    const cpuSamples = { small: [] as number[], large: [] as number[] };
    const book = async (side: 'small' | 'large', i: number, record: boolean) => {
      const target = side === 'small' ? small : large;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const res = await target.bench.request('POST', '/api/v1/visits', { token: target.token, body: booking(i) });
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(c0);
      if (res.status !== 201) throw new Error(`rule-scaling booking ${i} on ${side}: ${res.status} ${res.text.slice(0, 300)}`);
      if (record) {
        samples[side].push(ms);
        cpuSamples[side].push((cpu.user + cpu.system) / 1000);
      }
    };
    for (let i = 0; i < 50; i++) {
      await book('small', 100_000 + i, false);
      await book('large', 100_000 + i, false);
    }
    for (let i = 0; i < options.bookings; i++) {
      // Alternate which side goes first, so neither always follows the other's write.
      const order: ('small' | 'large')[] = i % 2 ? ['small', 'large'] : ['large', 'small'];
      for (const side of order) await book(side, i, true);
    }
    const count = async (b: BenchApp) => Number((await b.database.client.execute('SELECT count(*) FROM visits')).rows[0]![0]);
    return {
      small: { ...summarise(samples.small), stored: await count(small.bench), cpu: summarise(cpuSamples.small) },
      large: { ...summarise(samples.large), stored: await count(large.bench), cpu: summarise(cpuSamples.large) },
      seedSeconds,
    };
  } finally {
    small.bench.close();
    large.bench.close();
  }
}
