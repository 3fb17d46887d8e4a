// Reference data (docs/API.md, Reference data): regions with their rules, and units. Shared by
// the API, the region settings page and the services that save them.
import { z } from 'zod';
import { MAX_VISIT_DAYS } from '../domain/types.js';
import { IsoDateSchema } from './common.js';
import { requiredText } from './text.js';

export const BlackoutSchema = z
  .object({ startDate: IsoDateSchema, endDate: IsoDateSchema, reason: requiredText({ max: 200 }) })
  .refine((b) => b.endDate >= b.startDate, { message: 'endDate must not be before startDate', path: ['endDate'] })
  .meta({ id: 'Blackout' });

export const RegionRulesSchema = z
  .object({
    maxConcurrentDelegations: z.number().int().min(1).max(100),
    minGapDays: z
      .number()
      .int()
      .min(0)
      .max(MAX_VISIT_DAYS * 6),
    blackouts: z.array(BlackoutSchema).max(200),
  })
  .strict()
  .meta({ id: 'RegionRules' });

export const RegionSchema = z
  .object({ id: z.string(), name: z.string(), nameEn: z.string(), hqName: z.string(), timezone: z.string(), rules: RegionRulesSchema })
  .meta({ id: 'Region' });

export const UnitSchema = z.object({ id: z.string(), name: z.string(), kind: z.enum(['city', 'department']) }).meta({ id: 'Unit' });

export const NewUnitBody = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'lower-case letters, digits and hyphens, 2–40 characters'),
    name: requiredText({ max: 100 }),
    kind: z.literal('department'),
  })
  .strict()
  .meta({ id: 'NewUnit' });

export type NewUnitInput = z.infer<typeof NewUnitBody>;
