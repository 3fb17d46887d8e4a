// Slot search (GET /api/v1/plan/slots): the query, and the windows answered. Shared by the route
// and the booking form's "next free windows" (which builds the same search from its fields).
import { z } from 'zod';
import { MAX_VISIT_DAYS } from '../domain/types.js';
import { IsoDateSchema } from './common.js';

export const SlotQuery = z.object({
  regionId: z.string().min(1).max(64),
  days: z.coerce.number().int().min(1).max(MAX_VISIT_DAYS),
  headcount: z.coerce.number().int().min(1).max(10_000),
  from: IsoDateSchema.optional().meta({ description: 'Earliest first day (default and minimum: today in Asia/Shanghai)' }),
  to: IsoDateSchema.optional().meta({ description: 'Latest last day (default: a year after from)' }),
  limit: z.coerce.number().int().min(1).max(50).default(5),
  unitId: z.string().max(64).optional().meta({ description: 'Whose caps to respect (office only; a unit always gets its own)' }),
});
export type SlotQueryInput = z.infer<typeof SlotQuery>;

export const SlotListSchema = z.object({ slots: z.array(z.object({ startDate: z.string(), endDate: z.string() })) });
