// The Node side of the cross-runtime feed check: a fresh libSQL file (migrations applied by the
// Node code path) holding a copy of the rows the Worker stored in D1, served by the same
// createApp() in-process. Same rows in, so the feed must come out byte for byte the same.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../../src/app.js';
import { openDatabase } from '../../../src/db/setup.js';
import type { LibsqlDatabase } from '../../../src/db/client.js';
import { openNodeFileStore } from '../../../src/storage/node-file-store.js';

/** Parents before children, so the foreign keys hold while copying. */
const MIRRORED_TABLES = ['units', 'users', 'feeds', 'visits', 'receptions'] as const;

export interface NodeMirror {
  app: ReturnType<typeof createApp>;
  database: LibsqlDatabase;
  /** Closes the connection and removes the file. */
  dispose: () => void;
}

/** `readStored` runs one SELECT per table against the Worker's D1 and returns the rows of each. */
export async function nodeMirror(readStored: (statements: string[]) => Promise<Record<string, unknown>[][]>): Promise<NodeMirror> {
  const dir = mkdtempSync(join(tmpdir(), 'planner-edge-node-'));
  const database = await openDatabase(`file:${join(dir, 'mirror.db')}`);
  const tables = await readStored(MIRRORED_TABLES.map((table) => `SELECT * FROM ${table}`));
  for (const [i, table] of MIRRORED_TABLES.entries()) {
    for (const row of tables[i] ?? []) {
      const columns = Object.keys(row);
      // OR IGNORE: the seeded units are already there from the migrations.
      await database.client.execute({
        sql: `INSERT OR IGNORE INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        args: columns.map((c) => row[c] as string | number | null),
      });
    }
  }
  const config = {
    publicUrl: 'http://127.0.0.1',
    adminEmail: 'unused@edge.test',
    adminPassword: 'unused-password',
    adminPasswordIsDefault: false,
  };
  const dispose = () => {
    database.client.close();
    rmSync(dir, { recursive: true, force: true });
  };
  const files = await openNodeFileStore(join(dir, 'files'));
  return { app: createApp({ db: database.db, config, files }), database, dispose };
}
