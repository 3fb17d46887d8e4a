// Condolence balance (docs/API.md, "Condolence balance"). The 2013 notice asks that condolence
// visits to seconded cadres stay "relatively balanced, no one-upmanship" (确保相对平衡,避免相互攀比):
// per region, each unit's condolence visits and money per seconded cadre are compared with the
// region's medians, and outliers are flagged. The visits median is over the units with cadres
// there; the money median over those of them that made a counted condolence visit: while most
// units have not gone yet, a median over all would be 0 and hide the largest spender. Values are not rounded here; pages round what they show.
import { isCounted, type VisitStatus } from './types.js';

export interface BalanceThresholds {
  overRatio: number;
  underRatio: number;
}

export const DEFAULT_BALANCE_THRESHOLDS: BalanceThresholds = { overRatio: 1.5, underRatio: 0.5 };

export interface CadreEntry {
  unitId: string;
  regionId: string;
  count: number;
}

/**
 * One condolence visit of the year, or `count` of them of one unit and status with
 * `consolationYuan` their sum (a grouped read); the caller passes condolence visits only.
 */
export interface CondolenceVisit {
  unitId: string;
  regionId: string;
  status: VisitStatus;
  consolationYuan: number | null;
  /** How many visits this entry stands for; 1 when absent. */
  count?: number;
}

export type BalanceMetric = 'consolationPerCadre' | 'visitsPerCadre';

export interface BalanceFlag {
  metric: BalanceMetric;
  level: 'over' | 'under';
}

export interface UnitBalance {
  unitId: string;
  cadres: number;
  condolenceVisits: number;
  consolationYuan: number;
  consolationPerCadre: number | null;
  visitsPerCadre: number | null;
  flags: BalanceFlag[];
}

export interface RegionBalance {
  regionId: string;
  median: { consolationPerCadre: number; visitsPerCadre: number };
  units: UnitBalance[];
}

export interface BalanceInput {
  regionIds: string[];
  cadres: CadreEntry[];
  visits: CondolenceVisit[];
  thresholds: BalanceThresholds;
}

export interface CondolenceImbalanceWarning {
  code: 'CONDOLENCE_IMBALANCE';
  metric: BalanceMetric;
  value: number;
  median: number;
}

const METRICS: readonly BalanceMetric[] = ['consolationPerCadre', 'visitsPerCadre'];

/** Odd count: the middle value; even: the mean of the two middle ones; empty: 0. */
export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

type PerCadre = Record<BalanceMetric, number>;

function flagsFor(value: PerCadre, medians: PerCadre, { overRatio, underRatio }: BalanceThresholds): BalanceFlag[] {
  return METRICS.flatMap((metric): BalanceFlag[] => {
    const m = medians[metric];
    if (m <= 0) return []; // a zero median gives no scale to be out of balance against
    if (value[metric] > overRatio * m) return [{ metric, level: 'over' }];
    if (value[metric] < underRatio * m) return [{ metric, level: 'under' }];
    return [];
  });
}

interface Tally {
  cadres: number;
  visits: number;
  yuan: number;
}

export function computeBalance(input: BalanceInput): RegionBalance[] {
  const byRegion = new Map<string, Map<string, Tally>>(input.regionIds.map((id) => [id, new Map()]));
  const tally = (regionId: string, unitId: string): Tally | undefined => {
    const units = byRegion.get(regionId);
    if (!units) return undefined; // a region the caller did not ask about
    let t = units.get(unitId);
    if (!t) {
      t = { cadres: 0, visits: 0, yuan: 0 };
      units.set(unitId, t);
    }
    return t;
  };

  for (const entry of input.cadres) {
    // A roster row of 0 means "no cadres there", the same as no row at all.
    if (entry.count > 0) {
      const t = tally(entry.regionId, entry.unitId);
      if (t) t.cadres += entry.count;
    }
  }
  for (const visit of input.visits) {
    if (!isCounted(visit.status)) continue; // rejected, withdrawn, cancelled hold no place
    const t = tally(visit.regionId, visit.unitId);
    if (!t) continue;
    t.visits += visit.count ?? 1;
    t.yuan += visit.consolationYuan ?? 0; // no amount recorded: a visit without money
  }

  return input.regionIds.map((regionId) => {
    const units = [...(byRegion.get(regionId) ?? new Map<string, Tally>())]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([unitId, t]) => ({
        unitId,
        t,
        perCadre: t.cadres > 0 ? { consolationPerCadre: t.yuan / t.cadres, visitsPerCadre: t.visits / t.cadres } : null,
      }));
    const withCadres = units.flatMap((u) => (u.perCadre ? [u.perCadre] : []));
    const thatWent = units.flatMap((u) => (u.perCadre && u.t.visits > 0 ? [u.perCadre] : []));
    const medians = {
      consolationPerCadre: median(thatWent.map((p) => p.consolationPerCadre)),
      visitsPerCadre: median(withCadres.map((p) => p.visitsPerCadre)),
    };

    return {
      regionId,
      median: medians,
      // A unit with visits but no cadres in the region has no per-cadre value to compare, so it is
      // never flagged and stays out of the medians; it is still listed so nothing is hidden from
      // the office.
      units: units.map(({ unitId, t, perCadre }): UnitBalance => {
        const flags = perCadre ? flagsFor(perCadre, medians, input.thresholds) : [];
        return {
          unitId,
          cadres: t.cadres,
          condolenceVisits: t.visits,
          consolationYuan: t.yuan,
          consolationPerCadre: perCadre ? perCadre.consolationPerCadre : null,
          visitsPerCadre: perCadre ? perCadre.visitsPerCadre : null,
          flags,
        };
      }),
    };
  });
}

/**
 * The warnings booking this condolence visit would carry: the balance with the candidate counted,
 * one warning per metric on which its unit ends up `over` in its region. Booking still succeeds
 * (docs/API.md); `under` is no warning, since another visit can only raise the unit's values.
 */
export function condolenceImbalanceWarnings(
  input: BalanceInput,
  candidate: { unitId: string; regionId: string; consolationYuan: number | null },
): CondolenceImbalanceWarning[] {
  const [region] = computeBalance({
    ...input,
    regionIds: [candidate.regionId],
    visits: [...input.visits, { ...candidate, status: 'submitted' }],
  });
  const unit = region?.units.find((u) => u.unitId === candidate.unitId);
  if (!region || !unit) return [];
  return unit.flags
    .filter((f) => f.level === 'over')
    .map((f) => ({
      code: 'CONDOLENCE_IMBALANCE',
      metric: f.metric,
      value: unit[f.metric] ?? 0,
      median: region.median[f.metric],
    }));
}
