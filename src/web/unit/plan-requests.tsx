// The unit's annual plan requests (统筹计划, /unit/plan?year=YYYY): file what the unit wishes to
// visit in a year, within a window of dates and with a priority, and withdraw a wish while it is
// open. The office places them all at once (its plan page); a request holds no cap until then.
// Checked with the API's schema and filed by the same service as POST /api/v1/plans/{year}/requests.
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { zodIssues } from '../../schemas/common.js';
import { NewPlanRequestBody, type PlanRequestInput } from '../../schemas/plans.js';
import { validationFailed } from '../../services/errors.js';
import { listYearRequests, submitPlanRequest, withdrawYearRequest } from '../../services/plans.js';
import { PLAN_REQUEST_STATUS_WORDS } from '../../views/labels.js';
import type { Flash } from '../../views/layout.js';
import { formFields, formInt, pageContext, yearPageStatus } from '../page.js';
import { currentYear, isFormRefusal, refusalFlash, regionsById, unitUser, yearParam } from './context.js';
import type { FormValues } from './fields.js';
import { PlanRequestsPage } from './plan-requests-view.js';

/** The form's values read into a request, checked with the API's own schema (422 by field). */
function requestOf(values: FormValues): PlanRequestInput {
  const candidate = {
    regionId: values.regionId ?? '',
    kind: values.kind ?? '',
    days: formInt(values.days),
    headcount: formInt(values.headcount),
    earliest: values.earliest ?? '',
    latest: values.latest ?? '',
    preferredStart: values.preferredStart?.trim() ? values.preferredStart : null,
    priority: formInt(values.priority),
    leaderName: values.leaderName ?? '',
    purpose: values.purpose ?? '',
    // Condolence only: the fields stay in the page (hidden) for an inspection wish, so they are dropped.
    cadresVisited: values.kind === 'condolence' ? (formInt(values.cadresVisited) ?? null) : null,
    consolationYuan: values.kind === 'condolence' ? (formInt(values.consolationYuan) ?? null) : null,
  };
  const parsed = NewPlanRequestBody.safeParse(candidate);
  if (!parsed.success) throw validationFailed(zodIssues(parsed.error));
  return parsed.data;
}

async function render(
  c: Context<AppEnv>,
  view: { year: number; values?: FormValues; errors?: Record<string, string>; messages?: Flash[] },
  status: 200 | 404 | 409 | 422 = 200,
) {
  const user = unitUser(c);
  // A unit files a handful of wishes a year; the list still pages, like every list, by cursor.
  const cursor = c.req.query('cursor') || undefined;
  const [regions, requests] = await Promise.all([
    regionsById(c),
    listYearRequests(c.var.deps, user, { year: view.year, filter: { cursor } }),
  ]);
  return c.html(
    <PlanRequestsPage
      page={pageContext(c)}
      year={view.year}
      regions={regions}
      requests={requests.items}
      pager={{
        first: `/unit/plan?year=${view.year}`,
        later: cursor !== undefined,
        next: requests.nextCursor ? `/unit/plan?year=${view.year}&cursor=${encodeURIComponent(requests.nextCursor)}` : undefined,
      }}
      values={view.values ?? {}}
      errors={view.errors ?? {}}
      messages={view.messages ?? []}
    />,
    status,
  );
}

/** The flash after a redirect: the request filed or withdrawn. */
function doneFlash(c: Context<AppEnv>): Flash[] {
  const { t } = pageContext(c);
  if (c.req.query('filed'))
    return [{ kind: 'ok', lines: [t('已提交年度计划需求,待省对口支援办统筹编排。', 'Filed. The office will place it.')] }];
  if (c.req.query('withdrawn')) return [{ kind: 'ok', lines: [t('已撤回该需求。', 'The request is withdrawn.')] }];
  return [];
}

function planYear(c: Context<AppEnv>, form?: FormValues): number {
  return yearParam(form?.year ?? c.req.query('year'), currentYear(c) + 1);
}

export const planRequestPages = new Hono<AppEnv>()
  .get('/plan', (c) => render(c, { year: planYear(c), messages: doneFlash(c) }, yearPageStatus(c)))
  .post('/plan/requests', async (c) => {
    const user = unitUser(c);
    const form = await formFields(c);
    const year = planYear(c, form);
    try {
      await submitPlanRequest(c.var.deps, user, { year, request: requestOf(form) });
    } catch (error) {
      if (!isFormRefusal(error)) throw error;
      const { flash, fieldErrors } = refusalFlash(error, pageContext(c), PLAN_REQUEST_STATUS_WORDS);
      return render(c, { year, values: form, errors: fieldErrors, messages: [flash] }, 422);
    }
    return c.redirect(`/unit/plan?year=${year}&filed=1`, 303);
  })
  .post('/plan/requests/:id/withdraw', async (c) => {
    const user = unitUser(c);
    const form = await formFields(c);
    const year = planYear(c, form);
    try {
      await withdrawYearRequest(c.var.deps, user, { year, id: c.req.param('id') });
    } catch (error) {
      if (!isFormRefusal(error)) throw error;
      return render(c, { year, messages: [refusalFlash(error, pageContext(c), PLAN_REQUEST_STATUS_WORDS).flash] }, 409);
    }
    return c.redirect(`/unit/plan?year=${year}&withdrawn=1`, 303);
  });
