// Slot search (GET /api/v1/plan/slots): the earliest windows a booking would pass right now.
import { createRoute } from '@hono/zod-openapi';
import { requireUser } from '../http/auth.js';
import { SlotListSchema, SlotQuery } from '../schemas/slots.js';
import { searchSlots } from '../services/slots.js';
import { bearerSecurity, createRouter, jsonContent, problemResponses } from './openapi.js';

const slotsRoute = createRoute({
  method: 'get',
  path: '/plan/slots',
  tags: ['Visits'],
  summary: 'The earliest windows that would be accepted right now (capacity, spacing, blackouts, the unit’s caps)',
  description:
    'A unit account always gets its own caps. The office may name `unitId` or search with the region’s rules alone; an HQ searches with the region’s rules alone (`unitId` → 403).',
  security: bearerSecurity,
  request: { query: SlotQuery },
  responses: { 200: jsonContent(SlotListSchema, 'Earliest windows first'), ...problemResponses },
});

export const slotRoutes = createRouter().openapi(slotsRoute, async (c) => {
  const user = requireUser(c);
  return c.json({ slots: await searchSlots(c.var.deps, user, c.req.valid('query')) }, 200);
});
