// Workers entry: the same createApp() as the Node server, on the D1 binding `DB`, or on Turso /
// a libSQL server when `LIBSQL_URL` is set. Migrations are applied outside the Worker
// (`wrangler d1 migrations apply`, or `npm run db:migrate` for Turso), so nothing here needs
// node:fs; the Node-only setup (src/db/setup.ts, src/db/migrate.ts) is deliberately not imported.
import { createApp } from './app.js';
import type { Db } from './db/client.js';
import { createD1DbForWorkers, createLibsqlWebDb } from './db/client-edge.js';
import { bootstrapAdmin } from './db/repo/users.js';
import { readWorkerConfig, type WorkerConfig } from './env.js';
import { hashPassword, WORKERS_PASSWORD_POLICY } from './lib/password-hash.js';
import { type DeliveryChannels, runDeliveryPass } from './services/delivery.js';
import { AppError } from './services/errors.js';
import { problemResponse } from './http/problem.js';
import type { FileStore } from './storage/file-store.js';
import { r2FileStore } from './storage/r2-file-store.js';

export interface WorkerBindings {
  DB?: D1Database;
  /** Documents' bytes (wrangler.toml: r2_buckets). */
  FILES?: R2Bucket;
  [name: string]: unknown;
}

type App = ReturnType<typeof createApp>;

// Workers send webhooks only: SMTP needs raw TCP sockets, so e-mail there would need an HTTP mail
// API (not built; README, "Deploying to Cloudflare Workers"). Email deliveries are not written where mail is off.
const channels: DeliveryChannels = { mail: null, fetch: (input, init) => fetch(input, init) };

function deliveryPass(db: Db, config: WorkerConfig, files: FileStore) {
  return () => runDeliveryPass({ db, config, now: () => new Date(), files }, channels);
}

function fileStoreOf(env: WorkerBindings): FileStore {
  if (!env.FILES) throw new Error('No document store: bind an R2 bucket as `FILES` in wrangler.toml.');
  return r2FileStore(env.FILES);
}

// One app per isolate: workerd hands every request of an isolate the same `env` object, so keying
// on it builds the app once, and a different env (another binding set) gets its own app.
const apps = new WeakMap<object, Promise<App>>();

async function prepareApp(env: WorkerBindings): Promise<App> {
  const config = readWorkerConfig(env);
  const files = fileStoreOf(env);
  const db = openDb(env, config.libsqlUrl, config.libsqlAuthToken);
  if (config.adminPasswordIsDefault) {
    // A Worker is public from its first request: never create an account with a known password.
    console.warn(
      'ADMIN_PASSWORD is unset or the shipped default: no first office account is created. Set it with `wrangler secret put ADMIN_PASSWORD`.',
    );
  } else if (await bootstrapAdmin(db, config.adminEmail, await hashPassword(config.adminPassword, WORKERS_PASSWORD_POLICY), new Date())) {
    // One guarded INSERT … WHERE NOT EXISTS: isolates racing on a fresh database create one account.
    console.log(`Created the first office account: ${config.adminEmail}`);
  }
  return createApp({ db, config, files, deliverAfterResponse: deliveryPass(db, config, files) });
}

function openDb(env: WorkerBindings, libsqlUrl: string | undefined, libsqlAuthToken: string | undefined): Db {
  if (libsqlUrl) return createLibsqlWebDb(libsqlUrl, libsqlAuthToken);
  if (!env.DB) throw new Error('No database: bind a D1 database as `DB` in wrangler.toml, or set LIBSQL_URL.');
  return createD1DbForWorkers(env.DB);
}

/**
 * drizzle's query errors carry the statement and its parameters, here the new admin's password
 * hash, in the message: log only the underlying cause (e.g. "no such table: users").
 */
function startupFailure(err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  return cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
}

export default {
  async fetch(request, env, ctx) {
    let ready = apps.get(env);
    if (!ready) {
      ready = prepareApp(env);
      apps.set(env, ready);
    }
    let app: App;
    try {
      app = await ready;
    } catch (err) {
      // Not cached: a database that was unreachable or not yet migrated is retried next request.
      if (apps.get(env) === ready) apps.delete(env);
      console.error(`Worker start-up failed: ${startupFailure(err)}`);
      return problemResponse(new AppError('INTERNAL_ERROR', 'The service could not start; the request was not completed.'));
    }
    return app.fetch(request, env, ctx);
  },

  /** The Cron Trigger (wrangler.toml): drains the outbox and creates the monthly outlook on its day. */
  async scheduled(_controller, env, ctx) {
    const config = readWorkerConfig(env);
    const db = openDb(env, config.libsqlUrl, config.libsqlAuthToken);
    const files = fileStoreOf(env);
    ctx.waitUntil(
      (async () => {
        // Several passes per trigger, so a backlog drains between triggers; each is one claim.
        for (let pass = 0; pass < 8; pass++) {
          const result = await deliveryPass(db, config, files)();
          if (result.claimed === 0) break;
        }
      })().catch((err) => console.error(`scheduled delivery failed: ${startupFailure(err)}`)),
    );
  },
} satisfies ExportedHandler<WorkerBindings>;
