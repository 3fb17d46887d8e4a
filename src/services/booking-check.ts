// Which booking rule refuses a candidate right now: the repository reads the facts, the pure
// rules (checkBooking, in the index's order) decide. A guarded write that wrote nothing asks this
// to name its rule (services/visit-writes.ts).
import { type BookingCandidate, bookingFacts } from '../db/repo/booking-context.js';
import { checkBooking } from '../domain/booking.js';
import type { BookingRefusal } from '../domain/types.js';
import type { ServiceDeps } from './deps.js';

export type { BookingCandidate };

/**
 * The first rule's refusal, 'unknown-region' when the region does not exist (the guard refuses
 * those too), or null when nothing refuses (the state changed since the write was refused).
 */
export async function explainRefusal(
  deps: Pick<ServiceDeps, 'db'>,
  candidate: BookingCandidate,
): Promise<BookingRefusal | 'unknown-region' | null> {
  const facts = await bookingFacts(deps.db, candidate);
  if (!facts) return 'unknown-region';
  return checkBooking({ ...facts, candidate });
}
