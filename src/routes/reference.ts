// Regions with their reception rules, and units.
import { createRoute, z } from '@hono/zod-openapi';
import { requireRole, requireUser } from '../http/auth.js';
import { NewUnitBody, RegionRulesSchema, RegionSchema, UnitSchema } from '../schemas/reference.js';
import { addDepartment, allRegions, allUnits } from '../services/reference.js';
import { saveRegionRules } from '../services/region-rules.js';
import { bearerSecurity, conflictResponse, createRouter, jsonBody, jsonContent, problemResponses } from './openapi.js';

const RegionIdParam = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'aksu' }),
});

const listRegionsRoute = createRoute({
  method: 'get',
  path: '/regions',
  tags: ['Reference data'],
  summary: 'The four aided regions with their reception rules',
  security: bearerSecurity,
  responses: { 200: jsonContent(z.object({ items: z.array(RegionSchema) }), 'Regions'), 401: problemResponses[401] },
});

const putRulesRoute = createRoute({
  method: 'put',
  path: '/regions/{id}/rules',
  tags: ['Reference data'],
  summary: "Set a region's capacity, arrival spacing and blackouts (office)",
  security: bearerSecurity,
  request: { params: RegionIdParam, ...jsonBody(RegionRulesSchema) },
  responses: { 200: jsonContent(RegionSchema, 'The region with its new rules'), ...problemResponses },
});

const listUnitsRoute = createRoute({
  method: 'get',
  path: '/units',
  tags: ['Reference data'],
  summary: "The province's cities and departments",
  security: bearerSecurity,
  responses: { 200: jsonContent(z.object({ items: z.array(UnitSchema) }), 'Units'), 401: problemResponses[401] },
});

const createUnitRoute = createRoute({
  method: 'post',
  path: '/units',
  tags: ['Reference data'],
  summary: 'Add a provincial department (office)',
  security: bearerSecurity,
  request: jsonBody(NewUnitBody),
  responses: { 201: jsonContent(UnitSchema, 'The new unit'), ...problemResponses, ...conflictResponse('UNIT_EXISTS: the id is taken') },
});

export const referenceRoutes = createRouter()
  .openapi(listRegionsRoute, async (c) => {
    requireUser(c);
    return c.json({ items: await allRegions(c.var.deps) }, 200);
  })
  .openapi(putRulesRoute, async (c) => {
    const actor = requireRole(c, 'office');
    const { id } = c.req.valid('param');
    return c.json(await saveRegionRules(c.var.deps, actor, { regionId: id, rules: c.req.valid('json') }), 200);
  })
  .openapi(listUnitsRoute, async (c) => {
    requireUser(c);
    return c.json({ items: await allUnits(c.var.deps) }, 200);
  })
  .openapi(createUnitRoute, async (c) => {
    const actor = requireRole(c, 'office');
    return c.json(await addDepartment(c.var.deps, actor, c.req.valid('json')), 201);
  });
