// One booking checked against every rule at once, in the order a user would fix them: the
// unit's own caps first, then the region's calendar. The guarded SQL in db/repo/visit-writes.ts
// enforces the same rules atomically; this function explains a refusal and serves slot search
// and the annual planner.
import { checkCaps } from './caps.js';
import { checkRegionRules } from './capacity.js';
import type { BookingRefusal, DateRange, QuotaLimits, QuotaUsage, RegionRules } from './types.js';

export interface BookingCheckInput {
  limits: QuotaLimits;
  /** The unit's counted usage in the visit's year, without the visit itself. */
  usage: QuotaUsage;
  rules: RegionRules;
  /** The region's counted visits near the candidate, without the visit itself. */
  regionVisits: readonly DateRange[];
  candidate: DateRange & { headcount: number };
}

export function checkBooking(input: BookingCheckInput): BookingRefusal | null {
  return (
    checkCaps(input.limits, input.usage, input.candidate.headcount) ?? checkRegionRules(input.rules, input.regionVisits, input.candidate)
  );
}
