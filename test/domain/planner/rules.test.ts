// The planner's rules one at a time, on hand-made plans with fixed dates: which request is
// placed where, and the code an unplaced one gets (the first rule checkBooking names at its
// best candidate start).
import { describe, expect, it } from 'vitest';
import { solvePlan, type PlanInput, type PlanRequest, type UnplacedCode } from '../../../src/domain/planner/index.js';
import type { PlacedVisit, QuotaLimits, QuotaUsage, RegionRules } from '../../../src/domain/types.js';

const RULES: RegionRules = { maxConcurrentDelegations: 1, minGapDays: 0, blackouts: [] };
const LIMITS: QuotaLimits = { maxBatches: 3, maxHeadcountPerBatch: 10, maxPersonTrips: 30 };

function request(id: string, over: Partial<PlanRequest> = {}): PlanRequest {
  return {
    id,
    unitId: 'u1',
    regionId: 'r1',
    kind: 'inspection',
    days: 3,
    headcount: 5,
    earliest: '2027-04-01',
    latest: '2027-04-30',
    priority: 2,
    ...over,
  };
}

function visit(startDate: string, endDate: string): PlacedVisit {
  return { id: `v-${startDate}`, unitId: 'other', regionId: 'r1', headcount: 5, startDate, endDate };
}

interface Plan {
  requests: PlanRequest[];
  rules?: Partial<RegionRules>;
  limits?: Partial<QuotaLimits>;
  usage?: QuotaUsage;
  existing?: PlacedVisit[];
  today?: string;
}

function plan({ requests, rules, limits, usage, existing = [], today = '2027-03-01' }: Plan): PlanInput {
  return {
    year: 2027,
    requests,
    regions: { r1: { ...RULES, ...rules } },
    existingVisits: existing,
    limitsByUnit: { u1: { ...LIMITS, ...limits } },
    usageByUnit: usage ? { u1: usage } : {},
    today,
    timeLimitMs: 30_000,
  };
}

function codeOf(input: PlanInput, requestId: string): UnplacedCode | 'placed' {
  const proposal = solvePlan(input);
  return proposal.unplaced.find((u) => u.requestId === requestId)?.code ?? 'placed';
}

describe('why a request stays unplaced', () => {
  const cases: [string, Plan, UnplacedCode | 'placed'][] = [
    ['fits: placed', { requests: [request('t')] }, 'placed'],
    [
      'window shorter than the visit',
      { requests: [request('t', { days: 5, earliest: '2027-04-01', latest: '2027-04-04' })] },
      'WINDOW_TOO_NARROW',
    ],
    [
      'window exactly as long as the visit: placed',
      { requests: [request('t', { days: 4, earliest: '2027-04-01', latest: '2027-04-04' })] },
      'placed',
    ],
    ['window entirely before today', { requests: [request('t', { earliest: '2027-02-01', latest: '2027-02-20' })] }, 'WINDOW_TOO_NARROW'],
    [
      'window ends before a visit starting today could end',
      { requests: [request('t', { earliest: '2027-02-20', latest: '2027-03-02' })] },
      'WINDOW_TOO_NARROW',
    ],
    [
      'every start in the next year (the plan year caps the start)',
      { requests: [request('t', { earliest: '2028-01-01', latest: '2028-01-20' })] },
      'WINDOW_TOO_NARROW',
    ],
    ['more people than one batch may take', { requests: [request('t', { headcount: 11 })] }, 'HEADCOUNT_CAP_EXCEEDED'],
    ['the year\u2019s batches already used', { requests: [request('t')], usage: { batches: 3, personTrips: 10 } }, 'BATCH_CAP_EXCEEDED'],
    [
      'the year\u2019s person-trips would be exceeded',
      { requests: [request('t', { headcount: 6 })], usage: { batches: 1, personTrips: 25 } },
      'PERSON_TRIPS_CAP_EXCEEDED',
    ],
    [
      'batches taken by the unit\u2019s more important requests',
      {
        requests: [
          request('a', { priority: 1 }),
          request('b', { priority: 1, earliest: '2027-05-01', latest: '2027-05-20' }),
          request('t', { priority: 3, earliest: '2027-06-01', latest: '2027-06-20' }),
        ],
        limits: { maxBatches: 2 },
      },
      'BATCH_CAP_EXCEEDED',
    ],
    [
      'every day of the window full',
      { requests: [request('t', { earliest: '2027-04-01', latest: '2027-04-10' })], existing: [visit('2027-04-01', '2027-04-10')] },
      'REGION_CAPACITY_EXCEEDED',
    ],
    [
      'every start too close to a booked arrival',
      {
        requests: [request('t', { earliest: '2027-04-08', latest: '2027-04-16' })],
        rules: { maxConcurrentDelegations: 5, minGapDays: 7 },
        existing: [visit('2027-04-10', '2027-04-11')],
      },
      'REGION_SPACING_VIOLATION',
    ],
    [
      'the window inside a blackout',
      {
        requests: [request('t', { earliest: '2027-04-05', latest: '2027-04-12' })],
        rules: { blackouts: [{ startDate: '2027-04-01', endDate: '2027-04-15', reason: '清明' }] },
      },
      'BLACKOUT_CONFLICT',
    ],
    [
      // Apr 2 (preferred) breaks the blackout, capacity and spacing; Apr 4 breaks only spacing.
      'the start breaking the fewest rules names the reason, not the preferred one',
      {
        requests: [request('t', { days: 2, earliest: '2027-04-01', latest: '2027-04-06', preferredStart: '2027-04-02' })],
        rules: { minGapDays: 3, blackouts: [{ startDate: '2027-04-02', endDate: '2027-04-02', reason: 'local event' }] },
        existing: [visit('2027-04-03', '2027-04-03')],
      },
      'REGION_SPACING_VIOLATION',
    ],
    [
      'next-year days count: a 6-day visit starting Dec 27 or 28 would overlap a booked Jan 1–3',
      {
        requests: [request('t', { days: 6, earliest: '2027-12-27', latest: '2028-01-02' })],
        existing: [visit('2028-01-01', '2028-01-03')],
      },
      'REGION_CAPACITY_EXCEEDED',
    ],
  ];

  it.each(cases)('%s', (_, given, expected) => {
    expect(codeOf(plan(given), 't')).toBe(expected);
  });
});

