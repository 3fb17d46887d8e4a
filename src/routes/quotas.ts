// Annual caps (CONTRACT.md, Annual caps): the year's default, per-unit overrides, and usage.
import { createRoute, z } from '@hono/zod-openapi';
import { defaultLimitsFor, quotaReport, setDefaultLimits, setUnitLimits } from '../db/repo/quotas.js';
import { findUnit } from '../db/repo/reference.js';
import { requireRole, requireUser } from '../http/auth.js';
import { notFound } from '../services/errors.js';
import { bearerSecurity, createRouter, jsonBody, jsonContent, problemResponses, YearParamSchema } from './openapi.js';

export const LimitsSchema = z
  .object({
    maxBatches: z.number().int().min(0).max(10_000),
    maxHeadcountPerBatch: z.number().int().min(0).max(10_000),
    maxPersonTrips: z.number().int().min(0).max(1_000_000),
  })
  .strict()
  .openapi('QuotaLimits');

const UsageSchema = z.object({ batches: z.number().int(), personTrips: z.number().int() });
const QuotaReportSchema = z
  .object({ year: z.number().int(), unitId: z.string(), limits: LimitsSchema, used: UsageSchema, remaining: UsageSchema })
  .openapi('QuotaReport');

const YearParam = z.object({ year: YearParamSchema.openapi({ param: { name: 'year', in: 'path' } }) });
const UnitYearParam = YearParam.extend({
  unitId: z
    .string()
    .max(64)
    .openapi({ param: { name: 'unitId', in: 'path' } }),
});

const getDefault = createRoute({
  method: 'get',
  path: '/quotas/{year}',
  tags: ['Annual caps'],
  summary: "The year's default caps for every unit",
  security: bearerSecurity,
  request: { params: YearParam },
  responses: { 200: jsonContent(z.object({ year: z.number().int(), limits: LimitsSchema }), 'Default caps'), ...problemResponses },
});

const putDefault = createRoute({
  method: 'put',
  path: '/quotas/{year}',
  tags: ['Annual caps'],
  summary: "Set the year's default caps (office)",
  security: bearerSecurity,
  request: { params: YearParam, ...jsonBody(LimitsSchema) },
  responses: { 200: jsonContent(z.object({ year: z.number().int(), limits: LimitsSchema }), 'Default caps'), ...problemResponses },
});

const putUnit = createRoute({
  method: 'put',
  path: '/quotas/{year}/units/{unitId}',
  tags: ['Annual caps'],
  summary: "Override one unit's caps for the year (office)",
  security: bearerSecurity,
  request: { params: UnitYearParam, ...jsonBody(LimitsSchema) },
  responses: { 200: jsonContent(QuotaReportSchema, "The unit's caps and usage"), ...problemResponses },
});

const getUnit = createRoute({
  method: 'get',
  path: '/quotas/{year}/units/{unitId}',
  tags: ['Annual caps'],
  summary: "A unit's caps, usage and what remains (a unit sees its own only)",
  security: bearerSecurity,
  request: { params: UnitYearParam },
  responses: { 200: jsonContent(QuotaReportSchema, "The unit's caps and usage"), ...problemResponses },
});

export const quotaRoutes = createRouter()
  .openapi(getDefault, async (c) => {
    requireUser(c);
    const { year } = c.req.valid('param');
    return c.json({ year, limits: await defaultLimitsFor(c.var.db, year) }, 200);
  })
  .openapi(putDefault, async (c) => {
    const actor = requireRole(c, 'office');
    const { year } = c.req.valid('param');
    const limits = c.req.valid('json');
    await setDefaultLimits(c.var.db, { year, limits, actorId: actor.id, now: c.var.now() });
    return c.json({ year, limits }, 200);
  })
  .openapi(putUnit, async (c) => {
    const actor = requireRole(c, 'office');
    const { year, unitId } = c.req.valid('param');
    if (!(await findUnit(c.var.db, unitId))) throw notFound('unit');
    await setUnitLimits(c.var.db, { year, unitId, limits: c.req.valid('json'), actorId: actor.id, now: c.var.now() });
    return c.json(await quotaReport(c.var.db, year, unitId), 200);
  })
  .openapi(getUnit, async (c) => {
    const user = requireUser(c);
    const { year, unitId } = c.req.valid('param');
    if (user.role === 'unit' && user.unitId !== unitId) throw notFound('unit');
    if (!(await findUnit(c.var.db, unitId))) throw notFound('unit');
    return c.json(await quotaReport(c.var.db, year, unitId), 200);
  });
