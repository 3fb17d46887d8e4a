// Reference data every page and route shows: the four regions (with their rules) and the units.
// Reading is open to every account; changing it is the office's (regions: region-rules.ts).
import { createUnit, findRegion, findUnit, listRegions, listUnits, type RegionView } from '../db/repo/reference.js';
import type { Actor } from '../domain/actor.js';
import type { NewUnitInput } from '../schemas/reference.js';
import type { ServiceDeps } from './deps.js';
import { AppError, forbidden } from './errors.js';

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

/** Adds a provincial department (office); an id already taken is UNIT_EXISTS. */
export async function addDepartment(deps: ServiceDeps, actor: Actor, input: NewUnitInput): Promise<UnitView> {
  if (actor.role !== 'office') throw forbidden('Only the office adds units.');
  const unit = await createUnit(deps.db, { id: input.id, name: input.name, actorId: actor.id, now: deps.now() });
  if (!unit) throw new AppError('UNIT_EXISTS', `A unit with id "${input.id}" already exists.`);
  return unit;
}
