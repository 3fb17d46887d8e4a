// Office-edited standards stored as JSON by name (`reception`, `balance`, …). Generic on
// purpose: each caller validates the value with its own schema and supplies its own defaults.
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import { standards } from '../schema.js';

export interface StoredStandard {
  value: unknown;
  /** The stored text exactly, usable as a version to guard a later write (see standardUnchanged). */
  valueJson: string;
  updatedAt: string;
}

/** The stored value, or undefined while the office has never set this standard. */
export async function findStandard(db: Db, name: string): Promise<StoredStandard | undefined> {
  const [row] = await db.select().from(standards).where(eq(standards.name, name));
  if (!row) return undefined;
  return { value: JSON.parse(row.valueJson), valueJson: row.valueJson, updatedAt: row.updatedAt };
}

/** Sets the standard and records who did it, in one batch so neither lands without the other. */
export async function saveStandard(db: Db, args: { name: string; value: unknown; actorId: string; now: Date }): Promise<void> {
  const at = args.now.toISOString();
  const valueJson = JSON.stringify(args.value);
  await db.batch([
    db
      .insert(standards)
      .values({ name: args.name, valueJson, updatedAt: at })
      .onConflictDoUpdate({ target: standards.name, set: { valueJson, updatedAt: at } }),
    db.run(sql`INSERT INTO audit_log (entity, entity_id, at, actor_id, action, note)
      VALUES ('standards', ${args.name}, ${at}, ${args.actorId}, 'set', ${valueJson})`),
  ]);
}

/**
 * A WHERE fragment true only while the standard still has the text that was read (`null`: still
 * never set). A guarded write that checked a rule against that standard adds it, so a concurrent
 * change of the standard makes the write land on no row instead of slipping through.
 */
export function standardUnchanged(name: string, seenValueJson: string | null): SQL {
  return sql`coalesce((SELECT value_json FROM standards WHERE name = ${name}), '') = ${seenValueJson ?? ''}`;
}
