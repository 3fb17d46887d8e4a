// Annual caps (适当控制年度批次和人员规模): the year's default for every unit, one override per
// unit, and each unit's counted usage. Everyone reads the default; a unit reads its own caps only,
// an HQ none (caps are between the office and each unit; an HQ plans with its region's rules);
// only the office sets them. Shared by /api/v1/quotas and the office's caps settings page.
import type { Db } from '../db/client.js';
import {
  clearUnitLimits,
  defaultLimitsFor,
  hasDefaultLimits,
  limitsFor,
  setDefaultLimits,
  setUnitLimits,
  usageFor,
} from '../db/repo/quotas.js';
import { findUnit } from '../db/repo/reference.js';
import { usageRows } from '../db/repo/reports.js';
import type { Actor } from '../domain/actor.js';
import { remainingOf } from '../domain/caps.js';
import type { QuotaLimits, QuotaUsage } from '../domain/types.js';
import type { ServiceDeps } from './deps.js';
import { forbidden, notFound } from './errors.js';

export type { QuotaLimits, QuotaUsage };

/** A unit's caps for the year (its override, else the year's default), its counted usage and what remains. */
export interface QuotaReport {
  year: number;
  unitId: string;
  limits: QuotaLimits;
  used: QuotaUsage;
  remaining: QuotaUsage;
}

async function quotaReport(db: Db, year: number, unitId: string): Promise<QuotaReport> {
  const [limits, used] = await Promise.all([limitsFor(db, year, unitId), usageFor(db, year, unitId)]);
  return { year, unitId, limits, used, remaining: remainingOf(limits, used) };
}

/** The year's default caps (DEFAULT_QUOTA_LIMITS while the office has set none). */
export function yearDefaultLimits(deps: ServiceDeps, year: number): Promise<QuotaLimits> {
  return defaultLimitsFor(deps.db, year);
}

/** Whether the office has set the year's default caps; until it does, the shipped placeholders apply. */
export function yearDefaultIsSet(deps: ServiceDeps, year: number): Promise<boolean> {
  return hasDefaultLimits(deps.db, year);
}

/** A unit's caps, usage and what remains, with no visibility check: for a caller that already
 *  holds the unit (a unit account's own unit, from its session). */
export function unitQuotaReport(deps: ServiceDeps, input: { year: number; unitId: string }): Promise<QuotaReport> {
  return quotaReport(deps.db, input.year, input.unitId);
}

/** A unit's caps as the caller may see them: the office any, a unit account its own only (another's is "not found"), an HQ none. */
export async function unitQuota(deps: ServiceDeps, actor: Actor, input: { year: number; unitId: string }): Promise<QuotaReport> {
  if (actor.role === 'hq') throw forbidden("A unit's caps and usage are the office's and the unit's own.");
  if (actor.role === 'unit' && actor.unitId !== input.unitId) throw notFound('unit');
  if (!(await findUnit(deps.db, input.unitId))) throw notFound('unit');
  return quotaReport(deps.db, input.year, input.unitId);
}

/**
 * Every unit's caps and usage for the year, with its name, in the units' usual order (office):
 * the usage report's reads (the default, the year's overrides, one grouped count), never three
 * reads per unit.
 */
export async function allUnitQuotas(
  deps: ServiceDeps,
  actor: Actor,
  year: number,
): Promise<(QuotaReport & { name: string; ownCaps: boolean })[]> {
  requireOffice(actor, 'Only the office sees every unit’s caps.');
  const rows = await usageRows(deps.db, year);
  return rows.map((r) => ({
    year,
    unitId: r.unitId,
    name: r.unitName,
    ownCaps: r.overridden,
    limits: r.limits,
    used: r.used,
    remaining: r.remaining,
  }));
}

/** Sets the year's default for every unit without an override (office); the limits come checked by LimitsSchema. */
export async function saveDefaultLimits(
  deps: ServiceDeps,
  actor: Actor,
  input: { year: number; limits: QuotaLimits },
): Promise<{ year: number; limits: QuotaLimits }> {
  requireOffice(actor, 'Only the office sets caps.');
  await setDefaultLimits(deps.db, { ...input, actorId: actor.id, now: deps.now() });
  return { year: input.year, limits: input.limits };
}

/** Overrides one unit's caps for the year (office); an unknown unit is "not found". */
export async function saveUnitLimits(
  deps: ServiceDeps,
  actor: Actor,
  input: { year: number; unitId: string; limits: QuotaLimits },
): Promise<QuotaReport> {
  requireOffice(actor, 'Only the office sets caps.');
  if (!(await findUnit(deps.db, input.unitId))) throw notFound('unit');
  await setUnitLimits(deps.db, { ...input, actorId: actor.id, now: deps.now() });
  return quotaReport(deps.db, input.year, input.unitId);
}

/** Removes one unit's own caps for the year, so the year's default applies to it again (office). */
export async function resetUnitLimits(deps: ServiceDeps, actor: Actor, input: { year: number; unitId: string }): Promise<QuotaReport> {
  requireOffice(actor, 'Only the office sets caps.');
  if (!(await findUnit(deps.db, input.unitId))) throw notFound('unit');
  await clearUnitLimits(deps.db, { ...input, actorId: actor.id, now: deps.now() });
  return quotaReport(deps.db, input.year, input.unitId);
}

function requireOffice(actor: Actor, detail: string): void {
  if (actor.role !== 'office') throw forbidden(detail);
}
