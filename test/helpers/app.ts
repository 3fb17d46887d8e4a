// A fresh app on a fresh libSQL file per test file (migrations applied, admin bootstrapped),
// with a fixed clock so rule outcomes never depend on the real date.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.js';
import { createLibsqlDb, type LibsqlDatabase } from '../../src/db/client.js';
import { ensureAdmin, openDatabase } from '../../src/db/setup.js';
import type { AppConfig } from '../../src/env.js';
import type { FileStore } from '../../src/storage/file-store.js';
import { openNodeFileStore } from '../../src/storage/node-file-store.js';

export const ADMIN = { email: 'admin@test.local', password: 'admin-password-1' };

/** "Today" in tests: 2027-01-10 10:00 in Shanghai. */
export const FIXED_NOW = new Date('2027-01-10T02:00:00.000Z');

export interface TestContext {
  app: ReturnType<typeof createApp>;
  database: LibsqlDatabase;
  url: string;
  /** The documents' store (a temp FILES_DIR) and its folder. */
  files: FileStore;
  filesDir: string;
  /** A second, independent connection to the same file: proves what was really stored. */
  freshConnection: () => LibsqlDatabase;
  setNow: (instant: Date) => void;
}

export async function createTestApp(options: { now?: Date } = {}): Promise<TestContext> {
  const dir = mkdtempSync(join(tmpdir(), 'planner-test-'));
  const url = `file:${join(dir, 'test.db')}`;
  const database = await openDatabase(url);
  const config: AppConfig = {
    publicUrl: 'http://planner.test',
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
    adminPasswordIsDefault: false,
  };
  await ensureAdmin(database, config);
  let now = options.now ?? FIXED_NOW;
  const filesDir = join(dir, 'files');
  const files = await openNodeFileStore(filesDir);
  const app = createApp({ db: database.db, config, now: () => now, files });
  return {
    app,
    database,
    url,
    files,
    filesDir,
    freshConnection: () => createLibsqlDb(url),
    setNow: (instant) => {
      now = instant;
    },
  };
}
