// Condolence balance (docs/API.md, "Condolence balance"): the office's thresholds, the yearly
// roster of seconded cadres and the per-region report. Shared by the API, the settings pages and
// the services.
import { z } from 'zod';
import { DEFAULT_BALANCE_THRESHOLDS } from '../domain/balance.js';
import { IdRefSchema } from './common.js';

// Upper bounds only catch typos: nobody means "flag above 1000 × the median".
export const BalanceThresholdsSchema = z
  .object({
    overRatio: z.number().gt(1).max(1000).meta({ example: 1.5, description: '`over` above overRatio × median; must be > 1' }),
    underRatio: z
      .number()
      .min(0)
      .lt(1)
      .meta({ example: 0.5, description: '`under` below underRatio × median; 0 ≤ underRatio < 1 (0 turns `under` off)' }),
  })
  .strict()
  .meta({ id: 'BalanceThresholds', description: `Defaults until the office sets its own: ${JSON.stringify(DEFAULT_BALANCE_THRESHOLDS)}` });

const CadreEntrySchema = z
  .object({
    unitId: IdRefSchema.meta({ example: 'hangzhou' }),
    regionId: IdRefSchema.meta({ example: 'aksu' }),
    count: z.number().int().min(0).max(100_000).meta({ description: 'Seconded cadres; 0 is the same as no entry' }),
  })
  .strict()
  .meta({ id: 'CadreEntry' });

// Units × regions bounds a real roster; 1000 rows leaves room for many departments.
export const CadreRosterBody = z
  .object({ entries: z.array(CadreEntrySchema).max(1000) })
  .strict()
  .meta({ id: 'CadreRosterInput' });

export const CadreRosterSchema = z.object({ year: z.number().int(), entries: z.array(CadreEntrySchema) }).meta({ id: 'CadreRoster' });

const MetricSchema = z.enum(['consolationPerCadre', 'visitsPerCadre']);

export const BalanceReportSchema = z
  .object({
    year: z.number().int(),
    overRatio: z.number(),
    underRatio: z.number(),
    regions: z.array(
      z.object({
        regionId: z.string(),
        median: z.object({ consolationPerCadre: z.number(), visitsPerCadre: z.number() }),
        units: z.array(
          z.object({
            unitId: z.string(),
            cadres: z.number().int(),
            condolenceVisits: z.number().int(),
            consolationYuan: z.number().int(),
            consolationPerCadre: z.number().nullable().meta({ description: 'null for a unit with no cadres in the region' }),
            visitsPerCadre: z.number().nullable(),
            flags: z.array(z.object({ metric: MetricSchema, level: z.enum(['over', 'under']) })),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'BalanceReport' });
