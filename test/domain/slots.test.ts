import { describe, expect, it } from 'vitest';
import { checkBooking } from '../../src/domain/booking.js';
import { addDays } from '../../src/domain/dates.js';
import { findSlots } from '../../src/domain/slots.js';
import type { DateRange, RegionRules } from '../../src/domain/types.js';

const rules: RegionRules = {
  maxConcurrentDelegations: 1,
  minGapDays: 2,
  blackouts: [{ startDate: '2027-03-10', endDate: '2027-03-12', reason: '节日' }],
};
const visits: DateRange[] = [{ startDate: '2027-03-03', endDate: '2027-03-05' }];
const noCaps = () => null;

describe('findSlots', () => {
  it('returns the earliest windows that avoid full days, spacing and blackouts', () => {
    const slots = findSlots({ rules, regionVisits: visits, days: 2, from: '2027-03-01', to: '2027-03-20', limit: 4, capsRefusal: noCaps });
    // 03-01..03-02 is free; starts 03-02 to 03-05 meet the full days 03-03..03-05 (and 03-02 and
    // 03-04 are within 2 days of that arrival); 03-06..03-08 fit; 03-09 would touch the blackout.
    expect(slots).toEqual([
      { startDate: '2027-03-01', endDate: '2027-03-02' },
      { startDate: '2027-03-06', endDate: '2027-03-07' },
      { startDate: '2027-03-07', endDate: '2027-03-08' },
      { startDate: '2027-03-08', endDate: '2027-03-09' },
    ]);
  });

  it('keeps the whole window inside from..to and skips years whose caps refuse', () => {
    const slots = findSlots({
      rules: { maxConcurrentDelegations: 5, minGapDays: 0, blackouts: [] },
      regionVisits: [],
      days: 3,
      from: '2027-12-28',
      to: '2028-01-04',
      limit: 10,
      capsRefusal: (year) => (year === 2027 ? { code: 'BATCH_CAP_EXCEEDED', limit: 1, used: 1 } : null),
    });
    expect(slots.map((s) => s.startDate)).toEqual(['2028-01-01', '2028-01-02']);
    expect(slots.at(-1)?.endDate).toBe('2028-01-04');
  });

  it('agrees with checkBooking on every candidate day of a busy season', () => {
    const busy: DateRange[] = [];
    for (let i = 0; i < 40; i++) {
      const start = addDays('2027-04-01', (i * 7) % 90);
      busy.push({ startDate: start, endDate: addDays(start, i % 5) });
    }
    const season: RegionRules = {
      maxConcurrentDelegations: 3,
      minGapDays: 1,
      blackouts: [{ startDate: '2027-05-01', endDate: '2027-05-05', reason: '劳动节' }],
    };
    const slots = findSlots({
      rules: season,
      regionVisits: busy,
      days: 4,
      from: '2027-04-01',
      to: '2027-07-31',
      limit: 1000,
      capsRefusal: noCaps,
    });
    const expected: string[] = [];
    for (let d = 0; addDays('2027-04-01', d + 3) <= '2027-07-31'; d++) {
      const startDate = addDays('2027-04-01', d);
      const candidate = { startDate, endDate: addDays(startDate, 3), headcount: 1 };
      const refusal = checkBooking({
        limits: { maxBatches: 9, maxHeadcountPerBatch: 9, maxPersonTrips: 99 },
        usage: { batches: 0, personTrips: 0 },
        rules: season,
        regionVisits: busy,
        candidate,
      });
      if (!refusal) expected.push(startDate);
    }
    expect(slots.map((s) => s.startDate)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(5);
  });
});
