// The plan's input turned into integer tables once, so the search never parses a date or calls
// a rule function per candidate day. Days are offsets from `base`; the horizon covers every
// day a visit starting in the plan year can touch, plus the spacing gap on either side.
import { DEFAULT_QUOTA_LIMITS } from '../caps.js';
import { isValidIsoDate, toDayNumber } from '../dates.js';
import { MAX_VISIT_DAYS, type PlacedVisit, type QuotaLimits, type QuotaUsage, type RegionRules } from '../types.js';
import { weightOf } from './objective.js';
import type { PlanInput, PlanRequest } from './types.js';

export interface RequestModel {
  index: number;
  request: PlanRequest;
  weight: number;
  regionIndex: number;
  unitIndex: number;
  days: number;
  headcount: number;
  /** First and last allowed start (offsets); lo > hi means WINDOW_TOO_NARROW. */
  lo: number;
  hi: number;
  /** The day deviation is measured from (preferred start, else earliest); may lie outside lo..hi. */
  pref: number;
  /**
   * Starts in lo..hi that nothing in the plan can change: no blackout, no day already full with
   * existing visits, no existing arrival within the gap, headcount within the per-batch cap.
   * Sorted by distance from `pref`, the earlier of two equally distant days first.
   */
  starts: Int32Array;
  /** The same starts in date order. */
  startsByDate: Int32Array;
}

export interface RegionModel {
  id: string;
  rules: RegionRules;
  limit: number;
  gap: number;
  /** blackoutBefore[d] = number of blacked-out days in 0..d-1. */
  blackoutBefore: Int32Array;
  /** Existing visits per day, and existing arrivals per day. */
  existingOccupancy: Int32Array;
  existingArrivals: Int32Array;
  existingVisits: PlacedVisit[];
  requestIndexes: number[];
}

export interface UnitModel {
  id: string;
  limits: QuotaLimits;
  usage: QuotaUsage;
  requestIndexes: number[];
}

export interface PlanModel {
  year: number;
  /** Day number of offset 0. */
  base: number;
  length: number;
  daysInYear: number;
  requests: RequestModel[];
  regions: RegionModel[];
  units: UnitModel[];
}

function assertValidRequest(r: PlanRequest): void {
  const datesOk = [r.earliest, r.latest, ...(r.preferredStart ? [r.preferredStart] : [])].every(isValidIsoDate);
  const numbersOk =
    Number.isInteger(r.days) && r.days >= 1 && r.days <= MAX_VISIT_DAYS && Number.isInteger(r.headcount) && r.headcount >= 1;
  // Validation belongs at the edge (zod); reaching here with bad data is a programming error.
  if (!datesOk || !numbersOk || ![1, 2, 3].includes(r.priority)) throw new RangeError(`invalid plan request ${r.id}`);
}

export function buildModel(input: PlanInput): PlanModel {
  const requestsById = [...input.requests].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const regionIds = [...new Set(requestsById.map((r) => r.regionId))].sort();
  const unitIds = [...new Set(requestsById.map((r) => r.unitId))].sort();
  const maxGap = Math.max(0, ...regionIds.map((id) => rulesOf(input, id).minGapDays));
  const jan1 = toDayNumber(`${input.year}-01-01`);
  const dec31 = toDayNumber(`${input.year}-12-31`);
  const base = jan1 - maxGap - 1;
  const length = dec31 + MAX_VISIT_DAYS + maxGap + 1 - base;

  const regions = regionIds.map((id) => buildRegion(input, id, base, length));
  const units: UnitModel[] = unitIds.map((id) => ({
    id,
    limits: input.limitsByUnit[id] ?? DEFAULT_QUOTA_LIMITS,
    usage: input.usageByUnit[id] ?? { batches: 0, personTrips: 0 },
    requestIndexes: [],
  }));
  const firstStart = Math.max(jan1, toDayNumber(input.today)) - base;
  const lastStart = dec31 - base;

  const requests = requestsById.map((request, index): RequestModel => {
    assertValidRequest(request);
    const regionIndex = regionIds.indexOf(request.regionId);
    const unitIndex = unitIds.indexOf(request.unitId);
    const region = regions[regionIndex]!;
    const unit = units[unitIndex]!;
    region.requestIndexes.push(index);
    unit.requestIndexes.push(index);
    const lo = Math.max(toDayNumber(request.earliest) - base, firstStart);
    const hi = Math.min(toDayNumber(request.latest) - base - request.days + 1, lastStart);
    const pref = toDayNumber(request.preferredStart ?? request.earliest) - base;
    const fitsBatch = !exceedsBatchHeadcount(unit, request.headcount);
    const starts = fitsBatch ? staticStarts(region, lo, hi, request.days, pref) : new Int32Array(0);
    const startsByDate = Int32Array.from(starts).sort();
    return {
      index,
      request,
      weight: weightOf(request.priority),
      regionIndex,
      unitIndex,
      days: request.days,
      headcount: request.headcount,
      lo,
      hi,
      pref,
      starts,
      startsByDate,
    };
  });
  return { year: input.year, base, length, daysInYear: dec31 - jan1 + 1, requests, regions, units };
}

