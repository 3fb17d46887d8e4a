import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BALANCE_THRESHOLDS,
  computeBalance,
  condolenceImbalanceWarnings,
  median,
  type BalanceFlag,
  type BalanceThresholds,
  type CadreEntry,
  type CondolenceVisit,
  type UnitBalance,
} from '../../src/domain/balance.js';
import type { VisitStatus } from '../../src/domain/types.js';

// Every number below is worked out by hand; the default thresholds are over > 1.5 × median,
// under < 0.5 × median.
const cadre = (unitId: string, count: number, regionId = 'R1'): CadreEntry => ({ unitId, regionId, count });
const visit = (unitId: string, consolationYuan: number | null, status: VisitStatus = 'approved', regionId = 'R1'): CondolenceVisit => ({
  unitId,
  regionId,
  status,
  consolationYuan,
});

type Flag = 'yuan:over' | 'yuan:under' | 'visits:over' | 'visits:under';
// unitId, cadres, counted visits, yuan, yuan per cadre, visits per cadre, flags
type Row = [string, number, number, number, number | null, number | null, Flag[]];

const toFlag = (f: Flag): BalanceFlag => {
  const [metric, level] = f.split(':');
  return {
    metric: metric === 'yuan' ? 'consolationPerCadre' : 'visitsPerCadre',
    level: level === 'over' ? 'over' : 'under',
  };
};
const toUnit = ([unitId, cadres, condolenceVisits, consolationYuan, cpc, vpc, flags]: Row): UnitBalance => ({
  unitId,
  cadres,
  condolenceVisits,
  consolationYuan,
  consolationPerCadre: cpc,
  visitsPerCadre: vpc,
  flags: flags.map(toFlag),
});

describe('median', () => {
  it.each([
    { values: [], expected: 0 },
    { values: [7], expected: 7 },
    { values: [3, 1, 2], expected: 2 },
    { values: [10, 1, 1000, 2, 3], expected: 3 }, // numeric, not string, order
    { values: [4, 1, 3, 2], expected: 2.5 },
    { values: [0, 0, 5, 5], expected: 2.5 },
  ])('median($values) = $expected', ({ values, expected }) => {
    const copy = [...values];
    expect(median(values)).toBe(expected);
    expect(values).toEqual(copy); // the caller's array is not reordered
  });
});

// Three units of one cadre each and one ¥1000 visit each make the median ¥1000 and 1 visit per
// cadre; each row varies unit C (or adds units) to land on one side of the line.
const BASE_AB = [cadre('A', 1), cadre('B', 1)];
const BASE_AB_VISITS = [visit('A', 1000), visit('B', 1000)];

