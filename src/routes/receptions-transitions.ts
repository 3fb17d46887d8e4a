// Reception status changes and their history. Each change is one guarded UPDATE plus its audit
// row in one batch (DESIGN.md, "The one rule about writes"); no row changed means someone else
// moved first, so we re-read and either retry against the new state or explain the refusal.
import { createRoute, z } from '@hono/zod-openapi';
import type { SQL } from 'drizzle-orm';
import type { Context } from 'hono';
import type { AppEnv, AuthUser } from '../app-env.js';
import { findReception, receptionHistory, receptionView, transitionReception, type ReceptionView } from '../db/repo/receptions.js';
import { standardUnchanged } from '../db/repo/standards.js';
import { checkReception } from '../domain/reception-rules.js';
import type { ReceptionStatus } from '../domain/types.js';
import { forbidden, notFound, Problem } from '../lib/problem.js';
import { bearerSecurity, conflictResponse, createRouter, jsonContent, problemResponses } from './openapi.js';
import { HistorySchema, ReceptionIdParam, ReceptionSchema } from './receptions-schemas.js';
import { receptionPlanOf, standardViolated, VIOLATIONS_DESCRIPTION, visibleReception } from './receptions-shared.js';
import { currentReceptionStandards, RECEPTION_STANDARDS_NAME } from './standards-reception.js';

type ReceptionAction = 'approve' | 'reject' | 'cancel';

/** Who may act: the office, or the unit hosting the reception. The guests' HQ only reads. */
type ReceptionActor = 'office' | 'host';
const ACTOR_NAMES: Record<ReceptionActor, string> = { office: 'the office', host: 'the host unit' };

const RECEPTION_TRANSITIONS: Record<ReceptionAction, { actors: ReceptionActor[]; from: ReceptionStatus[]; to: ReceptionStatus }> = {
  approve: { actors: ['office'], from: ['submitted'], to: 'approved' },
  reject: { actors: ['office'], from: ['submitted'], to: 'rejected' },
  cancel: { actors: ['office', 'host'], from: ['submitted', 'approved'], to: 'cancelled' },
};

/** Each pass that loses a race re-reads first, so a few passes settle any real contention. */
const MAX_ATTEMPTS = 3;

function actorOf(user: AuthUser, reception: ReceptionView): ReceptionActor | null {
  if (user.role === 'office') return 'office';
  if (user.role === 'unit' && user.unitId === reception.hostUnitId) return 'host';
  return null;
}

const ReasonBody = z.object({ reason: z.string().trim().max(1000).optional() }).strict().openapi('ReceptionReason');

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
      (action === 'approve' ? ' Re-checks the reception against the standards in force now, so lowering a standard never lets a pending reception through.' : '') +
      " The guests' region HQ sees the reception but may not change it (403).",
    security: bearerSecurity,
    responses: {
      200: jsonContent(ReceptionSchema, 'The reception after the change'),
      ...problemResponses,
      ...conflictResponse(
        'INVALID_TRANSITION {from, action}: not possible from the current status' + (action === 'approve' ? `; ${VIOLATIONS_DESCRIPTION}` : ''),
      ),
    },
  };
}

const reasonRequest = {
  params: ReceptionIdParam,
  body: { content: { 'application/json': { schema: ReasonBody } }, required: false },
};

const approveRoute = createRoute({ ...transitionDoc('approve', 'Approve a submitted reception (office)'), request: { params: ReceptionIdParam } });
const rejectRoute = createRoute({
  ...transitionDoc('reject', 'Reject a submitted reception (office), with an optional reason'),
  request: reasonRequest,
});
const cancelRoute = createRoute({
  ...transitionDoc('cancel', 'Cancel a submitted or approved reception (office or host unit), with an optional reason'),
  request: reasonRequest,
});

async function performTransition(c: Context<AppEnv>, id: string, action: ReceptionAction, note: string | null): Promise<ReceptionView> {
  const { user, reception: seen } = await visibleReception(c, id);
  const rule = RECEPTION_TRANSITIONS[action];
  const actor = actorOf(user, seen);
  if (!actor || !rule.actors.includes(actor)) throw forbidden(`Only ${rule.actors.map((a) => ACTOR_NAMES[a]).join(' or ')} may ${action} this reception.`);

  let current = seen;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (!rule.from.includes(current.status)) {
      throw new Problem(409, 'INVALID_TRANSITION', `Cannot ${action} a reception that is ${current.status}.`, { from: current.status, action });
    }
    let guard: SQL | undefined;
    if (action === 'approve') {
      const { standards, valueJson } = await currentReceptionStandards(c.var.db);
      const violations = checkReception(receptionPlanOf(current), standards);
      if (violations.length > 0) throw standardViolated(violations);
      guard = standardUnchanged(RECEPTION_STANDARDS_NAME, valueJson);
    }
    const landed = await transitionReception(c.var.db, { id, action, from: current.status, to: rule.to, actorId: user.id, note, now: c.var.now(), guard });
    const row = await findReception(c.var.db, id);
    if (!row) throw notFound('reception');
    current = receptionView(row);
    if (landed) return current;
  }
  throw new Problem(409, 'CONFLICT', 'The reception or the standards kept changing while this ran; try again.');
}

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
    return c.json(await performTransition(c, c.req.valid('param').id, 'approve', null), 200);
  })
  .openapi(rejectRoute, async (c) => {
    const { reason } = c.req.valid('json');
    return c.json(await performTransition(c, c.req.valid('param').id, 'reject', reason || null), 200);
  })
  .openapi(cancelRoute, async (c) => {
    const { reason } = c.req.valid('json');
    return c.json(await performTransition(c, c.req.valid('param').id, 'cancel', reason || null), 200);
  })
  .openapi(historyRoute, async (c) => {
    const { id } = c.req.valid('param');
    await visibleReception(c, id);
    return c.json({ items: await receptionHistory(c.var.db, id) }, 200);
  });
