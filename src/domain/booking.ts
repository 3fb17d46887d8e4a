// One booking checked against every rule at once, in the index's checking order (booking-rules.ts):
// the unit's own caps first, then the region's calendar. The guarded SQL in db/repo/visit-guards.ts
// enforces the same rules atomically; these functions explain a refusal and serve slot search
// and the annual planner.
import { BOOKING_RULES_IN_ORDER, type BookingCheckInput } from './booking-rules.js';
import type { BookingRefusal, DateRange, QuotaLimits, QuotaUsage, RegionRules } from './types.js';

export type { BookingCheckInput };

/** The first rule that refuses the booking, or null. */
export function checkBooking(input: BookingCheckInput): BookingRefusal | null {
  for (const rule of BOOKING_RULES_IN_ORDER) {
    const refusal = rule.check(input);
    if (refusal) return refusal;
  }
  return null;
}

/** Would one more batch of `headcount` people stay within the caps? The first broken cap, or null. */
export function checkCaps(limits: QuotaLimits, usage: QuotaUsage, headcount: number): BookingRefusal | null {
  const input = { limits, usage, candidate: { headcount } };
  for (const rule of BOOKING_RULES_IN_ORDER) {
    const refusal = rule.scope === 'unit-caps' ? rule.check(input) : null;
    if (refusal) return refusal;
  }
  return null;
}

/** The first region rule the range breaks, checked as blackout, capacity, spacing; or null. */
export function checkRegionRules(rules: RegionRules, visits: readonly DateRange[], range: DateRange): BookingRefusal | null {
  const input = { rules, regionVisits: visits, candidate: range };
  for (const rule of BOOKING_RULES_IN_ORDER) {
    const refusal = rule.scope === 'region' ? rule.check(input) : null;
    if (refusal) return refusal;
  }
  return null;
}
