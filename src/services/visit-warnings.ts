// Warnings a visit carries without being refused (CONDOLENCE_IMBALANCE, NO_CADRES_ON_ROSTER):
// the repository reads the region's cadres and condolence visits, the balance rule (domain) judges.
// A page of visits gets its warnings from the same three reads as one visit does: the balance
// of each region-year on the page is computed once, from grouped counts, never once per row.
import { cadresOf, condolenceTallies, currentBalanceThresholds, type RegionYear } from '../db/repo/balance.js';
import type { VisitRow } from '../db/repo/visits.js';
import { computeBalance, type RegionBalance } from '../domain/balance.js';
import { isCounted } from '../domain/types.js';
import type { ServiceDeps } from './deps.js';

export interface VisitWarning {
  code: string;
  metric?: string;
  value?: number;
  median?: number;
}

type WarnedVisit = Pick<VisitRow, 'id' | 'kind' | 'status' | 'year' | 'regionId' | 'unitId'>;

const regionYearKey = (p: RegionYear) => `${p.year}|${p.regionId}`;

/**
 * Each visit's warnings as things stand now, keyed by visit id (a visit without any has none in
 * the map). The visits are already stored (booked, edited or moved on), so the balance is
 * computed from stored data alone with computeBalance: condolenceImbalanceWarnings would add a
 * visit a second time. Because it reflects the current data, the HQ sees on GET and on
 * coordinate the warning the unit got when booking, as long as the unit is still `over`.
 * `under` is no warning: one more visit can only raise the unit's values.
 */
export async function warningsOfVisits(deps: Pick<ServiceDeps, 'db'>, rows: readonly WarnedVisit[]): Promise<Map<string, VisitWarning[]>> {
  const warned = rows.filter((v) => v.kind === 'condolence' && isCounted(v.status));
  const warnings = new Map<string, VisitWarning[]>();
  if (warned.length === 0) return warnings;
  const pairs = [...new Map(warned.map((v) => [regionYearKey(v), { year: v.year, regionId: v.regionId }])).values()];
  const { db } = deps;
  const [cadres, tallies, thresholds] = await Promise.all([
    cadresOf(db, pairs),
    condolenceTallies(db, pairs),
    currentBalanceThresholds(db),
  ]);
  const balances = new Map<string, RegionBalance | undefined>();
  for (const pair of pairs) {
    const key = regionYearKey(pair);
    const [balance] = computeBalance({
      regionIds: [pair.regionId],
      cadres: cadres.filter((c) => regionYearKey(c) === key),
      visits: tallies.filter((t) => regionYearKey(t) === key),
      thresholds,
    });
    balances.set(key, balance);
  }
  for (const visit of warned) {
    // Consoling cadres the year's roster does not show there: booked all the same, but said.
    const onRoster = cadres.some((c) => c.year === visit.year && c.regionId === visit.regionId && c.unitId === visit.unitId && c.count > 0);
    const rosterWarning: VisitWarning[] = onRoster ? [] : [{ code: 'NO_CADRES_ON_ROSTER' }];
    const region = balances.get(regionYearKey(visit));
    const unit = region?.units.find((u) => u.unitId === visit.unitId);
    if (!region || !unit) {
      if (rosterWarning.length) warnings.set(visit.id, rosterWarning);
      continue;
    }
    const imbalance: VisitWarning[] = unit.flags
      .filter((flag) => flag.level === 'over')
      .map((flag) => ({
        code: 'CONDOLENCE_IMBALANCE',
        metric: flag.metric,
        value: unit[flag.metric] ?? 0,
        median: region.median[flag.metric],
      }));
    const found = [...rosterWarning, ...imbalance];
    if (found.length) warnings.set(visit.id, found);
  }
  return warnings;
}

/** One visit's warnings as things stand now (see warningsOfVisits). */
export async function visitWarnings(deps: Pick<ServiceDeps, 'db'>, visit: WarnedVisit): Promise<VisitWarning[]> {
  return (await warningsOfVisits(deps, [visit])).get(visit.id) ?? [];
}
