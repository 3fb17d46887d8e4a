// The plan's objective, in lexicographic order (issue 10): (1) the most priority-weighted requests
// placed, (2) the least total distance from each preferred start, (3) arrivals spread evenly
// through each region's year.
import type { Priority } from './types.js';

/**
 * Priority 1 is the most important. Weights 3/2/1 make one priority-1 request worth as much as
 * three priority-3 ones (not infinitely more): the office asked for "the most priority-weighted
 * requests", so two priority-2 requests beat one priority-1 request that crowds both out.
 */
export function weightOf(priority: Priority): number {
  return 4 - priority;
}

/**
 * Spread penalty of one region's arrivals (day numbers, sorted ascending) in a year of
 * `daysInYear` days. With n arrivals the ideal spacing is daysInYear / n; every pair of
 * consecutive arrivals closer than that costs the squared shortfall. So bunching is punished
 * quadratically, while gaps wider than the ideal cost nothing (a quiet month is not a problem;
 * a crowded week is). Existing visits count as arrivals too: a placement next to a booked
 * visit bunches just as much as one next to another placement.
 */
export function spreadPenalty(sortedArrivals: readonly number[], daysInYear: number): number {
  const n = sortedArrivals.length;
  if (n < 2) return 0;
  const ideal = daysInYear / n;
  let penalty = 0;
  for (let i = 1; i < n; i++) penalty += shortfallCost(ideal, sortedArrivals[i]! - sortedArrivals[i - 1]!);
  return penalty;
}

export function shortfallCost(ideal: number, gap: number): number {
  const shortfall = ideal - gap;
  return shortfall > 0 ? shortfall * shortfall : 0;
}
