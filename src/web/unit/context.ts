// What every unit page starts from: the logged-in unit account, the current year, region names,
// and the rule for which refusals re-render a form (the user can fix them) and which do not.
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { Actor } from '../../domain/actor.js';
import { isValidIsoDate, yearOf } from '../../domain/dates.js';
import { YearParamSchema } from '../../schemas/common.js';
import { todayOf } from '../../services/deps.js';
import { AppError, forbidden } from '../../services/errors.js';
import { allRegions, type RegionView } from '../../services/reference.js';
import type { Translate } from '../../views/i18n.js';
import type { Words } from '../../views/labels.js';
import type { Flash, PageContext } from '../../views/layout.js';
import { problemFlash } from '../page.js';
import { webUser } from '../session.js';
import { localizeFieldErrors } from './field-messages.js';
import { httpStatusOf } from '../../http/problem.js';

export type UnitUser = Actor & { unitId: string };

/** The session's unit account; the unit is never taken from a form or the URL. */
export function unitUser(c: Context<AppEnv>): UnitUser {
  const user = webUser(c, 'unit');
  if (!user.unitId) throw forbidden('This unit account has no unit.');
  return { ...user, unitId: user.unitId };
}

export function currentYear(c: Context<AppEnv>): number {
  return yearOf(todayOf(c.var.deps));
}

/** `?year=2027` when it is a plausible year, else the fallback. */
export function yearParam(value: string | undefined, fallback: number): number {
  const parsed = YearParamSchema.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}

export function yearOfDate(date: string | undefined): number | null {
  return date && isValidIsoDate(date) ? yearOf(date) : null;
}

export type RegionsById = Map<string, RegionView>;

export async function regionsById(c: Context<AppEnv>): Promise<RegionsById> {
  return new Map((await allRegions(c.var.deps)).map((r) => [r.id, r]));
}

export function regionName(regions: RegionsById, id: string, t: Translate): string {
  const region = regions.get(id);
  return region ? t(region.name, region.nameEn) : id;
}

export function regionOptions(regions: RegionsById, t: Translate) {
  return [...regions.values()].map((r) => ({ value: r.id, label: t(r.name, r.nameEn) }));
}

/**
 * Refusals the user can act on by changing the form (rule conflicts and validation) come back as
 * the form with messages; anything else (404 for another unit's record, 403) is the error page.
 */
export function isFormRefusal(error: unknown): error is AppError {
  return error instanceof AppError && (httpStatusOf(error) === 409 || httpStatusOf(error) === 422);
}

/**
 * problemFlash with the record's status in words ("当前状态(已批准)…", not "approved") and the
 * field errors in the user's language.
 */
export function refusalFlash(
  error: AppError,
  page: PageContext,
  statusWords: Record<string, Words>,
): { flash: Flash; fieldErrors: Record<string, string> } {
  const { flash, fieldErrors } = problemFlash(error, page, statusWords);
  return { flash, fieldErrors: localizeFieldErrors(fieldErrors, page.lang) };
}
