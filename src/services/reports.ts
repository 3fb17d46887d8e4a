// The usage and monthly reports (CONTRACT.md, "Reports"), shared by the JSON/CSV API and the
// office's report pages: who sees what, the shape of each report, and its CSV rows live here
// once, so the page's CSV download and `Accept: text/csv` on the API are the same bytes.
import type { Actor } from '../domain/actor.js';
import type { Db } from '../db/client.js';
import { listRegions, listUnits } from '../db/repo/reference.js';
import { activeReceptionsOverlapping, usageRows, type ReceptionReadScope, type UsageRow } from '../db/repo/reports.js';
import { listVisits } from '../db/repo/visits.js';
import { daysInMonth } from '../domain/dates.js';
import { COUNTED_VISIT_STATUSES, type ReceptionStatus, type VisitKind, type VisitStatus } from '../domain/types.js';
import type { CsvCell } from '../lib/csv.js';

export interface UsageReport {
  year: number;
  items: UsageRow[];
}

/**
 * Office and HQ: every unit (an HQ plans its region's calendar with every unit's remaining
 * caps in view; the report is read-only). Unit: its own row only.
 */
export async function usageReport(db: Db, user: Actor, year: number): Promise<UsageReport> {
  const only = user.role === 'unit' ? (user.unitId ?? '') : undefined;
  return { year, items: await usageRows(db, year, only) };
}

const KIND_LABELS: Record<UsageRow['kind'], string> = { city: '设区市 (city)', department: '省直部门 (department)' };

export function usageCsvRows(report: UsageReport): CsvCell[][] {
  return [
    [
      '年度 (Year)',
      '单位编号 (Unit ID)',
      '单位名称 (Unit name)',
      '类型 (Kind)',
      '批次上限 (Max batches)',
      '每批人数上限 (Max headcount per batch)',
      '人次上限 (Max person-trips)',
      '单独设定 (Own caps)',
      '已用批次 (Batches used)',
      '已用人次 (Person-trips used)',
      '剩余批次 (Batches remaining)',
      '剩余人次 (Person-trips remaining)',
    ],
    ...report.items.map((r) => [
      report.year,
      r.unitId,
      r.unitName,
      KIND_LABELS[r.kind],
      r.limits.maxBatches,
      r.limits.maxHeadcountPerBatch,
      r.limits.maxPersonTrips,
      r.overridden ? '是 (yes)' : '否 (no)',
      r.used.batches,
      r.used.personTrips,
      r.remaining.batches,
      r.remaining.personTrips,
    ]),
  ];
}

/** `YYYY-MM` with a real month; the year within what the rest of the API accepts. */
export const MONTH_PATTERN = /^(2\d{3})-(0[1-9]|1[0-2])$/;

/** The month's first and last calendar day: the range a record must touch to be in the report. */
export function monthRange(month: string): { startDate: string; endDate: string } {
  const [year, mm] = month.split('-').map(Number) as [number, number];
  return { startDate: `${month}-01`, endDate: `${month}-${String(daysInMonth(year, mm)).padStart(2, '0')}` };
}

