// Replacing a year's roster of seconded cadres, shared by PUT /api/v1/cadres/{year} and the
// office's roster page, so both refuse unknown units or regions and pairs given twice alike.
import type { Db } from '../db/client.js';
import { allRegionIds, replaceCadreRoster } from '../db/repo/balance.js';
import { listUnits } from '../db/repo/reference.js';
import type { CadreEntry } from '../domain/balance.js';
import { type ValidationIssue, validationFailed } from './errors.js';

async function rosterIssues(db: Db, entries: CadreEntry[]): Promise<ValidationIssue[]> {
  const [units, regionIds] = await Promise.all([listUnits(db), allRegionIds(db)]);
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

/** Entries already shaped by the schema (CadreRosterBody); 422 naming each bad entry. */
export async function saveCadreRoster(db: Db, args: { year: number; entries: CadreEntry[]; actorId: string; now: Date }): Promise<void> {
  const issues = await rosterIssues(db, args.entries);
  if (issues.length) throw validationFailed(issues);
  await replaceCadreRoster(db, args);
}
