// What every service needs from its runtime, passed in rather than imported: the database, the
// configuration and the clock. createApp builds it once; tests build it with their own database
// and a fixed clock, so no rule ever reads the real date.
import type { Db } from '../db/client.js';
import { calendarDayIn, PROGRAMME_TIME_ZONE } from '../domain/dates.js';
import type { PlanInput, Proposal } from '../domain/planner/index.js';
import type { AppConfig } from '../env.js';

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
  offload?: CpuOffload;
}

/** Today's calendar day in the programme's time zone (Asia/Shanghai). */
export function todayOf(deps: Pick<ServiceDeps, 'now'>): string {
  return calendarDayIn(PROGRAMME_TIME_ZONE, deps.now());
}
