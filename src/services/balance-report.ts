// The condolence balance report (docs/API.md, "Condolence balance"), shared by the JSON API
// (GET /api/v1/reports/balance) and the office's report page, so both scope and compute alike.
import { allRegionIds, countedCondolenceVisits, currentBalanceThresholds, listCadres } from '../db/repo/balance.js';
import type { Actor } from '../domain/actor.js';
import { computeBalance, type RegionBalance } from '../domain/balance.js';
import type { ServiceDeps } from './deps.js';
import { forbidden, validationFailed } from './errors.js';

export type { RegionBalance, UnitBalance } from '../domain/balance.js';

export interface BalanceReport {
  year: number;
  overRatio: number;
  underRatio: number;
  regions: RegionBalance[];
}

/**
 * Office: every region (or `regionId`). HQ: its own region only (another `regionId` is 403).
 * Unit: every region (or `regionId`) with the medians and its own rows only.
 */
export async function balanceReport(deps: ServiceDeps, actor: Actor, query: { year: number; regionId?: string }): Promise<BalanceReport> {
  const { db } = deps;
  const { year, regionId } = query;
  if (actor.role === 'hq' && regionId !== undefined && regionId !== actor.regionId) {
    throw forbidden("An HQ sees its own region's balance only.");
  }
  const known = await allRegionIds(db);
  if (regionId !== undefined && !known.includes(regionId)) {
    throw validationFailed([{ path: 'regionId', message: `unknown region "${regionId}"` }]);
  }
  const only = actor.role === 'hq' ? (actor.regionId ?? '') : regionId;
  // A unit's own row still needs every unit's data behind the medians, so nothing is narrowed
  // by unit here; other units' rows are removed after computing.
  const [cadres, condolences, thresholds] = await Promise.all([
    listCadres(db, year, { regionId: only }),
    countedCondolenceVisits(db, year, only),
    currentBalanceThresholds(db),
  ]);
  const balance = computeBalance({ regionIds: only ? [only] : known, cadres, visits: condolences, thresholds });
  const regions = actor.role === 'unit' ? balance.map((r) => ({ ...r, units: r.units.filter((u) => u.unitId === actor.unitId) })) : balance;
  return { year, ...thresholds, regions };
}
