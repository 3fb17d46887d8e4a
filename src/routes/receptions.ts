// Official receptions (公务接待, CONTRACT.md "Official receptions"): visitors from an aided region
// hosted by a unit, checked against the 2013 reception rules and the office's standards.
// Creating (services/receptions.ts), listing and reading live here; status changes and the
// reception list in their own files.
import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../http/auth.js';
import { YearParamSchema } from '../schemas/common.js';
import { NewReceptionBody, ReceptionSchema, ReceptionStatusSchema } from '../schemas/receptions.js';
import { createReception, listVisibleReceptions, visibleReception } from '../services/receptions.js';
import { bearerSecurity, conflictResponse, createRouter, jsonBody, jsonContent, problemResponses } from './openapi.js';
import { receptionListRoutes } from './receptions-list.js';
import { ReceptionIdParam, VIOLATIONS_DESCRIPTION } from './receptions-params.js';
import { receptionTransitionRoutes } from './receptions-transitions.js';

const createReceptionRoute = createRoute({
  method: 'post',
  path: '/receptions',
  tags: ['Official receptions'],
  summary: 'Register a reception (host unit or office)',
  description:
    'A unit account hosts as its own unit (a different `hostUnitId` → 403 FORBIDDEN); the office must name `hostUnitId`; ' +
    'HQ accounts may not create receptions (403). Unknown region or unit → 422. Every broken reception rule is listed at once in the 409.',
  security: bearerSecurity,
  request: jsonBody(NewReceptionBody),
  responses: {
    201: jsonContent(ReceptionSchema, 'The reception, status "submitted"'),
    ...problemResponses,
    ...conflictResponse(VIOLATIONS_DESCRIPTION),
  },
});

const listReceptionsRoute = createRoute({
  method: 'get',
  path: '/receptions',
  tags: ['Official receptions'],
  summary: 'Receptions the caller may see',
  description:
    "Scoped by role: a unit sees the receptions it hosts, an HQ those of its region's guests, the office all. Ordered by start date.",
  security: bearerSecurity,
  request: {
    query: z.object({
      year: YearParamSchema.optional().openapi({ description: "The start date's year" }),
      regionId: z.string().min(1).max(64).optional(),
      hostUnitId: z.string().min(1).max(64).optional(),
      status: ReceptionStatusSchema.optional(),
    }),
  },
  responses: {
    200: jsonContent(z.object({ items: z.array(ReceptionSchema) }), 'Receptions'),
    401: problemResponses[401],
    422: problemResponses[422],
  },
});

const getReceptionRoute = createRoute({
  method: 'get',
  path: '/receptions/{id}',
  tags: ['Official receptions'],
  summary: 'One reception',
  security: bearerSecurity,
  request: { params: ReceptionIdParam },
  responses: { 200: jsonContent(ReceptionSchema, 'The reception'), 401: problemResponses[401], 404: problemResponses[404] },
});

export const receptionRoutes = createRouter()
  .openapi(createReceptionRoute, async (c) => {
    const reception = await createReception(c.var.deps, requireUser(c), c.req.valid('json'));
    return c.json(reception, 201);
  })
  .openapi(listReceptionsRoute, async (c) => {
    const actor = requireUser(c);
    return c.json({ items: await listVisibleReceptions(c.var.deps, actor, c.req.valid('query')) }, 200);
  })
  .openapi(getReceptionRoute, async (c) => {
    const actor = requireUser(c);
    return c.json(await visibleReception(c.var.deps, actor, c.req.valid('param').id), 200);
  })
  .route('/', receptionTransitionRoutes)
  .route('/', receptionListRoutes);
