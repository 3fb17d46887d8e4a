// The vocabulary shared by the pure rules, the repository and the routes.
import type { IsoDate } from './dates.js';

export type Role = 'office' | 'hq' | 'unit';
export type VisitKind = 'inspection' | 'condolence';
export type VisitStatus = 'submitted' | 'coordinated' | 'approved' | 'rejected' | 'withdrawn' | 'cancelled';
export type ReceptionStatus = 'submitted' | 'approved' | 'rejected' | 'cancelled';
export type Rank = 'provincial' | 'departmental' | 'county' | 'other';

/** Statuses that hold a place: they count toward caps, capacity and spacing. */
export const COUNTED_VISIT_STATUSES: readonly VisitStatus[] = ['submitted', 'coordinated', 'approved'];

export function isCounted(status: VisitStatus): boolean {
  return COUNTED_VISIT_STATUSES.includes(status);
}

export interface DateRange {
  startDate: IsoDate;
  endDate: IsoDate;
}

export interface Blackout extends DateRange {
  reason: string;
}

export interface RegionRules {
  maxConcurrentDelegations: number;
  minGapDays: number;
  blackouts: Blackout[];
}

export interface QuotaLimits {
  maxBatches: number;
  maxHeadcountPerBatch: number;
  maxPersonTrips: number;
}

/** What a unit has used of its year's caps. */
export interface QuotaUsage {
  batches: number;
  personTrips: number;
}

/** A visit as the rules see it: where, when, how many. */
export interface PlacedVisit extends DateRange {
  id: string;
  unitId: string;
  regionId: string;
  headcount: number;
}

/** A rule that refuses a booking, with the numbers that explain it (docs/API.md, Visits). */
export type BookingRefusal =
  | { code: 'BATCH_CAP_EXCEEDED'; limit: number; used: number }
  | { code: 'HEADCOUNT_CAP_EXCEEDED'; limit: number }
  | { code: 'PERSON_TRIPS_CAP_EXCEEDED'; limit: number; used: number }
  | { code: 'REGION_CAPACITY_EXCEEDED'; limit: number; dates: IsoDate[] }
  | { code: 'REGION_SPACING_VIOLATION'; minGapDays: number; nearest: IsoDate }
  | { code: 'BLACKOUT_CONFLICT'; blackout: Blackout };

export type BookingRefusalCode = BookingRefusal['code'];

/** The longest visit the programme accepts, in inclusive days. */
export const MAX_VISIT_DAYS = 31;

/** A reception longer than a month is a typing error, not a visit (same bound as a visit). */
export const MAX_RECEPTION_DAYS = 31;

/** One refused input field, as a dotted path into the input ('' for the whole body). */
export interface ValidationIssue {
  path: string;
  message: string;
}
