// The usage and monthly reports (docs/API.md, "Reports"), shared by the JSON/CSV API and the
// office's report pages: who sees what and the shape of each report live here once (their CSV
// rows in report-csv.ts), so the page and the API show the same figures.
import { listRegions, listUnits } from '../db/repo/reference.js';
import { activeReceptionsOverlapping, usageRows, type ReceptionReadScope, type UsageRow } from '../db/repo/reports.js';
import { listVisits } from '../db/repo/visits.js';
import type { Actor } from '../domain/actor.js';
import { daysInMonth } from '../domain/dates.js';
import { COUNTED_VISIT_STATUSES, type ReceptionStatus, type VisitKind, type VisitStatus } from '../domain/types.js';
import type { ServiceDeps } from './deps.js';
import { forbidden } from './errors.js';

export type { UsageRow };

export interface UsageReport {
  year: number;
  items: UsageRow[];
}

/**
 * Office: every unit. Unit: its own row only. HQ: refused: caps and usage are between the office
 * and each unit, and an HQ coordinates what is booked in its region without them.
 */
export async function usageReport(deps: ServiceDeps, actor: Actor, year: number): Promise<UsageReport> {
  if (actor.role === 'hq') throw forbidden("The usage report is the office's and each unit's own.");
  const only = actor.role === 'unit' ? (actor.unitId ?? '') : undefined;
  return { year, items: await usageRows(deps.db, year, only) };
}

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

function receptionScopeOf(actor: Actor): ReceptionReadScope {
  if (actor.role === 'hq') return { regionId: actor.regionId ?? '' };
  if (actor.role === 'unit') return { hostUnitId: actor.unitId ?? '' };
  return {};
}

/**
 * The monthly inquiry (月询): per region, the visits and receptions that touch the month (a visit
 * from 30 January to 2 February is in both months). Visits in a counted status (submitted,
 * coordinated, approved); receptions submitted or approved. Office: every region; HQ: its own
 * region; unit: every region, with its own visits and the receptions it hosts only.
 */
export async function monthlyReport(deps: ServiceDeps, actor: Actor, month: string): Promise<MonthlyReport> {
  const { db } = deps;
  const range = monthRange(month);
  const [regions, units, visits, receptions] = await Promise.all([
    listRegions(db),
    listUnits(db),
    // listVisits scopes by role itself (hq: its region; unit: its own).
    listVisits(db, actor, { status: [...COUNTED_VISIT_STATUSES], overlapping: range }),
    activeReceptionsOverlapping(db, range, receptionScopeOf(actor)),
  ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const shown = actor.role === 'hq' ? regions.filter((r) => r.id === actor.regionId) : regions;
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
