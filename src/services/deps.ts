// What every service needs from its runtime, passed in rather than imported: the database, the
// configuration, the clock and where documents are kept. createApp builds it once; tests build
// it with their own database and a fixed clock, so no rule ever reads the real date.
import type { Db } from '../db/client.js';
import { calendarDayIn, PROGRAMME_TIME_ZONE } from '../domain/dates.js';
import type { PlanInput, Proposal } from '../domain/planner/index.js';
import type { AppConfig } from '../env.js';
import type { FileStore } from '../storage/file-store.js';

/**
 * Somewhere else to run long pure CPU work, so the request thread stays free: on Node a worker
 * thread (src/planner-offload.ts). Where there is none (Workers, tests), the work runs here in
 * slices that yield between them.
 */
export interface CpuOffload {
  solvePlan(input: PlanInput): Promise<Proposal>;
}

export interface ServiceDeps {
  db: Db;
  config: AppConfig;
  now: () => Date;
  /** Documents' bytes: files under FILES_DIR on Node, the R2 bucket FILES on Workers. */
  files: FileStore;
  /** Where long CPU work runs off the request thread (Node: a worker thread); absent, it runs in slices. */
  offload?: CpuOffload;
  /**
   * Called after a write that left messages in the outbox has committed: the Node loop looks at
   * once, a Worker tries in waitUntil. Never awaited, so a slow channel never slows the write.
   */
  wakeDelivery?: () => void;
}

/** Whether changes are also e-mailed: only when a mail channel is configured (SMTP_URL on Node). */
export function telling(deps: Pick<ServiceDeps, 'config'>): { email: boolean } {
  return { email: Boolean(deps.config.notifications?.mail) };
}

/** Tells the delivery loop that new messages wait (after the write committed). */
export function messagesWaiting(deps: Pick<ServiceDeps, 'wakeDelivery'>): void {
  deps.wakeDelivery?.();
}

/** Today's calendar day in the programme's time zone (Asia/Shanghai). */
export function todayOf(deps: Pick<ServiceDeps, 'now'>): string {
  return calendarDayIn(PROGRAMME_TIME_ZONE, deps.now());
}
