// The one place that reads configuration (CONTRACT.md, Running). Node passes process.env;
// Workers pass their bindings' string vars.
import { z } from 'zod';
import { NODE_PASSWORD_POLICY, type PasswordPolicy, WORKERS_PASSWORD_POLICY } from './lib/password-hash.js';

const DEFAULT_ADMIN_PASSWORD = 'change-me-now';

const nodeConfigSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.string().min(1).default('file:./data/planner.db'),
  DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
  ADMIN_EMAIL: z.string().email().default('admin@localhost'),
  ADMIN_PASSWORD: z.string().min(10).default(DEFAULT_ADMIN_PASSWORD),
  PUBLIC_URL: z.string().url().optional(),
  TRUST_PROXY: z.enum(['true', 'false', '1', '0']).optional(),
});

export interface AppConfig {
  publicUrl: string;
  adminEmail: string;
  adminPassword: string;
  /** True when the bootstrap password is the shipped default: start-up warns about it. */
  adminPasswordIsDefault: boolean;
  /** How new password hashes are made (src/lib/password-hash.ts); each runtime's strongest when left out. */
  passwordPolicy?: PasswordPolicy;
  /**
   * Node behind a reverse proxy: take the client's address from the last X-Forwarded-For entry
   * (the one the proxy added) for the per-address login limit, instead of the socket's.
   */
  trustProxy?: boolean;
}

export interface NodeConfig extends AppConfig {
  port: number;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
}

export function readNodeConfig(env: Record<string, string | undefined> = process.env): NodeConfig {
  const parsed = nodeConfigSchema.parse(emptyToUndefined(env));
  return {
    port: parsed.PORT,
    databaseUrl: parsed.DATABASE_URL,
    databaseAuthToken: parsed.DATABASE_AUTH_TOKEN,
    adminEmail: parsed.ADMIN_EMAIL,
    adminPassword: parsed.ADMIN_PASSWORD,
    adminPasswordIsDefault: parsed.ADMIN_PASSWORD === DEFAULT_ADMIN_PASSWORD,
    publicUrl: stripTrailingSlash(parsed.PUBLIC_URL ?? `http://localhost:${parsed.PORT}`),
    passwordPolicy: NODE_PASSWORD_POLICY,
    trustProxy: parsed.TRUST_PROXY === 'true' || parsed.TRUST_PROXY === '1',
  };
}

const workerConfigSchema = z.object({
  LIBSQL_URL: z.string().min(1).optional(),
  LIBSQL_AUTH_TOKEN: z.string().min(1).optional(),
  ADMIN_EMAIL: z.string().email().default('admin@localhost'),
  ADMIN_PASSWORD: z.string().min(10).default(DEFAULT_ADMIN_PASSWORD),
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
    // The most a Worker may spend on one hash; Cloudflare gives the client address itself.
    passwordPolicy: WORKERS_PASSWORD_POLICY,
  };
}

function emptyToUndefined(env: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]));
}

function stripTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
