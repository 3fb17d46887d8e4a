// Regions with their reception rules, and units.
import { createRoute, z } from '@hono/zod-openapi';
import { createUnit, listRegions, listUnits } from '../db/repo/reference.js';
import { MAX_VISIT_DAYS } from '../domain/types.js';
import { requireRole, requireUser } from '../http/auth.js';
import { AppError } from '../services/errors.js';
import { saveRegionRules } from '../services/region-rules.js';
import { bearerSecurity, conflictResponse, createRouter, IsoDateSchema, jsonBody, jsonContent, problemResponses } from './openapi.js';

const BlackoutSchema = z
  .object({ startDate: IsoDateSchema, endDate: IsoDateSchema, reason: z.string().trim().min(1).max(200) })
  .refine((b) => b.endDate >= b.startDate, { message: 'endDate must not be before startDate', path: ['endDate'] })
  .openapi('Blackout');

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
  .openapi('RegionRules');

const RegionSchema = z
  .object({ id: z.string(), name: z.string(), nameEn: z.string(), hqName: z.string(), timezone: z.string(), rules: RegionRulesSchema })
  .openapi('Region');

const UnitSchema = z.object({ id: z.string(), name: z.string(), kind: z.enum(['city', 'department']) }).openapi('Unit');

const NewUnitBody = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'lower-case letters, digits and hyphens, 2–40 characters'),
    name: z.string().trim().min(1).max(100),
    kind: z.literal('department'),
  })
  .strict()
  .openapi('NewUnit');

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
    return c.json({ items: await listRegions(c.var.db) }, 200);
  })
  .openapi(putRulesRoute, async (c) => {
    const actor = requireRole(c, 'office');
    const { id } = c.req.valid('param');
    const region = await saveRegionRules(c.var.db, { regionId: id, rules: c.req.valid('json'), actorId: actor.id, now: c.var.now() });
    return c.json(region, 200);
  })
  .openapi(listUnitsRoute, async (c) => {
    requireUser(c);
    return c.json({ items: await listUnits(c.var.db) }, 200);
  })
  .openapi(createUnitRoute, async (c) => {
    const actor = requireRole(c, 'office');
    const body = c.req.valid('json');
    const unit = await createUnit(c.var.db, { id: body.id, name: body.name, actorId: actor.id, now: c.var.now() });
    if (!unit) throw new AppError('UNIT_EXISTS', `A unit with id "${body.id}" already exists.`);
    return c.json(unit, 201);
  });
