// Visits: book, list, read, edit, history (CONTRACT.md, Visits). Transitions: visit-actions.ts.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv, AuthUser } from '../app-env.js';
import { findRegion, findUnit } from '../db/repo/reference.js';
import { visitWarnings } from '../db/repo/visit-warnings.js';
import { createVisit, updateVisit, type VisitFields } from '../db/repo/visit-writes.js';
import { canSeeVisit, findVisit, listVisits, visitHistory, visitView, type VisitRow } from '../db/repo/visits.js';
import { calendarDayIn, PROGRAMME_TIME_ZONE } from '../domain/dates.js';
import { EDITABLE_VISIT_STATUSES } from '../domain/workflow.js';
import { requireRole, requireUser } from '../middleware/auth.js';
import { forbidden, notFound, validationFailed, type ValidationIssue } from '../lib/problem.js';
import { bearerSecurity, conflictResponse, createRouter, jsonBody, jsonContent, problemResponses, YearParamSchema } from './openapi.js';
import { NewVisitBody, VisitPatchBody, VisitSchema, VisitStatusSchema, VisitWithWarningsSchema, visitDateIssues } from './visit-schemas.js';
import { invalidTransition, unwrapVisitWrite } from './visit-problems.js';

const RULE_CODES = 'BATCH_CAP_EXCEEDED, HEADCOUNT_CAP_EXCEEDED, PERSON_TRIPS_CAP_EXCEEDED, REGION_CAPACITY_EXCEEDED, REGION_SPACING_VIOLATION, BLACKOUT_CONFLICT';
export const IdParam = z.object({ id: z.string().max(64).openapi({ param: { name: 'id', in: 'path' } }) });

const createVisitRoute = createRoute({
  method: 'post',
  path: '/visits',
  tags: ['Visits'],
  summary: 'Book a delegation visit (status submitted)',
  description: 'Send `Idempotency-Key` to make retries safe: the same key from the same unit answers with the first visit again.',
  security: bearerSecurity,
  request: { headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }), ...jsonBody(NewVisitBody) },
  responses: { 201: jsonContent(VisitWithWarningsSchema, 'The booked visit with any warnings'), ...problemResponses, ...conflictResponse(RULE_CODES) },
});

const listVisitsRoute = createRoute({
  method: 'get',
  path: '/visits',
  tags: ['Visits'],
  summary: 'Visits the caller may see (office: all; hq: its region; unit: its own)',
  security: bearerSecurity,
  request: {
    query: z.object({
      year: YearParamSchema.optional(),
      regionId: z.string().max(64).optional(),
      unitId: z.string().max(64).optional(),
      status: VisitStatusSchema.optional(),
    }),
  },
  responses: { 200: jsonContent(z.object({ items: z.array(VisitSchema) }), 'Visits by start date'), ...problemResponses },
});

const getVisitRoute = createRoute({
  method: 'get',
  path: '/visits/{id}',
  tags: ['Visits'],
  summary: 'One visit, with its current warnings',
  security: bearerSecurity,
  request: { params: IdParam },
  responses: { 200: jsonContent(VisitWithWarningsSchema, 'The visit'), ...problemResponses },
});

const patchVisitRoute = createRoute({
  method: 'patch',
  path: '/visits/{id}',
  tags: ['Visits'],
  summary: 'Edit a submitted or coordinated visit (owner unit or office); back to submitted',
  security: bearerSecurity,
  request: { params: IdParam, ...jsonBody(VisitPatchBody) },
  responses: { 200: jsonContent(VisitWithWarningsSchema, 'The edited visit'), ...problemResponses, ...conflictResponse(`INVALID_TRANSITION, ${RULE_CODES}`) },
});

const historyRoute = createRoute({
  method: 'get',
  path: '/visits/{id}/history',
  tags: ['Visits'],
  summary: 'Every change to the visit, oldest first',
  security: bearerSecurity,
  request: { params: IdParam },
  responses: {
    200: jsonContent(
      z.object({
        items: z.array(
          z.object({ at: z.string(), actorId: z.string(), action: z.string(), fromStatus: z.string().nullable(), toStatus: z.string().nullable(), note: z.string().nullable() }),
        ),
      }),
      'Audit entries',
    ),
    ...problemResponses,
  },
});

/** The visit if the caller may see it; a 404 otherwise, so others' visits stay invisible. */
export async function visibleVisit(c: Context<AppEnv>, user: AuthUser, id: string): Promise<VisitRow> {
  const row = await findVisit(c.var.db, id);
  if (!row || !canSeeVisit(user, row)) throw notFound('visit');
  return row;
}

