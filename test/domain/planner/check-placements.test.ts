// checkPlacements: placements re-checked one by one with the single-booking rules on top of
// the existing visits; what the commit uses to find placements that went stale.
import { describe, expect, it } from 'vitest';
import { checkPlacements, spreadPenalty, type PlanInput, type Placement } from '../../../src/domain/planner/index.js';

const input: PlanInput = {
  year: 2027,
  requests: [
    {
      id: 'a',
      unitId: 'u1',
      regionId: 'r1',
      kind: 'inspection',
      days: 3,
      headcount: 5,
      earliest: '2027-04-01',
      latest: '2027-04-30',
      priority: 1,
    },
    {
      id: 'b',
      unitId: 'u1',
      regionId: 'r1',
      kind: 'condolence',
      days: 3,
      headcount: 5,
      earliest: '2027-04-01',
      latest: '2027-04-30',
      priority: 2,
    },
  ],
  regions: { r1: { maxConcurrentDelegations: 1, minGapDays: 0, blackouts: [] } },
  existingVisits: [],
  limitsByUnit: { u1: { maxBatches: 5, maxHeadcountPerBatch: 10, maxPersonTrips: 50 } },
  usageByUnit: {},
  today: '2027-03-01',
};
const placement = (requestId: string, startDate: string, endDate: string): Placement => ({
  requestId,
  unitId: 'u1',
  regionId: 'r1',
  startDate,
  endDate,
});
const A = placement('a', '2027-04-10', '2027-04-12');
const B = placement('b', '2027-04-13', '2027-04-15');

describe('checkPlacements', () => {
  const cases: [string, Partial<PlanInput>, Placement[], { requestId: string; code: string }[]][] = [
    ['still fits', {}, [A, B], []],
    [
      'a visit booked since on the same days',
      { existingVisits: [{ id: 'v', unitId: 'u2', regionId: 'r1', headcount: 3, startDate: '2027-04-12', endDate: '2027-04-12' }] },
      [A, B],
      [{ requestId: 'a', code: 'REGION_CAPACITY_EXCEEDED' }],
    ],
    [
      'the placements clash with each other',
      {},
      [A, placement('b', '2027-04-12', '2027-04-14')],
      [{ requestId: 'b', code: 'REGION_CAPACITY_EXCEEDED' }],
    ],
    [
      'caps used up since',
      { usageByUnit: { u1: { batches: 4, personTrips: 20 } } },
      [A, B],
      [{ requestId: 'b', code: 'BATCH_CAP_EXCEEDED' }],
    ],
    [
      'limits lowered since',
      { limitsByUnit: { u1: { maxBatches: 5, maxHeadcountPerBatch: 4, maxPersonTrips: 50 } } },
      [A],
      [{ requestId: 'a', code: 'HEADCOUNT_CAP_EXCEEDED' }],
    ],
    [
      'a blackout declared since',
      {
        regions: {
          r1: {
            maxConcurrentDelegations: 1,
            minGapDays: 0,
            blackouts: [{ startDate: '2027-04-15', endDate: '2027-04-16', reason: 'weather' }],
          },
        },
      },
      [A, B],
      [{ requestId: 'b', code: 'BLACKOUT_CONFLICT' }],
    ],
    [
      'spacing raised since',
      { regions: { r1: { maxConcurrentDelegations: 1, minGapDays: 5, blackouts: [] } } },
      [A, B],
      [{ requestId: 'b', code: 'REGION_SPACING_VIOLATION' }],
    ],
    ['the day has come and gone', { today: '2027-04-11' }, [A, B], [{ requestId: 'a', code: 'START_BEFORE_TODAY' }]],
    ['a withdrawn request', { requests: [input.requests[1]!] }, [A, B], [{ requestId: 'a', code: 'UNKNOWN_REQUEST' }]],
    [
      'outside the request\u2019s window',
      {},
      [placement('a', '2027-05-01', '2027-05-03')],
      [{ requestId: 'a', code: 'OUTSIDE_REQUEST_WINDOW' }],
    ],
    ['the wrong length', {}, [placement('a', '2027-04-10', '2027-04-13')], [{ requestId: 'a', code: 'OUTSIDE_REQUEST_WINDOW' }]],
    ['another unit', {}, [{ ...A, unitId: 'u2' }], [{ requestId: 'a', code: 'UNKNOWN_REQUEST' }]],
  ];

  it.each(cases)('%s', (_, change, placements, expected) => {
    const refusals = checkPlacements({ ...input, ...change }, placements);
    expect(refusals.map((r) => ({ requestId: r.requestId, code: r.refusal.code }))).toEqual(expected);
  });

  it('a refused placement is not counted against the later ones', () => {
    // a clashes with the booked visit; b, on a's days otherwise, is checked without a.
    const booked = { id: 'v', unitId: 'u2', regionId: 'r1', headcount: 3, startDate: '2027-04-09', endDate: '2027-04-09' };
    const refusals = checkPlacements({ ...input, existingVisits: [booked] }, [
      placement('a', '2027-04-08', '2027-04-10'),
      placement('b', '2027-04-10', '2027-04-12'),
    ]);
    expect(refusals.map((r) => r.requestId)).toEqual(['a']);
  });

  it('explains with the numbers of the single-booking refusal', () => {
    const [refusal] = checkPlacements({ ...input, usageByUnit: { u1: { batches: 5, personTrips: 10 } } }, [A]);
    expect(refusal?.refusal).toEqual({ code: 'BATCH_CAP_EXCEEDED', limit: 5, used: 5 });
  });
});

describe('spreadPenalty', () => {
  it.each([
    [[], 0],
    [[10], 0],
    // Two arrivals in a 100-day year: ideal spacing 50; 40 apart is 10 short → 100.
    [[0, 40], 100],
    [[0, 50], 0],
    [[0, 80], 0],
    // Three: ideal 33.3…; gaps 10 and 60 → (23.3…)² only.
    [[0, 10, 70], (100 / 3 - 10) ** 2],
  ])('%j in 100 days → %d', (arrivals, expected) => {
    expect(spreadPenalty(arrivals, 100)).toBeCloseTo(expected, 9);
  });
});
