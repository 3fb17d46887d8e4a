// The month calendar's data: which month, its Monday-first weeks, and the region's visits,
// receptions and blackouts that touch it. One query per kind, whatever the number of events.
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { Actor } from '../../domain/actor.js';
import { daysInMonth, fromDayNumber, type IsoDate, toDayNumber } from '../../domain/dates.js';
import type { Blackout } from '../../domain/types.js';
import { referenceNames } from '../../services/reference.js';
import { type MonthlyReception, type MonthlyVisit, monthlyReport } from '../../services/reports.js';
import { regionNameIn } from './labels.js';

export interface Month {
  year: number;
  month: number;
}

/** `YYYY-MM` → the month; null for anything else (so a bad link cannot break the page). */
export function parseMonth(value: string | undefined): Month | null {
  const match = /^(\d{4})-(\d{2})$/.exec(value ?? '');
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  return year >= 1900 && year <= 2999 && month >= 1 && month <= 12 ? { year, month } : null;
}

export function monthKey(m: Month): string {
  return `${m.year}-${String(m.month).padStart(2, '0')}`;
}

export function shiftMonth(m: Month, delta: number): Month {
  const index = m.year * 12 + (m.month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function firstDay(m: Month): IsoDate {
  return `${monthKey(m)}-01`;
}

export function lastDay(m: Month): IsoDate {
  return `${monthKey(m)}-${String(daysInMonth(m.year, m.month)).padStart(2, '0')}`;
}

/** Weeks from Monday to Sunday; days outside the month are null. */
export function monthWeeks(m: Month): (IsoDate | null)[][] {
  const first = toDayNumber(firstDay(m));
  // 1970-01-01 was a Thursday: day number 0 → index 3 with Monday as 0.
  const leading = (((first + 3) % 7) + 7) % 7;
  const cells: (IsoDate | null)[] = Array.from({ length: leading }, () => null);
  for (let d = 0; d < daysInMonth(m.year, m.month); d++) cells.push(fromDayNumber(first + d));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (IsoDate | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export interface RegionMonth {
  month: Month;
  regionName: string;
  unitNames: Map<string, string>;
  visits: MonthlyVisit[];
  receptions: MonthlyReception[];
  blackouts: Blackout[];
}

const touches = (row: { startDate: string; endDate: string }, from: IsoDate, to: IsoDate) => row.startDate <= to && row.endDate >= from;

/**
 * The region's month: its counted visits and active receptions that touch the month (the
 * monthly outlook's reads, one each, bounded by the month), names and blackouts.
 */
export async function loadRegionMonth(c: Context<AppEnv>, user: Actor, month: Month): Promise<RegionMonth> {
  const { deps } = c.var;
  const [report, { regions, units }] = await Promise.all([monthlyReport(deps, user, monthKey(month)), referenceNames(deps)]);
  const region = regions.find((r) => r.id === user.regionId);
  const own = report.regions.find((r) => r.regionId === user.regionId);
  return {
    month,
    regionName: regionNameIn(c, region) ?? user.regionId ?? '',
    unitNames: new Map(units.map((u) => [u.id, u.name])),
    visits: own?.visits ?? [],
    receptions: own?.receptions ?? [],
    blackouts: (region?.rules.blackouts ?? []).filter((b) => touches(b, firstDay(month), lastDay(month))),
  };
}