describe('where requests go', () => {
  it('no requests, no proposal', () => {
    const proposal = solvePlan(plan({ requests: [] }));
    expect([proposal.placements, proposal.unplaced, proposal.objective]).toEqual([
      [],
      [],
      { placedWeight: 0, totalDeviationDays: 0, spreadPenalty: 0 },
    ]);
  });

  it('never before today, as close to the preferred day as the rest allows', () => {
    const proposal = solvePlan(
      plan({
        requests: [request('t', { earliest: '2027-02-20', latest: '2027-03-20', preferredStart: '2027-02-25' })],
        today: '2027-03-01',
      }),
    );
    expect(proposal.placements.map((p) => [p.startDate, p.endDate])).toEqual([['2027-03-01', '2027-03-03']]);
    expect(proposal.objective.totalDeviationDays).toBe(4);
  });

  it('without a preferred day, as early as possible, deviation counted from earliest', () => {
    const proposal = solvePlan(
      plan({ requests: [request('t', { earliest: '2027-04-10', latest: '2027-04-30' })], existing: [visit('2027-04-10', '2027-04-11')] }),
    );
    expect(proposal.placements[0]?.startDate).toBe('2027-04-12');
    expect(proposal.objective.totalDeviationDays).toBe(2);
  });

  it('a visit starting Dec 30 runs into the next year and occupies those days', () => {
    const proposal = solvePlan(
      plan({
        requests: [
          request('a', { priority: 1, days: 5, earliest: '2027-12-30', latest: '2028-01-03' }),
          request('t', { priority: 2, days: 2, earliest: '2027-12-31', latest: '2028-01-01' }),
        ],
      }),
    );
    expect(proposal.placements).toEqual([{ requestId: 'a', unitId: 'u1', regionId: 'r1', startDate: '2027-12-30', endDate: '2028-01-03' }]);
    expect(proposal.unplaced).toEqual([{ requestId: 't', code: 'REGION_CAPACITY_EXCEEDED' }]);
  });

  it('priority 1 wins a contested slot over priority 3', () => {
    const proposal = solvePlan(
      plan({
        requests: [
          request('low', { priority: 3, earliest: '2027-04-01', latest: '2027-04-03' }),
          request('high', { priority: 1, earliest: '2027-04-01', latest: '2027-04-03' }),
        ],
      }),
    );
    expect(proposal.placements.map((p) => p.requestId)).toEqual(['high']);
    expect(proposal.objective.placedWeight).toBe(3);
  });

  it('weights are 3/2/1: two priority-2 requests outweigh the one priority-1 request they exclude', () => {
    const proposal = solvePlan(
      plan({
        requests: [
          request('p1', { priority: 1, days: 6, earliest: '2027-04-01', latest: '2027-04-06' }),
          request('p2a', { priority: 2, days: 3, earliest: '2027-04-01', latest: '2027-04-03' }),
          request('p2b', { priority: 2, days: 3, earliest: '2027-04-04', latest: '2027-04-06' }),
        ],
      }),
    );
    expect(proposal.placements.map((p) => p.requestId)).toEqual(['p2a', 'p2b']);
    expect(proposal.objective.placedWeight).toBe(4);
  });

  it('spacing between the plan\u2019s own arrivals: minGapDays apart, never closer', () => {
    const proposal = solvePlan(
      plan({
        requests: ['a', 'b', 'c'].map((id) =>
          request(id, { days: 1, earliest: '2027-04-10', latest: '2027-04-20', preferredStart: '2027-04-10' }),
        ),
        rules: { maxConcurrentDelegations: 3, minGapDays: 4 },
      }),
    );
    expect(proposal.placements.map((p) => p.startDate).sort()).toEqual(['2027-04-10', '2027-04-14', '2027-04-18']);
  });

  it('of two equally close days, the one that spreads the region\u2019s arrivals', () => {
    // Apr 9 and 11 are within the gap of the booked Apr 10 arrival; Apr 8 and 12 are equally
    // close to the preferred day, and Apr 12 keeps away from the booked Apr 6 arrival.
    const proposal = solvePlan(
      plan({
        requests: [request('t', { days: 1, earliest: '2027-04-05', latest: '2027-04-15', preferredStart: '2027-04-10' })],
        rules: { maxConcurrentDelegations: 5, minGapDays: 2 },
        existing: [visit('2027-04-06', '2027-04-06'), visit('2027-04-10', '2027-04-10')],
      }),
    );
    expect(proposal.placements[0]?.startDate).toBe('2027-04-12');
    expect(proposal.objective.totalDeviationDays).toBe(2);
  });
});
