// Visits: book, list, read, edit, history (docs/API.md, Visits). Transitions: visit-actions.ts.
import { createRoute, z } from '@hono/zod-openapi';
import { BOOKING_REFUSAL_CODES } from '../domain/booking-rules.js';
import { requireRole, requireUser } from '../http/auth.js';
import { visitList, visitListRequest } from '../services/visit-lists.js';
import { visitHistory, visitView, visitWithWarnings } from '../services/visit-reads.js';
import { bookVisit, editVisit } from '../services/visits.js';
import {
  NewVisitBody,
  VisitHistorySchema,
  VisitListQuery,
  VisitListSchema,
  VisitPatchBody,
  VisitWithWarningsSchema,
} from '../schemas/visits.js';
import { bearerSecurity, conflictResponse, createRouter, jsonBody, jsonContent, problemResponses } from './openapi.js';

/** Every booking rule's code, as the 409s of booking and editing list them. */
const RULE_CODES = BOOKING_REFUSAL_CODES.join(', ');

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
  summary: 'Visits the caller may see (office: all; hq: its region; unit: its own), a page at a time',
  description: [
    "Ordered by `startDate`, then `id`. `limit` items per page (default 50, at most 200); pass the answer's `nextCursor` as",
    '`cursor` for the next page (`null` on the last). Paging is by key, not offset: a page costs the same however far in it is,',
    'and records changed meanwhile neither repeat nor vanish between pages except as their own order says.',
    'Filters combine (all must hold): `year` (the year the visit counts in), `regionId`, `unitId`, `kind`, `status`',
    "(comma-separated, any of them), `from`/`to` (visits with a day in that inclusive range), `q` (a substring of the leader's",
    "name, the purpose or the unit's name). A bad value of any of them, or a cursor this list did not give, is 422.",
  ].join(' '),
  security: bearerSecurity,
  request: { query: VisitListQuery },
  responses: { 200: jsonContent(VisitListSchema, 'A page of visits by start date, then id'), ...problemResponses },
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
  responses: { 200: jsonContent(VisitHistorySchema, 'Audit entries'), ...problemResponses },
});

export const visitRoutes = createRouter()
  .openapi(createVisitRoute, async (c) => {
    const user = requireRole(c, 'unit', 'office');
    const idempotencyKey = c.req.valid('header')['idempotency-key'] ?? null;
    const booked = await bookVisit(c.var.deps, user, { ...c.req.valid('json'), idempotencyKey });
    if (booked.replayed) c.header('idempotent-replayed', 'true');
    return c.json({ ...visitView(booked.row), warnings: booked.warnings }, 201);
  })
  .openapi(listVisitsRoute, async (c) => {
    const user = requireUser(c);
    const page = await visitList(c.var.deps, user, visitListRequest(c.req.valid('query')));
    return c.json({ items: page.items.map(visitView), nextCursor: page.nextCursor }, 200);
  })
  .openapi(getVisitRoute, async (c) => {
    const user = requireUser(c);
    const { visit, warnings } = await visitWithWarnings(c.var.deps, user, c.req.valid('param').id);
    return c.json({ ...visitView(visit), warnings }, 200);
  })
  .openapi(patchVisitRoute, async (c) => {
    const user = requireUser(c);
    const edited = await editVisit(c.var.deps, user, { id: c.req.valid('param').id, patch: c.req.valid('json') });
    return c.json({ ...visitView(edited.row), warnings: edited.warnings }, 200);
  })
  .openapi(historyRoute, async (c) => {
    const user = requireUser(c);
    return c.json({ items: await visitHistory(c.var.deps, user, c.req.valid('param').id) }, 200);
  });
