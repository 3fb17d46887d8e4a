import { describe, expect, it } from 'vitest';
import { checkCaps } from '../../src/domain/booking.js';
import { pendingBeyondCaps, remainingOf, usageOf } from '../../src/domain/caps.js';

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

describe('pendingBeyondCaps', () => {
  const queueLimits = { maxBatches: 3, maxHeadcountPerBatch: 10, maxPersonTrips: 20 };
  const v = (id: string, headcount: number) => ({ id, headcount });
  it.each([
    ['nothing when every waiting visit fits', { batches: 0, personTrips: 0 }, [v('a', 5), v('b', 5)], []],
    ['the ones after the last batch left, in queue order', { batches: 2, personTrips: 4 }, [v('a', 2), v('b', 2), v('c', 2)], ['b', 'c']],
    ['a delegation over the per-batch cap, whatever its place', { batches: 0, personTrips: 0 }, [v('a', 11), v('b', 3)], ['a']],
    [
      'one whose people would pass the person-trips, while a smaller later one still fits',
      { batches: 0, personTrips: 12 },
      [v('a', 9), v('b', 8)],
      ['a'],
    ],
  ])('%s', (_name, approved, pending, expected) => {
    expect(pendingBeyondCaps(queueLimits, approved, pending).map((b) => b.visit.id)).toEqual(expected);
  });
  it('names the rule with its numbers as the approval would', () => {
    expect(pendingBeyondCaps(queueLimits, { batches: 3, personTrips: 3 }, [v('a', 1)])[0]?.refusal).toEqual({
      code: 'BATCH_CAP_EXCEEDED',
      limit: 3,
      used: 3,
    });
  });
});
