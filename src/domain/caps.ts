// A unit's annual caps (适当控制年度批次和人员规模). The year a visit counts in is its start date's
// year; `usage` holds the unit's counted visits of that year (submitted, coordinated, approved),
// without the visit being checked when that visit is being edited. Each cap is one rule of the
// booking-rule index (booking-rules.ts), which orders them; checkCaps (booking.ts) runs them.
import type { BookingRefusal, QuotaLimits, QuotaUsage } from './types.js';

/** Placeholder caps for a year the office has not set yet; README says so. */
export const DEFAULT_QUOTA_LIMITS: QuotaLimits = { maxBatches: 6, maxHeadcountPerBatch: 20, maxPersonTrips: 100 };

/** What the cap rules look at: the unit's caps and usage for the year, and the delegation's size. */
export interface CapsCheckInput {
  limits: QuotaLimits;
  usage: QuotaUsage;
  candidate: { headcount: number };
}

type Refusal<C extends BookingRefusal['code']> = Extract<BookingRefusal, { code: C }>;

export function usageOf(visits: readonly { headcount: number }[]): QuotaUsage {
  return { batches: visits.length, personTrips: visits.reduce((sum, v) => sum + v.headcount, 0) };
}

export function remainingOf(limits: QuotaLimits, usage: QuotaUsage): QuotaUsage {
  return {
    batches: Math.max(0, limits.maxBatches - usage.batches),
    personTrips: Math.max(0, limits.maxPersonTrips - usage.personTrips),
  };
}

/** A delegation larger than one batch may be. */
export function headcountCapRefusal({ limits, candidate }: CapsCheckInput): Refusal<'HEADCOUNT_CAP_EXCEEDED'> | null {
  return candidate.headcount > limits.maxHeadcountPerBatch ? { code: 'HEADCOUNT_CAP_EXCEEDED', limit: limits.maxHeadcountPerBatch } : null;
}

/** One batch more than the year allows. */
export function batchCapRefusal({ limits, usage }: CapsCheckInput): Refusal<'BATCH_CAP_EXCEEDED'> | null {
  return usage.batches + 1 > limits.maxBatches ? { code: 'BATCH_CAP_EXCEEDED', limit: limits.maxBatches, used: usage.batches } : null;
}

/** The delegation's people on top of the year's person-trips would pass the cap. */
export function personTripsCapRefusal({ limits, usage, candidate }: CapsCheckInput): Refusal<'PERSON_TRIPS_CAP_EXCEEDED'> | null {
  return usage.personTrips + candidate.headcount > limits.maxPersonTrips
    ? { code: 'PERSON_TRIPS_CAP_EXCEEDED', limit: limits.maxPersonTrips, used: usage.personTrips }
    : null;
}

/** A visit waiting for approval, as the caps see it. */
export interface PendingVisit {
  id: string;
  headcount: number;
}

/**
 * The waiting visits that approval would refuse under these caps: the approved visits keep their
 * places, then the waiting ones are approved one by one in the order given (the approval queue's
 * order, earliest first), each taking a place if the caps still allow it. Lowering a cap below
 * what is counted shows here which visits it strands in the queue.
 */
export function pendingBeyondCaps(
  limits: QuotaLimits,
  approved: QuotaUsage,
  pending: readonly PendingVisit[],
): { visit: PendingVisit; refusal: BookingRefusal }[] {
  const usage = { ...approved };
  const beyond: { visit: PendingVisit; refusal: BookingRefusal }[] = [];
  for (const visit of pending) {
    const input = { limits, usage, candidate: { headcount: visit.headcount } };
    const refusal = headcountCapRefusal(input) ?? batchCapRefusal(input) ?? personTripsCapRefusal(input);
    if (refusal) {
      beyond.push({ visit, refusal });
      continue;
    }
    usage.batches += 1;
    usage.personTrips += visit.headcount;
  }
  return beyond;
}
