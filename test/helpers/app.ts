// A fresh app on a fresh libSQL file per test file (migrations applied, admin bootstrapped),
// with a fixed clock so rule outcomes never depend on the real date.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.js';
import { createLibsqlDb, type LibsqlDatabase } from '../../src/db/client.js';
import { ensureAdmin, openDatabase } from '../../src/db/setup.js';
import type { AppConfig } from '../../src/env.js';
import type { PasswordPolicy } from '../../src/lib/password-hash.js';

export const ADMIN = { email: 'admin@test.local', password: 'admin-password-1' };

/**
 * scrypt at 1/96 of the production work (src/lib/password-hash.ts), so the hundreds of logins in
 * the tests stay fast; test/lib/password-hash.test.ts checks the production parameters, and the
 * tests that start the real server (src/server.ts) run them.
 */
export const TEST_PASSWORD_POLICY: PasswordPolicy = { scheme: 'scrypt', N: 1024, r: 8, p: 1 };

export const TEST_CONFIG: AppConfig = {
  publicUrl: 'http://planner.test',
  adminEmail: ADMIN.email,
  adminPassword: ADMIN.password,
  adminPasswordIsDefault: false,
  passwordPolicy: TEST_PASSWORD_POLICY,
};

/** "Today" in tests: 2027-01-10 10:00 in Shanghai. */
export const FIXED_NOW = new Date('2027-01-10T02:00:00.000Z');

export interface TestContext {
  app: ReturnType<typeof createApp>;
  database: LibsqlDatabase;
  config: AppConfig;
  url: string;
  /** A second, independent connection to the same file: proves what was really stored. */
  freshConnection: () => LibsqlDatabase;
  setNow: (instant: Date) => void;
}

export async function createTestApp(options: { now?: Date } = {}): Promise<TestContext> {
  const dir = mkdtempSync(join(tmpdir(), 'planner-test-'));
  const url = `file:${join(dir, 'test.db')}`;
  const database = await openDatabase(url);
  const config = TEST_CONFIG;
  await ensureAdmin(database, config);
  let now = options.now ?? FIXED_NOW;
  const app = createApp({ db: database.db, config, now: () => now });
  return {
    app,
    database,
    config,
    url,
    freshConnection: () => createLibsqlDb(url),
    setNow: (instant) => {
      now = instant;
    },
  };
}
