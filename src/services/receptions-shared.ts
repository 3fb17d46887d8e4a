// Pieces the reception services share: loading what the caller may see, the rule view of a
// reception, and the one problem that lists broken reception rules.
import { canSeeReception, findReception, receptionView, type ReceptionView } from '../db/repo/receptions.js';
import type { Actor } from '../domain/actor.js';
import type { ReceptionPlan, ReceptionViolation } from '../domain/reception-rules.js';
import type { ServiceDeps } from './deps.js';
import { AppError, notFound } from './errors.js';

/** The reception if the caller may see it, else undefined (an unknown id and another's look alike). */
export async function findVisibleReception(deps: ServiceDeps, actor: Actor, id: string): Promise<ReceptionView | undefined> {
  const row = await findReception(deps.db, id);
  return row && canSeeReception(actor, row) ? receptionView(row) : undefined;
}

/** The reception if the caller may see it; otherwise 404, so ids of others' receptions leak nothing. */
export async function visibleReception(deps: ServiceDeps, actor: Actor, id: string): Promise<ReceptionView> {
  const reception = await findVisibleReception(deps, actor, id);
  if (!reception) throw notFound('reception');
  return reception;
}

/** What the 2013 rules look at. The API takes one work meal at most, so the meal-count rule holds by shape. */
export function receptionPlanOf(
  reception: Pick<ReceptionView, 'officialLetterRef' | 'guestCount' | 'guests' | 'workMeal' | 'lodging' | 'giftsYuan'>,
): ReceptionPlan {
  return {
    officialLetterRef: reception.officialLetterRef,
    guestCount: reception.guestCount,
    guestRanks: reception.guests.map((g) => g.rank),
    workMeals: reception.workMeal ? [reception.workMeal] : [],
    lodging: reception.lodging,
    giftsYuan: reception.giftsYuan,
  };
}

export function standardViolated(violations: ReceptionViolation[]): AppError {
  const codes = violations.map((v) => v.code).join(', ');
  return new AppError('RECEPTION_STANDARD_VIOLATED', `The reception breaks ${violations.length} rule(s): ${codes}.`, { violations });
}
