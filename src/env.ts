// The one place that reads configuration (docs/API.md, Running). Node passes process.env;
// Workers pass their bindings' string vars.
import { z } from 'zod';
import { DEFAULT_RETRY, type RetrySchedule } from './domain/notifications.js';
import { NODE_PASSWORD_POLICY, type PasswordPolicy, WORKERS_PASSWORD_POLICY } from './lib/password-hash.js';

const DEFAULT_ADMIN_PASSWORD = 'change-me-now';

const nodeConfigSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.string().min(1).default('file:./data/planner.db'),
  DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
  ADMIN_EMAIL: z.string().email().default('admin@localhost'),
  ADMIN_PASSWORD: z.string().min(10).default(DEFAULT_ADMIN_PASSWORD),
  PUBLIC_URL: z.string().url().optional(),
  FILES_DIR: z.string().min(1).default('./data/files'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must be smtp://[user:pass@]host:port or smtps://…')
    .optional(),
  MAIL_FROM: z.string().min(3).optional(),
  TRUST_PROXY: z.enum(['true', 'false', '1', '0']).optional(),
});

/** Outbox delivery settings, the same on Node and Workers (docs/ARCHITECTURE.md, "Notifications"). */
const deliverySchema = z.object({
  WEBHOOK_HTTP_HOSTS: z.string().optional(),
  DELIVERY_RETRY_BASE_SECONDS: z.coerce.number().positive().max(86_400).optional(),
  DELIVERY_RETRY_MAX_SECONDS: z.coerce.number().positive().max(86_400).optional(),
  DELIVERY_RETRY_HOURS: z.coerce
    .number()
    .min(24)
    .max(24 * 30)
    .optional(),
  DELIVERY_LEASE_SECONDS: z.coerce.number().min(1).max(3600).optional(),
  DELIVERY_POLL_SECONDS: z.coerce.number().positive().max(3600).optional(),
});

export interface NotificationConfig {
  /** E-mail goes out only when SMTP_URL is set (Node); Workers have no SMTP. */
  mail: { url: string; from: string } | null;
  /** Hosts a webhook may reach over plain http (everything else must be https). */
  webhookHttpHosts: string[];
  retry: RetrySchedule;
  /** How long a sender holds a claimed message before another may try it. */
  leaseMs: number;
  /** How often the Node loop looks for due messages when nothing wakes it. */
  pollMs: number;
}

export const DEFAULT_NOTIFICATIONS: NotificationConfig = {
  mail: null,
  webhookHttpHosts: [],
  retry: DEFAULT_RETRY,
  leaseMs: 120_000,
  pollMs: 5_000,
};

function notificationConfig(env: Record<string, string | undefined>, mail: NotificationConfig['mail']): NotificationConfig {
  const d = deliverySchema.parse(env);
  const seconds = (value: number | undefined, fallback: number) => (value === undefined ? fallback : Math.round(value * 1000));
  return {
    mail,
    webhookHttpHosts: (d.WEBHOOK_HTTP_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    retry: {
      baseMs: seconds(d.DELIVERY_RETRY_BASE_SECONDS, DEFAULT_RETRY.baseMs),
      maxMs: seconds(d.DELIVERY_RETRY_MAX_SECONDS, DEFAULT_RETRY.maxMs),
      giveUpAfterMs: d.DELIVERY_RETRY_HOURS === undefined ? DEFAULT_RETRY.giveUpAfterMs : d.DELIVERY_RETRY_HOURS * 3_600_000,
    },
    leaseMs: seconds(d.DELIVERY_LEASE_SECONDS, DEFAULT_NOTIFICATIONS.leaseMs),
    pollMs: seconds(d.DELIVERY_POLL_SECONDS, DEFAULT_NOTIFICATIONS.pollMs),
  };
}

export interface AppConfig {
  publicUrl: string;
  adminEmail: string;
  adminPassword: string;
  /** True when the bootstrap password is the shipped default: start-up warns about it. */
  adminPasswordIsDefault: boolean;
  /** Absent: no e-mail, https webhooks only, the default retry schedule (DEFAULT_NOTIFICATIONS). */
  notifications?: NotificationConfig;
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
  /** Where uploaded documents are kept (content-addressed files; never deleted). */
  filesDir: string;
}

export function readNodeConfig(env: Record<string, string | undefined> = process.env): NodeConfig {
  const cleaned = emptyToUndefined(env);
  const parsed = nodeConfigSchema.parse(cleaned);
  const publicUrl = stripTrailingSlash(parsed.PUBLIC_URL ?? `http://localhost:${parsed.PORT}`);
  const mail = parsed.SMTP_URL ? { url: parsed.SMTP_URL, from: parsed.MAIL_FROM ?? `planner@${new URL(publicUrl).hostname}` } : null;
  return {
    port: parsed.PORT,
    databaseUrl: parsed.DATABASE_URL,
    databaseAuthToken: parsed.DATABASE_AUTH_TOKEN,
    filesDir: parsed.FILES_DIR,
    adminEmail: parsed.ADMIN_EMAIL,
    adminPassword: parsed.ADMIN_PASSWORD,
    adminPasswordIsDefault: parsed.ADMIN_PASSWORD === DEFAULT_ADMIN_PASSWORD,
    publicUrl,
    notifications: notificationConfig(cleaned, mail),
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
  const cleaned = emptyToUndefined(strings);
  const parsed = workerConfigSchema.parse(cleaned);
  return {
    libsqlUrl: parsed.LIBSQL_URL,
    libsqlAuthToken: parsed.LIBSQL_AUTH_TOKEN,
    adminEmail: parsed.ADMIN_EMAIL,
    adminPassword: parsed.ADMIN_PASSWORD,
    adminPasswordIsDefault: parsed.ADMIN_PASSWORD === DEFAULT_ADMIN_PASSWORD,
    publicUrl: stripTrailingSlash(parsed.PUBLIC_URL),
    // Workers have no SMTP: e-mail there would need an HTTP mail API (README, "Deploying to Cloudflare Workers").
    notifications: notificationConfig(cleaned, null),
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
