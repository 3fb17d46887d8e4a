// The annual plan (docs/API.md, "Annual plan"): requests, solve, proposals and commit. The logic
// lives in services/plans.ts and services/plan-commit.ts, shared with the office page.
import { createRoute, z } from '@hono/zod-openapi';
import { requireRole, requireUser } from '../http/auth.js';
import { YearParamSchema } from '../schemas/common.js';
import { pageSchema } from '../schemas/paging.js';
import {
  CommitResultSchema,
  NewPlanRequestBody,
  PlanRequestQuery,
  PlanRequestSchema,
  ProposalSchema,
  SolveBody,
} from '../schemas/plans.js';
import { commitProposal, findYearProposal } from '../services/plan-commit.js';
import {
  listYearRequests,
  planRequestView,
  type ProposalRecord,
  proposalUpToDate,
  solveYear,
  submitPlanRequest,
  withdrawYearRequest,
} from '../services/plans.js';
import { bearerSecurity, conflictResponse, createRouter, jsonBody, jsonContent, problemResponses } from './openapi.js';

const YearParam = z.object({ year: YearParamSchema.openapi({ param: { name: 'year', in: 'path' } }) });
const idParam = (name: string) =>
  z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name, in: 'path' } });
const YearIdParam = YearParam.extend({ id: idParam('id') });

const TAGS = ['Annual plan'];

const createRequestRoute = createRoute({
  method: 'post',
  path: '/plans/{year}/requests',
  tags: TAGS,
  summary: 'File a plan request: a wish for a visit somewhere in a window (units for themselves; office names unitId)',
  description:
    'A request counts toward nothing until a proposal is committed. A window shorter than the visit is accepted and reported by the solver as WINDOW_TOO_NARROW.',
  security: bearerSecurity,
  request: { params: YearParam, ...jsonBody(NewPlanRequestBody) },
  responses: { 201: jsonContent(PlanRequestSchema, 'The request, status open'), ...problemResponses },
});

const listRequestsRoute = createRoute({
  method: 'get',
  path: '/plans/{year}/requests',
  tags: TAGS,
  summary: "The year's plan requests the caller may see (office: all; hq: its region; unit: its own), a page at a time",
  description:
    'Ordered by region, then earliest day (then when filed, then id). `limit` items per page (default 50, at most 200); pass the ' +
    "answer's `nextCursor` as `cursor` for the next page (`null` on the last). A bad filter value or cursor is 422.",
  security: bearerSecurity,
  request: { params: YearParam, query: PlanRequestQuery },
  responses: {
    200: jsonContent(pageSchema(PlanRequestSchema).meta({ id: 'PlanRequestPage' }), 'A page of requests by region, then earliest day'),
    ...problemResponses,
  },
});

const withdrawRequestRoute = createRoute({
  method: 'post',
  path: '/plans/{year}/requests/{id}/withdraw',
  tags: TAGS,
  summary: 'Withdraw an open request (the unit that filed it, or the office)',
  security: bearerSecurity,
  request: { params: YearIdParam },
  responses: {
    200: jsonContent(PlanRequestSchema, 'The request, status withdrawn'),
    ...problemResponses,
    ...conflictResponse('INVALID_TRANSITION {from, action}: not open'),
  },
});

const solveRoute = createRoute({
  method: 'post',
  path: '/plans/{year}/solve',
  tags: TAGS,
  summary: "Solve the year's open requests into a proposal (office)",
  description:
    'Every placement respects caps, region capacity, spacing and blackouts together with the visits already booked. Objective, in order: the most priority-weighted requests placed, the least total deviation from preferred starts, arrivals spread evenly. Send `{}` for the defaults.',
  security: bearerSecurity,
  request: { params: YearParam, ...jsonBody(SolveBody) },
  responses: { 201: jsonContent(ProposalSchema, 'The stored proposal'), ...problemResponses },
});

const getProposalRoute = createRoute({
  method: 'get',
  path: '/plans/{year}/proposals/{id}',
  tags: TAGS,
  summary: 'One proposal, and whether the data changed since it was solved (office)',
  security: bearerSecurity,
  request: { params: YearIdParam },
  responses: { 200: jsonContent(ProposalSchema, 'The proposal'), ...problemResponses },
});

const commitRoute = createRoute({
  method: 'post',
  path: '/plans/{year}/proposals/{id}/commit',
  tags: TAGS,
  summary: 'Turn a proposal into submitted visits, all or nothing (office)',
  description:
    'Every placement is re-checked against the current data and written in one guarded batch. 409 PLAN_STALE {requestIds, reasons:[{requestId, code, detail, …}]} when a placement no longer fits (a rule code with its numbers, REQUEST_NOT_OPEN {status} for a withdrawn request, START_BEFORE_TODAY, …): nothing is committed. A proposal commits once: again → 409 INVALID_TRANSITION {from:"committed", action:"commit"}.',
  security: bearerSecurity,
  request: { params: YearIdParam },
  responses: {
    200: jsonContent(CommitResultSchema, 'The created visits'),
    ...problemResponses,
    ...conflictResponse(
      'PLAN_STALE {requestIds, reasons}; INVALID_TRANSITION once committed; CONFLICT when the data kept changing during the commit',
    ),
  },
});

function proposalView(p: ProposalRecord) {
  const { placements, unplaced, objective, search, requestIds } = p.result;
  return {
    id: p.id,
    year: p.year,
    status: p.status,
    createdAt: p.createdAt,
    committedAt: p.committedAt,
    placements,
    unplaced,
    objective,
    search,
    requestIds,
  };
}

export const planRoutes = createRouter()
  .openapi(createRequestRoute, async (c) => {
    const user = requireRole(c, 'unit', 'office');
    const row = await submitPlanRequest(c.var.deps, user, { year: c.req.valid('param').year, request: c.req.valid('json') });
    return c.json(planRequestView(row), 201);
  })
  .openapi(listRequestsRoute, async (c) => {
    const user = requireUser(c);
    const page = await listYearRequests(c.var.deps, user, { year: c.req.valid('param').year, filter: c.req.valid('query') });
    return c.json({ items: page.items.map(planRequestView), nextCursor: page.nextCursor }, 200);
  })
  .openapi(withdrawRequestRoute, async (c) => {
    const user = requireUser(c);
    return c.json(planRequestView(await withdrawYearRequest(c.var.deps, user, c.req.valid('param'))), 200);
  })
  .openapi(solveRoute, async (c) => {
    const user = requireRole(c, 'office');
    const proposal = await solveYear(c.var.deps, user, { year: c.req.valid('param').year, timeLimitMs: c.req.valid('json').timeLimitMs });
    return c.json(proposalView(proposal), 201);
  })
  .openapi(getProposalRoute, async (c) => {
    const user = requireRole(c, 'office');
    const proposal = await findYearProposal(c.var.deps, user, c.req.valid('param'));
    return c.json({ ...proposalView(proposal), upToDate: await proposalUpToDate(c.var.deps, proposal) }, 200);
  })
  .openapi(commitRoute, async (c) => {
    const user = requireRole(c, 'office');
    const committed = await commitProposal(c.var.deps, user, c.req.valid('param'));
    return c.json({ proposalId: committed.proposal.id, visits: committed.visits }, 200);
  });