describe('computeBalance, one region', () => {
  it.each<{ name: string; cadres: CadreEntry[]; visits: CondolenceVisit[]; median: [number, number]; units: Row[] }>([
    {
      name: 'over on consolation only',
      cadres: [...BASE_AB, cadre('C', 1)],
      visits: [...BASE_AB_VISITS, visit('C', 2000)],
      median: [1000, 1],
      units: [
        ['A', 1, 1, 1000, 1000, 1, []],
        ['B', 1, 1, 1000, 1000, 1, []],
        ['C', 1, 1, 2000, 2000, 1, ['yuan:over']],
      ],
    },
    {
      name: 'under on consolation only',
      cadres: [...BASE_AB, cadre('C', 1)],
      visits: [...BASE_AB_VISITS, visit('C', 400)],
      median: [1000, 1],
      units: [
        ['A', 1, 1, 1000, 1000, 1, []],
        ['B', 1, 1, 1000, 1000, 1, []],
        ['C', 1, 1, 400, 400, 1, ['yuan:under']],
      ],
    },
    {
      name: 'over on visits only',
      cadres: [...BASE_AB, cadre('C', 1)],
      visits: [...BASE_AB_VISITS, visit('C', 500), visit('C', 500)],
      median: [1000, 1],
      units: [
        ['A', 1, 1, 1000, 1000, 1, []],
        ['B', 1, 1, 1000, 1000, 1, []],
        ['C', 1, 2, 1000, 1000, 2, ['visits:over']],
      ],
    },
    {
      name: 'under on visits only (3 cadres, 1 visit: a third per cadre)',
      cadres: [...BASE_AB, cadre('C', 3)],
      visits: [...BASE_AB_VISITS, visit('C', 3000)],
      median: [1000, 1],
      units: [
        ['A', 1, 1, 1000, 1000, 1, []],
        ['B', 1, 1, 1000, 1000, 1, []],
        ['C', 3, 1, 3000, 1000, 1 / 3, ['visits:under']],
      ],
    },
    {
      name: 'over on both metrics, flagged independently',
      cadres: [...BASE_AB, cadre('C', 1)],
      visits: [...BASE_AB_VISITS, visit('C', 1500), visit('C', 1500)],
      median: [1000, 1],
      units: [
        ['A', 1, 1, 1000, 1000, 1, []],
        ['B', 1, 1, 1000, 1000, 1, []],
        ['C', 1, 2, 3000, 3000, 2, ['yuan:over', 'visits:over']],
      ],
    },
    {
      name: 'a unit with cadres and no visits is under on both when the median is > 0',
      cadres: [...BASE_AB, cadre('C', 2)],
      visits: BASE_AB_VISITS,
      median: [1000, 1],
      units: [
        ['A', 1, 1, 1000, 1000, 1, []],
        ['B', 1, 1, 1000, 1000, 1, []],
        ['C', 2, 0, 0, 0, 0, ['yuan:under', 'visits:under']],
      ],
    },
    {
      name: 'zero medians flag nothing: no unit has gone yet',
      cadres: [...BASE_AB, cadre('C', 1)],
      visits: [],
      median: [0, 0],
      units: [
        ['A', 1, 0, 0, 0, 0, []],
        ['B', 1, 0, 0, 0, 0, []],
        ['C', 1, 0, 0, 0, 0, []],
      ],
    },
    {
      // Money median over the units that went (C alone): 1000, so A and B are under and C is not
      // over; the visits median over all three is 0, which flags nothing.
      name: 'the money median is over the units that made a counted visit, the visits median over all with cadres',
      cadres: [...BASE_AB, cadre('C', 1)],
      visits: [visit('C', 1000)],
      median: [1000, 0],
      units: [
        ['A', 1, 0, 0, 0, 0, ['yuan:under']],
        ['B', 1, 0, 0, 0, 0, ['yuan:under']],
        ['C', 1, 1, 1000, 1000, 1, []],
      ],
    },
    {
      // The case: most units have not gone yet. Money per cadre of those that went: 500 and
      // 10,000, median 5,250, so 10,000 is over (a median over all five would be 0: nothing flagged).
      name: 'a zero median no longer hides the largest spender',
      cadres: ['A', 'B', 'C', 'D', 'E'].map((u) => cadre(u, 1)),
      visits: [visit('C', 10_000), visit('D', 500)],
      median: [5250, 0],
      units: [
        ['A', 1, 0, 0, 0, 0, ['yuan:under']],
        ['B', 1, 0, 0, 0, 0, ['yuan:under']],
        ['C', 1, 1, 10_000, 10_000, 1, ['yuan:over']],
        ['D', 1, 1, 500, 500, 1, ['yuan:under']],
        ['E', 1, 0, 0, 0, 0, ['yuan:under']],
      ],
    },
    {
      name: 'zero median on one metric only: visits still flagged',
      cadres: [...BASE_AB, cadre('C', 1)],
      visits: [visit('A', null), visit('B', null), visit('C', 5000), visit('C', null)],
      median: [0, 1],
      units: [
        ['A', 1, 1, 0, 0, 1, []],
        ['B', 1, 1, 0, 0, 1, []],
        ['C', 1, 2, 5000, 5000, 2, ['visits:over']],
      ],
    },
    {
      name: 'null consolation counts as a visit with 0 yuan',
      cadres: [cadre('A', 2)],
      visits: [visit('A', 1000), visit('A', null)],
      median: [500, 1],
      units: [['A', 2, 2, 1000, 500, 1, []]],
    },
    {
      // Median over A and B only: (1000 + 2500) / 2 = 1750, so B (2500 ≤ 2625) is not over.
      // Counting X as 0 would make the median 1000 and B over. W (0 cadres, no visits) is not listed.
      name: 'a unit with visits but no cadres is listed without flags and left out of the median',
      cadres: [cadre('A', 1), cadre('B', 1), cadre('X', 0), cadre('W', 0)],
      visits: [visit('A', 1000), visit('B', 2500), visit('X', 9000), visit('X', 9000)],
      median: [1750, 1],
      units: [
        ['A', 1, 1, 1000, 1000, 1, []],
        ['B', 1, 1, 2500, 2500, 1, []],
        ['X', 0, 2, 18000, null, null, []],
      ],
    },
    {
      name: 'rejected, withdrawn and cancelled visits do not count; submitted and coordinated do',
      cadres: [...BASE_AB, cadre('C', 1)],
      visits: [
        visit('A', 1000, 'submitted'),
        visit('B', 1000, 'coordinated'),
        visit('C', 1000, 'approved'),
        visit('C', 9000, 'rejected'),
        visit('C', 9000, 'withdrawn'),
        visit('C', 9000, 'cancelled'),
        visit('Y', 9000, 'cancelled'), // no cadres and nothing counted: not listed at all
      ],
      median: [1000, 1],
      units: [
        ['A', 1, 1, 1000, 1000, 1, []],
        ['B', 1, 1, 1000, 1000, 1, []],
        ['C', 1, 1, 1000, 1000, 1, []],
      ],
    },
    {
      // Medians: ¥[500, 1000, 1000, 1500] → 1000, visits [0.5, 1, 1, 1.5] → 1.
      name: 'exactly 1.5 × median is not over; exactly 0.5 × median is not under',
      cadres: [cadre('A', 2), cadre('B', 2), cadre('C', 2), cadre('D', 2)],
      visits: [
        ...[visit('A', 1000), visit('A', 1000), visit('B', 1000), visit('B', 1000)],
        ...[visit('C', 1000), visit('C', 1000), visit('C', 1000), visit('D', 1000)],
      ],
      median: [1000, 1],
      units: [
        ['A', 2, 2, 2000, 1000, 1, []],
        ['B', 2, 2, 2000, 1000, 1, []],
        ['C', 2, 3, 3000, 1500, 1.5, []],
        ['D', 2, 1, 1000, 500, 0.5, []],
      ],
    },
    {
      // C: 450.01 / 3 = 150.0033… > 150; D: 149.99 / 3 = 49.9966… < 50: both flagged, and both
      // given as they are (a page rounds them to 150 and 50).
      name: 'values and flags are unrounded, so a value a page shows as the boundary can be flagged',
      cadres: [cadre('A', 1), cadre('B', 1), cadre('C', 3), cadre('D', 3)],
      visits: [
        ...[visit('A', 100), visit('B', 100)],
        ...[visit('C', 150), visit('C', 150), visit('C', 150.01)],
        ...[visit('D', 49.99), visit('D', 50), visit('D', 50)],
      ],
      median: [100, 1],
      units: [
        ['A', 1, 1, 100, 100, 1, []],
        ['B', 1, 1, 100, 100, 1, []],
        ['C', 3, 3, 450.01, 450.01 / 3, 1, ['yuan:over']],
        ['D', 3, 3, 149.99, 149.99 / 3, 1, ['yuan:under']],
      ],
    },
    {
      // The API gives values as computed (0.075 stays 0.075, not 0.08); pages round them.
      name: 'per-cadre values and medians are not rounded',
      cadres: [cadre('A', 200), cadre('B', 3)],
      visits: [visit('A', 201), visit('B', 10000), visit('B', 10000)],
      median: [(201 / 200 + 20000 / 3) / 2, (1 / 200 + 2 / 3) / 2],
      units: [
        ['A', 200, 1, 201, 201 / 200, 1 / 200, ['yuan:under', 'visits:under']],
        ['B', 3, 2, 20000, 20000 / 3, 2 / 3, ['yuan:over', 'visits:over']],
      ],
    },
  ])('$name', ({ cadres, visits, median: [cpc, vpc], units }) => {
    const result = computeBalance({ regionIds: ['R1'], cadres, visits, thresholds: DEFAULT_BALANCE_THRESHOLDS });
    expect(result).toEqual([{ regionId: 'R1', median: { consolationPerCadre: cpc, visitsPerCadre: vpc }, units: units.map(toUnit) }]);
  });

  it.each([
    { thresholds: DEFAULT_BALANCE_THRESHOLDS, expected: [[], [], []] },
    // Median ¥1000: B at 800 is under 0.9 × 1000, C at 1200 over 1.1 × 1000.
    { thresholds: { overRatio: 1.1, underRatio: 0.9 }, expected: [[], ['yuan:under'], ['yuan:over']] },
  ] satisfies { thresholds: BalanceThresholds; expected: Flag[][] }[])(
    'uses the thresholds it is given: $thresholds',
    ({ thresholds, expected }) => {
      const [region] = computeBalance({
        regionIds: ['R1'],
        cadres: [...BASE_AB, cadre('C', 1)],
        visits: [visit('A', 1000), visit('B', 800), visit('C', 1200)],
        thresholds,
      });
      expect(region?.units.map((u) => u.flags)).toEqual(expected.map((flags) => flags.map(toFlag)));
    },
  );
});

