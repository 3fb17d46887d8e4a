// Annual caps (docs/API.md, Annual caps): the year's default, per-unit overrides, and usage.
import { createRoute, z } from '@hono/zod-openapi';
import { requireRole, requireUser } from '../http/auth.js';
import { YearParamSchema } from '../schemas/common.js';
import { LimitsSchema, QuotaReportSchema, YearLimitsSchema } from '../schemas/quotas.js';
import { resetUnitLimits, saveDefaultLimits, saveUnitLimits, unitQuota, yearDefaultLimits } from '../services/quotas.js';
import { bearerSecurity, createRouter, jsonBody, jsonContent, problemResponses } from './openapi.js';

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
  responses: { 200: jsonContent(YearLimitsSchema, 'Default caps'), ...problemResponses },
});

const putDefault = createRoute({
  method: 'put',
  path: '/quotas/{year}',
  tags: ['Annual caps'],
  summary: "Set the year's default caps (office)",
  security: bearerSecurity,
  request: { params: YearParam, ...jsonBody(LimitsSchema) },
  responses: { 200: jsonContent(YearLimitsSchema, 'Default caps'), ...problemResponses },
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

const deleteUnit = createRoute({
  method: 'delete',
  path: '/quotas/{year}/units/{unitId}',
  tags: ['Annual caps'],
  summary: "Remove one unit's own caps for the year, so the year's default applies again (office)",
  description:
    'Waiting visits keep their places: GET the report to see what the unit now has left. Removing caps the unit never had changes nothing.',
  security: bearerSecurity,
  request: { params: UnitYearParam },
  responses: { 200: jsonContent(QuotaReportSchema, "The unit's caps (now the default) and usage"), ...problemResponses },
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
    return c.json({ year, limits: await yearDefaultLimits(c.var.deps, year) }, 200);
  })
  .openapi(putDefault, async (c) => {
    const actor = requireRole(c, 'office');
    const { year } = c.req.valid('param');
    return c.json(await saveDefaultLimits(c.var.deps, actor, { year, limits: c.req.valid('json') }), 200);
  })
  .openapi(putUnit, async (c) => {
    const actor = requireRole(c, 'office');
    const { year, unitId } = c.req.valid('param');
    return c.json(await saveUnitLimits(c.var.deps, actor, { year, unitId, limits: c.req.valid('json') }), 200);
  })
  .openapi(deleteUnit, async (c) => {
    const actor = requireRole(c, 'office');
    return c.json(await resetUnitLimits(c.var.deps, actor, c.req.valid('param')), 200);
  })
  .openapi(getUnit, async (c) => {
    const user = requireUser(c);
    return c.json(await unitQuota(c.var.deps, user, c.req.valid('param')), 200);
  });
