// The visit workflow: coordinate (HQ), approve and reject (office), withdraw (owner), cancel
// (owner or office). Who may act is decided from the account and the visit, never the request.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { visitWarnings } from '../db/repo/visit-warnings.js';
import { transitionVisit } from '../db/repo/visit-writes.js';
import { visitView } from '../db/repo/visits.js';
import { actorsOf, mayPerform, nextStatus, VISIT_TRANSITIONS, type VisitAction } from '../domain/workflow.js';
import { requireUser } from '../middleware/auth.js';
import { forbidden } from '../lib/problem.js';
import { bearerSecurity, conflictResponse, createRouter, jsonContent, problemResponses } from './openapi.js';
import { VisitWithWarningsSchema } from './visit-schemas.js';
import { invalidTransition, unwrapVisitWrite } from './visit-problems.js';
import { IdParam, visibleVisit } from './visits.js';

const CoordinateBody = z.object({ opinion: z.string().trim().min(1).max(2000), agree: z.boolean() }).strict().openapi('Coordination');
const ReasonBody = z.object({ reason: z.string().trim().min(1).max(2000) }).strict().openapi('Reason');
const OptionalReasonBody = z.object({ reason: z.string().trim().min(1).max(2000).optional() }).strict();

const WHO: Record<VisitAction, string> = {
  coordinate: "the HQ of the visit's region",
  approve: 'the office',
  reject: 'the office',
  withdraw: 'the unit that booked it',
  cancel: 'the unit that booked it, or the office',
};

function actionRouteConfig(action: VisitAction, summary: string) {
  const from = VISIT_TRANSITIONS[action].from.join(', ');
  return {
    method: 'post' as const,
    path: `/visits/{id}/${action}`,
    tags: ['Visit workflow'],
    summary: `${summary} — by ${WHO[action]}, from ${from}`,
    security: bearerSecurity,
    responses: {
      200: jsonContent(VisitWithWarningsSchema, 'The visit in its new status'),
      ...problemResponses,
      ...conflictResponse(action === 'approve' ? 'INVALID_TRANSITION, or a cap/capacity rule code' : 'INVALID_TRANSITION'),
    },
  };
}

function actionRoute(action: VisitAction, summary: string) {
  return createRoute({ ...actionRouteConfig(action, summary), request: { params: IdParam } });
}

function actionRouteWithBody<B extends z.ZodType>(action: VisitAction, body: B, summary: string, required = true) {
  return createRoute({
    ...actionRouteConfig(action, summary),
    request: { params: IdParam, body: { content: { 'application/json': { schema: body } }, required } },
  });
}

async function perform(c: Context<AppEnv>, action: VisitAction, input: { agree?: boolean; note: string | null; opinion?: string }) {
  const user = requireUser(c);
  const visit = await visibleVisit(c, user, c.req.param('id') ?? '');
  if (!mayPerform(action, actorsOf(user, visit))) throw forbidden(`Only ${WHO[action]} may ${action} this visit.`);
  const to = nextStatus(visit.status, action, { agree: input.agree });
  if (!to) throw invalidTransition(visit.status, action);
  const result = await transitionVisit(c.var.db, {
    id: visit.id,
    action,
    from: VISIT_TRANSITIONS[action].from,
    to,
    actorId: user.id,
    now: c.var.now(),
    note: input.note,
    recheckAgainstApproved: action === 'approve',
    coordinationOpinion: input.opinion,
  });
  const { row } = unwrapVisitWrite(result, action);
  return { ...visitView(row), warnings: await visitWarnings(c.var.db, row) };
}

export const visitActionRoutes = createRouter()
  .openapi(actionRouteWithBody('coordinate', CoordinateBody, 'Record the HQ coordination (衔接): agree → coordinated, disagree → rejected'), async (c) => {
    const { opinion, agree } = c.req.valid('json');
    return c.json(await perform(c, 'coordinate', { agree, note: opinion, opinion }), 200);
  })
  .openapi(actionRoute('approve', 'Approve, re-checked against current limits counting approved visits plus this one'), async (c) =>
    c.json(await perform(c, 'approve', { note: null }), 200),
  )
  .openapi(actionRouteWithBody('reject', ReasonBody, 'Reject with a reason'), async (c) => {
    const { reason } = c.req.valid('json');
    return c.json(await perform(c, 'reject', { note: reason }), 200);
  })
  .openapi(actionRoute('withdraw', 'Withdraw the booking'), async (c) => c.json(await perform(c, 'withdraw', { note: null }), 200))
  .openapi(actionRouteWithBody('cancel', OptionalReasonBody, 'Cancel an approved visit', false), async (c) => {
    const body = c.req.valid('json');
    return c.json(await perform(c, 'cancel', { note: body?.reason ?? null }), 200);
  });
