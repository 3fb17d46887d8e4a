// The office's reception standards (接待标准): work-meal cost per person and lodging rate per
// night per rank, read by the reception rules, the API and the settings page. Until the office
// sets them, the shipped placeholders apply.
import { z } from '@hono/zod-openapi';
import type { Db } from '../db/client.js';
import { findStandard } from '../db/repo/standards.js';
import { DEFAULT_RECEPTION_STANDARDS, type ReceptionStandards } from '../domain/reception-rules.js';

export const RECEPTION_STANDARDS_NAME = 'reception';

/** Whole yuan; a million a night or a head is far beyond any real standard, so it is a typo. */
const YuanLimit = z.number().int().min(0).max(1_000_000);

export const ReceptionStandardsSchema = z
  .object({
    workMealPerPersonYuan: YuanLimit,
    lodgingPerNightYuan: z
      .object({ provincial: YuanLimit, departmental: YuanLimit, county: YuanLimit, other: YuanLimit })
      .strict()
      .openapi({ description: 'Per room and night, by the guest rank the line is for: 省部级, 厅局级, 县处级, 其他' }),
  })
  .strict()
  .openapi('ReceptionStandards', {
    description: `Defaults until the office sets its own (placeholders, not official amounts): ${JSON.stringify(DEFAULT_RECEPTION_STANDARDS)}`,
  });

export interface CurrentReceptionStandards {
  standards: ReceptionStandards;
  /** The stored text the standards came from, null while the defaults apply (a write guard's version). */
  valueJson: string | null;
}

export async function currentReceptionStandards(db: Db): Promise<CurrentReceptionStandards> {
  const stored = await findStandard(db, RECEPTION_STANDARDS_NAME);
  if (!stored) return { standards: DEFAULT_RECEPTION_STANDARDS, valueJson: null };
  // Only this router writes the row, through the same schema: a mismatch is a bug, hence a throw.
  return { standards: ReceptionStandardsSchema.parse(stored.value), valueJson: stored.valueJson };
}
