// The office's reception standards (接待标准): work-meal cost per person, lodging rate per night
// per rank, and whether approval needs the official letter's scan on file. One schema for what
// GET /api/v1/standards/reception answers and what is stored, one for what PUT and the settings
// page accept.
import { z } from 'zod';
import { DEFAULT_RECEPTION_STANDARDS } from '../domain/reception-rules.js';

/** Whole yuan; a million a night or a head is far beyond any real standard, so it is a typo. */
const YuanLimit = z.number().int().min(0).max(1_000_000);

const amounts = {
  workMealPerPersonYuan: YuanLimit,
  lodgingPerNightYuan: z
    .object({ provincial: YuanLimit, departmental: YuanLimit, county: YuanLimit, other: YuanLimit })
    .strict()
    .meta({ description: 'Per room and night, by the guest rank the line is for: 省部级, 厅局级, 县处级, 其他' }),
};

const REQUIRE_LETTER_SCAN =
  'When true, a reception is approved only with a current official_letter document (the scan of its 公函) on file; ' +
  'otherwise 409 OFFICIAL_LETTER_SCAN_REQUIRED.';

export const ReceptionStandardsSchema = z
  .object({ ...amounts, requireLetterScan: z.boolean().default(false).meta({ description: REQUIRE_LETTER_SCAN }) })
  .strict()
  .meta({
    id: 'ReceptionStandards',
    description: `Defaults until the office sets its own (placeholders, not official amounts): ${JSON.stringify({ ...DEFAULT_RECEPTION_STANDARDS, requireLetterScan: false })}`,
  });

export const ReceptionStandardsInputSchema = z
  .object({
    ...amounts,
    requireLetterScan: z
      .boolean()
      .optional()
      .meta({ description: `${REQUIRE_LETTER_SCAN} Left out: stays as it is (false until set), so older clients never turn it off.` }),
  })
  .strict()
  .meta({ id: 'ReceptionStandardsInput' });

export type ReceptionSettings = z.output<typeof ReceptionStandardsSchema>;
export type ReceptionSettingsInput = z.output<typeof ReceptionStandardsInputSchema>;
