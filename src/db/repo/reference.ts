// Regions (with their reception rules) and units.
import { asc, eq, sql } from 'drizzle-orm';
import type { RegionRules } from '../../domain/types.js';
import type { Db } from '../client.js';
import { regionBlackouts, regions, units } from '../schema.js';

export interface RegionView {
  id: string;
  name: string;
  nameEn: string;
  hqName: string;
  timezone: string;
  rules: RegionRules;
}

export async function listRegions(db: Db): Promise<RegionView[]> {
  return readRegions(db);
}

/** One region with its rules; reads only that region's rows (it is on every booking's path). */
export async function findRegion(db: Db, id: string): Promise<RegionView | undefined> {
  return (await readRegions(db, id))[0];
}

async function readRegions(db: Db, onlyId?: string): Promise<RegionView[]> {
  const [rows, blackouts] = await Promise.all([
    db
      .select()
      .from(regions)
      .where(onlyId === undefined ? undefined : eq(regions.id, onlyId))
      .orderBy(asc(regions.id)),
    db
      .select()
      .from(regionBlackouts)
      .where(onlyId === undefined ? undefined : eq(regionBlackouts.regionId, onlyId))
      .orderBy(asc(regionBlackouts.startDate), asc(regionBlackouts.id)),
  ]);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    nameEn: r.nameEn,
    hqName: r.hqName,
    timezone: r.timezone,
    rules: {
      maxConcurrentDelegations: r.maxConcurrentDelegations,
      minGapDays: r.minGapDays,
      blackouts: blackouts
        .filter((b) => b.regionId === r.id)
        .map((b) => ({ startDate: b.startDate, endDate: b.endDate, reason: b.reason })),
    },
  }));
}

/** Replaces a region's rules and blackouts in one batch, with an audit entry. */
export async function replaceRegionRules(db: Db, args: { regionId: string; rules: RegionRules; actorId: string; now: Date }) {
  const at = args.now.toISOString();
  const { regionId, rules } = args;
  await db.batch([
    db
      .update(regions)
      .set({ maxConcurrentDelegations: rules.maxConcurrentDelegations, minGapDays: rules.minGapDays, updatedAt: at })
      .where(eq(regions.id, regionId)),
    db.delete(regionBlackouts).where(eq(regionBlackouts.regionId, regionId)),
    ...rules.blackouts.map((b) => db.insert(regionBlackouts).values({ regionId, ...b })),
    db.run(sql`INSERT INTO audit_log (entity, entity_id, at, actor_id, action, note)
      VALUES ('region', ${regionId}, ${at}, ${args.actorId}, 'rules', ${JSON.stringify(rules)})`),
  ]);
}

export async function listUnits(db: Db) {
  return db.select({ id: units.id, name: units.name, kind: units.kind }).from(units).orderBy(asc(units.kind), asc(units.id));
}

export async function findUnit(db: Db, id: string) {
  const [row] = await db.select({ id: units.id, name: units.name, kind: units.kind }).from(units).where(eq(units.id, id));
  return row;
}

/** Adds a department; null when the id is taken. */
export async function createUnit(db: Db, args: { id: string; name: string; actorId: string; now: Date }) {
  const at = args.now.toISOString();
  const [inserted] = await db.batch([
    db.insert(units).values({ id: args.id, name: args.name, kind: 'department', createdAt: at }).onConflictDoNothing().returning({
      id: units.id,
      name: units.name,
      kind: units.kind,
    }),
    db.run(sql`INSERT INTO audit_log (entity, entity_id, at, actor_id, action, note)
      SELECT 'unit', ${args.id}, ${at}, ${args.actorId}, 'create', ${args.name}
      WHERE changes() = 1`),
  ]);
  return inserted[0] ?? null;
}
