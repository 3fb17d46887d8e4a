// Every proposal is feasible: on many seeded instances, each placement passes checkBooking
// on top of the existing visits and the placements before it (recheck.ts), and no unplaced
// request would fit anywhere. The shapes stress one rule each.
import { describe, expect, it } from 'vitest';
import { checkPlacements, solvePlan } from '../../../src/domain/planner/index.js';
import { generateInstance, SMALL_SHAPE, type InstanceShape } from './generate.js';
import { expectFeasible } from './recheck.js';

const SHAPES: Record<string, InstanceShape> = {
  'mixed (as in the HiGHS comparison)': SMALL_SHAPE,
  'tight caps': { ...SMALL_SHAPE, maxBatches: [1, 4], usedBatches: [0, 2], maxPersonTrips: [10, 35], maxHeadcountPerBatch: [6, 12] },
  'wide spacing': { ...SMALL_SHAPE, gap: [4, 12], capacity: [2, 3] },
  'many blackouts': { ...SMALL_SHAPE, blackoutsPerRegion: [3, 8] },
  'many existing visits': { ...SMALL_SHAPE, existingPerRegion: [8, 20], capacity: [1, 3] },
  'one region, crowded': { ...SMALL_SHAPE, regions: 1, requests: 45, gap: [0, 2] },
  'across the year end': { ...SMALL_SHAPE, periodStart: '2027-11-20', periodDays: 70, today: '2027-11-25', existingPerRegion: [3, 8] },
  'today mid-period': { ...SMALL_SHAPE, today: '2027-04-01' },
};

// A small search budget keeps the file fast; feasibility cannot depend on the budget.
const BUDGET = { maxIterations: 3_000, stallIterations: 3_000, timeLimitMs: 30_000 };

describe('every proposal passes the single-booking rules', () => {
  for (const [name, shape] of Object.entries(SHAPES)) {
    it.each([1, 2, 3, 4, 5, 6])(`${name}, seed %i`, (seed) => {
      const input = generateInstance(seed * 101, shape);
      const proposal = solvePlan({ ...input, ...BUDGET });
      expectFeasible(input, proposal);
      expect(checkPlacements(input, proposal.placements)).toEqual([]);
    });
  }

  it('the re-check itself catches a proposal that breaks a rule', () => {
    const request = (id: string) => ({
      id,
      unitId: 'u1',
      regionId: 'r1',
      kind: 'inspection' as const,
      days: 3,
      headcount: 4,
      earliest: '2027-04-01',
      latest: '2027-04-30',
      priority: 1 as const,
    });
    const input = {
      year: 2027,
      requests: [request('a'), request('b')],
      regions: { r1: { maxConcurrentDelegations: 1, minGapDays: 0, blackouts: [] } },
      existingVisits: [],
      limitsByUnit: { u1: { maxBatches: 5, maxHeadcountPerBatch: 10, maxPersonTrips: 50 } },
      usageByUnit: {},
      today: '2027-03-01',
    };
    const at = (requestId: string, startDate: string, endDate: string) => ({ requestId, unitId: 'u1', regionId: 'r1', startDate, endDate });
    const proposal = solvePlan(input);
    expect(() => expectFeasible(input, proposal)).not.toThrow();
    // Both on the same days in a region that takes one delegation a day.
    const clashing = { ...proposal, placements: [at('a', '2027-04-01', '2027-04-03'), at('b', '2027-04-02', '2027-04-04')] };
    expect(() => expectFeasible(input, clashing)).toThrow(/b at 2027-04-02/);
  });

  it('the generated instances are not trivial: some requests stay unplaced, for more than one reason', () => {
    const codes = new Set<string>();
    for (const [, shape] of Object.entries(SHAPES)) {
      for (const seed of [1, 2, 3])
        for (const u of solvePlan({ ...generateInstance(seed * 101, shape), ...BUDGET }).unplaced) codes.add(u.code);
    }
    expect([...codes].sort()).toEqual([
      'BATCH_CAP_EXCEEDED',
      'BLACKOUT_CONFLICT',
      'HEADCOUNT_CAP_EXCEEDED',
      'PERSON_TRIPS_CAP_EXCEEDED',
      'REGION_CAPACITY_EXCEEDED',
      'REGION_SPACING_VIOLATION',
      'WINDOW_TOO_NARROW',
    ]);
  });
});
