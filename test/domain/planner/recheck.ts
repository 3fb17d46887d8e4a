// An independent re-check of a proposal with the single-booking rules: checkBooking for each
// placement, added one by one on top of the existing visits (the unit's usage grows as its
// placements are booked). Written apart from checkPlacements so a bug there cannot hide one
// in the solver.
import { expect } from 'vitest';
import { checkBooking } from '../../../src/domain/booking.js';
import { addDays, daysBetween, yearOf } from '../../../src/domain/dates.js';
import { weightOf, type PlanInput, type Proposal } from '../../../src/domain/planner/index.js';
import type { DateRange, PlacedVisit } from '../../../src/domain/types.js';

export function expectFeasible(input: PlanInput, proposal: Proposal): void {
  const requests = new Map(input.requests.map((r) => [r.id, r]));
  const booked: PlacedVisit[] = [...input.existingVisits];
  const usage = new Map(Object.entries(input.usageByUnit).map(([unitId, u]) => [unitId, { ...u }]));
  let weight = 0;
  let deviation = 0;
  for (const p of proposal.placements) {
    const request = requests.get(p.requestId)!;
    expect(request, p.requestId).toBeDefined();
    expect([p.unitId, p.regionId]).toEqual([request.unitId, request.regionId]);
    expect(p.endDate).toBe(addDays(p.startDate, request.days - 1));
    expect(p.startDate >= request.earliest && p.endDate <= request.latest, `${p.requestId} inside its window`).toBe(true);
    expect(p.startDate >= input.today, `${p.requestId} not before today`).toBe(true);
    expect(yearOf(p.startDate)).toBe(input.year);
    const used = usage.get(p.unitId) ?? { batches: 0, personTrips: 0 };
    const refusal = checkBooking({
      limits: input.limitsByUnit[p.unitId]!,
      usage: used,
      rules: input.regions[p.regionId]!,
      regionVisits: booked.filter((v) => v.regionId === p.regionId),
      candidate: { startDate: p.startDate, endDate: p.endDate, headcount: request.headcount },
    });
    expect(refusal, `${p.requestId} at ${p.startDate}`).toBeNull();
    booked.push({
      id: p.requestId,
      unitId: p.unitId,
      regionId: p.regionId,
      headcount: request.headcount,
      startDate: p.startDate,
      endDate: p.endDate,
    });
    usage.set(p.unitId, { batches: used.batches + 1, personTrips: used.personTrips + request.headcount });
    weight += weightOf(request.priority);
    deviation += Math.abs(daysBetween(request.preferredStart ?? request.earliest, p.startDate));
  }
  expect(proposal.objective.placedWeight).toBe(weight);
  expect(proposal.objective.totalDeviationDays).toBe(deviation);

  // Every request is accounted for exactly once.
  const accounted = [...proposal.placements.map((p) => p.requestId), ...proposal.unplaced.map((u) => u.requestId)].sort();
  expect(accounted).toEqual(input.requests.map((r) => r.id).sort());

  // And no unplaced request would be accepted anywhere in its window now: the proposal is
  // maximal, and the code it names is one checkBooking gives at some start.
  for (const u of proposal.unplaced) {
    const request = requests.get(u.requestId)!;
    const codes = new Set<string>();
    for (const startDate of startsInWindow(input, request)) {
      const candidate: DateRange & { headcount: number } = {
        startDate,
        endDate: addDays(startDate, request.days - 1),
        headcount: request.headcount,
      };
      const refusal = checkBooking({
        limits: input.limitsByUnit[request.unitId]!,
        usage: usage.get(request.unitId) ?? { batches: 0, personTrips: 0 },
        rules: input.regions[request.regionId]!,
        regionVisits: booked.filter((v) => v.regionId === request.regionId),
        candidate,
      });
      expect(refusal, `${u.requestId} would fit at ${startDate}`).not.toBeNull();
      codes.add(refusal!.code);
    }
    if (codes.size === 0) expect(u.code).toBe('WINDOW_TOO_NARROW');
    else expect([...codes]).toContain(u.code);
  }
}

/** Starts the plan may use: within the window, not before today, in the plan year. */
export function startsInWindow(input: PlanInput, request: { earliest: string; latest: string; days: number }): string[] {
  const starts: string[] = [];
  const last = addDays(request.latest, -(request.days - 1));
  for (let d = request.earliest; d <= last; d = addDays(d, 1)) {
    if (d >= input.today && yearOf(d) === input.year) starts.push(d);
  }
  return starts;
}
