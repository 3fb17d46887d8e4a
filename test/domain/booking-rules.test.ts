// The booking-rule index itself: every refusal code once, in checking order; each rule refuses on
// its own (the others pass), so the order decides which one a booking hears first; and every
// rule has its words in Chinese and English and its English detail, each with the numbers.
// (The SQL guard's agreement with the index: test/routes/guard-agreement.test.ts.)
import { describe, expect, it } from 'vitest';
import { checkBooking } from '../../src/domain/booking.js';
import {
  BOOKING_REFUSAL_CODES,
  BOOKING_RULE_ORDER,
  BOOKING_RULES,
  BOOKING_RULES_IN_ORDER,
  type BookingCheckInput,
  isBookingRefusalCode,
  type RefusalOf,
} from '../../src/domain/booking-rules.js';
import type { BookingRefusalCode } from '../../src/domain/types.js';
import { refusalDetail } from '../../src/services/visit-problems.js';
import { problemMessages } from '../../src/views/problem-messages.js';

/** An input every rule lets through: caps with room, a quiet stretch of the region's calendar. */
const PASSES: BookingCheckInput = {
  limits: { maxBatches: 5, maxHeadcountPerBatch: 10, maxPersonTrips: 50 },
  usage: { batches: 1, personTrips: 10 },
  rules: {
    maxConcurrentDelegations: 2,
    minGapDays: 2,
    blackouts: [{ startDate: '2027-06-01', endDate: '2027-06-03', reason: '节庆' }],
  },
  regionVisits: [
    { startDate: '2027-05-01', endDate: '2027-05-05' },
    { startDate: '2027-05-03', endDate: '2027-05-04' },
    { startDate: '2027-05-10', endDate: '2027-05-10' },
  ],
  candidate: { startDate: '2027-05-20', endDate: '2027-05-22', headcount: 4 },
};

const at = (startDate: string, endDate: string) => ({ ...PASSES.candidate, startDate, endDate });

/** For each rule, an input that it alone refuses. */
const REFUSED_ONLY_BY: { [C in BookingRefusalCode]: BookingCheckInput } = {
  HEADCOUNT_CAP_EXCEEDED: { ...PASSES, candidate: { ...PASSES.candidate, headcount: 11 } },
  BATCH_CAP_EXCEEDED: { ...PASSES, usage: { batches: 5, personTrips: 10 } },
  PERSON_TRIPS_CAP_EXCEEDED: { ...PASSES, usage: { batches: 1, personTrips: 47 } },
  BLACKOUT_CONFLICT: { ...PASSES, candidate: at('2027-05-31', '2027-06-01') },
  // Full on 05-03 and 05-04; the arrivals on 05-01 and 05-03 are 3 and 5 days off.
  REGION_CAPACITY_EXCEEDED: { ...PASSES, candidate: at('2027-04-28', '2027-05-04') },
  REGION_SPACING_VIOLATION: { ...PASSES, candidate: at('2027-05-11', '2027-05-12') },
};

/** One refusal of each code, with the numbers its words must show. */
const SAMPLE_REFUSALS: { [C in BookingRefusalCode]: RefusalOf<C> } = {
  HEADCOUNT_CAP_EXCEEDED: { code: 'HEADCOUNT_CAP_EXCEEDED', limit: 17 },
  BATCH_CAP_EXCEEDED: { code: 'BATCH_CAP_EXCEEDED', limit: 7, used: 7 },
  PERSON_TRIPS_CAP_EXCEEDED: { code: 'PERSON_TRIPS_CAP_EXCEEDED', limit: 93, used: 91 },
  BLACKOUT_CONFLICT: { code: 'BLACKOUT_CONFLICT', blackout: { startDate: '2027-08-01', endDate: '2027-08-10', reason: '赛马节' } },
  REGION_CAPACITY_EXCEEDED: { code: 'REGION_CAPACITY_EXCEEDED', limit: 3, dates: ['2027-05-03', '2027-05-04'] },
  REGION_SPACING_VIOLATION: { code: 'REGION_SPACING_VIOLATION', minGapDays: 4, nearest: '2027-05-09' },
};

