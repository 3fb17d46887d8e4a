// Setting a region's capacity, arrival spacing and blackouts, shared by PUT
// /api/v1/regions/{id}/rules and the office's settings page, so both refuse the same things.
import { findRegion, replaceRegionRules, type RegionView } from '../db/repo/reference.js';
import type { Actor } from '../domain/actor.js';
import { inclusiveDays } from '../domain/dates.js';
import type { RegionRules } from '../domain/types.js';
import type { ServiceDeps } from './deps.js';
import { forbidden, notFound, validationFailed } from './errors.js';

/** A blackout longer than a year is a typing error (it would close the region for good). */
export const MAX_BLACKOUT_DAYS = 366;

/** Rules already shaped by the schema (RegionRulesSchema); 404 for an unknown region, 422 for an over-long blackout. */
export async function saveRegionRules(
  deps: ServiceDeps,
  actor: Actor,
  input: { regionId: string; rules: RegionRules },
): Promise<RegionView> {
  if (actor.role !== 'office') throw forbidden('Only the office sets region rules.');
  const { db } = deps;
  if (!(await findRegion(db, input.regionId))) throw notFound('region');
  const tooLong = input.rules.blackouts.findIndex((b) => inclusiveDays(b.startDate, b.endDate) > MAX_BLACKOUT_DAYS);
  if (tooLong >= 0)
    throw validationFailed([{ path: `blackouts.${tooLong}.endDate`, message: `a blackout may last at most ${MAX_BLACKOUT_DAYS} days` }]);
  await replaceRegionRules(db, { ...input, actorId: actor.id, now: deps.now() });
  const region = await findRegion(db, input.regionId);
  if (!region) throw notFound('region');
  return region;
}
