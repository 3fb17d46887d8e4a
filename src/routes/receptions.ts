// Official receptions (公务接待, docs/API.md "Official receptions"): visitors from an aided region
// hosted by a unit, checked against the 2013 reception rules and the office's standards.
// Creating (services/receptions.ts), listing and reading live here; status changes and the
// reception list in their own files.
import { createRoute } from '@hono/zod-openapi';
import { requireUser } from '../http/auth.js';
import { NewReceptionBody, ReceptionListQuery, ReceptionPageSchema, ReceptionSchema } from '../schemas/receptions.js';
import { receptionList, receptionListRequest } from '../services/reception-lists.js';
import { createReception, visibleReception } from '../services/receptions.js';
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
  summary: 'Receptions the caller may see, a page at a time',
  description: [
    "Scoped by role: a unit sees the receptions it hosts, an HQ those of its region's guests, the office all.",
    "Ordered by `startDate`, then `id`. `limit` items per page (default 50, at most 200); pass the answer's `nextCursor` as",
    '`cursor` for the next page (`null` on the last); paging is by key, so a page costs the same however far in it is.',
    "Filters combine: `year` (the start date's year), `regionId`, `hostUnitId`, `status` (comma-separated, any of them),",
    "`from`/`to` (receptions with a day in that inclusive range), `q` (a substring of the official letter's reference, the venue",
    "or the host unit's name). A bad value, or a cursor this list did not give, is 422.",
  ].join(' '),
  security: bearerSecurity,
  request: { query: ReceptionListQuery },
  responses: {
    200: jsonContent(ReceptionPageSchema, 'A page of receptions by start date, then id'),
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
    const page = await receptionList(c.var.deps, actor, receptionListRequest(c.req.valid('query')));
    return c.json({ items: page.items, nextCursor: page.nextCursor }, 200);
  })
  .openapi(getReceptionRoute, async (c) => {
    const actor = requireUser(c);
    return c.json(await visibleReception(c.var.deps, actor, c.req.valid('param').id), 200);
  })
  .route('/', receptionTransitionRoutes)
  .route('/', receptionListRoutes);
