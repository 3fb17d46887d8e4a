// GET /office/visits: every visit, approved ones included, a page at a time, filtered and searched
// by what the URL says; POST /office/visits/:id/cancel cancels an approved visit with a reason
// (the contract lets the office cancel), through the same service as the API.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { Actor } from '../../domain/actor.js';
import type { VisitStatus } from '../../domain/types.js';
import { VISIT_TRANSITIONS } from '../../domain/workflow.js';
import { httpStatusOf } from '../../http/problem.js';
import { ReasonBody, VisitListQuery } from '../../schemas/visits.js';
import { AppError } from '../../services/errors.js';
import { referenceNames } from '../../services/reference.js';
import { visitList, visitListRequest } from '../../services/visit-lists.js';
import { findVisibleVisit } from '../../services/visit-reads.js';
import { performVisitAction } from '../../services/visits.js';
import { ListFilters } from '../../views/components/list-filters.js';
import { Pager, pagerLinks } from '../../views/components/pager.js';
import { VisitStatusBadge } from '../../views/components/status-badge.js';
import { kindLabel, VISIT_STATUS_WORDS } from '../../views/labels.js';
import { Layout, type Flash, type PageContext } from '../../views/layout.js';
import { listHref, readListQuery } from '../lists/list-query.js';
import { filterFields } from '../lists/visit-filters.js';
import { pageContext, problemFlash } from '../page.js';
import { webUser } from '../session.js';
import { CHECK_FORM_FLASH, namesById } from './form-fields.js';
import { readRejectReason, RejectReasonForm, type RejectAttempt } from './reject-form.js';

const FILTERS = ['status', 'regionId', 'unitId', 'kind', 'from', 'to', 'q'] as const;
const ALL_STATUSES = Object.keys(VISIT_STATUS_WORDS) as VisitStatus[];

async function renderVisits(
  c: Context<AppEnv>,
  user: Actor,
  extra: { messages: Flash[]; cancel?: RejectAttempt },
  status: 200 | 403 | 404 | 409 | 422 = 200,
) {
  const page = pageContext(c);
  const { t } = page;
  // A refused cancel comes back to the approved visits, where its form is.
  const query = readListQuery(c, VisitListQuery, c.req.method === 'GET' ? FILTERS : [], extra.cancel ? { status: 'approved' } : {});
  const [listed, { regions, units }] = await Promise.all([
    query.parsed ? visitList(c.var.deps, user, visitListRequest(query.parsed)) : null,
    referenceNames(c.var.deps),
  ]);
  const unitName = namesById(units);
  const regionName = namesById(regions);
  const href = (change: Record<string, string | undefined>) => listHref('/office/visits', query.values, change);
  return c.html(
    <Layout page={page} title={t('全部考察', 'All visits')} messages={listed ? extra.messages : [...extra.messages, CHECK_FORM_FLASH(t)]}>
      <ListFilters
        t={t}
        action="/office/visits"
        fields={filterFields(FILTERS, {
          t,
          regions,
          units,
          visitStatuses: ALL_STATUSES,
          searchHint: t('带队领导、事由或单位', 'Leader, purpose or unit'),
        })}
        values={query.values}
        errors={query.errors}
      >
        <a href="/office/calendar">{t('月历', 'Month calendar')}</a>
      </ListFilters>
      {listed && listed.items.length === 0 && <p class="muted">{t('没有符合条件的考察。', 'No visit matches.')}</p>}
      {listed && listed.items.length > 0 && (
        <div class="table-wrap">
          <table class="cards">
            <thead>
              <tr>
                <th scope="col">{t('日期', 'Dates')}</th>
                <th scope="col">{t('单位', 'Unit')}</th>
                <th scope="col">{t('受援地', 'Region')}</th>
                <th scope="col">{t('类型', 'Kind')}</th>
                <th scope="col">{t('人数', 'People')}</th>
                <th scope="col">{t('带队与事由', 'Leader and purpose')}</th>
                <th scope="col">{t('状态', 'Status')}</th>
                <th scope="col">{t('操作', 'Actions')}</th>
              </tr>
            </thead>
            <tbody>
              {listed.items.map((v) => (
                <tr id={`visit-${v.id}`}>
                  <td class="nowrap" data-label={t('日期', 'Dates')}>
                    <a href={`/visits/${encodeURIComponent(v.id)}`}>
                      {v.startDate}
                      <br />
                      {t('至', 'to')} {v.endDate}
                    </a>
                  </td>
                  <td data-label={t('单位', 'Unit')}>{unitName(v.unitId)}</td>
                  <td data-label={t('受援地', 'Region')}>{regionName(v.regionId)}</td>
                  <td data-label={t('类型', 'Kind')}>{kindLabel(v.kind, t)}</td>
                  <td data-label={t('人数', 'People')}>{v.headcount}</td>
                  <td data-label={t('带队与事由', 'Leader and purpose')}>
                    {v.leaderName}
                    {v.leaderTitle ? `(${v.leaderTitle})` : ''}
                    <br />
                    <span class="hint">{v.purpose}</span>
                  </td>
                  <td data-label={t('状态', 'Status')}>
                    <VisitStatusBadge status={v.status} t={t} />
                  </td>
                  <td data-label={t('操作', 'Actions')}>
                    <VisitActions page={page} id={v.id} status={v.status} attempt={extra.cancel?.id === v.id ? extra.cancel : undefined} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {listed && <Pager t={t} {...pagerLinks(href, listed)} />}
    </Layout>,
    listed ? status : 422,
  );
}

function VisitActions(props: { page: PageContext; id: string; status: VisitStatus; attempt?: RejectAttempt }) {
  const { page } = props;
  if (!VISIT_TRANSITIONS.cancel.from.includes(props.status)) return <span class="muted">—</span>;
  return (
    <RejectReasonForm
      page={page}
      action={`/office/visits/${encodeURIComponent(props.id)}/cancel`}
      inputId={`cancel-reason-${props.id}`}
      maxlength={2000}
      attempt={props.attempt}
      decision="cancel"
    />
  );
}

/** The confirmation after a cancel (the redirect names the visit). */
async function cancelledFlash(c: Context<AppEnv>, user: Actor): Promise<Flash[]> {
  const id = c.req.query('cancelled');
  const visit = id ? await findVisibleVisit(c.var.deps, user, id) : undefined;
  if (visit?.status !== 'cancelled') return [];
  const { t } = pageContext(c);
  const what = `${visit.startDate} ${t('至', 'to')} ${visit.endDate}`;
  return [{ kind: 'ok', lines: [t(`已取消考察:${what}`, `Visit cancelled: ${what}`)] }];
}

export const allVisitPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const user = webUser(c, 'office');
    return renderVisits(c, user, { messages: await cancelledFlash(c, user) });
  })
  .post('/:id/cancel', async (c) => {
    const user = webUser(c, 'office');
    const page = pageContext(c);
    const id = c.req.param('id');
    const posted = await readRejectReason(c, ReasonBody, id, 'cancel');
    if (posted.attempt) return renderVisits(c, user, { messages: [CHECK_FORM_FLASH(page.t)], cancel: posted.attempt }, 422);
    try {
      await performVisitAction(c.var.deps, user, { id, action: 'cancel', note: posted.reason });
    } catch (error) {
      const { flash } = problemFlash(error, page, VISIT_STATUS_WORDS);
      const refused = error instanceof AppError ? httpStatusOf(error) : 409;
      return renderVisits(c, user, { messages: [flash] }, refused === 404 || refused === 403 ? refused : 409);
    }
    return c.redirect(`/office/visits?status=cancelled&cancelled=${encodeURIComponent(id)}`, 303);
  });
