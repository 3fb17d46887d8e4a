// A fresh app on a fresh libSQL file per test file (migrations applied, admin bootstrapped),
// with a fixed clock so rule outcomes never depend on the real date.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.js';
import { createLibsqlDb, type LibsqlDatabase } from '../../src/db/client.js';
import { ensureAdmin, openDatabase } from '../../src/db/setup.js';
import type { AppConfig, NotificationConfig } from '../../src/env.js';
import type { PasswordPolicy } from '../../src/lib/password-hash.js';
import type { DeliveryChannels } from '../../src/services/delivery.js';
import { type DeliveryLoop, startDeliveryLoop } from '../../src/services/delivery-loop.js';
import type { FileStore } from '../../src/storage/file-store.js';
import { openNodeFileStore } from '../../src/storage/node-file-store.js';

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
  /** The documents' store (a temp FILES_DIR) and its folder. */
  files: FileStore;
  filesDir: string;
  /** A second, independent connection to the same file: proves what was really stored. */
  freshConnection: () => LibsqlDatabase;
  setNow: (instant: Date) => void;
  /** Set when the app was built with `delivery`: the same sender loop as src/server.ts runs. */
  delivery?: DeliveryLoop;
}

export interface TestAppOptions {
  now?: Date;
  /** The clock runs on from `now` (FIXED_NOW by default) instead of standing still: retries fall due. */
  ticking?: boolean;
  notifications?: NotificationConfig;
  /** Start the outbox sender in process with these channels (as src/server.ts does). */
  delivery?: DeliveryChannels;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestContext> {
  const dir = mkdtempSync(join(tmpdir(), 'planner-test-'));
  const url = `file:${join(dir, 'test.db')}`;
  const database = await openDatabase(url);
  const config: AppConfig = { ...TEST_CONFIG, notifications: options.notifications };
  await ensureAdmin(database, config);
  let now = options.now ?? FIXED_NOW;
  const filesDir = join(dir, 'files');
  const files = await openNodeFileStore(filesDir);
  const startedAt = Date.now();
  const clock = options.ticking ? () => new Date(now.getTime() + (Date.now() - startedAt)) : () => now;
  const delivery = options.delivery ? startDeliveryLoop({ db: database.db, config, now: clock, files }, options.delivery) : undefined;
  const app = createApp({ db: database.db, config, now: clock, files, wakeDelivery: delivery?.wake });
  return {
    app,
    database,
    delivery,
    config,
    url,
    files,
    filesDir,
    freshConnection: () => createLibsqlDb(url),
    setNow: (instant) => {
      now = instant;
    },
  };
}
