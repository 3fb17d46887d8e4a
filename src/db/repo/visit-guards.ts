// The booking rules as one SQL condition, for guarded writes (docs/ARCHITECTURE.md, "The one rule about
// writes"). SQLite runs each statement alone, so a write whose WHERE holds this condition can
// never overshoot a cap or a region's capacity, however many requests race. Each rule of the
// booking-rule index (src/domain/booking-rules.ts) has its clause in GUARD_CLAUSES; the pure
// checks say the same thing and explain a refusal afterwards (test/routes/guard-agreement.test.ts).
import { sql, type SQL } from 'drizzle-orm';
import { BOOKING_RULE_ORDER } from '../../domain/booking-rules.js';
import { DEFAULT_QUOTA_LIMITS } from '../../domain/caps.js';
import { type BookingRefusalCode, MAX_VISIT_DAYS } from '../../domain/types.js';
import type { Bindable } from '../statements.js';

/** Values, or placeholders when the guard is compiled once (visit-writes.ts). */
export interface GuardInput {
  unitId: Bindable<string>;
  regionId: Bindable<string>;
  year: Bindable<number>;
  startDate: Bindable<string>;
  endDate: Bindable<string>;
  headcount: Bindable<number>;
  /** The visit being edited or approved, which must not count against itself ('' for a new one). */
  excludeId: Bindable<string>;
  /** Which visits hold places: every counted status when booking, only `approved` when approving. */
  counted: 'all-counted' | 'approved-only';
}

export type GuardClause =
  /** A condition of its own, in the guard's WHERE. */
  | { over: 'candidate'; holds: (g: GuardInput, statuses: SQL) => SQL }
  /**
   * A condition on aggregates of the unit's counted visits of the year (count(*), sum(headcount)).
   * All such clauses share one pass over those visits: one subquery holding all of them.
   */
  | { over: 'unit-visits'; holds: (g: GuardInput) => SQL };

function statusFilter(counted: GuardInput['counted']): SQL {
  return counted === 'approved-only' ? sql.raw(`('approved')`) : sql.raw(`('submitted','coordinated','approved')`);
}

/** The unit's cap for the year: its override, else the year's default, else the shipped placeholder. */
function limit(column: 'max_batches' | 'max_headcount_per_batch' | 'max_person_trips', g: GuardInput): SQL {
  const fallback = {
    max_batches: DEFAULT_QUOTA_LIMITS.maxBatches,
    max_headcount_per_batch: DEFAULT_QUOTA_LIMITS.maxHeadcountPerBatch,
    max_person_trips: DEFAULT_QUOTA_LIMITS.maxPersonTrips,
  }[column];
  const col = sql.raw(column);
  return sql`coalesce(
    (SELECT ${col} FROM quota_overrides WHERE year = ${g.year} AND unit_id = ${g.unitId}),
    (SELECT ${col} FROM quota_defaults WHERE year = ${g.year}),
    ${fallback})`;
}

// A visit lasts at most MAX_VISIT_DAYS, so one covering day d starts no earlier than d − MAX:
// that bound keeps every region lookup a short index range, however many visits are stored.
const LOOKBACK = `-${MAX_VISIT_DAYS} days`;

