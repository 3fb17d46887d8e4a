// How a move re-inserts its candidates: an order and a choice of day. Heaviest-first at the
// closest day is the natural recipe, but it is not enough: closest days leave gaps a tight
// region cannot afford, and heaviest-first never tries three light requests in place of one
// heavy one that uses the same person-trips. So each repair draws a recipe, and the
// acceptance rule judges the outcome.
import type { RequestModel } from './model.js';
import { randomIndex } from './prng.js';
import { UNPLACED, type PlanState } from './state.js';

type Order = 'heaviest' | 'densest' | 'shuffled' | 'deadline' | 'release';
type Day = 'closest' | 'earliest' | 'latest' | 'random';
export type Recipe = { order: Order; day: Day } | { order: 'tightest'; day: 'closest' };

/** Cumulative chances; the first 60% are the recipes that keep requests near their preferred days. */
const RECIPES: readonly [number, Recipe][] = [
  [0.35, { order: 'heaviest', day: 'closest' }],
  [0.45, { order: 'densest', day: 'closest' }],
  [0.5, { order: 'shuffled', day: 'closest' }],
  [0.6, { order: 'tightest', day: 'closest' }],
  [0.72, { order: 'deadline', day: 'earliest' }],
  [0.84, { order: 'release', day: 'latest' }],
  [1, { order: 'heaviest', day: 'random' }],
];

/** A recipe at random; `nearPreferred` keeps to those that put requests at their closest days. */
export function drawRecipe(random: () => number, nearPreferred: boolean): Recipe {
  const roll = nearPreferred ? random() * 0.6 : random();
  return RECIPES.find(([upTo]) => roll < upTo)![1];
}

/** Counting a request's fitting starts stops here: only the few-options ones matter. */
const FEW_STARTS = 12;

/**
 * Insert what fits of `candidates` (request indexes; reordered in place), calling `placing`
 * before each placement so the caller can journal it.
 */
export function insertAll(
  state: PlanState,
  candidates: number[],
  recipe: Recipe,
  random: () => number,
  placing: (r: number) => void,
): void {
  const requests = state.model.requests;
  if (recipe.order === 'tightest') {
    insertTightestFirst(state, candidates, placing);
    return;
  }
  const key = new Map<number, number>();
  for (const q of candidates) key.set(q, orderKey(requests[q]!, recipe.order, random()));
  candidates.sort((a, b) => key.get(a)! - key.get(b)!);
  for (const q of candidates) {
    const req = requests[q]!;
    const start = dayFor(state, req, recipe.day, random);
    if (start === UNPLACED) continue;
    placing(q);
    state.place(req, start);
  }
}

/** Ascending key: the order's criterion, then weight (heaviest first), then chance (in [0, 1)). */
function orderKey(req: RequestModel, order: Exclude<Order, 'tightest'>, chance: number): number {
  const heaviestFirst = (3 - req.weight) * 2 + chance;
  switch (order) {
    case 'heaviest':
      return heaviestFirst;
    case 'densest':
      // Weight per person-trip: the greedy answer to a unit's person-trips knapsack.
      return -req.weight / req.headcount + chance * 1e-6;
    case 'shuffled':
      return chance;
    case 'deadline':
      return req.hi * 8 + heaviestFirst;
    case 'release':
      return -req.lo * 8 + heaviestFirst;
  }
}

function dayFor(state: PlanState, req: RequestModel, day: Day, random: () => number): number {
  const n = req.startsByDate.length;
  switch (day) {
    case 'closest':
      return state.bestStart(req);
    case 'earliest':
      return state.fittingStartFrom(req, 0, 1);
    case 'latest':
      return state.fittingStartFrom(req, n - 1, -1);
    case 'random':
      return state.fittingStartFrom(req, randomIndex(random, n), 1);
  }
}

/**
 * Most-constrained first: again and again, insert the candidate with the fewest fitting
 * starts left (at its closest one), so the one request with a single possible week gets it
 * before a flexible one lands there by accident.
 */
function insertTightestFirst(state: PlanState, candidates: number[], placing: (r: number) => void): void {
  const requests = state.model.requests;
  while (candidates.length > 0) {
    let pick = -1;
    let fewest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < candidates.length; i++) {
      const fitting = state.countFittingStarts(requests[candidates[i]!]!, FEW_STARTS);
      if (fitting > 0 && fitting < fewest) {
        fewest = fitting;
        pick = i;
      }
    }
    if (pick === -1) return;
    const req = requests[candidates[pick]!]!;
    candidates.splice(pick, 1);
    placing(req.index);
    state.place(req, state.bestStart(req));
  }
}