async function withWarnings(c: Context<AppEnv>, row: VisitRow) {
  return { ...visitView(row), warnings: await visitWarnings(c.var.db, row) };
}

async function fieldIssues(c: Context<AppEnv>, fields: VisitFields, checkPast: boolean): Promise<ValidationIssue[]> {
  const today = calendarDayIn(PROGRAMME_TIME_ZONE, c.var.now());
  const issues = visitDateIssues(fields, checkPast ? today : '0000-00-00');
  if (!(await findRegion(c.var.db, fields.regionId))) issues.unshift({ path: 'regionId', message: `unknown region "${fields.regionId}"` });
  return issues;
}

/** The unit a booking is for: always the account's own unit for unit users; named by the office. */
async function bookingUnit(c: Context<AppEnv>, user: AuthUser, requested: string | undefined): Promise<string> {
  if (user.role === 'unit') {
    if (requested !== undefined && requested !== user.unitId) throw forbidden('A unit books for itself only; leave unitId out.');
    return user.unitId ?? '';
  }
  if (!requested) throw validationFailed([{ path: 'unitId', message: 'required when the office books for a unit' }]);
  if (!(await findUnit(c.var.db, requested))) throw validationFailed([{ path: 'unitId', message: `unknown unit "${requested}"` }]);
  return requested;
}

export const visitRoutes = createRouter()
  .openapi(createVisitRoute, async (c) => {
    const user = requireRole(c, 'unit', 'office');
    const { unitId: requestedUnit, ...body } = c.req.valid('json');
    const fields: VisitFields = {
      ...body,
      leaderTitle: body.leaderTitle ?? null,
      cadresVisited: body.cadresVisited ?? null,
      consolationYuan: body.consolationYuan ?? null,
    };
    const issues = await fieldIssues(c, fields, true);
    if (issues.length) throw validationFailed(issues);
    const unitId = await bookingUnit(c, user, requestedUnit);
    const key = c.req.valid('header')['idempotency-key'] ?? null;
    const result = await createVisit(c.var.db, { fields, unitId, actorId: user.id, now: c.var.now(), idempotencyKey: key });
    const { row, replayed } = unwrapVisitWrite(result, 'create');
    if (replayed) c.header('idempotent-replayed', 'true');
    return c.json(await withWarnings(c, row), 201);
  })
  .openapi(listVisitsRoute, async (c) => {
    const user = requireUser(c);
    const query = c.req.valid('query');
    const rows = await listVisits(c.var.db, user, { ...query, status: query.status ? [query.status] : undefined });
    return c.json({ items: rows.map(visitView) }, 200);
  })
  .openapi(getVisitRoute, async (c) => {
    const user = requireUser(c);
    const row = await visibleVisit(c, user, c.req.valid('param').id);
    return c.json(await withWarnings(c, row), 200);
  })
  .openapi(patchVisitRoute, async (c) => {
    const user = requireUser(c);
    const current = await visibleVisit(c, user, c.req.valid('param').id);
    if (!(user.role === 'office' || (user.role === 'unit' && user.unitId === current.unitId))) {
      throw forbidden('Only the unit that booked the visit, or the office, may edit it.');
    }
    if (!EDITABLE_VISIT_STATUSES.includes(current.status)) throw invalidTransition(current.status, 'edit');
    const patch = c.req.valid('json');
    const fields: VisitFields = {
      regionId: patch.regionId ?? current.regionId,
      kind: patch.kind ?? current.kind,
      startDate: patch.startDate ?? current.startDate,
      endDate: patch.endDate ?? current.endDate,
      headcount: patch.headcount ?? current.headcount,
      leaderName: patch.leaderName ?? current.leaderName,
      leaderTitle: patch.leaderTitle === undefined ? current.leaderTitle : patch.leaderTitle,
      purpose: patch.purpose ?? current.purpose,
      cadresVisited: patch.cadresVisited === undefined ? current.cadresVisited : patch.cadresVisited,
      consolationYuan: patch.consolationYuan === undefined ? current.consolationYuan : patch.consolationYuan,
    };
    // Moving a visit to a past day is refused; an unchanged start that has meanwhile passed is not.
    const issues = await fieldIssues(c, fields, fields.startDate !== current.startDate);
    if (issues.length) throw validationFailed(issues);
    const result = await updateVisit(c.var.db, { id: current.id, fields, actorId: user.id, now: c.var.now() });
    return c.json(await withWarnings(c, unwrapVisitWrite(result, 'edit').row), 200);
  })
  .openapi(historyRoute, async (c) => {
    const user = requireUser(c);
    const row = await visibleVisit(c, user, c.req.valid('param').id);
    return c.json({ items: await visitHistory(c.var.db, row.id) }, 200);
  });
