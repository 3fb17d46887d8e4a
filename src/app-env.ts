// The one environment type every router and middleware shares (STYLE.md: AppEnv).
import type { Db } from './db/client.js';
import type { AppConfig } from './env.js';
import type { Role } from './domain/types.js';

export interface AuthUser {
  id: string;
  email: string;
  role: Role;
  unitId: string | null;
  regionId: string | null;
  displayName: string | null;
}

export interface AppDeps {
  db: Db;
  config: AppConfig;
  /** The clock; tests inject a fixed instant so rule outcomes never depend on the real date. */
  now?: () => Date;
}

export interface AppEnv {
  Bindings: Record<string, unknown>;
  Variables: {
    db: Db;
    config: AppConfig;
    now: () => Date;
    user: AuthUser | null;
    /** Set for cookie sessions (web UI), used by the CSRF check. */
    sessionCsrfToken: string | null;
  };
}