/** Each booking rule as SQL that holds when the rule lets the write through. */
export const GUARD_CLAUSES: { readonly [C in BookingRefusalCode]: GuardClause } = {
  HEADCOUNT_CAP_EXCEEDED: { over: 'candidate', holds: (g) => sql`${g.headcount} <= ${limit('max_headcount_per_batch', g)}` },
  BATCH_CAP_EXCEEDED: { over: 'unit-visits', holds: (g) => sql`count(*) < ${limit('max_batches', g)}` },
  PERSON_TRIPS_CAP_EXCEEDED: {
    over: 'unit-visits',
    holds: (g) => sql`coalesce(sum(headcount), 0) + ${g.headcount} <= ${limit('max_person_trips', g)}`,
  },
  BLACKOUT_CONFLICT: {
    over: 'candidate',
    holds: (g) => sql`NOT EXISTS (SELECT 1 FROM region_blackouts
         WHERE region_id = ${g.regionId} AND start_date <= ${g.endDate} AND end_date >= ${g.startDate})`,
  },
  // The number of visits in the region only rises on a day some visit starts, so the fullest day
  // of the window is its first day or a day another visit arrives inside it. The visits that
  // overlap the window are read once (one short index range) and every probe day is counted
  // from them.
  REGION_CAPACITY_EXCEEDED: {
    over: 'candidate',
    holds: (g, statuses) => sql`NOT EXISTS (
      WITH overlapping AS MATERIALIZED (
        SELECT start_date, end_date FROM visits
        WHERE region_id = ${g.regionId} AND status IN ${statuses} AND id <> ${g.excludeId}
          AND start_date <= ${g.endDate} AND start_date >= date(${g.startDate}, ${LOOKBACK}) AND end_date >= ${g.startDate})
      SELECT 1 FROM (
        SELECT ${g.startDate} AS day
        UNION SELECT start_date FROM overlapping WHERE start_date > ${g.startDate}
      ) AS probe
      WHERE (SELECT count(*) FROM overlapping WHERE start_date <= probe.day AND end_date >= probe.day)
            >= (SELECT max_concurrent_delegations FROM regions WHERE id = ${g.regionId}))`,
  },
  // Arrivals closer than min_gap_days: |start − other start| < gap.
  REGION_SPACING_VIOLATION: {
    over: 'candidate',
    holds: (g, statuses) => sql`NOT EXISTS (
      SELECT 1 FROM visits, regions AS r
      WHERE r.id = ${g.regionId} AND visits.region_id = ${g.regionId} AND visits.status IN ${statuses} AND visits.id <> ${g.excludeId}
        AND visits.start_date > date(${g.startDate}, '-' || r.min_gap_days || ' days')
        AND visits.start_date < date(${g.startDate}, '+' || r.min_gap_days || ' days'))`,
  },
};

/** One pass over the unit's counted visits of the year, holding when every condition does. */
function overUnitVisits(g: GuardInput, statuses: SQL, conditions: SQL[]): SQL {
  return sql`(SELECT ${sql.join(conditions, sql` AND `)}
         FROM visits
         WHERE unit_id = ${g.unitId} AND year = ${g.year} AND status IN ${statuses} AND id <> ${g.excludeId})`;
}

/** One rule's clause alone, as a condition (for tests that compare it with the rule's pure check). */
export function guardClause(code: BookingRefusalCode, g: GuardInput): SQL {
  const clause = GUARD_CLAUSES[code];
  const statuses = statusFilter(g.counted);
  return clause.over === 'candidate' ? clause.holds(g, statuses) : overUnitVisits(g, statuses, [clause.holds(g)]);
}

/** The region exists AND every rule's clause holds, in the index's checking order. */
export function bookingGuard(g: GuardInput): SQL {
  const statuses = statusFilter(g.counted);
  const unitConditions: SQL[] = [];
  // The shared pass over the unit's visits sits where the first unit-visits rule comes.
  const parts: (SQL | 'unit-visits')[] = [sql`EXISTS (SELECT 1 FROM regions WHERE id = ${g.regionId})`];
  for (const code of BOOKING_RULE_ORDER) {
    const clause = GUARD_CLAUSES[code];
    if (clause.over === 'candidate') {
      parts.push(clause.holds(g, statuses));
    } else {
      if (unitConditions.length === 0) parts.push('unit-visits');
      unitConditions.push(clause.holds(g));
    }
  }
  const conditions = parts.map((part) => (part === 'unit-visits' ? overUnitVisits(g, statuses, unitConditions) : part));
  return sql`(
    ${sql.join(
      conditions,
      sql`
    AND `,
    )}
  )`;
}
