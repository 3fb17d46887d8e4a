// Condolence balance data (docs/API.md, "Condolence balance"): cadre rosters per year, the
// office's balance thresholds, and the condolence visits the pure computeBalance needs.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { DEFAULT_BALANCE_THRESHOLDS, type BalanceThresholds, type CadreEntry, type CondolenceVisit } from '../../domain/balance.js';
import { COUNTED_VISIT_STATUSES } from '../../domain/types.js';
import type { Db } from '../client.js';
import { cadreRosters, regions, visits } from '../schema.js';
import { z } from 'zod';
import { findStandard, saveStandard } from './standards.js';

export const BALANCE_STANDARDS_NAME = 'balance';

// The stored value's shape. Its bounds were checked by the API's schema (schemas/balance.ts) on
// the way in, and only saveBalanceThresholds writes the row: a mismatch is a bug, hence a throw.
const StoredThresholds = z.object({ overRatio: z.number(), underRatio: z.number() }).strict();

export async function currentBalanceThresholds(db: Db): Promise<BalanceThresholds> {
  const stored = await findStandard(db, BALANCE_STANDARDS_NAME);
  return stored ? StoredThresholds.parse(stored.value) : { ...DEFAULT_BALANCE_THRESHOLDS };
}

export function saveBalanceThresholds(db: Db, args: { value: BalanceThresholds; actorId: string; now: Date }): Promise<void> {
  return saveStandard(db, { name: BALANCE_STANDARDS_NAME, ...args });
}

/** Which rows of a year to read: a region's (HQ, per-region report), a unit's, or all. */
export interface BalanceScope {
  regionId?: string;
  unitId?: string;
}

export async function listCadres(db: Db, year: number, scope: BalanceScope = {}): Promise<CadreEntry[]> {
  return db
    .select({ unitId: cadreRosters.unitId, regionId: cadreRosters.regionId, count: cadreRosters.count })
    .from(cadreRosters)
    .where(
      and(
        eq(cadreRosters.year, year),
        scope.regionId ? eq(cadreRosters.regionId, scope.regionId) : undefined,
        scope.unitId ? eq(cadreRosters.unitId, scope.unitId) : undefined,
      ),
    )
    .orderBy(asc(cadreRosters.regionId), asc(cadreRosters.unitId));
}

/**
 * Replaces the whole year's roster: the old rows go, the new ones and an audit row land, all in
 * one batch so a reader never sees half a roster (docs/ARCHITECTURE.md: one batch, no interactive transaction).
 * The caller has checked units, regions and duplicates.
 */
export async function replaceCadreRoster(db: Db, args: { year: number; entries: CadreEntry[]; actorId: string; now: Date }): Promise<void> {
  const at = args.now.toISOString();
  const rows = args.entries.map((e) => ({ year: args.year, unitId: e.unitId, regionId: e.regionId, count: e.count }));
  await db.batch([
    db.delete(cadreRosters).where(eq(cadreRosters.year, args.year)),
    ...(rows.length ? [db.insert(cadreRosters).values(rows)] : []),
    db.run(sql`INSERT INTO audit_log (entity, entity_id, at, actor_id, action, note)
      VALUES ('cadres', ${String(args.year)}, ${at}, ${args.actorId}, 'replace', ${JSON.stringify(args.entries)})`),
  ]);
}

/** The year's condolence visits that hold a place (the only ones the balance counts). */
export async function countedCondolenceVisits(db: Db, year: number, regionId?: string): Promise<CondolenceVisit[]> {
  return db
    .select({ unitId: visits.unitId, regionId: visits.regionId, status: visits.status, consolationYuan: visits.consolationYuan })
    .from(visits)
    .where(
      and(
        eq(visits.year, year),
        eq(visits.kind, 'condolence'),
        inArray(visits.status, [...COUNTED_VISIT_STATUSES]),
        regionId ? eq(visits.regionId, regionId) : undefined,
      ),
    );
}

/** A region's year: the balance of each is computed on its own. */
export interface RegionYear {
  year: number;
  regionId: string;
}

const distinct = <T>(values: T[]): T[] => [...new Set(values)];

/**
 * The counted condolence visits of several region-years in one read, grouped by unit and status
 * (`count` visits, `consolationYuan` their sum), so a page of visits needs this one statement for
 * its balance warnings however many visits each region-year holds. Years and regions are asked
 * for as two lists (a few parameters, whatever the page), so rows of other pairs of them may come
 * back too; the caller picks its pairs.
 */
export async function condolenceTallies(db: Db, pairs: readonly RegionYear[]): Promise<(CondolenceVisit & { year: number })[]> {
  if (pairs.length === 0) return [];
  const rows = await db
    .select({
      year: visits.year,
      unitId: visits.unitId,
      regionId: visits.regionId,
      status: visits.status,
      count: sql<number>`count(*)`,
      consolationYuan: sql<number>`coalesce(sum(${visits.consolationYuan}), 0)`,
    })
    .from(visits)
    .where(
      and(
        eq(visits.kind, 'condolence'),
        inArray(visits.status, [...COUNTED_VISIT_STATUSES]),
        inArray(visits.year, distinct(pairs.map((p) => p.year))),
        inArray(visits.regionId, distinct(pairs.map((p) => p.regionId))),
      ),
    )
    .groupBy(visits.year, visits.regionId, visits.unitId, visits.status);
  return rows.map((r) => ({ ...r, count: Number(r.count), consolationYuan: Number(r.consolationYuan) }));
}

/** The cadre rosters of several region-years in one read (other pairs of those years and regions too). */
export async function cadresOf(db: Db, pairs: readonly RegionYear[]): Promise<(CadreEntry & { year: number })[]> {
  if (pairs.length === 0) return [];
  return db
    .select({ year: cadreRosters.year, unitId: cadreRosters.unitId, regionId: cadreRosters.regionId, count: cadreRosters.count })
    .from(cadreRosters)
    .where(
      and(
        inArray(cadreRosters.year, distinct(pairs.map((p) => p.year))),
        inArray(cadreRosters.regionId, distinct(pairs.map((p) => p.regionId))),
      ),
    );
}

export async function allRegionIds(db: Db): Promise<string[]> {
  const rows = await db.select({ id: regions.id }).from(regions).orderBy(asc(regions.id));
  return rows.map((r) => r.id);
}