describe('computeBalance, several regions', () => {
  it('keeps the given region order, sorts units, and counts each region on its own', () => {
    const result = computeBalance({
      regionIds: ['R2', 'R1', 'R3'],
      cadres: [cadre('B', 1, 'R2'), cadre('A', 1, 'R2'), cadre('A', 2, 'R1'), cadre('Z', 5, 'R9')],
      visits: [
        visit('B', 3000, 'approved', 'R2'),
        visit('A', 1000, 'approved', 'R2'),
        visit('B', 500, 'submitted', 'R1'), // B has no cadres in R1
        visit('A', 2000, 'approved', 'R1'),
        visit('Z', 7000, 'approved', 'R9'), // not asked for
      ],
      thresholds: DEFAULT_BALANCE_THRESHOLDS,
    });
    expect(result).toEqual([
      {
        regionId: 'R2',
        median: { consolationPerCadre: 2000, visitsPerCadre: 1 },
        units: [toUnit(['A', 1, 1, 1000, 1000, 1, []]), toUnit(['B', 1, 1, 3000, 3000, 1, []])],
      },
      {
        regionId: 'R1',
        median: { consolationPerCadre: 1000, visitsPerCadre: 0.5 },
        units: [toUnit(['A', 2, 1, 2000, 1000, 0.5, []]), toUnit(['B', 0, 1, 500, null, null, []])],
      },
      { regionId: 'R3', median: { consolationPerCadre: 0, visitsPerCadre: 0 }, units: [] },
    ]);
  });
});

