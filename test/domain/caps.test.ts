import { describe, expect, it } from 'vitest';
import { checkCaps } from '../../src/domain/booking.js';
import { remainingOf, usageOf } from '../../src/domain/caps.js';

const limits = { maxBatches: 3, maxHeadcountPerBatch: 10, maxPersonTrips: 25 };

describe('checkCaps', () => {
  it.each([
    ['within every cap', { batches: 1, personTrips: 10 }, 10, null],
    ['the last batch', { batches: 2, personTrips: 10 }, 5, null],
    ['person-trips exactly at the cap', { batches: 1, personTrips: 15 }, 10, null],
    ['a batch too many', { batches: 3, personTrips: 10 }, 1, { code: 'BATCH_CAP_EXCEEDED', limit: 3, used: 3 }],
    ['one person too many per batch', { batches: 0, personTrips: 0 }, 11, { code: 'HEADCOUNT_CAP_EXCEEDED', limit: 10 }],
    ['one person-trip too many', { batches: 1, personTrips: 16 }, 10, { code: 'PERSON_TRIPS_CAP_EXCEEDED', limit: 25, used: 16 }],
  ])('%s', (_label, usage, headcount, expected) => {
    expect(checkCaps(limits, usage, headcount)).toEqual(expected);
  });

  it('names the headcount cap before the batch cap', () => {
    expect(checkCaps(limits, { batches: 3, personTrips: 25 }, 11)?.code).toBe('HEADCOUNT_CAP_EXCEEDED');
  });

  it('sums usage and never reports negative remaining', () => {
    expect(usageOf([{ headcount: 4 }, { headcount: 6 }])).toEqual({ batches: 2, personTrips: 10 });
    expect(remainingOf(limits, { batches: 5, personTrips: 30 })).toEqual({ batches: 0, personTrips: 0 });
  });
});
