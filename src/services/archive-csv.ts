// The sheets of a year's archive (档案): every visit, every reception and every history entry of
// the year, one row each, as the reports' CSVs are written (src/lib/csv.ts: UTF-8 with BOM so
// Excel shows Chinese, RFC 4180 quoting, cells that could start a formula neutralised).
import type { AuditRow } from '../db/repo/archive.js';
import type { ReceptionRow } from '../db/repo/receptions.js';
import { receptionView } from '../db/repo/receptions.js';
import type { VisitRow } from '../db/repo/visits.js';
import { receptionTotals } from '../domain/reception-rules.js';
import { type CsvCell, toCsv } from '../lib/csv.js';
import { RANK_LABELS } from './reception-list.js';
import { receptionPlanOf } from './receptions-shared.js';

export type NameOf = (id: string) => string;

export function visitsCsv(rows: VisitRow[], unitName: NameOf, regionName: NameOf): string {
  const header = [
    '编号 (ID)',
    '单位编号 (Unit ID)',
    '单位 (Unit)',
    '地区编号 (Region ID)',
    '地区 (Region)',
    '类型 (Kind)',
    '开始日期 (Start date)',
    '结束日期 (End date)',
    '人数 (Headcount)',
    '带队领导 (Leader)',
    '职务 (Leader title)',
    '事由 (Purpose)',
    '慰问干部 (Cadres visited)',
    '慰问金 (Consolation, yuan)',
    '状态 (Status)',
    '衔接意见 (HQ opinion)',
    '版本 (Sequence)',
    '登记人 (Created by)',
    '登记时间 (Created at)',
    '更新时间 (Updated at)',
  ];
  const body = rows.map((v): CsvCell[] => [
    v.id,
    v.unitId,
    unitName(v.unitId),
    v.regionId,
    regionName(v.regionId),
    v.kind,
    v.startDate,
    v.endDate,
    v.headcount,
    v.leaderName,
    v.leaderTitle,
    v.purpose,
    v.cadresVisited,
    v.consolationYuan,
    v.status,
    v.coordinationOpinion,
    v.sequence,
    v.createdBy,
    v.createdAt,
    v.updatedAt,
  ]);
  return toCsv([header, ...body]);
}

export function receptionsCsv(rows: ReceptionRow[], unitName: NameOf, regionName: NameOf): string {
  const header = [
    '编号 (ID)',
    '接待单位编号 (Host unit ID)',
    '接待单位 (Host unit)',
    '地区编号 (Region ID)',
    '来访地区 (Region)',
    '公函 (Official letter)',
    '开始日期 (Start date)',
    '结束日期 (End date)',
    '来宾人数 (Guests)',
    '带队级别 (Lead rank)',
    '来宾名单 (Guest list)',
    '接待地点 (Venue)',
    '工作餐费用 (Meal cost, yuan)',
    '住宿费用 (Lodging cost, yuan)',
    '合计 (Total, yuan)',
    '礼品 (Gifts, yuan)',
    '状态 (Status)',
    '版本 (Sequence)',
    '登记人 (Created by)',
    '登记时间 (Created at)',
    '更新时间 (Updated at)',
  ];
  const body = rows.map((row): CsvCell[] => {
    const r = receptionView(row);
    const totals = receptionTotals(receptionPlanOf(r));
    return [
      r.id,
      r.hostUnitId,
      unitName(r.hostUnitId),
      r.regionId,
      regionName(r.regionId),
      r.officialLetterRef,
      r.startDate,
      r.endDate,
      r.guestCount,
      RANK_LABELS[r.leadRank],
      r.guests.map((g) => `${g.name} (${g.title}, ${RANK_LABELS[g.rank]})`).join('; '),
      r.venue,
      totals.mealCostYuan,
      totals.lodgingCostYuan,
      totals.totalYuan,
      r.giftsYuan,
      r.status,
      r.sequence,
      r.createdBy,
      r.createdAt,
      r.updatedAt,
    ];
  });
  return toCsv([header, ...body]);
}

export function historyCsv(rows: AuditRow[], accountName: NameOf): string {
  const header = [
    '序号 (Entry)',
    '对象 (Entity)',
    '对象编号 (Entity ID)',
    '时间 (At, UTC)',
    '操作人编号 (Actor ID)',
    '操作人 (Actor)',
    '操作 (Action)',
    '原状态 (From)',
    '新状态 (To)',
    '说明 (Note)',
  ];
  const body = rows.map((a): CsvCell[] => [
    a.id,
    a.entity,
    a.entityId,
    a.at,
    a.actorId,
    accountName(a.actorId),
    a.action,
    a.fromStatus,
    a.toStatus,
    a.note,
  ]);
  return toCsv([header, ...body]);
}