describe('condolenceImbalanceWarnings', () => {
  // A, B: 1 cadre, one ¥1000 visit each; C: 2 cadres, two ¥1000 visits; D: 3 cadres, nothing;
  // X: no cadres, one ¥5000 visit. Before the candidate: medians ¥1000 and 1 visit per cadre.
  const input = {
    regionIds: ['R1'],
    cadres: [...BASE_AB, cadre('C', 2), cadre('D', 3)],
    visits: [...BASE_AB_VISITS, visit('C', 1000), visit('C', 1000), visit('X', 5000)],
    thresholds: DEFAULT_BALANCE_THRESHOLDS,
  };
  const warning = (metric: 'consolationPerCadre' | 'visitsPerCadre', value: number, median: number) => ({
    code: 'CONDOLENCE_IMBALANCE' as const,
    metric,
    value,
    median,
  });

  it.each([
    {
      // C after: 4000 / 2 = 2000 > 1.5 × 1000; visits 3 / 2 = 1.5, exactly on the line.
      name: 'crossing on consolation only',
      candidate: { unitId: 'C', regionId: 'R1', consolationYuan: 2000 },
      expected: [warning('consolationPerCadre', 2000, 1000)],
    },
    {
      // A after: ¥2000 and 2 visits on 1 cadre; medians over A, B, C, D:
      // ¥[0, 1000, 1000, 2000] → 1000, visits [0, 1, 1, 2] → 1.
      name: 'crossing on both metrics',
      candidate: { unitId: 'A', regionId: 'R1', consolationYuan: 1000 },
      expected: [warning('consolationPerCadre', 2000, 1000), warning('visitsPerCadre', 2, 1)],
    },
    {
      // D after: 10000 / 3 over a median of 1000; its third of a visit per cadre is under, which is
      // no warning.
      name: 'values unrounded, and under is not warned about',
      candidate: { unitId: 'D', regionId: 'R1', consolationYuan: 10000 },
      expected: [warning('consolationPerCadre', 10000 / 3, 1000)],
    },
    {
      // C after: 2500 / 2 = 1250 ≤ 1500, visits 1.5 ≤ 1.5.
      name: 'none for a visit that stays within the line',
      candidate: { unitId: 'C', regionId: 'R1', consolationYuan: 500 },
      expected: [],
    },
    {
      name: 'none for a unit with no cadres in the region, however much it spends',
      candidate: { unitId: 'X', regionId: 'R1', consolationYuan: 50000 },
      expected: [],
    },
    {
      // R2 after: A ¥90000 and B ¥1000 on 1 cadre each, median 45500, 90000 > 68250.
      name: 'counted in the candidate region even when it is not among regionIds',
      candidate: { unitId: 'A', regionId: 'R2', consolationYuan: 90000 },
      expected: [warning('consolationPerCadre', 90000, 45500)],
    },
  ])('$name', ({ candidate, expected }) => {
    const withR2 = {
      ...input,
      cadres: [...input.cadres, cadre('A', 1, 'R2'), cadre('B', 1, 'R2')],
      visits: [...input.visits, visit('B', 1000, 'approved', 'R2')],
    };
    expect(condolenceImbalanceWarnings(withR2, candidate)).toEqual(expected);
  });

  it('counts the candidate as a visit: ¥0 and null still add a visit', () => {
    // B after two more visits: 3 visits on 1 cadre > 1.5 × median 1.
    const busier = { ...input, visits: [...input.visits, visit('B', 0)] };
    expect(condolenceImbalanceWarnings(busier, { unitId: 'B', regionId: 'R1', consolationYuan: null })).toEqual([
      warning('visitsPerCadre', 3, 1),
    ]);
  });
});
