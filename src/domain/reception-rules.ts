// Official reception (公务接待) checks from 党政机关国内公务接待管理规定 (2013) and the office's
// standards table (docs/ARCHITECTURE.md, "Reception rules"). Pure: plan and standards in, violations out.
// Money is whole yuan. Each comparison is written `!(requested <= limit)` so that a value that is
// not a number (NaN slipping past validation) fails closed as a violation instead of passing.
import type { Rank } from './types.js';

export interface ReceptionStandards {
  workMealPerPersonYuan: number;
  lodgingPerNightYuan: Record<Rank, number>;
}

/**
 * Placeholders only: the 2013 rules leave the amounts to local standards, and the office is
 * expected to set its own through PUT /api/v1/standards/reception before relying on the checks.
 */
export const DEFAULT_RECEPTION_STANDARDS: ReceptionStandards = {
  workMealPerPersonYuan: 120,
  lodgingPerNightYuan: { provincial: 800, departmental: 500, county: 400, other: 350 },
};

export interface WorkMeal {
  date: string;
  accompanyCount: number;
  costPerPersonYuan: number;
}

export interface LodgingLine {
  rank: Rank;
  rooms: number;
  nights: number;
  ratePerNightYuan: number;
}

export interface ReceptionPlan {
  officialLetterRef: string | null | undefined;
  guestCount: number;
  /** The listed guests' ranks (the reception list names every guest). */
  guestRanks: Rank[];
  workMeals: WorkMeal[];
  lodging: LodgingLine[];
  giftsYuan: number;
}

export type ReceptionViolation =
  | { code: 'OFFICIAL_LETTER_REQUIRED' }
  | { code: 'WORK_MEAL_LIMIT_EXCEEDED'; limit: 1; requested: number }
  | { code: 'ACCOMPANY_LIMIT_EXCEEDED'; limit: number; requested: number }
  | { code: 'MEAL_STANDARD_EXCEEDED'; limit: number; requested: number }
  | { code: 'LODGING_STANDARD_EXCEEDED'; rank: Rank; limit: number; requested: number }
  | { code: 'LODGING_RANK_NOT_IN_GUESTS'; rank: Rank }
  | { code: 'GIFTS_FORBIDDEN'; requested: number };

export type ReceptionViolationCode = ReceptionViolation['code'];

/** 2013 rules: at most one work meal (工作餐) per reception. */
export const MAX_WORK_MEALS = 1;

/** 2013 rules: accompanying diners (陪餐) ≤ 3 for up to 10 guests, otherwise ≤ a third of them. */
export function accompanyLimit(guestCount: number): number {
  return guestCount <= 10 ? 3 : Math.floor(guestCount / 3);
}

/** A reference names a letter only with a visible letter or digit: "〔〕" or a zero-width space is none. */
export function namesALetter(ref: string | null | undefined): boolean {
  return /[\p{L}\p{N}]/u.test(ref ?? '');
}

/**
 * Ranks whose lodging the listed guests do not justify: a rank no guest holds, or more rooms at a
 * rank (over all lines) than guests of it. The rate limit follows the rank, so a rank must be a
 * guest's, not the host's choice. In the order the ranks first appear in the lodging lines.
 */
function lodgingRanksNotInGuests(plan: ReceptionPlan): Rank[] {
  const rooms = new Map<Rank, number>();
  for (const line of plan.lodging) rooms.set(line.rank, (rooms.get(line.rank) ?? 0) + line.rooms);
  return [...rooms].filter(([rank, count]) => count > plan.guestRanks.filter((r) => r === rank).length).map(([rank]) => rank);
}

/**
 * Every broken rule at once, so the unit can fix the plan in one round. Stable order: letter,
 * meal count, then per meal (accompany, cost), then one per offending lodging line, then lodging
 * ranks the guests do not hold, then gifts.
 */
export function checkReception(plan: ReceptionPlan, standards: ReceptionStandards): ReceptionViolation[] {
  const violations: ReceptionViolation[] = [];

  // 无公函不接待: a reference without a visible letter or digit (blank, punctuation, zero-width) is no letter.
  if (!namesALetter(plan.officialLetterRef)) violations.push({ code: 'OFFICIAL_LETTER_REQUIRED' });

  if (plan.workMeals.length > MAX_WORK_MEALS) {
    violations.push({ code: 'WORK_MEAL_LIMIT_EXCEEDED', limit: MAX_WORK_MEALS, requested: plan.workMeals.length });
  }

  const maxAccompany = accompanyLimit(plan.guestCount);
  for (const meal of plan.workMeals) {
    if (!(meal.accompanyCount <= maxAccompany)) {
      violations.push({ code: 'ACCOMPANY_LIMIT_EXCEEDED', limit: maxAccompany, requested: meal.accompanyCount });
    }
    const mealLimit = standards.workMealPerPersonYuan;
    if (!(meal.costPerPersonYuan <= mealLimit)) {
      violations.push({ code: 'MEAL_STANDARD_EXCEEDED', limit: mealLimit, requested: meal.costPerPersonYuan });
    }
  }

  for (const line of plan.lodging) {
    const limit = standards.lodgingPerNightYuan[line.rank];
    if (!(line.ratePerNightYuan <= limit)) {
      violations.push({ code: 'LODGING_STANDARD_EXCEEDED', rank: line.rank, limit, requested: line.ratePerNightYuan });
    }
  }

  for (const rank of lodgingRanksNotInGuests(plan)) violations.push({ code: 'LODGING_RANK_NOT_IN_GUESTS', rank });

  // 不得赠送礼金、有价证券、纪念品和土特产品: any amount at all is a violation.
  if (!(plan.giftsYuan <= 0)) violations.push({ code: 'GIFTS_FORBIDDEN', requested: plan.giftsYuan });

  return violations;
}

export interface ReceptionTotals {
  /** Guests plus accompanying diners, summed over the work meals (person-meals). */
  mealDiners: number;
  mealCostYuan: number;
  lodgingCostYuan: number;
  totalYuan: number;
}

/** The cost lines of the reception list (接待清单). Gifts are not a cost: they are forbidden. */
export function receptionTotals(plan: ReceptionPlan): ReceptionTotals {
  let mealDiners = 0;
  let mealCostYuan = 0;
  for (const meal of plan.workMeals) {
    const diners = plan.guestCount + meal.accompanyCount;
    mealDiners += diners;
    mealCostYuan += diners * meal.costPerPersonYuan;
  }
  const lodgingCostYuan = plan.lodging.reduce((sum, line) => sum + line.rooms * line.nights * line.ratePerNightYuan, 0);
  return { mealDiners, mealCostYuan, lodgingCostYuan, totalYuan: mealCostYuan + lodgingCostYuan };
}
