// Reference data every page and route shows: the four regions (with their rules) and the units.
// Reading is open to every account; changing it is the office's (regions: region-rules.ts).
import { findRegion, findUnit, listRegions, listUnits, type RegionView } from '../db/repo/reference.js';
import type { ServiceDeps } from './deps.js';

export type { RegionView };
export type UnitView = Awaited<ReturnType<typeof listUnits>>[number];

export function allRegions(deps: ServiceDeps): Promise<RegionView[]> {
  return listRegions(deps.db);
}

export function allUnits(deps: ServiceDeps): Promise<UnitView[]> {
  return listUnits(deps.db);
}

export function regionById(deps: ServiceDeps, id: string): Promise<RegionView | undefined> {
  return findRegion(deps.db, id);
}

export function unitById(deps: ServiceDeps, id: string): Promise<UnitView | undefined> {
  return findUnit(deps.db, id);
}

/** Names by id for a page of records, read once: regions and units together. */
export async function referenceNames(deps: ServiceDeps): Promise<{ regions: RegionView[]; units: UnitView[] }> {
  const [regionList, unitList] = await Promise.all([listRegions(deps.db), listUnits(deps.db)]);
  return { regions: regionList, units: unitList };
}
