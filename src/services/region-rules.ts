// Setting a region's capacity, arrival spacing and blackouts, shared by PUT
// /api/v1/regions/{id}/rules and the office's settings page, so both refuse the same things.
import type { Db } from '../db/client.js';
import { findRegion, replaceRegionRules, type RegionView } from '../db/repo/reference.js';
import { inclusiveDays } from '../domain/dates.js';
import type { RegionRules } from '../domain/types.js';
import { notFound, validationFailed } from './errors.js';

/** A blackout longer than a year is a typing error (it would close the region for good). */
export const MAX_BLACKOUT_DAYS = 366;

/** Rules already shaped by the schema (RegionRulesSchema); 404 for an unknown region, 422 for an over-long blackout. */
export async function saveRegionRules(
  db: Db,
  args: { regionId: string; rules: RegionRules; actorId: string; now: Date },
): Promise<RegionView> {
  if (!(await findRegion(db, args.regionId))) throw notFound('region');
  const tooLong = args.rules.blackouts.findIndex((b) => inclusiveDays(b.startDate, b.endDate) > MAX_BLACKOUT_DAYS);
  if (tooLong >= 0)
    throw validationFailed([{ path: `blackouts.${tooLong}.endDate`, message: `a blackout may last at most ${MAX_BLACKOUT_DAYS} days` }]);
  await replaceRegionRules(db, args);
  const region = await findRegion(db, args.regionId);
  if (!region) throw notFound('region');
  return region;
}
