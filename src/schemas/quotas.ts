// Annual caps (docs/API.md, Annual caps): the limits the office sets per year and per unit, and
// the report of a unit's caps, usage and what remains. Shared by the API, the settings page and
// services/quotas.ts.
import { z } from 'zod';

export const LimitsSchema = z
  .object({
    maxBatches: z.number().int().min(0).max(10_000),
    maxHeadcountPerBatch: z.number().int().min(0).max(10_000),
    maxPersonTrips: z.number().int().min(0).max(1_000_000),
  })
  .strict()
  .meta({ id: 'QuotaLimits' });

export const UsageSchema = z.object({ batches: z.number().int(), personTrips: z.number().int() });

export const QuotaReportSchema = z
  .object({ year: z.number().int(), unitId: z.string(), limits: LimitsSchema, used: UsageSchema, remaining: UsageSchema })
  .meta({ id: 'QuotaReport' });

export const YearLimitsSchema = z.object({ year: z.number().int(), limits: LimitsSchema });
