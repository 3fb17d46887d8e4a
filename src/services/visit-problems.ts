// The one place that turns a refused visit write into its AppError (409 with the numbers). The
// English detail of each booking refusal is keyed by its code (the booking-rule index,
// src/domain/booking-rules.ts), so a new rule does not compile until it is worded here.
import type { VisitRow } from '../db/repo/visits.js';
import { byRefusal, type RefusalTable } from '../domain/booking-rules.js';
import type { BookingRefusal, VisitStatus } from '../domain/types.js';
import { AppError, validationFailed } from './errors.js';
import type { VisitWriteResult } from './visit-writes.js';

export const REFUSAL_DETAIL: RefusalTable<string> = {
  BATCH_CAP_EXCEEDED: (r) => `The unit may send ${r.limit} batches this year and ${r.used} are already counted.`,
  HEADCOUNT_CAP_EXCEEDED: (r) => `A delegation may have at most ${r.limit} people.`,
  PERSON_TRIPS_CAP_EXCEEDED: (r) => `The unit may send ${r.limit} person-trips this year and ${r.used} are already counted.`,
  REGION_CAPACITY_EXCEEDED: (r) => `The region takes at most ${r.limit} delegations a day and is full on ${r.dates.join(', ')}.`,
  REGION_SPACING_VIOLATION: (r) =>
    `Arrivals in the region must be at least ${r.minGapDays} days apart; another delegation arrives on ${r.nearest}.`,
  BLACKOUT_CONFLICT: (r) => `The region takes no visits from ${r.blackout.startDate} to ${r.blackout.endDate} (${r.blackout.reason}).`,
};

export function refusalDetail(refusal: BookingRefusal): string {
  return byRefusal(REFUSAL_DETAIL, refusal);
}

export function refusalProblem(refusal: BookingRefusal): AppError {
  const { code, ...numbers } = refusal;
  return new AppError(code, refusalDetail(refusal), numbers);
}

export function unknownRegion(regionId: string): AppError {
  return validationFailed([{ path: 'regionId', message: `unknown region "${regionId}"` }]);
}

export function invalidTransition(from: VisitStatus, action: string): AppError {
  return new AppError('INVALID_TRANSITION', `A ${from} visit cannot be ${action === 'edit' ? 'edited' : `given "${action}"`}.`, {
    from,
    action,
  });
}

/** The stored visit, or the problem that explains why there is none. */
export function unwrapVisitWrite(result: VisitWriteResult, action: string): { row: VisitRow; replayed: boolean } {
  if (result.ok) return { row: result.row, replayed: result.replayed };
  switch (result.reason) {
    case 'refused':
      throw refusalProblem(result.refusal);
    case 'invalid-transition':
      throw invalidTransition(result.from, action);
    case 'not-found':
      throw new AppError('NOT_FOUND', 'No such visit.');
    case 'unknown-region':
      throw unknownRegion(result.regionId);
    case 'contention':
      throw new AppError('CONFLICT', 'The visit changed while this request ran; read it again and retry.');
  }
}
