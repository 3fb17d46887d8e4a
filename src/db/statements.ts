// SQL text with its arguments, run as one batch (one transaction) on whichever client the
// drizzle database wraps. The visit writes use it on their hot path: their guard statement is
// compiled once from its drizzle template (named placeholders) instead of being rebuilt and
// re-rendered for every booking, which cost more than running it.
import type { Client, InValue } from '@libsql/client';
import { Placeholder, type SQL } from 'drizzle-orm';
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';
import type { Db } from './client.js';

export interface BoundStatement {
  sql: string;
  args: unknown[];
}

/** A value, or a named placeholder filled when a compiled statement is bound. */
export type Bindable<T> = T | Placeholder;

const dialect = new SQLiteAsyncDialect();

/** Renders a drizzle SQL template now, with its parameters as they are. */
export function render(template: SQL): BoundStatement {
  const { sql, params } = dialect.sqlToQuery(template);
  return { sql, args: params };
}

/** Renders a template with named placeholders once; each call binds values to them. */
export function compile<Name extends string>(template: SQL): (values: Record<Name, unknown>) => BoundStatement {
  const { sql, params } = dialect.sqlToQuery(template);
  return (values) => ({
    sql,
    args: params.map((p) => {
      if (!(p instanceof Placeholder)) return p;
      const value = values[p.name as Name];
      if (value === undefined) throw new Error(`no value for placeholder "${p.name}"`);
      return value;
    }),
  });
}

/** Minimal shape of Workers' D1 binding, so this file needs no Workers types. */
interface D1Like {
  prepare(sql: string): { bind(...args: unknown[]): unknown };
  batch(statements: unknown[]): Promise<{ results?: unknown[] }[]>;
}

/**
 * Runs the statements in one transaction (libSQL `batch`, D1 `batch`) and returns each one's
 * rows keyed by column name. All apply or none do.
 */
export async function runBatch(db: Db, statements: BoundStatement[]): Promise<Record<string, unknown>[][]> {
  const client = (db as unknown as { $client: Client | D1Like }).$client;
  if ('execute' in client) {
    const results = await client.batch(statements.map((s) => ({ sql: s.sql, args: s.args as InValue[] })));
    return results.map((r) => r.rows as unknown as Record<string, unknown>[]);
  }
  const results = await client.batch(statements.map((s) => client.prepare(s.sql).bind(...s.args)));
  return results.map((r) => (r.results ?? []) as Record<string, unknown>[]);
}
