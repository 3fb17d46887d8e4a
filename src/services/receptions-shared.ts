// Pieces the reception services and pages share: loading what the caller may see, the rule view of a
// reception, and the one problem that lists broken reception rules.
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { Actor } from '../domain/actor.js';
import { canSeeReception, findReception, receptionView, type ReceptionView } from '../db/repo/receptions.js';
import type { ReceptionPlan, ReceptionViolation } from '../domain/reception-rules.js';
import { requireUser } from '../http/auth.js';
import { AppError, notFound } from './errors.js';

/** The reception if the caller may see it; otherwise 404, so ids of others' receptions leak nothing. */
export async function visibleReception(c: Context<AppEnv>, id: string): Promise<{ user: Actor; reception: ReceptionView }> {
  const user = requireUser(c);
  const row = await findReception(c.var.db, id);
  if (!row || !canSeeReception(user, row)) throw notFound('reception');
  return { user, reception: receptionView(row) };
}

/** What the 2013 rules look at. The API takes one work meal at most, so the meal-count rule holds by shape. */
export function receptionPlanOf(
  reception: Pick<ReceptionView, 'officialLetterRef' | 'guestCount' | 'workMeal' | 'lodging' | 'giftsYuan'>,
): ReceptionPlan {
  return {
    officialLetterRef: reception.officialLetterRef,
    guestCount: reception.guestCount,
    workMeals: reception.workMeal ? [reception.workMeal] : [],
    lodging: reception.lodging,
    giftsYuan: reception.giftsYuan,
  };
}

export function standardViolated(violations: ReceptionViolation[]): AppError {
  const codes = violations.map((v) => v.code).join(', ');
  return new AppError('RECEPTION_STANDARD_VIOLATED', `The reception breaks ${violations.length} rule(s): ${codes}.`, { violations });
}
