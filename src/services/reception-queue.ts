// The office's reception queue: the submitted receptions the caller may see, each with its costs
// and how it fares against the standards in force now (approval re-checks them the same way).
import { listReceptions, receptionView, type ReceptionView } from '../db/repo/receptions.js';
import { listRegions, listUnits } from '../db/repo/reference.js';
import type { Actor } from '../domain/actor.js';
import { checkReception, receptionTotals, type ReceptionTotals, type ReceptionViolation } from '../domain/reception-rules.js';
import type { ServiceDeps } from './deps.js';
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

export async function receptionQueue(deps: ServiceDeps, actor: Actor): Promise<QueueReception[]> {
  const [rows, units, regions, { standards }] = await Promise.all([
    listReceptions(deps.db, actor, { status: 'submitted' }),
    listUnits(deps.db),
    listRegions(deps.db),
    currentReceptionStandards(deps),
  ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const regionName = new Map(regions.map((r) => [r.id, r.name]));
  return rows.map((row) => {
    const reception = receptionView(row);
    const plan = receptionPlanOf(reception);
    return {
      reception,
      hostUnitName: unitName.get(reception.hostUnitId) ?? reception.hostUnitId,
      regionName: regionName.get(reception.regionId) ?? reception.regionId,
      totals: receptionTotals(plan),
      violations: checkReception(plan, standards),
    };
  });
}
