// The reports' CSV sheets (docs/API.md, "Reports"), one place for the API's `Accept: text/csv`
// and the office's download links, so both are the same bytes: UTF-8 with BOM so Excel shows
// Chinese, headers in Chinese with English in parentheses, formula-like cells neutralised.
import type { VisitKind } from '../domain/types.js';
import { RECEPTION_STATUS_WORDS, sheetWord, VISIT_STATUS_WORDS } from '../domain/words.js';
import { type CsvCell, toCsv } from '../lib/csv.js';
import type { MonthlyReport, UsageReport, UsageRow } from './reports.js';

/** A CSV download: the body and the headers that make it an attachment named `filename`. */
export interface CsvFile {
  body: string;
  headers: Record<string, string>;
}

export function csvFile(rows: CsvCell[][], filename: string): CsvFile {
  return {
    body: toCsv(rows),
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` },
  };
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
      sheetWord(VISIT_STATUS_WORDS[v.status], v.status),
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
      sheetWord(RECEPTION_STATUS_WORDS[r.status], r.status),
    ]),
  ]);
  return [header, ...rows];
}
