// Warnings a visit carries without being refused (CONTRACT.md: CONDOLENCE_IMBALANCE, v1.1
// NO_CADRES_ON_ROSTER): the repository reads the region's cadres and condolence visits, the
// balance rule (domain) judges.
import { countedCondolenceVisits, currentBalanceThresholds, listCadres } from '../db/repo/balance.js';
import type { VisitRow } from '../db/repo/visits.js';
import { computeBalance } from '../domain/balance.js';
import { isCounted } from '../domain/types.js';
import type { ServiceDeps } from './deps.js';

export interface VisitWarning {
  code: string;
  metric?: string;
  value?: number;
  median?: number;
}

/**
 * The visit's warnings as things stand now. The visit is already stored when this runs (booked,
 * edited or moved on), so the balance is computed from stored data alone with computeBalance:
 * condolenceImbalanceWarnings would add the visit a second time. Because it reflects the current
 * data, the HQ sees on GET and on coordinate the warning the unit got when booking, as long as the
 * unit is still `over`. `under` is no warning: one more visit can only raise the unit's values.
 */
export async function visitWarnings(deps: Pick<ServiceDeps, 'db'>, visit: VisitRow): Promise<VisitWarning[]> {
  if (visit.kind !== 'condolence' || !isCounted(visit.status)) return [];
  const { db } = deps;
  const [cadres, condolences, thresholds] = await Promise.all([
    listCadres(db, visit.year, { regionId: visit.regionId }),
    countedCondolenceVisits(db, visit.year, visit.regionId),
    currentBalanceThresholds(db),
  ]);
  const [region] = computeBalance({ regionIds: [visit.regionId], cadres, visits: condolences, thresholds });
  const unit = region?.units.find((u) => u.unitId === visit.unitId);
  // Consoling cadres the year's roster does not show there: booked all the same, but said.
  const onRoster = cadres.some((c) => c.unitId === visit.unitId && c.count > 0);
  const rosterWarning: VisitWarning[] = onRoster ? [] : [{ code: 'NO_CADRES_ON_ROSTER' }];
  if (!region || !unit) return rosterWarning;
  const imbalance = unit.flags
    .filter((flag) => flag.level === 'over')
    .map((flag) => ({
      code: 'CONDOLENCE_IMBALANCE',
      metric: flag.metric,
      value: unit[flag.metric] ?? 0,
      median: region.median[flag.metric],
    }));
  return [...rosterWarning, ...imbalance];
}
