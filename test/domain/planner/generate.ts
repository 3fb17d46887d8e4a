// Seeded random plan instances for the planner's property tests. Everything is drawn from one
// PRNG seeded by `seed`, so a failing seed reproduces exactly.
import { addDays, daysBetween, type IsoDate } from '../../../src/domain/dates.js';
import { seededRandom } from '../../../src/domain/planner/prng.js';
import type { PlanInput, PlanRequest, Priority } from '../../../src/domain/planner/index.js';
import type { PlacedVisit, QuotaLimits, QuotaUsage, RegionRules } from '../../../src/domain/types.js';

export interface InstanceShape {
  year: number;
  /** First and last day visits may occupy. */
  periodStart: IsoDate;
  periodDays: number;
  today: IsoDate;
  regions: number;
  units: number;
  requests: number;
  days: [number, number];
  /** Extra slack days in a request's window beyond its length. */
  slack: [number, number];
  capacity: [number, number];
  gap: [number, number];
  blackoutsPerRegion: [number, number];
  existingPerRegion: [number, number];
  maxBatches: [number, number];
  usedBatches: [number, number];
  maxPersonTrips: [number, number];
  maxHeadcountPerBatch: [number, number];
  headcount: [number, number];
  /** Share of requests without a preferred start. */
  noPreferenceShare: number;
}

export const SMALL_SHAPE: InstanceShape = {
  year: 2027,
  periodStart: '2027-03-01',
  periodDays: 90,
  today: '2027-02-15',
  regions: 2,
  units: 6,
  requests: 35,
  days: [2, 7],
  slack: [2, 20],
  capacity: [1, 2],
  gap: [1, 4],
  blackoutsPerRegion: [0, 2],
  existingPerRegion: [1, 4],
  maxBatches: [4, 8],
  usedBatches: [0, 2],
  maxPersonTrips: [40, 70],
  maxHeadcountPerBatch: [10, 15],
  headcount: [2, 14],
  noPreferenceShare: 0.2,
};

export function generateInstance(seed: number, shape: InstanceShape = SMALL_SHAPE): PlanInput {
  const random = seededRandom(seed * 7919 + 17);
  const int = ([lo, hi]: [number, number]): number => lo + Math.floor(random() * (hi - lo + 1));
  const dayIn = (from: number, to: number): IsoDate => addDays(shape.periodStart, from + Math.floor(random() * (to - from + 1)));
  const last = shape.periodDays - 1;

  const regions: Record<string, RegionRules> = {};
  const existingVisits: PlacedVisit[] = [];
  for (let g = 0; g < shape.regions; g++) {
    const id = `region-${g}`;
    const blackouts = Array.from({ length: int(shape.blackoutsPerRegion) }, (_, b) => {
      const startDate = dayIn(0, last - 5);
      return { startDate, endDate: addDays(startDate, int([0, 4])), reason: `blackout ${b}` };
    });
    regions[id] = { maxConcurrentDelegations: int(shape.capacity), minGapDays: int(shape.gap), blackouts };
    for (let e = 0; e < int(shape.existingPerRegion); e++) {
      // Existing visits may lie outside the period (and the year) on purpose: they still count.
      const startDate = dayIn(-10, last);
      existingVisits.push({
        id: `v-${g}-${e}`,
        unitId: `unit-${e % shape.units}`,
        regionId: id,
        headcount: 5,
        startDate,
        endDate: addDays(startDate, int(shape.days) - 1),
      });
    }
  }

  const limitsByUnit: Record<string, QuotaLimits> = {};
  const usageByUnit: Record<string, QuotaUsage> = {};
  for (let u = 0; u < shape.units; u++) {
    const used = int(shape.usedBatches);
    limitsByUnit[`unit-${u}`] = {
      maxBatches: int(shape.maxBatches),
      maxHeadcountPerBatch: int(shape.maxHeadcountPerBatch),
      maxPersonTrips: int(shape.maxPersonTrips),
    };
    usageByUnit[`unit-${u}`] = { batches: used, personTrips: used * 5 };
  }

  const requests: PlanRequest[] = [];
  for (let i = 0; i < shape.requests; i++) {
    const days = int(shape.days);
    const windowDays = days + int(shape.slack);
    const earliest = dayIn(-3, last - days + 1);
    const latest = addDays(earliest, windowDays - 1);
    const lastStart = daysBetween(earliest, latest) - days + 1;
    const preferredStart = random() < shape.noPreferenceShare ? null : addDays(earliest, Math.floor(random() * (lastStart + 1)));
    requests.push({
      id: `req-${String(i).padStart(4, '0')}`,
      unitId: `unit-${int([0, shape.units - 1])}`,
      regionId: `region-${int([0, shape.regions - 1])}`,
      kind: random() < 0.5 ? 'inspection' : 'condolence',
      days,
      headcount: int(shape.headcount),
      earliest,
      latest,
      preferredStart,
      priority: int([1, 3]) as Priority,
    });
  }
  return { year: shape.year, requests, regions, existingVisits, limitsByUnit, usageByUnit, today: shape.today };
}
