// The one environment type every router and middleware shares.
import type { Db } from './db/client.js';
import type { AppConfig } from './env.js';
import type { Actor } from './domain/actor.js';
import type { CpuOffload, ServiceDeps } from './services/deps.js';
import type { FileStore } from './storage/file-store.js';

export interface AppDeps {
  db: Db;
  config: AppConfig;
  /** The clock; tests inject a fixed instant so rule outcomes never depend on the real date. */
  now?: () => Date;
  /** Where documents' bytes are kept (FILES_DIR on Node, the R2 bucket FILES on Workers). */
  files: FileStore;
  /** Node: the delivery loop's wake, called after a write left messages in the outbox. */
  wakeDelivery?: () => void;
  /**
   * Workers: a delivery pass to run in the request's waitUntil after a write left messages (the
   * Cron Trigger sends whatever this misses).
   */
  deliverAfterResponse?: () => Promise<unknown>;
  /** Where long CPU work runs off the request thread (Node: a worker thread); absent, it runs in slices. */
  offload?: CpuOffload;
}

/**
 * What a route or page can reach: the services' dependencies to pass on (it never opens the
 * database itself) and the account behind the request.
 */
export interface AppEnv {
  Bindings: Record<string, unknown>;
  Variables: {
    /** What routes and pages pass to services. */
    deps: ServiceDeps;
    user: Actor | null;
    /** Set for cookie sessions (web UI), used by the CSRF check. */
    sessionCsrfToken: string | null;
    /** The web navigation's unread notifications (pages only; null for the API). */
    unreadCount: number | null;
  };
}
