// Why a request stayed unplaced, or why a placement went stale, in the user's language. The
// solver names only the rule; where the current data supplies the numbers (a cap's limit and use,
// the blackout in the window, the window itself) the shared rule message says them, otherwise a
// sentence about the whole window does (capacity and spacing have no single date to name).
import type { PlanYearData, PlanRequestRow } from '../../services/plans.js';
import type { Placement } from '../../domain/planner/index.js';
import { DEFAULT_QUOTA_LIMITS } from '../../domain/caps.js';
import { rangesOverlap } from '../../domain/dates.js';
import type { Lang, Translate } from '../../views/i18n.js';
import { problemMessages, type ProblemLike } from '../../views/problem-messages.js';
import { PLAN_REQUEST_STATUS_WORDS, type PlanRequestStatus, say, type Words } from '../../views/labels.js';

const WINDOW_WIDE: Record<string, [string, string]> = {
  REGION_CAPACITY_EXCEEDED: ['可选时段内受援地每天的接待批次都已满', 'The region is full on some day of every start in the window'],
  REGION_SPACING_VIOLATION: ['可选时段内每个抵达日都与其他考察团抵达间隔不足', 'Every start in the window is too close to another arrival'],
  BLACKOUT_CONFLICT: ['可选时段与暂停接待期冲突', 'The window runs into a blackout period'],
  BATCH_CAP_EXCEEDED: ['本单位年度考察批次已满', "The unit's yearly batch cap is reached"],
  HEADCOUNT_CAP_EXCEEDED: ['每批人数超过上限', 'More people than one batch may have'],
  PERSON_TRIPS_CAP_EXCEEDED: ['本单位年度人次将超过上限', "The unit's yearly person-trips cap would be exceeded"],
};

/** The rule code with the numbers the current data gives it, ready for problemMessages. */
function withNumbers(code: string, request: PlanRequestRow, data: PlanYearData, placements: readonly Placement[]): ProblemLike | null {
  const limits = data.limitsByUnit[request.unitId] ?? DEFAULT_QUOTA_LIMITS;
  const usage = data.usageByUnit[request.unitId] ?? { batches: 0, personTrips: 0 };
  // The proposal's own placements of the unit use its caps too.
  const own = placements.filter((p) => p.unitId === request.unitId);
  const headcountOf = new Map(data.requests.map((r) => [r.id, r.headcount]));
  switch (code) {
    case 'WINDOW_TOO_NARROW':
      return { code, days: request.days, earliest: request.earliest, latest: request.latest };
    case 'HEADCOUNT_CAP_EXCEEDED':
      return { code, limit: limits.maxHeadcountPerBatch };
    case 'BATCH_CAP_EXCEEDED':
      return { code, limit: limits.maxBatches, used: usage.batches + own.length };
    case 'PERSON_TRIPS_CAP_EXCEEDED':
      return {
        code,
        limit: limits.maxPersonTrips,
        used: usage.personTrips + own.reduce((sum, p) => sum + (headcountOf.get(p.requestId) ?? 0), 0),
      };
    case 'BLACKOUT_CONFLICT': {
      const window = { startDate: request.earliest, endDate: request.latest };
      const blackout = data.regions[request.regionId]?.blackouts.find((b) => rangesOverlap(b, window));
      return blackout ? { code, blackout } : null;
    }
    default:
      return null;
  }
}

export function unplacedReason(
  code: string,
  request: PlanRequestRow | undefined,
  data: PlanYearData,
  placements: readonly Placement[],
  lang: Lang,
): string {
  const problem = request ? withNumbers(code, request, data, placements) : null;
  if (problem) return problemMessages(problem, lang).join(';');
  const words = WINDOW_WIDE[code];
  return words ? (lang === 'en' ? words[1] : words[0]) : problemMessages({ code }, lang).join(';');
}

export function requestStatusLabel(status: string, t: Translate): string {
  const words = PLAN_REQUEST_STATUS_WORDS[status as PlanRequestStatus] as Words | undefined;
  return words ? say(words, t) : status;
}

/** A stale placement's reason: the rule with its numbers, or what happened to the request. */
export function staleReasonText(reason: ProblemLike, lang: Lang, t: Translate): string {
  switch (reason.code) {
    case 'REQUEST_NOT_OPEN':
      return t(`该需求已${requestStatusLabel(String(reason.status), t)}`, `the request is ${String(reason.status)}`);
    case 'START_BEFORE_TODAY':
      return t(`开始日期已过去(今天是 ${reason.today})`, `it starts before today (${reason.today})`);
    case 'OUTSIDE_PLAN_YEAR':
    case 'OUTSIDE_REQUEST_WINDOW':
    case 'UNKNOWN_REQUEST':
      return t('安排与需求不再相符', 'the placement no longer matches its request');
    default:
      return problemMessages(reason, lang).join(';');
  }
}