/** The numbers a refusal's words must mention. */
function numbersOf(refusal: RefusalOf<BookingRefusalCode>): string[] {
  const { code: _code, ...numbers } = refusal;
  return Object.values(numbers)
    .flatMap((value) =>
      typeof value === 'object' && !Array.isArray(value) ? Object.values(value) : Array.isArray(value) ? value : [value],
    )
    .map(String);
}

describe('the booking-rule index', () => {
  it('lists every refusal code once, in checking order and in the contract order', () => {
    const codes = Object.keys(BOOKING_RULES).sort();
    expect([...BOOKING_RULE_ORDER].sort()).toEqual(codes);
    expect(new Set(BOOKING_RULE_ORDER).size).toBe(BOOKING_RULE_ORDER.length);
    expect([...BOOKING_REFUSAL_CODES].sort()).toEqual(codes);
    expect(BOOKING_RULES_IN_ORDER.map((rule) => rule.code)).toEqual([...BOOKING_RULE_ORDER]);
    for (const code of BOOKING_RULE_ORDER) {
      expect(BOOKING_RULES[code].code).toBe(code);
      expect(isBookingRefusalCode(code)).toBe(true);
    }
    expect(isBookingRefusalCode('INVALID_TRANSITION')).toBe(false);
    expect(isBookingRefusalCode('toString')).toBe(false);
  });

  it('checks the unit’s caps before the region’s calendar', () => {
    const scopes = BOOKING_RULES_IN_ORDER.map((rule) => rule.scope);
    expect(scopes.lastIndexOf('unit-caps')).toBeLessThan(scopes.indexOf('region'));
  });

  it('passes the quiet input', () => {
    for (const rule of BOOKING_RULES_IN_ORDER) expect(rule.check(PASSES), rule.code).toBeNull();
    expect(checkBooking(PASSES)).toBeNull();
  });

  it.each(BOOKING_RULE_ORDER)('%s refuses on its own, and checkBooking names it', (code) => {
    const input = REFUSED_ONLY_BY[code];
    for (const rule of BOOKING_RULES_IN_ORDER) {
      expect(rule.check(input)?.code ?? null, `${rule.code} on the input for ${code}`).toBe(rule.code === code ? code : null);
    }
    expect(checkBooking(input)?.code).toBe(code);
  });

  it('names the first rule in checking order when several refuse', () => {
    // Every rule refusing at once: each later rule's input folded into one.
    const all: BookingCheckInput = {
      ...PASSES,
      usage: { batches: 5, personTrips: 47 },
      candidate: { startDate: '2027-04-28', endDate: '2027-06-01', headcount: 11 },
      regionVisits: [...PASSES.regionVisits, { startDate: '2027-04-29', endDate: '2027-04-29' }],
    };
    const refused = BOOKING_RULES_IN_ORDER.map((rule) => rule.check(all)?.code ?? null);
    expect(refused).toEqual([...BOOKING_RULE_ORDER]);
    expect(checkBooking(all)?.code).toBe(BOOKING_RULE_ORDER[0]);
  });
});

describe('every rule’s words', () => {
  it.each(BOOKING_RULE_ORDER)('%s: zh and en messages and the English detail name its numbers', (code) => {
    const refusal = SAMPLE_REFUSALS[code];
    const [zh] = problemMessages({ ...refusal }, 'zh');
    const [en] = problemMessages({ ...refusal }, 'en');
    const detail = refusalDetail(refusal);
    for (const text of [zh, en, detail]) {
      expect(text).not.toBe(code);
      for (const number of numbersOf(refusal)) expect(text, `${code}: ${text}`).toContain(number);
    }
    expect(zh).not.toBe(en);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
  });
});
