// The office's reception standards (接待标准): work-meal cost per person and lodging rate per
// night per rank, read by the reception rules, the API and the settings page. Until the office
// sets them, the shipped placeholders apply.
import { findStandard, saveStandard } from '../db/repo/standards.js';
import type { Actor } from '../domain/actor.js';
import { DEFAULT_RECEPTION_STANDARDS, type ReceptionStandards } from '../domain/reception-rules.js';
import { ReceptionStandardsSchema } from '../schemas/reception-standards.js';
import type { ServiceDeps } from './deps.js';
import { forbidden } from './errors.js';

export type { ReceptionStandards };

export const RECEPTION_STANDARDS_NAME = 'reception';

export interface CurrentReceptionStandards {
  standards: ReceptionStandards;
  /** The stored text the standards came from, null while the defaults apply (a write guard's version). */
  valueJson: string | null;
}

export async function currentReceptionStandards(deps: ServiceDeps): Promise<CurrentReceptionStandards> {
  const stored = await findStandard(deps.db, RECEPTION_STANDARDS_NAME);
  if (!stored) return { standards: DEFAULT_RECEPTION_STANDARDS, valueJson: null };
  // Only saveReceptionStandards writes the row, through the same schema: a mismatch is a bug, hence a throw.
  return { standards: ReceptionStandardsSchema.parse(stored.value), valueJson: stored.valueJson };
}

/** Sets the standards (office), already shaped by ReceptionStandardsSchema; recorded in the audit log. */
export async function saveReceptionStandards(deps: ServiceDeps, actor: Actor, standards: ReceptionStandards): Promise<ReceptionStandards> {
  if (actor.role !== 'office') throw forbidden('Only office accounts may do this.');
  await saveStandard(deps.db, { name: RECEPTION_STANDARDS_NAME, value: standards, actorId: actor.id, now: deps.now() });
  return standards;
}
