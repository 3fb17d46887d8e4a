// The visit workflow: coordinate (HQ), approve and reject (office), withdraw (owner), cancel
// (owner or office). Who may act is decided from the account and the visit, never the request.
import { createRoute, type z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { VISIT_TRANSITIONS, type VisitAction } from '../domain/workflow.js';
import { requireUser } from '../http/auth.js';
import { CoordinateBody, OptionalReasonBody, ReasonBody, VisitWithWarningsSchema } from '../schemas/visits.js';
import { visitView } from '../services/visit-reads.js';
import { ACTION_ACTORS, performVisitAction, type VisitActionInput } from '../services/visits.js';
import { bearerSecurity, conflictResponse, createRouter, jsonContent, problemResponses } from './openapi.js';
import { IdParam } from './visits.js';

function actionRouteConfig(action: VisitAction, summary: string) {
  const from = VISIT_TRANSITIONS[action].from.join(', ');
  return {
    method: 'post' as const,
    path: `/visits/{id}/${action}`,
    tags: ['Visit workflow'],
    summary: `${summary} — by ${ACTION_ACTORS[action]}, from ${from}`,
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

async function perform(c: Context<AppEnv>, action: VisitAction, input: Omit<VisitActionInput, 'id' | 'action'>) {
  const done = await performVisitAction(c.var.deps, requireUser(c), { ...input, id: c.req.param('id') ?? '', action });
  return { ...visitView(done.row), warnings: done.warnings };
}

export const visitActionRoutes = createRouter()
  .openapi(
    actionRouteWithBody('coordinate', CoordinateBody, 'Record the HQ coordination (衔接): agree → coordinated, disagree → rejected'),
    async (c) => {
      const { opinion, agree } = c.req.valid('json');
      return c.json(await perform(c, 'coordinate', { agree, note: opinion ?? null, opinion }), 200);
    },
  )
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
