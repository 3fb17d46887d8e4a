// Database connections for Workers (src/worker.ts). Nothing here may pull in node:* modules.
import { createClient } from '@libsql/client/web';
import { drizzle as drizzleLibsqlWeb } from 'drizzle-orm/libsql/web';
import { drizzle as drizzleD1 } from 'drizzle-orm/d1';
import type { Db } from './client.js';
import * as schema from './schema.js';

/**
 * Turso or a libSQL server (`libsql://…`, `https://…`) over fetch. Imported as
 * `@libsql/client/web` by name instead of trusting the bundler's `workerd` export condition to
 * pick that build of `@libsql/client`; a Worker has no file system for `file:` URLs.
 */
export function createLibsqlWebDb(url: string, authToken?: string): Db {
  return drizzleLibsqlWeb(createClient({ url, authToken }), { schema });
}

/** The parts of a drizzle batch item that its own D1 session uses to run a batch. */
interface PreparedBatchItem {
  getQuery(): { sql: string; params: unknown[] };
  mapResult(result: unknown, isFromBatch: boolean): unknown;
  /** Set on query-builder items (D1PreparedQuery), absent on raw `db.run/all(sql`…`)` items. */
  stmt?: unknown;
}
interface BatchItem {
  _prepare(): PreparedBatchItem;
}
interface PatchableSession {
  batch: (items: readonly BatchItem[]) => Promise<unknown[]>;
}

/**
 * The D1 binding, with two bugs of drizzle-orm 0.45's D1 `batch` repaired; every guarded write
 * here is a batch (docs/ARCHITECTURE.md, "The one rule about writes"), so both hit this app:
 * - raw items (`db.run(sql`…`)`) with parameters throw "Cannot read properties of undefined
 *   (reading 'bind')": drizzle binds them on a prepared statement they do not have (drizzle-orm
 *   #2277). Each item is prepared here from its SQL text instead.
 * - D1 returns batch rows as objects, which drizzle turns back into positions by key order, so
 *   a select naming two columns alike (`units.name`, `regions.name`) loses one and shifts the
 *   rest (drizzle-orm #6038). Wrapped as `SELECT * FROM (…)`, SQLite renames the second one
 *   `name:1`, keeping one key per position, in order.
 * D1 runs a batch as one transaction, so the items still see one snapshot.
 */
export function createD1DbForWorkers(binding: D1Database): Db {
  // Both drivers share the query-builder and `batch` API the repositories use.
  const db = drizzleD1(binding, { schema }) as unknown as Db;
  const session = (db as unknown as { session?: Partial<PatchableSession> }).session;
  if (typeof session?.batch !== 'function') {
    throw new Error('drizzle-orm internals changed (no D1 session batch): revisit createD1DbForWorkers');
  }
  session.batch = async (items) => {
    const prepared = items.map((item) => item._prepare());
    const statements = prepared.map((item) => {
      const { sql, params } = item.getQuery();
      const mappedByPosition = item.stmt !== undefined && /^\s*(select|with)\b/i.test(sql);
      return binding.prepare(mappedByPosition ? `SELECT * FROM (${sql})` : sql).bind(...params);
    });
    const results = await binding.batch(statements);
    return results.map((result, i) => prepared[i]!.mapResult(result, true));
  };
  return db;
}
