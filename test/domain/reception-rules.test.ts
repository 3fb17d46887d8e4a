import { describe, expect, it } from 'vitest';
import {
  accompanyLimit,
  checkReception,
  DEFAULT_RECEPTION_STANDARDS,
  receptionTotals,
  type ReceptionPlan,
  type ReceptionStandards,
} from '../../src/domain/reception-rules.js';
import type { Rank } from '../../src/domain/types.js';

// Deliberately different from the defaults, so a rule reading the wrong table shows up.
const standards: ReceptionStandards = {
  workMealPerPersonYuan: 100,
  lodgingPerNightYuan: { provincial: 700, departmental: 450, county: 380, other: 300 },
};

/** A plan that breaks no rule; each test changes only what it is about. */
function plan(overrides: Partial<ReceptionPlan> = {}): ReceptionPlan {
  return {
    officialLetterRef: '阿地委函〔2027〕12号',
    guestCount: 6,
    // Guests of every rank, six each: room for every lodging line these tests write.
    guestRanks: (['provincial', 'departmental', 'county', 'other'] as const).flatMap((rank) => Array<Rank>(6).fill(rank)),
    workMeals: [{ date: '2027-05-10', accompanyCount: 3, costPerPersonYuan: 100 }],
    lodging: [{ rank: 'county', rooms: 6, nights: 2, ratePerNightYuan: 380 }],
    giftsYuan: 0,
    ...overrides,
  };
}

describe('accompanyLimit (≤ 3 up to 10 guests, else floor(guests / 3))', () => {
  it.each([
    [1, 3],
    [9, 3],
    [10, 3],
    [11, 3],
    [12, 4],
    [30, 10],
    [31, 10],
  ])('%i guests → %i', (guests, limit) => {
    expect(accompanyLimit(guests)).toBe(limit);
  });

  it.each([
    [1, 3],
    [10, 3],
    [12, 4],
    [31, 10],
  ])('%i guests: %i accompanying is fine, one more is a violation', (guestCount, limit) => {
    const meal = (accompanyCount: number) => [{ date: '2027-05-10', accompanyCount, costPerPersonYuan: 100 }];
    expect(checkReception(plan({ guestCount, workMeals: meal(limit) }), standards)).toEqual([]);
    expect(checkReception(plan({ guestCount, workMeals: meal(limit + 1) }), standards)).toEqual([
      { code: 'ACCOMPANY_LIMIT_EXCEEDED', limit, requested: limit + 1 },
    ]);
  });
});

describe('checkReception', () => {
  it('accepts a plan within every rule, and a reception with no meal or lodging at all', () => {
    expect(checkReception(plan(), standards)).toEqual([]);
    expect(checkReception(plan({ workMeals: [], lodging: [] }), standards)).toEqual([]);
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['empty', ''],
    ['blank', '   '],
    ['full-width blank', '\u3000\u3000'],
  ])('a %s official letter → OFFICIAL_LETTER_REQUIRED', (_label, officialLetterRef) => {
    expect(checkReception(plan({ officialLetterRef }), standards)).toEqual([{ code: 'OFFICIAL_LETTER_REQUIRED' }]);
  });

  it('meal cost per person: at the standard is fine, one yuan over is a violation', () => {
    const meal = (costPerPersonYuan: number) => [{ date: '2027-05-10', accompanyCount: 2, costPerPersonYuan }];
    expect(checkReception(plan({ workMeals: meal(100) }), standards)).toEqual([]);
    expect(checkReception(plan({ workMeals: meal(101) }), standards)).toEqual([
      { code: 'MEAL_STANDARD_EXCEEDED', limit: 100, requested: 101 },
    ]);
  });

  it.each<[Rank, number]>([
    ['provincial', 700],
    ['departmental', 450],
    ['county', 380],
    ['other', 300],
  ])('lodging for rank %s: %i a night is fine, one yuan over is a violation', (rank, limit) => {
    const line = (ratePerNightYuan: number) => [{ rank, rooms: 1, nights: 1, ratePerNightYuan }];
    expect(checkReception(plan({ lodging: line(limit) }), standards)).toEqual([]);
    expect(checkReception(plan({ lodging: line(limit + 1) }), standards)).toEqual([
      { code: 'LODGING_STANDARD_EXCEEDED', rank, limit, requested: limit + 1 },
    ]);
  });

  it('judges each lodging line by its own rank, one violation per offending line', () => {
    const lodging = [
      { rank: 'provincial' as const, rooms: 1, nights: 2, ratePerNightYuan: 700 },
      { rank: 'county' as const, rooms: 3, nights: 2, ratePerNightYuan: 450 },
      { rank: 'other' as const, rooms: 2, nights: 2, ratePerNightYuan: 301 },
    ];
    expect(checkReception(plan({ lodging }), standards)).toEqual([
      { code: 'LODGING_STANDARD_EXCEEDED', rank: 'county', limit: 380, requested: 450 },
      { code: 'LODGING_STANDARD_EXCEEDED', rank: 'other', limit: 300, requested: 301 },
    ]);
  });

  it.each([
    [0, []],
    [1, [{ code: 'GIFTS_FORBIDDEN', requested: 1 }]],
    [500, [{ code: 'GIFTS_FORBIDDEN', requested: 500 }]],
  ])('gifts of %i yuan', (giftsYuan, expected) => {
    expect(checkReception(plan({ giftsYuan }), standards)).toEqual(expected);
  });

  it('allows one work meal and refuses a second', () => {
    const meal = { date: '2027-05-10', accompanyCount: 1, costPerPersonYuan: 80 };
    expect(checkReception(plan({ workMeals: [meal] }), standards)).toEqual([]);
    expect(checkReception(plan({ workMeals: [meal, { ...meal, date: '2027-05-11' }] }), standards)).toEqual([
      { code: 'WORK_MEAL_LIMIT_EXCEEDED', limit: 1, requested: 2 },
    ]);
  });

  it('reports every broken rule at once, in a stable order', () => {
    const broken = plan({
      officialLetterRef: ' ',
      lodging: [{ rank: 'departmental', rooms: 2, nights: 1, ratePerNightYuan: 600 }],
      giftsYuan: 200,
    });
    expect(checkReception(broken, standards)).toEqual([
      { code: 'OFFICIAL_LETTER_REQUIRED' },
      { code: 'LODGING_STANDARD_EXCEEDED', rank: 'departmental', limit: 450, requested: 600 },
      { code: 'GIFTS_FORBIDDEN', requested: 200 },
    ]);
  });

  it('fails closed on a value that is not a number', () => {
    const codes = checkReception(
      plan({
        workMeals: [{ date: '2027-05-10', accompanyCount: Number.NaN, costPerPersonYuan: Number.NaN }],
        lodging: [{ rank: 'other', rooms: 1, nights: 1, ratePerNightYuan: Number.NaN }],
        giftsYuan: Number.NaN,
      }),
      standards,
    ).map((v) => v.code);
    expect(codes).toEqual(['ACCOMPANY_LIMIT_EXCEEDED', 'MEAL_STANDARD_EXCEEDED', 'LODGING_STANDARD_EXCEEDED', 'GIFTS_FORBIDDEN']);
  });

  it('checks against the shipped placeholder defaults', () => {
    expect(DEFAULT_RECEPTION_STANDARDS).toEqual({
      workMealPerPersonYuan: 120,
      lodgingPerNightYuan: { provincial: 800, departmental: 500, county: 400, other: 350 },
    });
    const meal = [{ date: '2027-05-10', accompanyCount: 3, costPerPersonYuan: 121 }];
    expect(checkReception(plan({ workMeals: meal }), DEFAULT_RECEPTION_STANDARDS)).toEqual([
      { code: 'MEAL_STANDARD_EXCEEDED', limit: 120, requested: 121 },
    ]);
  });
});

