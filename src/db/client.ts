// A drizzle database per runtime (Workers' D1 and libSQL-over-fetch clients: client-edge.ts). Repositories take `Db` as their first argument and never
// import a module-level connection, so tests and each runtime wire their own.
import { createClient, type Client } from '@libsql/client';
import { drizzle as drizzleLibsql, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { EmbeddedClient, embeddedPath } from './embedded-client.js';
import * as schema from './schema.js';

export type Db = LibSQLDatabase<typeof schema>;

export interface LibsqlDatabase {
  db: Db;
  client: Client;
}

/** Embedded file (`file:…`), or a remote libSQL / Turso server (`libsql://…`, `https://…`). */
export function createLibsqlDb(url: string, authToken?: string): LibsqlDatabase {
  const client = url.startsWith('file:') ? new EmbeddedClient(embeddedPath(url)) : createClient({ url, authToken });
  return { db: drizzleLibsql(client, { schema }), client };
}

/**
 * Connection settings for the embedded file: WAL lets readers run beside the one writer, and a
 * busy timeout makes concurrent writers queue instead of failing with SQLITE_BUSY. synchronous =
 * FULL syncs the WAL at every commit, so an acknowledged booking survives power loss and an OS
 * crash too (with NORMAL, SQLite may lose the last commits then); BENCHMARKS.md states its cost.
 */
export async function tuneEmbeddedFile(client: Client): Promise<void> {
  await client.execute('PRAGMA journal_mode = WAL');
  await client.execute('PRAGMA busy_timeout = 10000');
  await client.execute('PRAGMA synchronous = FULL');
  await client.execute('PRAGMA foreign_keys = ON');
}
