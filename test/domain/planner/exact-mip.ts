// The exact integer program of a plan, for HiGHS, built straight from the contract's rules
// (not from the solver's tables): x[r,s] = 1 when request r starts on day s.
//   Σ_s x[r,s] ≤ 1                                        each request at most once
//   Σ_{(r,s) covering d} x[r,s] ≤ limit − existing(d)     each region and day
//   Σ_{s in t..t+gap−1} x[r,s] ≤ 1                        each region and window of `gap` start days
//   Σ x[r,s] ≤ maxBatches − used, Σ headcount·x ≤ maxPersonTrips − used   each unit
// Starts breaking a rule on their own (blackout, a day already full, an existing arrival within
// the gap, too many people for one batch, before today, outside the window or year) get no
// variable. Solved lexicographically: max Σ weight·x, then with Σ weight·x ≥ that optimum,
// min Σ |s − preferred|·x.
import type { Highs } from 'highs';
import { checkRegionRules } from '../../../src/domain/booking.js';
import { countedVisitsOn } from '../../../src/domain/capacity.js';
import { addDays, daysBetween, fromDayNumber, toDayNumber } from '../../../src/domain/dates.js';
import { weightOf, type PlanInput } from '../../../src/domain/planner/index.js';

interface Variable {
  name: string;
  request: number;
  start: number;
  days: number;
  regionId: string;
  unitId: string;
  headcount: number;
  weight: number;
  deviation: number;
}

export function planVariables(input: PlanInput): Variable[] {
  const variables: Variable[] = [];
  const firstStart = Math.max(toDayNumber(`${input.year}-01-01`), toDayNumber(input.today));
  const lastStart = toDayNumber(`${input.year}-12-31`);
  input.requests.forEach((request, r) => {
    const rules = input.regions[request.regionId]!;
    const existing = input.existingVisits.filter((v) => v.regionId === request.regionId);
    const limits = input.limitsByUnit[request.unitId]!;
    if (request.headcount > limits.maxHeadcountPerBatch) return;
    const from = Math.max(firstStart, toDayNumber(request.earliest));
    const to = Math.min(lastStart, toDayNumber(request.latest) - request.days + 1);
    for (let s = from; s <= to; s++) {
      const startDate = fromDayNumber(s);
      const range = { startDate, endDate: addDays(startDate, request.days - 1) };
      if (checkRegionRules(rules, existing, range)) continue;
      variables.push({
        name: `x_${r}_${s}`,
        request: r,
        start: s,
        days: request.days,
        regionId: request.regionId,
        unitId: request.unitId,
        headcount: request.headcount,
        weight: weightOf(request.priority),
        deviation: Math.abs(daysBetween(request.preferredStart ?? request.earliest, startDate)),
      });
    }
  });
  return variables;
}

// Map.groupBy arrives with Node 21; the project runs on Node 20.
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function sum(terms: string[]): string {
  // LP format allows an expression to continue over lines; short lines keep the reader happy.
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += 12) lines.push(terms.slice(i, i + 12).join(' + '));
  return lines.join('\n  + ');
}

