// The reception list (接待清单) the 2013 rules require after the event: guests, activities,
// times, places and costs. Shared by GET /api/v1/receptions/{id}/list and the unit's printable
// page and CSV download, so all three show the same figures.
import type { ReceptionActivity, ReceptionGuest, ReceptionView } from '../db/repo/receptions.js';
import { findRegion, findUnit } from '../db/repo/reference.js';
import { receptionTotals, type LodgingLine, type ReceptionTotals } from '../domain/reception-rules.js';
import type { Rank, ReceptionStatus } from '../domain/types.js';
import { RANK_WORDS, RANKS, RECEPTION_STATUS_WORDS, sheetWord } from '../domain/words.js';
import { toCsv, type CsvCell } from '../lib/csv.js';
import type { Actor } from '../domain/actor.js';
import type { ServiceDeps } from './deps.js';
import { receptionPlanOf, visibleReception } from './receptions-shared.js';

interface Named {
  id: string;
  name: string;
}

/** The reception list as the API sends it (schemas/reception-list.ts documents it as ReceptionList). */
export interface ReceptionList {
  receptionId: string;
  status: ReceptionStatus;
  hostUnit: Named;
  region: Named;
  officialLetterRef: string;
  startDate: string;
  endDate: string;
  venue: string | null;
  guestCount: number;
  leadRank: Rank;
  guests: ReceptionGuest[];
  activities: ReceptionActivity[];
  workMeal: { date: string; guests: number; accompanying: number; diners: number; costPerPersonYuan: number; costYuan: number } | null;
  lodging: (LodgingLine & { costYuan: number })[];
  totals: ReceptionTotals;
}

export const RANK_LABELS = Object.fromEntries(RANKS.map((rank) => [rank, sheetWord(RANK_WORDS[rank], rank)])) as Record<Rank, string>;

export function receptionListOf(
  reception: ReceptionView,
  hostUnit: { id: string; name: string },
  region: { id: string; name: string },
): ReceptionList {
  const meal = reception.workMeal;
  const mealDiners = meal ? reception.guestCount + meal.accompanyCount : 0;
  return {
    receptionId: reception.id,
    status: reception.status,
    hostUnit,
    region,
    officialLetterRef: reception.officialLetterRef,
    startDate: reception.startDate,
    endDate: reception.endDate,
    venue: reception.venue,
    guestCount: reception.guestCount,
    leadRank: reception.leadRank,
    guests: reception.guests,
    activities: reception.activities,
    workMeal: meal && {
      date: meal.date,
      guests: reception.guestCount,
      accompanying: meal.accompanyCount,
      diners: mealDiners,
      costPerPersonYuan: meal.costPerPersonYuan,
      costYuan: mealDiners * meal.costPerPersonYuan,
    },
    lodging: reception.lodging.map((line) => ({ ...line, costYuan: line.rooms * line.nights * line.ratePerNightYuan })),
    totals: receptionTotals(receptionPlanOf(reception)),
  };
}

/** One section after another, each a title row and a header row, ending in the totals. */
export function receptionListCsvRows(list: ReceptionList): CsvCell[][] {
  const section = (title: string, header: string[], rows: CsvCell[][]): CsvCell[][] => [[], [title], header, ...rows];
  return [
    ['接待清单 (Reception list)'],
    ['接待单位 (Host unit)', list.hostUnit.name, list.hostUnit.id],
    ['来访地区 (Region)', list.region.name, list.region.id],
    ['公函 (Official letter)', list.officialLetterRef],
    ['开始日期 (Start date)', list.startDate],
    ['结束日期 (End date)', list.endDate],
    ['接待地点 (Venue)', list.venue],
    ['来宾人数 (Guest count)', list.guestCount],
    ['带队级别 (Lead rank)', RANK_LABELS[list.leadRank]],
    ['状态 (Status)', sheetWord(RECEPTION_STATUS_WORDS[list.status], list.status)],
    ...section(
      '来宾 (Guests)',
      ['姓名 (Name)', '职务 (Title)', '级别 (Rank)'],
      list.guests.map((g) => [g.name, g.title, RANK_LABELS[g.rank]]),
    ),
    ...section(
      '活动 (Activities)',
      ['日期 (Date)', '内容 (Description)', '地点 (Place)'],
      list.activities.map((a) => [a.date, a.description, a.place]),
    ),
    ...section(
      '工作餐 (Work meal)',
      ['日期 (Date)', '来宾 (Guests)', '陪餐 (Accompanying)', '用餐人数 (Diners)', '人均 (Cost per person, yuan)', '金额 (Cost, yuan)'],
      list.workMeal
        ? [
            [
              list.workMeal.date,
              list.workMeal.guests,
              list.workMeal.accompanying,
              list.workMeal.diners,
              list.workMeal.costPerPersonYuan,
              list.workMeal.costYuan,
            ],
          ]
        : [],
    ),
    ...section(
      '住宿 (Lodging)',
      ['级别 (Rank)', '房间 (Rooms)', '晚数 (Nights)', '房价 (Rate per night, yuan)', '金额 (Cost, yuan)'],
      list.lodging.map((l) => [RANK_LABELS[l.rank], l.rooms, l.nights, l.ratePerNightYuan, l.costYuan]),
    ),
    ...section(
      '合计 (Totals)',
      ['项目 (Item)', '数值 (Value)'],
      [
        ['工作餐用餐人次 (Meal diners)', list.totals.mealDiners],
        ['工作餐费用 (Meal cost, yuan)', list.totals.mealCostYuan],
        ['住宿费用 (Lodging cost, yuan)', list.totals.lodgingCostYuan],
        ['合计 (Total, yuan)', list.totals.totalYuan],
      ],
    ),
  ];
}

/** The list of a reception the caller may see (404 otherwise). */
export async function receptionListFor(deps: ServiceDeps, actor: Actor, id: string): Promise<ReceptionList> {
  const reception = await visibleReception(deps, actor, id);
  const [unit, region] = await Promise.all([findUnit(deps.db, reception.hostUnitId), findRegion(deps.db, reception.regionId)]);
  // Both are foreign keys of the stored reception, so a missing one means a broken database.
  if (!unit || !region) throw new Error(`reception ${reception.id} refers to a missing unit or region`);
  return receptionListOf(reception, { id: unit.id, name: unit.name }, { id: region.id, name: region.name });
}

/** The CSV download: UTF-8 with BOM so Excel shows Chinese, formula-like cells neutralised. */
export function receptionListCsv(list: ReceptionList): string {
  return toCsv(receptionListCsvRows(list));
}

export function receptionListCsvHeaders(list: ReceptionList): Record<string, string> {
  return {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="reception-${list.receptionId}.csv"`,
  };
}
