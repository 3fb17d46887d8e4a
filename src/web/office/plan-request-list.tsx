// GET /office/plan/requests?year=…: the year's plan requests a page at a time (by region, then
// earliest day), filtered by region, unit and status in the URL. The plan page's grid names a
// few requests per region and month and links here for the rest, so it stays small however many
// requests a year gathers.
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { PlanRequestQuery } from '../../schemas/plans.js';
import { listYearRequests } from '../../services/plans.js';
import { referenceNames } from '../../services/reference.js';
import { ListFilters } from '../../views/components/list-filters.js';
import { Pager } from '../../views/components/pager.js';
import { Layout } from '../../views/layout.js';
import { listHref, readListQuery } from '../lists/list-query.js';
import { filterFields } from '../lists/visit-filters.js';
import { pageContext, yearPageStatus } from '../page.js';
import { webUser } from '../session.js';
import { CHECK_FORM_FLASH, namesById, yearFromQuery } from './form-fields.js';
import { requestStatusLabel } from './plan-reasons.js';
import { kindWord } from './plan-requests.js';
import { YEAR_ERROR } from '../../views/components/year-picker.js';

const FILTERS = ['regionId', 'unitId'] as const;
const STATUSES = ['open', 'committed', 'withdrawn'] as const;

export async function planRequestListPage(c: Context<AppEnv>) {
  const user = webUser(c, 'office');
  const page = pageContext(c);
  const { t } = page;
  const year = yearFromQuery(c);
  const query = readListQuery(c, PlanRequestQuery, [...FILTERS, 'status'], {});
  // A malformed year shows this year's requests with the year's error, like every page with a year.
  const status = yearPageStatus(c);
  const [listed, { regions, units }] = await Promise.all([
    query.parsed ? listYearRequests(c.var.deps, user, { year, filter: query.parsed }) : null,
    referenceNames(c.var.deps),
  ]);
  const unitName = namesById(units);
  const regionName = namesById(regions);
  const values = { ...query.values, year: String(year) };
  const href = (change: Record<string, string | undefined>) => listHref('/office/plan/requests', values, change);
  const statusField = {
    kind: 'select' as const,
    name: 'status',
    label: t('状态', 'Status'),
    all: t('全部状态', 'All statuses'),
    options: STATUSES.map((s) => ({ value: s, label: requestStatusLabel(s, t) })),
  };
  return c.html(
    <Layout
      page={page}
      title={t(`${year} 年度计划需求`, `Plan requests ${year}`)}
      messages={[
        ...(listed ? [] : [CHECK_FORM_FLASH(t)]),
        ...(page.badYear
          ? [{ kind: 'error' as const, lines: [t(`${YEAR_ERROR.zh}(已显示 ${year} 年)`, `${YEAR_ERROR.en} (showing ${year})`)] }]
          : []),
      ]}
    >
      <ListFilters
        t={t}
        action="/office/plan/requests"
        fields={[...filterFields(FILTERS, { t, regions, units }), statusField]}
        values={values}
        errors={query.errors}
        keep={{ year: String(year) }}
      >
        <a href={`/office/plan?year=${year}`}>{t('返回年度计划', 'Back to the annual plan')}</a>
      </ListFilters>
      {listed && listed.items.length === 0 && <p class="muted">{t('没有符合条件的需求。', 'No request matches.')}</p>}
      {listed && listed.items.length > 0 && (
        <div class="table-wrap">
          <table class="cards">
            <thead>
              <tr>
                <th scope="col">{t('受援地', 'Region')}</th>
                <th scope="col">{t('单位', 'Unit')}</th>
                <th scope="col">{t('类型', 'Kind')}</th>
                <th scope="col">{t('可安排期间', 'Window')}</th>
                <th scope="col">{t('希望开始', 'Wished start')}</th>
                <th scope="col">{t('天数', 'Days')}</th>
                <th scope="col">{t('人数', 'People')}</th>
                <th scope="col">{t('优先级', 'Priority')}</th>
                <th scope="col">{t('状态', 'Status')}</th>
              </tr>
            </thead>
            <tbody>
              {listed.items.map((r) => (
                <tr data-request-id={r.id}>
                  <td data-label={t('受援地', 'Region')}>{regionName(r.regionId)}</td>
                  <td data-label={t('单位', 'Unit')}>{unitName(r.unitId)}</td>
                  <td data-label={t('类型', 'Kind')}>{kindWord(r.kind, t)}</td>
                  <td class="nowrap" data-label={t('可安排期间', 'Window')}>
                    {r.earliest} – {r.latest}
                  </td>
                  <td class="nowrap" data-label={t('希望开始', 'Wished start')}>
                    {r.preferredStart ?? '—'}
                  </td>
                  <td data-label={t('天数', 'Days')}>{r.days}</td>
                  <td data-label={t('人数', 'People')}>{r.headcount}</td>
                  <td data-label={t('优先级', 'Priority')}>{r.priority}</td>
                  <td data-label={t('状态', 'Status')}>
                    {requestStatusLabel(r.status, t)}
                    {r.visitId && (
                      <>
                        {' '}
                        <a href={`/visits/${encodeURIComponent(r.visitId)}`}>{t('考察', 'Visit')}</a>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {listed && (
        <Pager
          t={t}
          first={href({ cursor: undefined })}
          later={Boolean(query.parsed?.cursor)}
          next={listed.nextCursor ? href({ cursor: listed.nextCursor }) : undefined}
        />
      )}
    </Layout>,
    listed ? status : 422,
  );
}
