// GET /unit — the unit's year at a glance: caps used and left, its visits by status, what comes next.
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { yearOf } from '../../domain/dates.js';
import { COUNTED_VISIT_STATUSES, type VisitStatus } from '../../domain/types.js';
import { todayOf } from '../../services/deps.js';
import { unitQuotaReport } from '../../services/quotas.js';
import { unitById } from '../../services/reference.js';
import { visitList, visitStatusCounts } from '../../services/visit-lists.js';
import type { VisitRow } from '../../services/visit-reads.js';
import { VisitStatusBadge } from '../../views/components/status-badge.js';
import { YearPicker } from '../../views/components/year-picker.js';
import { kindLabel, VISIT_STATUS_WORDS, visitStatusLabel } from '../../views/labels.js';
import { Layout, type PageContext } from '../../views/layout.js';
import { pageContext, yearPageStatus } from '../page.js';
import { CapsPanel } from './caps.js';
import { currentYear, regionName, regionsById, unitUser, yearParam, type RegionsById } from './context.js';

const UPCOMING_SHOWN = 5;
const STATUS_ORDER = Object.keys(VISIT_STATUS_WORDS) as VisitStatus[];

export const dashboardPage = new Hono<AppEnv>().get('/', async (c) => {
  const user = unitUser(c);
  const page = pageContext(c);
  const { t } = page;
  const { deps } = c.var;
  const today = todayOf(deps);
  const upcoming = await visitList(deps, user, {
    filter: { statuses: COUNTED_VISIT_STATUSES, from: today },
    page: { limit: UPCOMING_SHOWN },
  });
  // The year asked for, else the year of the unit's next visit: in December that is often next
  // year, where everything real already is; else this year.
  const next = upcoming.items[0];
  const year = yearParam(c.req.query('year'), next ? yearOf(next.startDate) : currentYear(c));
  const [unit, report, yearCounts, regions] = await Promise.all([
    unitById(deps, user.unitId),
    unitQuotaReport(deps, { year, unitId: user.unitId }),
    visitStatusCounts(deps, user, { year }),
    regionsById(c),
  ]);
  const countOf = (status: VisitStatus) => yearCounts.get(status) ?? 0;
  const title = t(`${unit?.name ?? user.unitId} · ${year} 年度概览`, `${unit?.name ?? user.unitId} · ${year} overview`);

  return c.html(
    <Layout page={page} title={title}>
      <p class="actions">
        <a class="button" href="/unit/visits/new">
          {t('预约考察慰问', 'Book a visit')}
        </a>
        <a class="button secondary" href="/unit/receptions/new">
          {t('登记公务接待', 'Register a reception')}
        </a>
      </p>
      <YearPicker page={page} action="/unit" year={year} />
      <CapsPanel report={report} t={t} />
      <section class="card" aria-labelledby="by-status">
        <h2 id="by-status">{t(`${year} 年度考察(按状态)`, `Visits in ${year} by status`)}</h2>
        <div class="table-wrap">
          <table class="cards">
            <thead>
              <tr>
                {STATUS_ORDER.map((s) => (
                  <th scope="col">{visitStatusLabel(s, t)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                {STATUS_ORDER.map((s) => (
                  <td data-status={s} data-label={visitStatusLabel(s, t)}>
                    {countOf(s)}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
        <p>
          <a href={`/unit/visits?year=${year}`}>{t('查看全部考察', 'All visits')}</a>
        </p>
      </section>
      <UpcomingVisits page={page} visits={upcoming.items} regions={regions} />
    </Layout>,
    yearPageStatus(c),
  );
});

function UpcomingVisits(props: { page: PageContext; visits: VisitRow[]; regions: RegionsById }) {
  const { t } = props.page;
  return (
    <section class="card" aria-labelledby="upcoming">
      <h2 id="upcoming">{t('即将进行的考察', 'Coming up')}</h2>
      {props.visits.length === 0 ? (
        <p>
          {t('暂无即将进行的考察。', 'Nothing booked ahead.')} <a href="/unit/visits/new">{t('预约考察', 'Book a visit')}</a>
        </p>
      ) : (
        <div class="table-wrap">
          <table class="cards">
            <thead>
              <tr>
                <th scope="col">{t('日期', 'Dates')}</th>
                <th scope="col">{t('受援地', 'Region')}</th>
                <th scope="col">{t('类型', 'Kind')}</th>
                <th scope="col">{t('人数', 'People')}</th>
                <th scope="col">{t('目的', 'Purpose')}</th>
                <th scope="col">{t('状态', 'Status')}</th>
              </tr>
            </thead>
            <tbody>
              {props.visits.map((v) => (
                <tr>
                  <td class="nowrap" data-label={t('日期', 'Dates')}>
                    <a href={`/visits/${encodeURIComponent(v.id)}`}>
                      {v.startDate} – {v.endDate}
                    </a>
                  </td>
                  <td data-label={t('受援地', 'Region')}>{regionName(props.regions, v.regionId, t)}</td>
                  <td data-label={t('类型', 'Kind')}>{kindLabel(v.kind, t)}</td>
                  <td data-label={t('人数', 'People')}>{v.headcount}</td>
                  <td data-label={t('目的', 'Purpose')}>{v.purpose}</td>
                  <td data-label={t('状态', 'Status')}>
                    <VisitStatusBadge status={v.status} t={t} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
