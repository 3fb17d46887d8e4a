// The office's reception standards (接待标准): work-meal cost per person and lodging rate per
// night per rank. One schema for PUT /api/v1/standards/reception, the settings page and the
// service that reads the stored value back.
import { z } from 'zod';
import { DEFAULT_RECEPTION_STANDARDS } from '../domain/reception-rules.js';

/** Whole yuan; a million a night or a head is far beyond any real standard, so it is a typo. */
const YuanLimit = z.number().int().min(0).max(1_000_000);

export const ReceptionStandardsSchema = z
  .object({
    workMealPerPersonYuan: YuanLimit,
    lodgingPerNightYuan: z
      .object({ provincial: YuanLimit, departmental: YuanLimit, county: YuanLimit, other: YuanLimit })
      .strict()
      .meta({ description: 'Per room and night, by the guest rank the line is for: 省部级, 厅局级, 县处级, 其他' }),
  })
  .strict()
  .meta({
    id: 'ReceptionStandards',
    description: `Defaults until the office sets its own (placeholders, not official amounts): ${JSON.stringify(DEFAULT_RECEPTION_STANDARDS)}`,
  });
