// GET /unit/visits — the unit's visits of a year, with withdraw (submitted, coordinated) and
// cancel (approved) as plain forms; POST /unit/visits/:id/withdraw|cancel.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { VisitAction } from '../../domain/workflow.js';
import type { VisitStatus } from '../../domain/types.js';
import { VisitListQuery } from '../../schemas/visits.js';
import { referenceNames } from '../../services/reference.js';
import { visitList, visitListRequest } from '../../services/visit-lists.js';
import { findVisibleVisit, type VisitRow, warningsOf } from '../../services/visit-reads.js';
import { performVisitAction } from '../../services/visits.js';
import { ListFilters } from '../../views/components/list-filters.js';
import { Pager, pagerLinks } from '../../views/components/pager.js';
import { VisitStatusBadge } from '../../views/components/status-badge.js';
import { kindLabel, say, VISIT_STATUS_WORDS, type Words } from '../../views/labels.js';
import { Layout, type Flash, type PageContext } from '../../views/layout.js';
import { problemMessages } from '../../views/problem-messages.js';
import { listHref, readListQuery } from '../lists/list-query.js';
import { filterFields } from '../lists/visit-filters.js';
import { formFields, pageContext } from '../page.js';
import { currentYear, isFormRefusal, refusalFlash, regionName, unitUser, yearParam, type RegionsById, type UnitUser } from './context.js';
import { VisitRowActions } from './visit-actions.js';
import { httpStatusOf } from '../../http/problem.js';
import { OptionalReasonBody } from '../../schemas/visits.js';
import { fieldMessage } from './field-messages.js';
import { WorkflowTerms } from '../../views/components/workflow-terms.js';

/** The confirmation a redirect after a successful change asks for (?created=<id> and so on). */
const DONE_MESSAGES: Record<string, Words> = {
  created: { zh: '考察预约已提交,等待前方指挥部衔接。', en: 'The visit is booked and awaits the HQ’s coordination.' },
  updated: { zh: '考察预约已修改,将重新经前方指挥部衔接。', en: 'The visit is changed and goes back to the HQ for coordination.' },
  withdrawn: { zh: '考察预约已撤回。', en: 'The visit is withdrawn.' },
  cancelled: { zh: '考察已取消。', en: 'The visit is cancelled.' },
};

/** The success flash for a just-changed visit of this unit, plus any balance warning it carries. */
async function doneMessages(c: Context<AppEnv>, user: UnitUser, page: PageContext): Promise<Flash[]> {
  for (const [param, words] of Object.entries(DONE_MESSAGES)) {
    const id = c.req.query(param);
    if (!id) continue;
    const visit = await findVisibleVisit(c.var.deps, user, id);
    if (!visit) return [];
    const warnings = await warningsOf(c.var.deps, visit);
    const warningLines = warnings.flatMap((w) => problemMessages({ ...w }, page.lang));
    return [{ kind: 'ok', lines: [say(words, page.t)] }, ...(warningLines.length ? [{ kind: 'warn' as const, lines: warningLines }] : [])];
  }
  return [];
}

const LIST_FILTERS = ['year', 'regionId', 'kind', 'status', 'from', 'to', 'q'] as const;
const ALL_STATUSES = Object.keys(VISIT_STATUS_WORDS) as VisitStatus[];

async function renderVisitList(c: Context<AppEnv>, options: { year: number; messages: Flash[]; status?: 200 | 409 | 422 }) {
  const user = unitUser(c);
  const page = pageContext(c);
  const { t } = page;
  // A GET keeps its filters and page from the URL; a refused POST shows the year it came from.
  const query = readListQuery(c, VisitListQuery, c.req.method === 'GET' ? LIST_FILTERS : [], { year: String(options.year) });
  const [listed, { regions, units }] = await Promise.all([
    query.parsed ? visitList(c.var.deps, user, visitListRequest(query.parsed)) : null,
    referenceNames(c.var.deps),
  ]);
  const regionMap: RegionsById = new Map(regions.map((r) => [r.id, r]));
  const href = (change: Record<string, string | undefined>) => listHref('/unit/visits', query.values, change);
  const shownYear = query.values.year ?? String(options.year);
  return c.html(
    <Layout
      page={page}
      title={t('我的考察', 'My visits')}
      messages={
        listed ? options.messages : [...options.messages, { kind: 'error', lines: [t('请检查筛选条件', 'Please check the filters')] }]
      }
    >
      <WorkflowTerms t={t} />
      <ListFilters
        t={t}
        action="/unit/visits"
        fields={filterFields(LIST_FILTERS, {
          t,
          regions,
          units,
          visitStatuses: ALL_STATUSES,
          searchHint: t('带队领导或事由', 'Leader or purpose'),
        })}
        values={query.values}
        errors={query.errors}
      >
        <a class="button" href="/unit/visits/new">
          {t('预约考察慰问', 'Book a visit')}
        </a>
      </ListFilters>
      {listed &&
        (listed.items.length === 0 ? (
          <p>{t(`${shownYear} 年度没有符合条件的考察预约。`, `No visits in ${shownYear} match.`)}</p>
        ) : (
          <VisitTable page={page} visits={listed.items} regions={regionMap} />
        ))}
      {listed && <Pager t={t} {...pagerLinks(href, listed)} />}
    </Layout>,
    listed ? (options.status ?? 200) : 422,
  );
}

