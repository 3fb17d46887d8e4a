// The booking rules as one SQL condition, for guarded writes (DESIGN.md, "The one rule about
// writes"). SQLite runs each statement alone, so a write whose WHERE holds this condition can
// never overshoot a cap or a region's capacity, however many requests race. The pure rules in
// src/domain/ (checkBooking) say the same thing and explain a refusal afterwards.
import { sql, type SQL } from 'drizzle-orm';
import { DEFAULT_QUOTA_LIMITS } from '../../domain/caps.js';
import { MAX_VISIT_DAYS } from '../../domain/types.js';
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

export function bookingGuard(g: GuardInput): SQL {
  const statuses = statusFilter(g.counted);
  // A visit lasts at most MAX_VISIT_DAYS, so one covering day d starts no earlier than d − MAX:
  // that bound keeps every region lookup a short index range, however many visits are stored.
  const lookback = `-${MAX_VISIT_DAYS} days`;
  return sql`(
    EXISTS (SELECT 1 FROM regions WHERE id = ${g.regionId})
    AND ${g.headcount} <= ${limit('max_headcount_per_batch', g)}
    -- The unit's batches and person-trips this year, both from one pass over its visits.
    AND (SELECT count(*) < ${limit('max_batches', g)} AND coalesce(sum(headcount), 0) + ${g.headcount} <= ${limit('max_person_trips', g)}
         FROM visits
         WHERE unit_id = ${g.unitId} AND year = ${g.year} AND status IN ${statuses} AND id <> ${g.excludeId})
    AND NOT EXISTS (SELECT 1 FROM region_blackouts
         WHERE region_id = ${g.regionId} AND start_date <= ${g.endDate} AND end_date >= ${g.startDate})
    AND NOT EXISTS (
      -- The number of visits in the region only rises on a day some visit starts, so the fullest
      -- day of the window is its first day or a day another visit arrives inside it. The visits
      -- that overlap the window are read once (one short index range) and every probe day is
      -- counted from them.
      WITH overlapping AS MATERIALIZED (
        SELECT start_date, end_date FROM visits
        WHERE region_id = ${g.regionId} AND status IN ${statuses} AND id <> ${g.excludeId}
          AND start_date <= ${g.endDate} AND start_date >= date(${g.startDate}, ${lookback}) AND end_date >= ${g.startDate})
      SELECT 1 FROM (
        SELECT ${g.startDate} AS day
        UNION SELECT start_date FROM overlapping WHERE start_date > ${g.startDate}
      ) AS probe
      WHERE (SELECT count(*) FROM overlapping WHERE start_date <= probe.day AND end_date >= probe.day)
            >= (SELECT max_concurrent_delegations FROM regions WHERE id = ${g.regionId}))
    AND NOT EXISTS (
      -- Arrivals closer than min_gap_days: |start − other start| < gap.
      SELECT 1 FROM visits, regions AS r
      WHERE r.id = ${g.regionId} AND visits.region_id = ${g.regionId} AND visits.status IN ${statuses} AND visits.id <> ${g.excludeId}
        AND visits.start_date > date(${g.startDate}, '-' || r.min_gap_days || ' days')
        AND visits.start_date < date(${g.startDate}, '+' || r.min_gap_days || ' days'))
  )`;
}
