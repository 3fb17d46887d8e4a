// The one environment type every router and middleware shares (STYLE.md: AppEnv).
import type { Db } from './db/client.js';
import type { AppConfig } from './env.js';
import type { Actor } from './domain/actor.js';
import type { ServiceDeps } from './services/deps.js';

export interface AppDeps {
  db: Db;
  config: AppConfig;
  /** The clock; tests inject a fixed instant so rule outcomes never depend on the real date. */
  now?: () => Date;
}

/** Everything a route or page may use: the services' dependencies (never the database directly). */

export interface AppEnv {
  Bindings: Record<string, unknown>;
  Variables: {
    /** What routes and pages pass to services. */
    deps: ServiceDeps;
    db: Db;
    config: AppConfig;
    now: () => Date;
    user: Actor | null;
    /** Set for cookie sessions (web UI), used by the CSRF check. */
    sessionCsrfToken: string | null;
  };
}
