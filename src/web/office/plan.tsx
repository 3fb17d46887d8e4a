// The annual plan pages, mounted at /office/plan: the page (GET /), solve (POST /solve) and commit
// (POST /proposals/:id/commit). Both writes call the same services as the API, so the page gets
// the same re-check and the same all-or-nothing batch; a stale proposal is shown on the page with
// the requests that moved, and nothing is committed.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { Actor } from '../../domain/actor.js';
import { YearParamSchema } from '../../schemas/common.js';
import { AppError, errorFields, notFound } from '../../services/errors.js';
import { commitProposal } from '../../services/plan-commit.js';
import { planOverview, proposalById } from '../../services/plan-overview.js';
import { type ProposalRecord, solveYear } from '../../services/plans.js';
import type { Flash, PageContext } from '../../views/layout.js';
import { problemMessages, type ProblemLike } from '../../views/problem-messages.js';
import { formFields, pageContext, yearPageStatus } from '../page.js';
import { webUser } from '../session.js';
import { namesById, yearFromQuery } from './form-fields.js';
import { staleReasonText } from './plan-reasons.js';
import { planRequestListPage } from './plan-request-list.js';
import { describeRequest, PlanPage } from './plan-view.js';
import { httpStatusOf } from '../../http/problem.js';

interface RenderOptions {
  year: number;
  proposalId?: string;
  messages: Flash[];
  /** The refused commit, told request by request once the page's data is loaded. */
  refusal?: AppError;
}

async function renderPlan(c: Context<AppEnv>, actor: Actor, options: RenderOptions, status: 200 | 404 | 409 | 422 = 200) {
  const { year } = options;
  const page = pageContext(c);
  const { regions, units, data, proposal } = await planOverview(c.var.deps, actor, { year, proposalId: options.proposalId });
  const unitName = namesById(units);
  const unitOrder = new Map(units.map((u, i) => [u.id, i]));
  const regionRows = regions.map((r) => ({ id: r.id, name: r.name }));
  const messages = [...options.messages];
  if (options.refusal) {
    const requests = new Map(data.requests.map((r) => [r.id, r]));
    messages.push(
      refusalFlash(options.refusal, page, (id) => {
        const r = requests.get(id);
        return r ? describeRequest(r, { page, unitName, regions: regionRows }) : id;
      }),
    );
  }
  return c.html(
    <PlanPage
      page={page}
      year={year}
      messages={messages}
      regions={regionRows}
      unitName={unitName}
      unitIndex={(id) => unitOrder.get(id) ?? 0}
      data={data}
      proposal={proposal}
    />,
    status,
  );
}

/** A refused commit: PLAN_STALE names each request that moved and why; the rest say what happened. */
function refusalFlash(problem: AppError, page: PageContext, describe: (requestId: string) => string): Flash {
  const { t } = page;
  const body = errorFields(problem) as ProblemLike;
  if (problem.code === 'PLAN_STALE' && Array.isArray(body.reasons)) {
    const reasons = (body.reasons as ProblemLike[]).map(
      (r) => `${describe(String(r.requestId))}${t(':', ': ')}${staleReasonText(r, page.lang, t)}`,
    );
    return { kind: 'error', lines: [...problemMessages(body, page.lang), ...reasons] };
  }
  if (problem.code === 'INVALID_TRANSITION')
    return { kind: 'error', lines: [t('此方案已经提交过,不能重复提交。', 'This proposal was already committed.')] };
  return { kind: 'error', lines: problemMessages(body, page.lang) };
}

function committedFlash(c: Context<AppEnv>, record: ProposalRecord | undefined, page: PageContext): Flash[] {
  const count = c.req.query('committed');
  if (!count || record?.status !== 'committed') return [];
  return [
    {
      kind: 'ok',
      lines: [
        page.t(
          `方案已提交:已生成 ${record.result.placements.length} 项考察,等待前方指挥部衔接。`,
          `Committed: ${record.result.placements.length} visits created, now awaiting HQ coordination.`,
        ),
      ],
    },
  ];
}

export const officePlanPages = new Hono<AppEnv>()
  .get('/requests', planRequestListPage)
  .get('/', async (c) => {
    const user = webUser(c, 'office');
    const year = yearFromQuery(c);
    const proposalId = c.req.query('proposal');
    const record = proposalId ? await proposalById(c.var.deps, user, proposalId) : undefined;
    return renderPlan(c, user, { year, proposalId, messages: committedFlash(c, record, pageContext(c)) }, yearPageStatus(c));
  })
  .post('/solve', async (c) => {
    const user = webUser(c, 'office');
    const fields = await formFields(c);
    const parsed = YearParamSchema.safeParse(fields.year);
    if (!parsed.success) {
      const { t } = pageContext(c);
      return renderPlan(
        c,
        user,
        {
          year: yearFromQuery(c),
          messages: [{ kind: 'error', lines: [t('请选择 2000 至 2999 之间的年份。', 'Choose a year between 2000 and 2999.')] }],
        },
        422,
      );
    }
    const proposal = await solveYear(c.var.deps, user, { year: parsed.data });
    return c.redirect(`/office/plan?year=${parsed.data}&proposal=${encodeURIComponent(proposal.id)}`, 303);
  })
  .post('/proposals/:id/commit', async (c) => {
    const user = webUser(c, 'office');
    const id = c.req.param('id');
    const proposal = await proposalById(c.var.deps, user, id);
    if (!proposal) throw notFound('proposal');
    try {
      await commitProposal(c.var.deps, user, { year: proposal.year, id });
    } catch (error) {
      if (!(error instanceof AppError) || httpStatusOf(error) !== 409) throw error;
      return renderPlan(c, user, { year: proposal.year, proposalId: id, messages: [], refusal: error }, 409);
    }
    return c.redirect(`/office/plan?year=${proposal.year}&proposal=${encodeURIComponent(id)}&committed=1`, 303);
  });
