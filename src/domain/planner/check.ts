// Placements re-checked with the single-booking rules (checkBooking), one by one on top of the
// existing visits, exactly as if each were booked in turn. The solver validates its own
// proposal with this, and the commit route uses it to find what went stale since the solve.
import { checkBooking } from '../booking.js';
import { DEFAULT_QUOTA_LIMITS } from '../caps.js';
import { addDays, yearOf } from '../dates.js';
import type { QuotaUsage } from '../types.js';
import { RegionCalendars } from './calendar.js';
import type { PlacementCheck, PlacementRefusal, PlanInput, PlanRequest, Placement } from './types.js';

/**
 * The placements that would be refused, each with the first rule that refuses it. A refused
 * placement is left out of the visits the later ones are checked against (it would not be
 * booked), so one moved visit does not make every later placement look stale too.
 */
export function checkPlacements(input: PlanInput, placements: readonly Placement[]): PlacementCheck[] {
  const requests = new Map(input.requests.map((r) => [r.id, r]));
  const calendars = new RegionCalendars();
  for (const v of input.existingVisits) calendars.add(v.regionId, v);
  const usage = new Map<string, QuotaUsage>();
  const refused: PlacementCheck[] = [];

  for (const placement of placements) {
    const request = requests.get(placement.requestId);
    const refusal = request ? refusalOf(input, request, placement, calendars, usage) : { code: 'UNKNOWN_REQUEST' as const };
    if (refusal) {
      refused.push({ requestId: placement.requestId, refusal });
      continue;
    }
    calendars.add(placement.regionId, placement);
    const used = usageOf(input, usage, placement.unitId);
    usage.set(placement.unitId, { batches: used.batches + 1, personTrips: used.personTrips + request!.headcount });
  }
  return refused;
}

function usageOf(input: PlanInput, usage: Map<string, QuotaUsage>, unitId: string): QuotaUsage {
  return usage.get(unitId) ?? input.usageByUnit[unitId] ?? { batches: 0, personTrips: 0 };
}

function refusalOf(
  input: PlanInput,
  request: PlanRequest,
  placement: Placement,
  calendars: RegionCalendars,
  usage: Map<string, QuotaUsage>,
): PlacementRefusal | null {
  // A placement belongs to its request: another unit or region would be another visit.
  if (placement.unitId !== request.unitId || placement.regionId !== request.regionId) return { code: 'UNKNOWN_REQUEST' };
  const { startDate, endDate } = placement;
  if (startDate < request.earliest || endDate > request.latest || endDate !== addDays(startDate, request.days - 1)) {
    return { code: 'OUTSIDE_REQUEST_WINDOW', earliest: request.earliest, latest: request.latest, days: request.days };
  }
  // The caps given are the plan year's; a visit counts in its start date's year.
  if (yearOf(startDate) !== input.year) return { code: 'OUTSIDE_PLAN_YEAR', year: input.year };
  if (startDate < input.today) return { code: 'START_BEFORE_TODAY', today: input.today };
  const rules = input.regions[request.regionId];
  if (!rules) throw new RangeError(`no rules for region ${request.regionId}`);
  return checkBooking({
    limits: input.limitsByUnit[request.unitId] ?? DEFAULT_QUOTA_LIMITS,
    usage: usageOf(input, usage, request.unitId),
    rules,
    regionVisits: calendars.near(request.regionId, placement, rules.minGapDays),
    candidate: { startDate, endDate, headcount: request.headcount },
  });
}
