// The one place that turns a refused visit write into its problem+json (409 with the numbers).
import type { BookingRefusal, VisitStatus } from '../domain/types.js';
import { AppError, validationFailed } from './errors.js';
import type { VisitWriteResult } from '../db/repo/visit-writes.js';
import type { VisitRow } from '../db/repo/visits.js';

export function refusalDetail(refusal: BookingRefusal): string {
  switch (refusal.code) {
    case 'BATCH_CAP_EXCEEDED':
      return `The unit may send ${refusal.limit} batches this year and ${refusal.used} are already counted.`;
    case 'HEADCOUNT_CAP_EXCEEDED':
      return `A delegation may have at most ${refusal.limit} people.`;
    case 'PERSON_TRIPS_CAP_EXCEEDED':
      return `The unit may send ${refusal.limit} person-trips this year and ${refusal.used} are already counted.`;
    case 'REGION_CAPACITY_EXCEEDED':
      return `The region takes at most ${refusal.limit} delegations a day and is full on ${refusal.dates.join(', ')}.`;
    case 'REGION_SPACING_VIOLATION':
      return `Arrivals in the region must be at least ${refusal.minGapDays} days apart; another delegation arrives on ${refusal.nearest}.`;
    case 'BLACKOUT_CONFLICT':
      return `The region takes no visits from ${refusal.blackout.startDate} to ${refusal.blackout.endDate} (${refusal.blackout.reason}).`;
  }
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
