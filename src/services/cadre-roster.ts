// The yearly roster of seconded cadres per unit and region, behind the condolence balance.
// Shared by /api/v1/cadres/{year} and the office's roster page, so both scope reads and refuse
// unknown units or regions and pairs given twice alike.
import { allRegionIds, type BalanceScope, listCadres, replaceCadreRoster } from '../db/repo/balance.js';
import { listUnits } from '../db/repo/reference.js';
import type { Actor } from '../domain/actor.js';
import type { CadreEntry } from '../domain/balance.js';
import type { ServiceDeps } from './deps.js';
import { forbidden, type ValidationIssue, validationFailed } from './errors.js';

export type { CadreEntry };

export interface CadreRoster {
  year: number;
  /** By region, then unit. */
  entries: CadreEntry[];
}

function rosterScope(actor: Actor): BalanceScope {
  if (actor.role === 'hq') return { regionId: actor.regionId ?? '' };
  if (actor.role === 'unit') return { unitId: actor.unitId ?? '' };
  return {};
}

/** The year's roster as the caller may see it: office all, an HQ its region's entries, a unit its own. */
export async function cadreRoster(deps: ServiceDeps, actor: Actor, year: number): Promise<CadreRoster> {
  return { year, entries: await listCadres(deps.db, year, rosterScope(actor)) };
}

async function rosterIssues(deps: ServiceDeps, entries: CadreEntry[]): Promise<ValidationIssue[]> {
  const [units, regionIds] = await Promise.all([listUnits(deps.db), allRegionIds(deps.db)]);
  const unitIds = new Set(units.map((u) => u.id));
  const regionSet = new Set(regionIds);
  const firstIndex = new Map<string, number>();
  return entries.flatMap((entry, i): ValidationIssue[] => {
    const issues: ValidationIssue[] = [];
    if (!unitIds.has(entry.unitId)) issues.push({ path: `entries.${i}.unitId`, message: `unknown unit "${entry.unitId}"` });
    if (!regionSet.has(entry.regionId)) issues.push({ path: `entries.${i}.regionId`, message: `unknown region "${entry.regionId}"` });
    // JSON of the pair, so no separator character inside an id can make two pairs collide.
    const pair = JSON.stringify([entry.unitId, entry.regionId]);
    const earlier = firstIndex.get(pair);
    if (earlier === undefined) firstIndex.set(pair, i);
    else
      issues.push({
        path: `entries.${i}`,
        message: `the pair (${entry.unitId}, ${entry.regionId}) is already given at entries.${earlier}`,
      });
    return issues;
  });
}

/**
 * Replaces the year's whole roster (office); entries already shaped by CadreRosterBody. 422
 * naming each bad entry. Returns the roster as stored.
 */
export async function saveCadreRoster(
  deps: ServiceDeps,
  actor: Actor,
  input: { year: number; entries: CadreEntry[] },
): Promise<CadreRoster> {
  if (actor.role !== 'office') throw forbidden('Only office accounts may do this.');
  const issues = await rosterIssues(deps, input.entries);
  if (issues.length) throw validationFailed(issues);
  await replaceCadreRoster(deps.db, { ...input, actorId: actor.id, now: deps.now() });
  return { year: input.year, entries: await listCadres(deps.db, input.year) };
}