/** The month `offset` months from `month` (−1: the one before). */
export function shiftMonth(month: string, offset: number): string {
  const [year, mm] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (mm - 1) + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export interface MonthlyVisit {
  id: string;
  unitId: string;
  unitName: string;
  kind: VisitKind;
  startDate: string;
  endDate: string;
  headcount: number;
  leaderName: string;
  purpose: string;
  status: VisitStatus;
}

export interface MonthlyReception {
  id: string;
  hostUnitId: string;
  hostUnitName: string;
  startDate: string;
  endDate: string;
  guestCount: number;
  status: ReceptionStatus;
}

export interface MonthlyRegion {
  regionId: string;
  regionName: string;
  visits: MonthlyVisit[];
  receptions: MonthlyReception[];
  totals: { visits: number; delegates: number; receptions: number; guests: number };
}

export interface MonthlyReport {
  month: string;
  regions: MonthlyRegion[];
}

function receptionScopeOf(user: Actor): ReceptionReadScope {
  if (user.role === 'hq') return { regionId: user.regionId ?? '' };
  if (user.role === 'unit') return { hostUnitId: user.unitId ?? '' };
  return {};
}

/**
 * The monthly inquiry (月询): per region, the visits and receptions that touch the month (a visit
 * from 30 January to 2 February is in both months). Visits in a counted status (submitted,
 * coordinated, approved); receptions submitted or approved. Office: every region; HQ: its own
 * region; unit: every region, with its own visits and the receptions it hosts only.
 */
export async function monthlyReport(db: Db, user: Actor, month: string): Promise<MonthlyReport> {
  const range = monthRange(month);
  const [regions, units, visits, receptions] = await Promise.all([
    listRegions(db),
    listUnits(db),
    // listVisits scopes by role itself (hq: its region; unit: its own).
    listVisits(db, user, { status: [...COUNTED_VISIT_STATUSES], overlapping: range }),
    activeReceptionsOverlapping(db, range, receptionScopeOf(user)),
  ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const shown = user.role === 'hq' ? regions.filter((r) => r.id === user.regionId) : regions;
  return {
    month,
    regions: shown.map((region) => {
      const regionVisits = visits
        .filter((v) => v.regionId === region.id)
        .map((v) => ({
          id: v.id,
          unitId: v.unitId,
          unitName: unitName.get(v.unitId) ?? v.unitId,
          kind: v.kind,
          startDate: v.startDate,
          endDate: v.endDate,
          headcount: v.headcount,
          leaderName: v.leaderName,
          purpose: v.purpose,
          status: v.status,
        }));
      const regionReceptions = receptions
        .filter((r) => r.regionId === region.id)
        .map((r) => ({
          id: r.id,
          hostUnitId: r.hostUnitId,
          hostUnitName: unitName.get(r.hostUnitId) ?? r.hostUnitId,
          startDate: r.startDate,
          endDate: r.endDate,
          guestCount: r.guestCount,
          status: r.status,
        }));
      return {
        regionId: region.id,
        regionName: region.name,
        visits: regionVisits,
        receptions: regionReceptions,
        totals: {
          visits: regionVisits.length,
          delegates: regionVisits.reduce((sum, v) => sum + v.headcount, 0),
          receptions: regionReceptions.length,
          guests: regionReceptions.reduce((sum, r) => sum + r.guestCount, 0),
        },
      };
    }),
  };
}

const VISIT_KIND_LABELS: Record<VisitKind, string> = { inspection: '考察 (inspection)', condolence: '慰问 (condolence)' };

/** One flat row per visit or reception, so the sheet can be filtered and summed in Excel. */
export function monthlyCsvRows(report: MonthlyReport): CsvCell[][] {
  const header = [
    '月份 (Month)',
    '地区编号 (Region ID)',
    '地区 (Region)',
    '类别 (Record)',
    '编号 (ID)',
    '单位编号 (Unit ID)',
    '单位 (Unit)',
    '类型 (Kind)',
    '开始日期 (Start date)',
    '结束日期 (End date)',
    '人数 (People)',
    '状态 (Status)',
  ];
  const rows = report.regions.flatMap((region) => [
    ...region.visits.map((v): CsvCell[] => [
      report.month,
      region.regionId,
      region.regionName,
      '考察团 (visit)',
      v.id,
      v.unitId,
      v.unitName,
      VISIT_KIND_LABELS[v.kind],
      v.startDate,
      v.endDate,
      v.headcount,
      v.status,
    ]),
    ...region.receptions.map((r): CsvCell[] => [
      report.month,
      region.regionId,
      region.regionName,
      '来访接待 (reception)',
      r.id,
      r.hostUnitId,
      r.hostUnitName,
      '',
      r.startDate,
      r.endDate,
      r.guestCount,
      r.status,
    ]),
  ]);
  return [header, ...rows];
}
