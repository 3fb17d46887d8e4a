// Slot search (GET /api/v1/plan/slots): the earliest windows a booking would pass right now.
import { createRoute, z } from '@hono/zod-openapi';
import { findUnit } from '../db/repo/reference.js';
import { MAX_VISIT_DAYS } from '../domain/types.js';
import { requireUser } from '../http/auth.js';
import { forbidden, validationFailed } from '../services/errors.js';
import { searchSlots } from '../services/slots.js';
import { bearerSecurity, createRouter, IsoDateSchema, jsonContent, problemResponses } from './openapi.js';

const SlotQuery = z.object({
  regionId: z.string().min(1).max(64),
  days: z.coerce.number().int().min(1).max(MAX_VISIT_DAYS),
  headcount: z.coerce.number().int().min(1).max(10_000),
  from: IsoDateSchema.optional().openapi({ description: 'Earliest first day (default and minimum: today in Asia/Shanghai)' }),
  to: IsoDateSchema.optional().openapi({ description: 'Latest last day (default: a year after from)' }),
  limit: z.coerce.number().int().min(1).max(50).default(5),
  unitId: z.string().max(64).optional().openapi({ description: 'Whose caps to respect (office and hq; a unit always gets its own)' }),
});

const slotsRoute = createRoute({
  method: 'get',
  path: '/plan/slots',
  tags: ['Visits'],
  summary: 'The earliest windows that would be accepted right now (capacity, spacing, blackouts, the unit’s caps)',
  security: bearerSecurity,
  request: { query: SlotQuery },
  responses: {
    200: jsonContent(z.object({ slots: z.array(z.object({ startDate: z.string(), endDate: z.string() })) }), 'Earliest windows first'),
    ...problemResponses,
  },
});

export const slotRoutes = createRouter().openapi(slotsRoute, async (c) => {
  const user = requireUser(c);
  const { unitId: requestedUnit, ...query } = c.req.valid('query');
  let unitId = requestedUnit;
  if (user.role === 'unit') {
    if (unitId && unitId !== user.unitId) throw forbidden('A unit sees its own caps only.');
    unitId = user.unitId ?? undefined;
  } else if (unitId && !(await findUnit(c.var.db, unitId))) {
    throw validationFailed([{ path: 'unitId', message: `unknown unit "${unitId}"` }]);
  }
  return c.json({ slots: await searchSlots(c, { ...query, unitId }) }, 200);
});