function constraints(input: PlanInput, variables: Variable[]): string[] {
  const rows: string[] = [];
  const add = (terms: string[], bound: number): void => {
    rows.push(` c${rows.length}: ${sum(terms)} <= ${bound}`);
  };
  const byRequest = groupBy(variables, (v) => v.request);
  for (const vs of byRequest.values())
    if (vs.length > 1)
      add(
        vs.map((v) => v.name),
        1,
      );

  for (const [regionId, vs] of groupBy(variables, (v) => v.regionId)) {
    const rules = input.regions[regionId]!;
    const existing = input.existingVisits.filter((v) => v.regionId === regionId);
    const first = Math.min(...vs.map((v) => v.start));
    const last = Math.max(...vs.map((v) => v.start + v.days - 1));
    for (let d = first; d <= last; d++) {
      const covering = vs.filter((v) => v.start <= d && d < v.start + v.days);
      const free = rules.maxConcurrentDelegations - countedVisitsOn(fromDayNumber(d), existing);
      if (covering.length > 0 && covering.length > free)
        add(
          covering.map((v) => v.name),
          free,
        );
    }
    for (let t = first; rules.minGapDays > 1 && t <= last; t++) {
      const arriving = vs.filter((v) => v.start >= t && v.start < t + rules.minGapDays);
      if (arriving.length > 1)
        add(
          arriving.map((v) => v.name),
          1,
        );
    }
    if (rules.minGapDays === 1) {
      for (const sameDay of groupBy(vs, (v) => v.start).values())
        if (sameDay.length > 1)
          add(
            sameDay.map((v) => v.name),
            1,
          );
    }
  }

  for (const [unitId, vs] of groupBy(variables, (v) => v.unitId)) {
    const limits = input.limitsByUnit[unitId]!;
    const used = input.usageByUnit[unitId] ?? { batches: 0, personTrips: 0 };
    add(
      vs.map((v) => v.name),
      limits.maxBatches - used.batches,
    );
    add(
      vs.map((v) => `${v.headcount} ${v.name}`),
      limits.maxPersonTrips - used.personTrips,
    );
  }
  return rows;
}

export interface ExactOptimum {
  weight: number;
  deviation: number;
  variables: number;
  ms: number;
  /** Request index → start day number, in the deviation-optimal plan. */
  starts: Map<number, number>;
}

export function solveExactly(highs: Highs, input: PlanInput): ExactOptimum {
  const started = performance.now();
  const variables = planVariables(input);
  if (variables.length === 0) return { weight: 0, deviation: 0, variables: 0, ms: 0, starts: new Map() };
  const rows = constraints(input, variables);
  const binaries = `Binary\n ${variables.map((v) => v.name).join('\n ')}\nEnd\n`;
  const weightTerms = variables.map((v) => `${v.weight} ${v.name}`);

  const first = highs.solve(`Maximize\n obj: ${sum(weightTerms)}\nSubject To\n${rows.join('\n')}\n${binaries}`, { mip_rel_gap: 0 });
  if (first.Status !== 'Optimal') throw new Error(`HiGHS (weight): ${first.Status}`);
  const weight = Math.round(first.ObjectiveValue);

  const deviationTerms = variables.map((v) => `${v.deviation} ${v.name}`);
  const withWeight = [...rows, ` weight: ${sum(weightTerms)} >= ${weight}`];
  const second = highs.solve(`Minimize\n obj: ${sum(deviationTerms)}\nSubject To\n${withWeight.join('\n')}\n${binaries}`, {
    mip_rel_gap: 0,
  });
  if (second.Status !== 'Optimal') throw new Error(`HiGHS (deviation): ${second.Status}`);
  const starts = new Map<number, number>();
  for (const v of variables) {
    const column = second.Columns[v.name];
    if (column && 'Primal' in column && column.Primal > 0.5) starts.set(v.request, v.start);
  }
  return { weight, deviation: Math.round(second.ObjectiveValue), variables: variables.length, ms: performance.now() - started, starts };
}

/** The LP relaxation's bound on the placed weight (x in [0, 1] instead of {0, 1}). */
export function weightRelaxationBound(
  highs: Highs,
  input: PlanInput,
  options: Parameters<Highs['solve']>[1] = {},
): { bound: number; variables: number; rows: number; ms: number } {
  const started = performance.now();
  const variables = planVariables(input);
  if (variables.length === 0) return { bound: 0, variables: 0, rows: 0, ms: 0 };
  const rows = constraints(input, variables);
  const bounds = `Bounds\n ${variables.map((v) => `${v.name} <= 1`).join('\n ')}\nEnd\n`;
  const result = highs.solve(
    `Maximize\n obj: ${sum(variables.map((v) => `${v.weight} ${v.name}`))}\nSubject To\n${rows.join('\n')}\n${bounds}`,
    options,
  );
  if (result.Status !== 'Optimal') throw new Error(`HiGHS (relaxation): ${result.Status}`);
  return { bound: result.ObjectiveValue, variables: variables.length, rows: rows.length, ms: performance.now() - started };
}
