// Official receptions the unit hosts: GET /unit/receptions (list), GET /unit/receptions/new and
// POST /unit/receptions (register, through the API's service and rules), POST …/:id/cancel.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { ReceptionViolation } from '../../domain/reception-rules.js';
import { currentReceptionStandards, type ReceptionStandards } from '../../services/reception-standards.js';
import type { ReceptionStatus } from '../../domain/types.js';
import { ReceptionListQuery } from '../../schemas/receptions.js';
import { receptionList, receptionListRequest } from '../../services/reception-lists.js';
import { referenceNames } from '../../services/reference.js';
import {
  createReception,
  findVisibleReception,
  performReceptionTransition,
  RECEPTION_TRANSITIONS,
  type ReceptionView,
} from '../../services/receptions.js';
import { ListFilters } from '../../views/components/list-filters.js';
import { Pager, pagerLinks } from '../../views/components/pager.js';
import { ReceptionStatusBadge } from '../../views/components/status-badge.js';
import { RANKS, RECEPTION_STATUS_WORDS, rankLabel, say, type Words } from '../../views/labels.js';
import { CsrfField, Layout, type Flash, type PageContext } from '../../views/layout.js';
import { listHref, readListQuery } from '../lists/list-query.js';
import { filterFields } from '../lists/visit-filters.js';
import { formFields, pageContext } from '../page.js';
import { currentYear, isFormRefusal, refusalFlash, regionName, regionsById, unitUser, yearParam, type RegionsById } from './context.js';
import type { FieldErrors, FormValues } from './fields.js';
import { ReceptionForm } from './reception-form.js';
import { receptionInputOf, violationFieldErrors, withGuestRowsChanged } from './reception-input.js';
import { httpStatusOf } from '../../http/problem.js';
import { ReasonBody } from '../../schemas/receptions.js';
import { fieldMessage } from './field-messages.js';

const DONE_MESSAGES: Record<string, Words> = {
  created: { zh: '公务接待已登记,等待审批。', en: 'The reception is registered and awaits approval.' },
  cancelled: { zh: '公务接待已取消。', en: 'The reception is cancelled.' },
};

async function renderForm(
  c: Context<AppEnv>,
  state: { values: FormValues; errors?: FieldErrors; messages?: Flash[]; status?: 200 | 409 | 422 },
) {
  unitUser(c);
  const page = pageContext(c);
  const [regions, { standards }] = await Promise.all([regionsById(c), currentReceptionStandards(c.var.deps)]);
  return c.html(
    <Layout page={page} title={page.t('登记公务接待', 'Register a reception')} messages={state.messages}>
      <StandardsNote page={page} standards={standards} />
      <ReceptionForm page={page} values={state.values} errors={state.errors ?? {}} regions={regions} />
    </Layout>,
    state.status ?? 200,
  );
}

/** The standards the form is checked against, so the unit can plan within them. */
function StandardsNote(props: { page: PageContext; standards: ReceptionStandards }) {
  const { t } = props.page;
  const lodging = RANKS.map((rank) => `${rankLabel(rank, t)} ${props.standards.lodgingPerNightYuan[rank]}`).join(t(',', ', '));
  return (
    <p class="card hint">
      {t(
        `接待标准:工作餐每人不超过 ${props.standards.workMealPerPersonYuan} 元;住宿每间每晚不超过(元)${lodging}。`,
        `Standards: work meal at most ${props.standards.workMealPerPersonYuan} yuan per person; lodging per room and night at most (yuan) ${lodging}.`,
      )}
    </p>
  );
}

const LIST_FILTERS = ['year', 'regionId', 'status', 'from', 'to', 'q'] as const;
const ALL_STATUSES = Object.keys(RECEPTION_STATUS_WORDS) as ReceptionStatus[];

