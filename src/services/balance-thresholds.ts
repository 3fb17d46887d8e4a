// The office's balance thresholds: how far above or below a region's median a unit's condolence
// per cadre is flagged. Read by the report, the booking warnings and the settings page; set by
// PUT /api/v1/standards/balance and the settings page alike.
import { currentBalanceThresholds, saveBalanceThresholds as storeBalanceThresholds } from '../db/repo/balance.js';
import type { Actor } from '../domain/actor.js';
import type { BalanceThresholds } from '../domain/balance.js';
import type { ServiceDeps } from './deps.js';
import { forbidden } from './errors.js';

export type { BalanceThresholds };

/** The thresholds in force (DEFAULT_BALANCE_THRESHOLDS until the office sets its own). */
export function balanceThresholds(deps: ServiceDeps): Promise<BalanceThresholds> {
  return currentBalanceThresholds(deps.db);
}

/** Sets the thresholds (office), already shaped by BalanceThresholdsSchema; recorded in the audit log. */
export async function saveBalanceThresholds(deps: ServiceDeps, actor: Actor, value: BalanceThresholds): Promise<BalanceThresholds> {
  if (actor.role !== 'office') throw forbidden('Only office accounts may do this.');
  await storeBalanceThresholds(deps.db, { value, actorId: actor.id, now: deps.now() });
  return value;
}
