// The office's reception standards (接待标准): work-meal cost per person and lodging rate per
// night per rank, read by the reception rules, the API and the settings page, and whether an
// approval needs the official letter's scan on file. Until the office sets them, the shipped
// placeholders apply (and no scan is required).
import { findStandard, saveStandard } from '../db/repo/standards.js';
import type { Actor } from '../domain/actor.js';
import { DEFAULT_RECEPTION_STANDARDS } from '../domain/reception-rules.js';
import { type ReceptionSettings, type ReceptionSettingsInput, ReceptionStandardsSchema } from '../schemas/reception-standards.js';
import type { ServiceDeps } from './deps.js';
import { forbidden } from './errors.js';

export type ReceptionStandards = ReceptionSettings;

export const RECEPTION_STANDARDS_NAME = 'reception';

export const DEFAULT_RECEPTION_SETTINGS: ReceptionSettings = { ...DEFAULT_RECEPTION_STANDARDS, requireLetterScan: false };

export interface CurrentReceptionStandards {
  standards: ReceptionSettings;
  /** The stored text the standards came from, null while the defaults apply (a write guard's version). */
  valueJson: string | null;
}

export async function currentReceptionStandards(deps: ServiceDeps): Promise<CurrentReceptionStandards> {
  const stored = await findStandard(deps.db, RECEPTION_STANDARDS_NAME);
  if (!stored) return { standards: DEFAULT_RECEPTION_SETTINGS, valueJson: null };
  // Only saveReceptionStandards writes the row, through the same schema: a mismatch is a bug, hence a throw.
  return { standards: ReceptionStandardsSchema.parse(stored.value), valueJson: stored.valueJson };
}

/**
 * Sets the standards (office), already shaped by ReceptionStandardsInputSchema; recorded in the
 * audit log. `requireLetterScan` left out keeps its current value.
 */
export async function saveReceptionStandards(deps: ServiceDeps, actor: Actor, input: ReceptionSettingsInput): Promise<ReceptionSettings> {
  if (actor.role !== 'office') throw forbidden('Only office accounts may do this.');
  const requireLetterScan = input.requireLetterScan ?? (await currentReceptionStandards(deps)).standards.requireLetterScan;
  const standards: ReceptionSettings = { ...input, requireLetterScan };
  await saveStandard(deps.db, { name: RECEPTION_STANDARDS_NAME, value: standards, actorId: actor.id, now: deps.now() });
  return standards;
}
