// Official receptions (公务接待, CONTRACT.md "Official receptions"): visitors from an aided region
// hosted by a unit, checked against the 2013 reception rules and the office's standards.
// Creating, listing and reading live here; status changes and the reception list in their own files.
import { createRoute, z } from '@hono/zod-openapi';
import type { AuthUser } from '../app-env.js';
import { insertReception, listReceptions, receptionView } from '../db/repo/receptions.js';
import { findRegion, findUnit } from '../db/repo/reference.js';
import { checkReception } from '../domain/reception-rules.js';
import { requireUser } from '../middleware/auth.js';
import { forbidden, validationFailed, type ValidationIssue } from '../lib/problem.js';
import { bearerSecurity, conflictResponse, createRouter, jsonBody, jsonContent, problemResponses, YearParamSchema } from './openapi.js';
import { receptionListRoutes } from './receptions-list.js';
import { NewReceptionBody, ReceptionIdParam, ReceptionSchema, ReceptionStatusSchema, type NewReceptionInput } from './receptions-schemas.js';
import { receptionPlanOf, standardViolated, VIOLATIONS_DESCRIPTION, visibleReception } from './receptions-shared.js';
import { receptionTransitionRoutes } from './receptions-transitions.js';
import { currentReceptionStandards } from './standards-reception.js';

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
  description: "Scoped by role: a unit sees the receptions it hosts, an HQ those of its region's guests, the office all. Ordered by start date.",
  security: bearerSecurity,
  request: {
    query: z.object({
      year: YearParamSchema.optional().openapi({ description: "The start date's year" }),
      regionId: z.string().min(1).max(64).optional(),
      hostUnitId: z.string().min(1).max(64).optional(),
      status: ReceptionStatusSchema.optional(),
    }),
  },
  responses: { 200: jsonContent(z.object({ items: z.array(ReceptionSchema) }), 'Receptions'), 401: problemResponses[401], 422: problemResponses[422] },
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

/** The unit that hosts: a unit account's own (never chosen by the request), or the office's choice. */
function hostUnitFor(user: AuthUser, requested: string | undefined): string {
  if (user.role === 'hq') throw forbidden('HQ accounts see and follow receptions; the host unit or the office registers them.');
  if (user.role === 'unit') {
    if (!user.unitId) throw forbidden('This unit account has no unit.');
    if (requested !== undefined && requested !== user.unitId) throw forbidden('A unit account may only host receptions as its own unit.');
    return user.unitId;
  }
  if (requested === undefined) throw validationFailed([{ path: 'hostUnitId', message: 'required for office accounts' }]);
  return requested;
}

function newReceptionOf(body: NewReceptionInput, hostUnitId: string) {
  return {
    hostUnitId,
    regionId: body.regionId,
    officialLetterRef: body.officialLetterRef ?? '',
    startDate: body.startDate,
    endDate: body.endDate,
    guestCount: body.guestCount,
    leadRank: body.leadRank,
    guests: body.guests ?? [],
    workMeal: body.workMeal ?? null,
    lodging: body.lodging ?? [],
    activities: body.activities ?? [],
    venue: body.venue || null,
    dietaryNotes: body.dietaryNotes || null,
    giftsYuan: body.giftsYuan ?? 0,
  };
}

export const receptionRoutes = createRouter()
  .openapi(createReceptionRoute, async (c) => {
    const user = requireUser(c);
    const body = c.req.valid('json');
    const hostUnitId = hostUnitFor(user, body.hostUnitId);
    const [region, unit] = await Promise.all([findRegion(c.var.db, body.regionId), findUnit(c.var.db, hostUnitId)]);
    const unknown: ValidationIssue[] = [];
    if (!region) unknown.push({ path: 'regionId', message: `unknown region "${body.regionId}"` });
    if (!unit) unknown.push({ path: 'hostUnitId', message: `unknown unit "${hostUnitId}"` });
    if (unknown.length > 0) throw validationFailed(unknown);

    const reception = newReceptionOf(body, hostUnitId);
    // Checked against the standards read now; a change racing this insert is caught at approval,
    // which re-checks under a guard (receptions-transitions.ts).
    const { standards } = await currentReceptionStandards(c.var.db);
    const violations = checkReception(receptionPlanOf(reception), standards);
    if (violations.length > 0) throw standardViolated(violations);

    const row = await insertReception(c.var.db, { reception, actorId: user.id, now: c.var.now() });
    return c.json(receptionView(row), 201);
  })
  .openapi(listReceptionsRoute, async (c) => {
    const user = requireUser(c);
    const rows = await listReceptions(c.var.db, user, c.req.valid('query'));
    return c.json({ items: rows.map(receptionView) }, 200);
  })
  .openapi(getReceptionRoute, async (c) => {
    const { reception } = await visibleReception(c, c.req.valid('param').id);
    return c.json(reception, 200);
  })
  .route('/', receptionTransitionRoutes)
  .route('/', receptionListRoutes);