async function renderList(c: Context<AppEnv>, options: { year: number; messages: Flash[]; status?: 200 | 409 | 422 }) {
  const user = unitUser(c);
  const page = pageContext(c);
  const { t } = page;
  // A GET keeps its filters and page from the URL; a refused POST shows the year it came from.
  const query = readListQuery(c, ReceptionListQuery, c.req.method === 'GET' ? LIST_FILTERS : [], { year: String(options.year) });
  const [listed, { regions, units }] = await Promise.all([
    query.parsed ? receptionList(c.var.deps, user, receptionListRequest(query.parsed)) : null,
    referenceNames(c.var.deps),
  ]);
  const regionMap: RegionsById = new Map(regions.map((r) => [r.id, r]));
  const href = (change: Record<string, string | undefined>) => listHref('/unit/receptions', query.values, change);
  const shownYear = query.values.year ?? String(options.year);
  return c.html(
    <Layout
      page={page}
      title={t('公务接待', 'Official receptions')}
      messages={
        listed ? options.messages : [...options.messages, { kind: 'error', lines: [t('请检查筛选条件', 'Please check the filters')] }]
      }
    >
      <ListFilters
        t={t}
        action="/unit/receptions"
        fields={filterFields(LIST_FILTERS, {
          t,
          regions,
          units,
          receptionStatuses: ALL_STATUSES,
          searchHint: t('公函文号或接待地点', 'Letter reference or venue'),
        })}
        values={query.values}
        errors={query.errors}
      >
        <a class="button" href="/unit/receptions/new">
          {t('登记公务接待', 'Register a reception')}
        </a>
      </ListFilters>
      {listed &&
        (listed.items.length === 0 ? (
          <p>{t(`${shownYear} 年度没有符合条件的公务接待。`, `No receptions in ${shownYear} match.`)}</p>
        ) : (
          <ReceptionTable page={page} receptions={listed.items} regions={regionMap} />
        ))}
      {listed && <Pager t={t} {...pagerLinks(href, listed)} />}
    </Layout>,
    listed ? (options.status ?? 200) : 422,
  );
}

