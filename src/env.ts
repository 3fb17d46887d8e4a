// The one place that reads configuration (CONTRACT.md, Running). Node passes process.env;
// Workers pass their bindings' string vars.
import { z } from 'zod';

const DEFAULT_ADMIN_PASSWORD = 'change-me-now';

const nodeConfigSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.string().min(1).default('file:./data/planner.db'),
  DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
  ADMIN_EMAIL: z.string().email().default('admin@localhost'),
  ADMIN_PASSWORD: z.string().min(8).default(DEFAULT_ADMIN_PASSWORD),
  PUBLIC_URL: z.string().url().optional(),
  FILES_DIR: z.string().min(1).default('./data/files'),
});

export interface AppConfig {
  publicUrl: string;
  adminEmail: string;
  adminPassword: string;
  /** True when the bootstrap password is the shipped default: start-up warns about it. */
  adminPasswordIsDefault: boolean;
}

export interface NodeConfig extends AppConfig {
  port: number;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  /** Where uploaded documents are kept (content-addressed files; never deleted). */
  filesDir: string;
}

export function readNodeConfig(env: Record<string, string | undefined> = process.env): NodeConfig {
  const parsed = nodeConfigSchema.parse(emptyToUndefined(env));
  return {
    port: parsed.PORT,
    databaseUrl: parsed.DATABASE_URL,
    databaseAuthToken: parsed.DATABASE_AUTH_TOKEN,
    filesDir: parsed.FILES_DIR,
    adminEmail: parsed.ADMIN_EMAIL,
    adminPassword: parsed.ADMIN_PASSWORD,
    adminPasswordIsDefault: parsed.ADMIN_PASSWORD === DEFAULT_ADMIN_PASSWORD,
    publicUrl: stripTrailingSlash(parsed.PUBLIC_URL ?? `http://localhost:${parsed.PORT}`),
  };
}

const workerConfigSchema = z.object({
  LIBSQL_URL: z.string().min(1).optional(),
  LIBSQL_AUTH_TOKEN: z.string().min(1).optional(),
  ADMIN_EMAIL: z.string().email().default('admin@localhost'),
  ADMIN_PASSWORD: z.string().min(8).default(DEFAULT_ADMIN_PASSWORD),
  PUBLIC_URL: z.string().url().default('http://127.0.0.1:8787'),
});

export interface WorkerConfig extends AppConfig {
  libsqlUrl: string | undefined;
  libsqlAuthToken: string | undefined;
}

export function readWorkerConfig(bindings: Record<string, unknown>): WorkerConfig {
  const strings: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(bindings)) if (typeof value === 'string') strings[key] = value;
  const parsed = workerConfigSchema.parse(emptyToUndefined(strings));
  return {
    libsqlUrl: parsed.LIBSQL_URL,
    libsqlAuthToken: parsed.LIBSQL_AUTH_TOKEN,
    adminEmail: parsed.ADMIN_EMAIL,
    adminPassword: parsed.ADMIN_PASSWORD,
    adminPasswordIsDefault: parsed.ADMIN_PASSWORD === DEFAULT_ADMIN_PASSWORD,
    publicUrl: stripTrailingSlash(parsed.PUBLIC_URL),
  };
}

function emptyToUndefined(env: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]));
}

function stripTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
