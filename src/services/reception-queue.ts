// The office's receptions, a page at a time: each with its host unit's and region's names, its
// costs and how it fares against the standards in force now (approval re-checks them the same
// way). Names and standards are read once for the page, never once per row.
import { listRegions, listUnits } from '../db/repo/reference.js';
import type { Actor } from '../domain/actor.js';
import { checkReception, receptionTotals, type ReceptionTotals, type ReceptionViolation } from '../domain/reception-rules.js';
import type { ServiceDeps } from './deps.js';
import type { TwoWayPage } from './paging.js';
import { receptionList, type ReceptionListRequest } from './reception-lists.js';
import type { ReceptionView } from './receptions.js';
import { currentReceptionStandards } from './reception-standards.js';
import { receptionPlanOf } from './receptions-shared.js';

export interface QueueReception {
  reception: ReceptionView;
  hostUnitName: string;
  regionName: string;
  totals: ReceptionTotals;
  /** What approving now would refuse, checked against the current standards. */
  violations: ReceptionViolation[];
}

export async function receptionQueue(deps: ServiceDeps, actor: Actor, request: ReceptionListRequest): Promise<TwoWayPage<QueueReception>> {
  const [page, units, regions, { standards }] = await Promise.all([
    receptionList(deps, actor, request),
    listUnits(deps.db),
    listRegions(deps.db),
    currentReceptionStandards(deps),
  ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const regionName = new Map(regions.map((r) => [r.id, r.name]));
  return {
    ...page,
    items: page.items.map((reception) => {
      const plan = receptionPlanOf(reception);
      return {
        reception,
        hostUnitName: unitName.get(reception.hostUnitId) ?? reception.hostUnitId,
        regionName: regionName.get(reception.regionId) ?? reception.regionId,
        totals: receptionTotals(plan),
        violations: checkReception(plan, standards),
      };
    }),
  };
}
