// Visits: book, list, read, edit, history (CONTRACT.md, Visits). Transitions: visit-actions.ts.
import { createRoute, z } from '@hono/zod-openapi';
import { visitWarnings } from '../db/repo/visit-warnings.js';
import { auditHistory } from '../db/repo/audit-log.js';
import { listVisits, visitView } from '../db/repo/visits.js';
import { requireRole, requireUser } from '../http/auth.js';
import { bookVisit, editVisit, visibleVisit } from '../services/visits.js';
import { bearerSecurity, conflictResponse, createRouter, jsonBody, jsonContent, problemResponses, YearParamSchema } from './openapi.js';
import { NewVisitBody, VisitPatchBody, VisitSchema, VisitStatusSchema, VisitWithWarningsSchema } from './visit-schemas.js';

const RULE_CODES =
  'BATCH_CAP_EXCEEDED, HEADCOUNT_CAP_EXCEEDED, PERSON_TRIPS_CAP_EXCEEDED, REGION_CAPACITY_EXCEEDED, REGION_SPACING_VIOLATION, BLACKOUT_CONFLICT';
export const IdParam = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const createVisitRoute = createRoute({
  method: 'post',
  path: '/visits',
  tags: ['Visits'],
  summary: 'Book a delegation visit (status submitted)',
  description: 'Send `Idempotency-Key` to make retries safe: the same key from the same unit answers with the first visit again.',
  security: bearerSecurity,
  request: { headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }), ...jsonBody(NewVisitBody) },
  responses: {
    201: jsonContent(VisitWithWarningsSchema, 'The booked visit with any warnings'),
    ...problemResponses,
    ...conflictResponse(RULE_CODES),
  },
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
  responses: {
    200: jsonContent(VisitWithWarningsSchema, 'The edited visit'),
    ...problemResponses,
    ...conflictResponse(`INVALID_TRANSITION, ${RULE_CODES}`),
  },
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
          z.object({
            at: z.string(),
            actorId: z.string(),
            action: z.string(),
            fromStatus: z.string().nullable(),
            toStatus: z.string().nullable(),
            note: z.string().nullable(),
          }),
        ),
      }),
      'Audit entries',
    ),
    ...problemResponses,
  },
});

export const visitRoutes = createRouter()
  .openapi(createVisitRoute, async (c) => {
    const user = requireRole(c, 'unit', 'office');
    const key = c.req.valid('header')['idempotency-key'] ?? null;
    const booked = await bookVisit(c, user, c.req.valid('json'), key);
    if (booked.replayed) c.header('idempotent-replayed', 'true');
    return c.json({ ...visitView(booked.row), warnings: booked.warnings }, 201);
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
    return c.json({ ...visitView(row), warnings: await visitWarnings(c.var.db, row) }, 200);
  })
  .openapi(patchVisitRoute, async (c) => {
    const user = requireUser(c);
    const edited = await editVisit(c, user, c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ...visitView(edited.row), warnings: edited.warnings }, 200);
  })
  .openapi(historyRoute, async (c) => {
    const user = requireUser(c);
    const row = await visibleVisit(c, user, c.req.valid('param').id);
    return c.json({ items: await auditHistory(c.var.db, 'visit', row.id) }, 200);
  });