function VisitTable(props: { page: PageContext; visits: VisitRow[]; regions: RegionsById }) {
  const { t } = props.page;
  return (
    <div class="table-wrap">
      <table class="cards">
        <caption class="visually-hidden">{t('考察预约', 'Visits')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('日期', 'Dates')}</th>
            <th scope="col">{t('受援地', 'Region')}</th>
            <th scope="col">{t('类型', 'Kind')}</th>
            <th scope="col">{t('人数', 'People')}</th>
            <th scope="col">{t('带队', 'Leader')}</th>
            <th scope="col">{t('目的', 'Purpose')}</th>
            <th scope="col">{t('状态', 'Status')}</th>
            <th scope="col">{t('指挥部意见', 'HQ opinion')}</th>
            <th scope="col">{t('驳回或取消理由', 'Reason given')}</th>
            <th scope="col">{t('操作', 'Actions')}</th>
          </tr>
        </thead>
        <tbody>
          {props.visits.map((v) => (
            <tr id={`visit-${v.id}`}>
              <td class="nowrap" data-label={t('日期', 'Dates')}>
                <a href={`/visits/${encodeURIComponent(v.id)}`} title={t('查看详情', 'Open the visit')}>
                  {v.startDate}
                  <br />
                  {v.endDate}
                </a>
              </td>
              <td data-label={t('受援地', 'Region')}>{regionName(props.regions, v.regionId, t)}</td>
              <td data-label={t('类型', 'Kind')}>{kindLabel(v.kind, t)}</td>
              <td data-label={t('人数', 'People')}>{v.headcount}</td>
              <td data-label={t('带队', 'Leader')}>
                {v.leaderName}
                {v.leaderTitle ? <span class="muted"> {v.leaderTitle}</span> : ''}
              </td>
              <td data-label={t('目的', 'Purpose')}>{v.purpose}</td>
              <td data-label={t('状态', 'Status')}>
                <VisitStatusBadge status={v.status} t={t} />
              </td>
              <td data-label={t('指挥部意见', 'HQ opinion')}>{v.coordinationOpinion ?? <span class="muted">—</span>}</td>
              <td class="decision-reason" data-label={t('驳回或取消理由', 'Reason given')}>
                {v.decisionReason ?? <span class="muted">—</span>}
              </td>
              <td data-label={t('操作', 'Actions')}>
                <VisitRowActions page={props.page} visit={v} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const DONE_PARAM: Partial<Record<VisitAction, string>> = { withdraw: 'withdrawn', cancel: 'cancelled' };

async function act(c: Context<AppEnv>, action: 'withdraw' | 'cancel') {
  const user = unitUser(c);
  const form = await formFields(c);
  const page = pageContext(c);
  const reason = OptionalReasonBody.shape.reason.safeParse(form.reason ?? '');
  if (!reason.success) {
    const problem = fieldMessage(reason.error.issues[0]?.message ?? '', page.lang);
    return renderVisitList(c, {
      year: yearParam(form.year, currentYear(c)),
      messages: [{ kind: 'error', lines: [page.t(`理由:${problem}`, `Reason: ${problem}`)] }],
      status: 422,
    });
  }
  try {
    const done = await performVisitAction(c.var.deps, user, { id: c.req.param('id') ?? '', action, note: reason.data ?? null });
    return c.redirect(`/unit/visits?year=${done.row.year}&${DONE_PARAM[action]}=${encodeURIComponent(done.row.id)}`, 303);
  } catch (error) {
    if (!isFormRefusal(error)) throw error;
    const { flash } = refusalFlash(error, pageContext(c), VISIT_STATUS_WORDS);
    return renderVisitList(c, {
      year: yearParam(form.year, currentYear(c)),
      messages: [flash],
      status: httpStatusOf(error) === 409 ? 409 : 422,
    });
  }
}

export const visitListPages = new Hono<AppEnv>()
  .get('/visits', async (c) => {
    const user = unitUser(c);
    const messages = await doneMessages(c, user, pageContext(c));
    return renderVisitList(c, { year: yearParam(c.req.query('year'), currentYear(c)), messages });
  })
  .post('/visits/:id/withdraw', (c) => act(c, 'withdraw'))
  .post('/visits/:id/cancel', (c) => act(c, 'cancel'));