function ReceptionTable(props: { page: PageContext; receptions: ReceptionView[]; regions: RegionsById }) {
  const { page } = props;
  const { t } = page;
  return (
    <div class="table-wrap">
      <table class="cards">
        <thead>
          <tr>
            <th scope="col">{t('日期', 'Dates')}</th>
            <th scope="col">{t('来访地区', 'Region')}</th>
            <th scope="col">{t('公函', 'Letter')}</th>
            <th scope="col">{t('来宾人数', 'Guests')}</th>
            <th scope="col">{t('状态', 'Status')}</th>
            <th scope="col">{t('驳回或取消理由', 'Reason given')}</th>
            <th scope="col">{t('操作', 'Actions')}</th>
          </tr>
        </thead>
        <tbody>
          {props.receptions.map((r) => (
            <tr id={`reception-${r.id}`}>
              <td class="nowrap" data-label={t('日期', 'Dates')}>
                <a href={`/receptions/${encodeURIComponent(r.id)}`} title={t('查看详情', 'Open the reception')}>
                  {r.startDate}
                  <br />
                  {r.endDate}
                </a>
              </td>
              <td data-label={t('来访地区', 'Region')}>{regionName(props.regions, r.regionId, t)}</td>
              <td data-label={t('公函', 'Letter')}>{r.officialLetterRef}</td>
              <td data-label={t('来宾人数', 'Guests')}>{r.guestCount}</td>
              <td data-label={t('状态', 'Status')}>
                <ReceptionStatusBadge status={r.status} t={t} />
              </td>
              <td class="decision-reason" data-label={t('驳回或取消理由', 'Reason given')}>
                {r.decisionReason ?? <span class="muted">—</span>}
              </td>
              <td data-label={t('操作', 'Actions')}>
                <div class="row-actions">
                  <a href={`/receptions/${encodeURIComponent(r.id)}`}>{t('详情', 'Details')}</a>
                  <a href={`/unit/receptions/${encodeURIComponent(r.id)}/list`}>{t('接待清单', 'Reception list')}</a>
                  <a href={`/receptions/${encodeURIComponent(r.id)}#documents`}>{t('文件', 'Documents')}</a>
                  {RECEPTION_TRANSITIONS.cancel.from.includes(r.status) && <CancelForm page={page} reception={r} />}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CancelForm(props: { page: PageContext; reception: ReceptionView }) {
  const { page, reception } = props;
  const reasonId = `cancel-reason-${reception.id}`;
  return (
    <form method="post" action={`/unit/receptions/${encodeURIComponent(reception.id)}/cancel`}>
      <CsrfField page={page} />
      <input type="hidden" name="year" value={reception.startDate.slice(0, 4)} />
      <label for={reasonId}>{page.t('取消原因(可选)', 'Reason (optional)')}</label>
      <input id={reasonId} name="reason" maxlength={1000} />
      <button type="submit" class="danger">
        {page.t('取消接待', 'Cancel the reception')}
      </button>
    </form>
  );
}

async function doneMessages(c: Context<AppEnv>, page: PageContext): Promise<Flash[]> {
  const user = unitUser(c);
  for (const [param, words] of Object.entries(DONE_MESSAGES)) {
    const id = c.req.query(param);
    if (!id) continue;
    const reception = await findVisibleReception(c.var.deps, user, id);
    return reception ? [{ kind: 'ok', lines: [say(words, page.t)] }] : [];
  }
  return [];
}

export const receptionPages = new Hono<AppEnv>()
  .get('/receptions', async (c) => {
    const messages = await doneMessages(c, pageContext(c));
    return renderList(c, { year: yearParam(c.req.query('year'), currentYear(c)), messages });
  })
  .get('/receptions/new', (c) => renderForm(c, { values: {} }))
  .post('/receptions', async (c) => {
    const user = unitUser(c);
    const values = await formFields(c);
    // 添加/删除 a guest row without JavaScript: the same form again, nothing saved.
    const changed = withGuestRowsChanged(values);
    if (changed) return renderForm(c, { values: changed });
    try {
      const reception = await createReception(c.var.deps, user, receptionInputOf(values));
      return c.redirect(`/unit/receptions?year=${reception.startDate.slice(0, 4)}&created=${encodeURIComponent(reception.id)}`, 303);
    } catch (error) {
      if (!isFormRefusal(error)) throw error;
      const page = pageContext(c);
      const { flash, fieldErrors } = refusalFlash(error, page, RECEPTION_STATUS_WORDS);
      const violations = Array.isArray(error.extra.violations) ? (error.extra.violations as ReceptionViolation[]) : [];
      const errors = { ...fieldErrors, ...violationFieldErrors(violations, values, page.lang) };
      return renderForm(c, { values, errors, messages: [flash], status: httpStatusOf(error) === 409 ? 409 : 422 });
    }
  })
  .post('/receptions/:id/cancel', async (c) => {
    const user = unitUser(c);
    const form = await formFields(c);
    const reason = ReasonBody.shape.reason.safeParse(form.reason ?? '');
    if (!reason.success) {
      const page = pageContext(c);
      const problem = fieldMessage(reason.error.issues[0]?.message ?? '', page.lang);
      return renderList(c, {
        year: yearParam(form.year, currentYear(c)),
        messages: [{ kind: 'error', lines: [page.t(`理由:${problem}`, `Reason: ${problem}`)] }],
        status: 422,
      });
    }
    try {
      const note = reason.data ?? null;
      const done = await performReceptionTransition(c.var.deps, user, { id: c.req.param('id'), action: 'cancel', note });
      return c.redirect(`/unit/receptions?year=${done.startDate.slice(0, 4)}&cancelled=${encodeURIComponent(done.id)}`, 303);
    } catch (error) {
      if (!isFormRefusal(error)) throw error;
      const { flash } = refusalFlash(error, pageContext(c), RECEPTION_STATUS_WORDS);
      return renderList(c, {
        year: yearParam(form.year, currentYear(c)),
        messages: [flash],
        status: httpStatusOf(error) === 409 ? 409 : 422,
      });
    }
  });
