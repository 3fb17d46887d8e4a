// The visit workflow (docs/API.md, Visits → Transitions): who may do what, from which status.
import type { Role, VisitStatus } from './types.js';

export type VisitAction = 'coordinate' | 'approve' | 'reject' | 'withdraw' | 'cancel';

/** Whose action it is: the HQ of the visit's region, the office, or the unit that owns the visit. */
export type VisitParty = 'region-hq' | 'office' | 'owner';

interface Transition {
  actors: readonly VisitParty[];
  from: readonly VisitStatus[];
}

export const VISIT_TRANSITIONS: Record<VisitAction, Transition> = {
  coordinate: { actors: ['region-hq'], from: ['submitted'] },
  approve: { actors: ['office'], from: ['coordinated'] },
  reject: { actors: ['office'], from: ['submitted', 'coordinated'] },
  withdraw: { actors: ['owner'], from: ['submitted', 'coordinated'] },
  cancel: { actors: ['owner', 'office'], from: ['approved'] },
};

/** Edits are allowed to the owner and the office while nobody has approved the visit yet. */
export const EDITABLE_VISIT_STATUSES: readonly VisitStatus[] = ['submitted', 'coordinated'];

export function actorsOf(
  user: { role: Role; unitId: string | null; regionId: string | null },
  visit: { unitId: string; regionId: string },
): VisitParty[] {
  const actors: VisitParty[] = [];
  if (user.role === 'office') actors.push('office');
  if (user.role === 'hq' && user.regionId === visit.regionId) actors.push('region-hq');
  if (user.role === 'unit' && user.unitId === visit.unitId) actors.push('owner');
  return actors;
}

export function mayPerform(action: VisitAction, actors: readonly VisitParty[]): boolean {
  return VISIT_TRANSITIONS[action].actors.some((a) => actors.includes(a));
}

/** The status after `action`, or null when the action is not allowed from `from`. */
export function nextStatus(from: VisitStatus, action: VisitAction, options: { agree?: boolean } = {}): VisitStatus | null {
  if (!VISIT_TRANSITIONS[action].from.includes(from)) return null;
  switch (action) {
    case 'coordinate':
      return options.agree === false ? 'rejected' : 'coordinated';
    case 'approve':
      return 'approved';
    case 'reject':
      return 'rejected';
    case 'withdraw':
      return 'withdrawn';
    case 'cancel':
      return 'cancelled';
  }
}
