// Slot search (GET /api/v1/plan/slots): the earliest windows a booking would pass right now.
import { createRoute, z } from '@hono/zod-openapi';
import { regionRulesOf, regionVisitsAround, unitUsage } from '../db/repo/booking-context.js';
import { limitsFor } from '../db/repo/quotas.js';
import { findUnit } from '../db/repo/reference.js';
import { checkCaps } from '../domain/caps.js';
import { addDays, calendarDayIn, daysBetween, PROGRAMME_TIME_ZONE, yearOf } from '../domain/dates.js';
import { findSlots } from '../domain/slots.js';
import type { BookingRefusal } from '../domain/types.js';
import { MAX_VISIT_DAYS } from '../domain/types.js';
import { requireUser } from '../middleware/auth.js';
import { forbidden, validationFailed } from '../lib/problem.js';
import { bearerSecurity, createRouter, IsoDateSchema, jsonContent, problemResponses } from './openapi.js';

/** The longest range searched in one call: two years of days. */
const MAX_SEARCH_DAYS = 731;
const DEFAULT_SEARCH_DAYS = 365;

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
  const query = c.req.valid('query');
  const { db } = c.var;
  const today = calendarDayIn(PROGRAMME_TIME_ZONE, c.var.now());
  const from = query.from && query.from > today ? query.from : today;
  const to = query.to ?? addDays(from, DEFAULT_SEARCH_DAYS);
  if (to < from) throw validationFailed([{ path: 'to', message: 'must not be before from (or today)' }]);
  if (daysBetween(from, to) > MAX_SEARCH_DAYS) throw validationFailed([{ path: 'to', message: `search at most ${MAX_SEARCH_DAYS} days at once` }]);
  const rules = await regionRulesOf(db, query.regionId);
  if (!rules) throw validationFailed([{ path: 'regionId', message: `unknown region "${query.regionId}"` }]);

  let unitId = query.unitId;
  if (user.role === 'unit') {
    if (unitId && unitId !== user.unitId) throw forbidden('A unit sees its own caps only.');
    unitId = user.unitId ?? undefined;
  } else if (unitId && !(await findUnit(db, unitId))) {
    throw validationFailed([{ path: 'unitId', message: `unknown unit "${unitId}"` }]);
  }

  // Caps are per year, so each year the range touches is read once, before the pure search.
  const capsByYear = new Map<number, BookingRefusal | null>();
  if (unitId) {
    for (let year = yearOf(from); year <= yearOf(to); year++) {
      const [limits, usage] = await Promise.all([limitsFor(db, year, unitId), unitUsage(db, { unitId, year })]);
      capsByYear.set(year, checkCaps(limits, usage, query.headcount));
    }
  }
  const regionVisits = await regionVisitsAround(db, { regionId: query.regionId, from, to, minGapDays: rules.minGapDays });
  const slots = findSlots({
    rules,
    regionVisits,
    days: query.days,
    from,
    to,
    limit: query.limit,
    capsRefusal: (year) => capsByYear.get(year) ?? null,
  });
  return c.json({ slots }, 200);
});
