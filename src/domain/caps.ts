// A unit's annual caps (适当控制年度批次和人员规模). The year a visit counts in is its start date's
// year; `usage` holds the unit's counted visits of that year (submitted, coordinated, approved),
// without the visit being checked when that visit is being edited.
import type { BookingRefusal, QuotaLimits, QuotaUsage } from './types.js';

/** Placeholder caps for a year the office has not set yet; README says so. */
export const DEFAULT_QUOTA_LIMITS: QuotaLimits = { maxBatches: 6, maxHeadcountPerBatch: 20, maxPersonTrips: 100 };

export function usageOf(visits: readonly { headcount: number }[]): QuotaUsage {
  return { batches: visits.length, personTrips: visits.reduce((sum, v) => sum + v.headcount, 0) };
}

export function remainingOf(limits: QuotaLimits, usage: QuotaUsage): QuotaUsage {
  return {
    batches: Math.max(0, limits.maxBatches - usage.batches),
    personTrips: Math.max(0, limits.maxPersonTrips - usage.personTrips),
  };
}

/** Would one more batch of `headcount` people stay within the caps? The first broken cap, or null. */
export function checkCaps(limits: QuotaLimits, usage: QuotaUsage, headcount: number): BookingRefusal | null {
  if (headcount > limits.maxHeadcountPerBatch) {
    return { code: 'HEADCOUNT_CAP_EXCEEDED', limit: limits.maxHeadcountPerBatch };
  }
  if (usage.batches + 1 > limits.maxBatches) {
    return { code: 'BATCH_CAP_EXCEEDED', limit: limits.maxBatches, used: usage.batches };
  }
  if (usage.personTrips + headcount > limits.maxPersonTrips) {
    return { code: 'PERSON_TRIPS_CAP_EXCEEDED', limit: limits.maxPersonTrips, used: usage.personTrips };
  }
  return null;
}