function rulesOf(input: PlanInput, regionId: string): RegionRules {
  const rules = input.regions[regionId];
  if (!rules) throw new RangeError(`no rules for region ${regionId}`);
  return rules;
}

function buildRegion(input: PlanInput, id: string, base: number, length: number): RegionModel {
  const rules = rulesOf(input, id);
  const blackedOut = new Uint8Array(length);
  for (const b of rules.blackouts) {
    for (let d = Math.max(0, toDayNumber(b.startDate) - base); d <= Math.min(length - 1, toDayNumber(b.endDate) - base); d++)
      blackedOut[d] = 1;
  }
  const blackoutBefore = new Int32Array(length + 1);
  for (let d = 0; d < length; d++) blackoutBefore[d + 1] = blackoutBefore[d]! + blackedOut[d]!;

  const existingVisits = input.existingVisits.filter((v) => v.regionId === id);
  const existingOccupancy = new Int32Array(length);
  const existingArrivals = new Int32Array(length);
  for (const v of existingVisits) {
    const start = toDayNumber(v.startDate) - base;
    for (let d = Math.max(0, start); d <= Math.min(length - 1, toDayNumber(v.endDate) - base); d++) existingOccupancy[d]! += 1;
    if (start >= 0 && start < length) existingArrivals[start]! += 1;
  }
  return {
    id,
    rules,
    limit: rules.maxConcurrentDelegations,
    gap: rules.minGapDays,
    blackoutBefore,
    existingOccupancy,
    existingArrivals,
    existingVisits,
    requestIndexes: [],
  };
}

/** A visit of `days` days at `start` touches a blackout day. */
export function touchesBlackout(region: RegionModel, start: number, days: number): boolean {
  return region.blackoutBefore[start + days]! - region.blackoutBefore[start]! > 0;
}

/** Some day of the visit is already full with existing visits alone. */
export function meetsFullExistingDay(region: RegionModel, start: number, days: number): boolean {
  for (let d = start; d < start + days; d++) if (region.existingOccupancy[d]! >= region.limit) return true;
  return false;
}

/** An existing visit arrives fewer than `gap` days from `start`. */
export function nearExistingArrival(region: RegionModel, start: number): boolean {
  for (let d = start - region.gap + 1; d < start + region.gap; d++) if (region.existingArrivals[d]! > 0) return true;
  return false;
}

/** The delegation is larger than the unit's cap per batch, whatever the day. */
export function exceedsBatchHeadcount(unit: UnitModel, headcount: number): boolean {
  return headcount > unit.limits.maxHeadcountPerBatch;
}

/**
 * Does a visit at `start` clash with anything fixed: a blackout, a full day, a booked arrival?
 * (The fixed parts of PLANNER_RULES in rules.ts, called directly on this hot path.)
 */
export function clashesWithFixed(region: RegionModel, start: number, days: number): boolean {
  return touchesBlackout(region, start, days) || meetsFullExistingDay(region, start, days) || nearExistingArrival(region, start);
}

function staticStarts(region: RegionModel, lo: number, hi: number, days: number, pref: number): Int32Array {
  const ordered: number[] = [];
  // Walk outward from pref (clamped into lo..hi): pref, pref-1, pref+1, pref-2, …
  const centre = Math.min(Math.max(pref, lo), hi);
  for (let k = 0; centre - k >= lo || centre + k <= hi; k++) {
    for (const s of k === 0 ? [centre] : [centre - k, centre + k]) {
      if (s >= lo && s <= hi && !clashesWithFixed(region, s, days)) ordered.push(s);
    }
  }
  // Clamping keeps |s − pref| ordered when pref lies outside the window; within it, ties
  // (pref − k before pref + k) go to the earlier day.
  return Int32Array.from(ordered);
}