describe('receptionTotals', () => {
  it.each([
    {
      name: 'one meal and two lodging lines',
      workMeals: [{ date: '2027-05-10', accompanyCount: 3, costPerPersonYuan: 100 }],
      lodging: [
        { rank: 'departmental' as const, rooms: 1, nights: 2, ratePerNightYuan: 450 },
        { rank: 'county' as const, rooms: 5, nights: 2, ratePerNightYuan: 380 },
      ],
      // 6 guests + 3 accompanying = 9 diners × 100; 1×2×450 + 5×2×380 = 900 + 3800
      expected: { mealDiners: 9, mealCostYuan: 900, lodgingCostYuan: 4700, totalYuan: 5600 },
    },
    {
      name: 'no meal, no lodging',
      workMeals: [],
      lodging: [],
      expected: { mealDiners: 0, mealCostYuan: 0, lodgingCostYuan: 0, totalYuan: 0 },
    },
    {
      name: 'meal only',
      workMeals: [{ date: '2027-05-10', accompanyCount: 2, costPerPersonYuan: 75 }],
      lodging: [],
      expected: { mealDiners: 8, mealCostYuan: 600, lodgingCostYuan: 0, totalYuan: 600 },
    },
  ])('$name', ({ workMeals, lodging, expected }) => {
    expect(receptionTotals(plan({ workMeals, lodging, giftsYuan: 0 }))).toEqual(expected);
  });
});

describe('lodging ranks are the listed guests’ (LODGING_RANK_NOT_IN_GUESTS)', () => {
  const county = (rooms: number) => ({ rank: 'county' as const, rooms, nights: 1, ratePerNightYuan: 300 });
  it.each([
    [
      'two county guests lodged at the provincial rank',
      ['county', 'county'],
      [{ ...county(2), rank: 'provincial' as const }],
      ['provincial'],
    ],
    ['as many rooms as guests of the rank', ['county', 'county'], [county(2)], []],
    ['one room more than guests of the rank', ['county', 'county'], [county(3)], ['county']],
    ['rooms of one rank summed over lines', ['county', 'county', 'other'], [county(1), county(2)], ['county']],
    ['no guests listed at all', [], [county(1)], ['county']],
    ['no lodging', ['county'], [], []],
  ] as [string, Rank[], ReceptionPlan['lodging'], Rank[]][])('%s', (_label, guestRanks, lodging, refused) => {
    const violations = checkReception(plan({ guestRanks, lodging }), standards).filter((v) => v.code === 'LODGING_RANK_NOT_IN_GUESTS');
    expect(violations).toEqual(refused.map((rank) => ({ code: 'LODGING_RANK_NOT_IN_GUESTS', rank })));
  });
});

describe('a letter reference names a letter only with a visible letter or digit', () => {
  it.each([
    ['阿地委函〔2027〕12号', true],
    ['12', true],
    ['Ref A', true],
    ['〔〕', false],
    ['\u200b', false],
    ['\u3000\u3000', false],
    ['-/—', false],
    ['', false],
  ])('%j → %s', (ref, names) => {
    const letterMissing = checkReception(plan({ officialLetterRef: ref }), standards).some((v) => v.code === 'OFFICIAL_LETTER_REQUIRED');
    expect(letterMissing).toBe(!names);
  });
});
