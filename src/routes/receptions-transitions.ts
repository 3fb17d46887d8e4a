// Reception status changes and their history over HTTP. The guarded change itself (one UPDATE
// plus its audit row in one batch) lives in services/receptions.ts, shared with the web pages.
import { createRoute } from '@hono/zod-openapi';
import { requireUser } from '../http/auth.js';
import { HistorySchema, ReasonBody, ReceptionSchema } from '../schemas/receptions.js';
import { performReceptionTransition, RECEPTION_TRANSITIONS, type ReceptionAction, receptionHistory } from '../services/receptions.js';
import { bearerSecurity, conflictResponse, createRouter, jsonContent, problemResponses } from './openapi.js';
import { ReceptionIdParam, VIOLATIONS_DESCRIPTION } from './receptions-params.js';

/** The OpenAPI description shared by the three transition routes. */
function transitionDoc(action: ReceptionAction, summary: string) {
  const { from, to } = RECEPTION_TRANSITIONS[action];
  return {
    method: 'post' as const,
    path: `/receptions/{id}/${action}`,
    tags: ['Official receptions'],
    summary,
    description:
      `From ${from.join(' or ')} to ${to}; bumps sequence and updatedAt and adds a history entry.` +
      (action === 'approve'
        ? ' Re-checks the reception against the standards in force now, so lowering a standard never lets a pending reception through.'
        : '') +
      " The guests' region HQ sees the reception but may not change it (403).",
    security: bearerSecurity,
    responses: {
      200: jsonContent(ReceptionSchema, 'The reception after the change'),
      ...problemResponses,
      ...conflictResponse(
        'INVALID_TRANSITION {from, action}: not possible from the current status' +
          (action === 'approve' ? `; ${VIOLATIONS_DESCRIPTION}` : ''),
      ),
    },
  };
}

const reasonRequest = {
  params: ReceptionIdParam,
  body: { content: { 'application/json': { schema: ReasonBody } }, required: false },
};

const approveRoute = createRoute({
  ...transitionDoc('approve', 'Approve a submitted reception (office)'),
  request: { params: ReceptionIdParam },
});
const rejectRoute = createRoute({
  ...transitionDoc('reject', 'Reject a submitted reception (office), with an optional reason'),
  request: reasonRequest,
});
const cancelRoute = createRoute({
  ...transitionDoc('cancel', 'Cancel a submitted or approved reception (office or host unit), with an optional reason'),
  request: reasonRequest,
});

const historyRoute = createRoute({
  method: 'get',
  path: '/receptions/{id}/history',
  tags: ['Official receptions'],
  summary: "A reception's changes, oldest first",
  security: bearerSecurity,
  request: { params: ReceptionIdParam },
  responses: { 200: jsonContent(HistorySchema, 'The history'), 401: problemResponses[401], 404: problemResponses[404] },
});

export const receptionTransitionRoutes = createRouter()
  .openapi(approveRoute, async (c) => {
    const actor = requireUser(c);
    return c.json(await performReceptionTransition(c.var.deps, actor, { id: c.req.valid('param').id, action: 'approve', note: null }), 200);
  })
  .openapi(rejectRoute, async (c) => {
    const actor = requireUser(c);
    const { reason } = c.req.valid('json');
    const id = c.req.valid('param').id;
    return c.json(await performReceptionTransition(c.var.deps, actor, { id, action: 'reject', note: reason || null }), 200);
  })
  .openapi(cancelRoute, async (c) => {
    const actor = requireUser(c);
    const { reason } = c.req.valid('json');
    const id = c.req.valid('param').id;
    return c.json(await performReceptionTransition(c.var.deps, actor, { id, action: 'cancel', note: reason || null }), 200);
  })
  .openapi(historyRoute, async (c) => {
    const actor = requireUser(c);
    return c.json({ items: await receptionHistory(c.var.deps, actor, c.req.valid('param').id) }, 200);
  });
