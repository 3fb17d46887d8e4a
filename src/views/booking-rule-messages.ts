// The booking rules' refusals in the user's language, with the numbers that explain them. Keyed
// by refusal code (the booking-rule index, src/domain/booking-rules.ts), so a new rule does not
// compile until it has both its Chinese and English sentence here.
import { isBookingRefusalCode, type RefusalNumbers } from '../domain/booking-rules.js';
import type { BookingRefusalCode } from '../domain/types.js';
import type { Words } from './labels.js';

const list = (value: unknown) => (Array.isArray(value) ? value.join(', ') : String(value ?? ''));

/**
 * Each rule's words. The numbers come from a problem body, so any may be missing; a missing one
 * shows as it would in a template string rather than failing the page.
 */
export const BOOKING_RULE_MESSAGES: { readonly [C in BookingRefusalCode]: (numbers: RefusalNumbers<C>) => Words } = {
  BATCH_CAP_EXCEEDED: (p) => ({
    zh: `本年度考察批次已满:上限 ${p.limit} 批,已用 ${p.used} 批`,
    en: `This year's batch cap is reached: limit ${p.limit}, ${p.used} used`,
  }),
  HEADCOUNT_CAP_EXCEEDED: (p) => ({
    zh: `每批人数超过上限:每批最多 ${p.limit} 人`,
    en: `Too many people in one batch: at most ${p.limit}`,
  }),
  PERSON_TRIPS_CAP_EXCEEDED: (p) => ({
    zh: `本年度人次将超过上限:上限 ${p.limit} 人次,已用 ${p.used} 人次`,
    en: `This year's person-trips cap would be exceeded: limit ${p.limit}, ${p.used} used`,
  }),
  REGION_CAPACITY_EXCEEDED: (p) => ({
    zh: `受援地接待已满:每天最多 ${p.limit} 批,已满日期 ${list(p.dates)}`,
    en: `The region is full: at most ${p.limit} delegations a day, full on ${list(p.dates)}`,
  }),
  REGION_SPACING_VIOLATION: (p) => ({
    zh: `与其他考察团抵达间隔不足 ${p.minGapDays} 天(最近一批 ${p.nearest} 抵达)`,
    en: `Arrivals must be ${p.minGapDays} days apart; another delegation arrives on ${p.nearest}`,
  }),
  BLACKOUT_CONFLICT: (p) => {
    const b = p.blackout;
    return {
      zh: `所选日期与暂停接待期冲突:${b?.startDate} 至 ${b?.endDate}(${b?.reason})`,
      en: `The dates touch a blackout period: ${b?.startDate} to ${b?.endDate} (${b?.reason})`,
    };
  },
};

/** The words for a problem that is a booking refusal; null for any other code. */
export function bookingRuleMessage(problem: { code: string; [field: string]: unknown }): Words | null {
  if (!isBookingRefusalCode(problem.code)) return null;
  // A refusal's problem body carries its numbers by name (services/visit-problems.ts#refusalProblem);
  // the entry for the code reads those it needs, each possibly missing.
  const words = BOOKING_RULE_MESSAGES[problem.code] as (numbers: Record<string, unknown>) => Words;
  return words(problem);
}
