// The app in process on a fresh temp libSQL file (migrated, same pragmas as the server), with a
// fixed clock, for the benchmarks that time single requests through app.request().
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../../src/app.js';
import type { LibsqlDatabase } from '../../../src/db/client.js';
import { ensureAdmin, openDatabase } from '../../../src/db/setup.js';
import type { AppConfig } from '../../../src/env.js';
import { openNodeFileStore } from '../../../src/storage/node-file-store.js';

export const BENCH_NOW = new Date('2027-01-10T02:00:00.000Z');
const ADMIN = { email: 'bench@bench.local', password: 'bench-password-1' };

export interface BenchApp {
  app: ReturnType<typeof createApp>;
  database: LibsqlDatabase;
  officeToken: string;
  officeId: string;
  request: (
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ) => Promise<{ status: number; body: any; text: string; headers: Headers }>;
  ok: (method: string, path: string, options?: { token?: string; body?: unknown }) => Promise<any>;
  unitToken: (unitId: string) => Promise<string>;
  close: () => void;
}

export async function benchApp(): Promise<BenchApp> {
  const dir = mkdtempSync(join(tmpdir(), 'planner-bench-app-'));
  const database = await openDatabase(`file:${join(dir, 'bench.db')}`);
  const config: AppConfig = {
    publicUrl: 'http://127.0.0.1',
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
    adminPasswordIsDefault: false,
  };
  await ensureAdmin(database, config);
  const files = await openNodeFileStore(join(dir, 'files'));
  const app = createApp({ db: database.db, config, now: () => BENCH_NOW, files });
  const request: BenchApp['request'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await app.request(path, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const text = await res.text();
    const json = (res.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : undefined;
    return { status: res.status, body: json, text, headers: res.headers };
  };
  const ok: BenchApp['ok'] = async (method, path, options) => {
    const res = await request(method, path, options);
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${res.text.slice(0, 500)}`);
    return res.body;
  };
  const login = await ok('POST', '/api/v1/auth/login', { body: ADMIN });
  let users = 0;
  return {
    app,
    database,
    officeToken: login.token,
    officeId: login.user.id,
    request,
    ok,
    unitToken: async (unitId) => {
      const email = `unit-${unitId}-${++users}@bench.local`;
      await ok('POST', '/api/v1/users', { token: login.token, body: { email, password: 'unit-password-1', role: 'unit', unitId } });
      return (await ok('POST', '/api/v1/auth/login', { body: { email, password: 'unit-password-1' } })).token;
    },
    close: () => {
      database.client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
