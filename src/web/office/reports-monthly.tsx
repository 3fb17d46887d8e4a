// The monthly outlook (月询): per region, the totals of the visits and receptions touching the
// month and the first of them; the rest are a link away, on the paged lists filtered to the
// region and month, so the page stays small however busy a month is (the CSV has every row).
import { type MonthlyRegion, monthRange } from '../../services/reports.js';
import { ReceptionStatusBadge, VisitStatusBadge } from '../../views/components/status-badge.js';
import { kindLabel } from '../../views/labels.js';
import type { PageContext } from '../../views/layout.js';
import { formatNumber } from './reports-common.js';

/** Rows of each table shown on the page; the totals count them all. */
export const MONTHLY_ROWS_SHOWN = 25;

function MoreLink(props: { page: PageContext; shown: number; total: number; href: string }) {
  const { t } = props.page;
  if (props.total <= props.shown) return null;
  return (
    <p>
      <a href={props.href}>
        {t(`另有 ${props.total - props.shown} 项,查看全部 ${props.total} 项`, `${props.total - props.shown} more: see all ${props.total}`)}
      </a>
    </p>
  );
}

function VisitsTable(props: { page: PageContext; region: MonthlyRegion; month: string }) {
  const { page, region } = props;
  const { startDate, endDate } = monthRange(props.month);
  const { t } = page;
  if (region.visits.length === 0) return <p class="muted">{t('本月没有考察慰问团。', 'No delegations this month.')}</p>;
  return (
    <div class="table-wrap">
      <table class="report-table cards">
        <caption class="visually-hidden">
          {t(`${region.regionName} 本月考察慰问团`, `Delegations to ${region.regionName} this month`)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('日期', 'Dates')}</th>
            <th scope="col">{t('单位', 'Unit')}</th>
            <th scope="col">{t('类型', 'Kind')}</th>
            <th scope="col">{t('人数', 'Headcount')}</th>
            <th scope="col">{t('带队', 'Leader')}</th>
            <th scope="col">{t('事由', 'Purpose')}</th>
            <th scope="col">{t('状态', 'Status')}</th>
          </tr>
        </thead>
        <tbody>
          {region.visits.slice(0, MONTHLY_ROWS_SHOWN).map((v) => (
            <tr data-visit={v.id}>
              <td class="nowrap" data-label={t('日期', 'Dates')}>
                <a href={`/visits/${encodeURIComponent(v.id)}`}>
                  {v.startDate} – {v.endDate}
                </a>
              </td>
              <td data-label={t('单位', 'Unit')}>{v.unitName}</td>
              <td data-label={t('类型', 'Kind')}>{kindLabel(v.kind, t)}</td>
              <td class="num" data-label={t('人数', 'Headcount')}>
                {formatNumber(v.headcount, page)}
              </td>
              <td data-label={t('带队', 'Leader')}>{v.leaderName}</td>
              <td data-label={t('事由', 'Purpose')}>{v.purpose}</td>
              <td data-label={t('状态', 'Status')}>
                <VisitStatusBadge status={v.status} t={t} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <MoreLink
        page={page}
        shown={MONTHLY_ROWS_SHOWN}
        total={region.visits.length}
        href={`/office/visits?regionId=${region.regionId}&from=${startDate}&to=${endDate}&status=submitted,coordinated,approved`}
      />
    </div>
  );
}

function ReceptionsTable(props: { page: PageContext; region: MonthlyRegion; month: string }) {
  const { page, region } = props;
  const { startDate, endDate } = monthRange(props.month);
  const { t } = page;
  if (region.receptions.length === 0) return <p class="muted">{t('本月没有来访接待。', 'No receptions this month.')}</p>;
  return (
    <div class="table-wrap">
      <table class="report-table cards">
        <caption class="visually-hidden">
          {t(`${region.regionName} 来访本月接待`, `Receptions of visitors from ${region.regionName} this month`)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('日期', 'Dates')}</th>
            <th scope="col">{t('接待单位', 'Host unit')}</th>
            <th scope="col">{t('来宾人数', 'Guests')}</th>
            <th scope="col">{t('状态', 'Status')}</th>
          </tr>
        </thead>
        <tbody>
          {region.receptions.slice(0, MONTHLY_ROWS_SHOWN).map((r) => (
            <tr data-reception={r.id}>
              <td class="nowrap" data-label={t('日期', 'Dates')}>
                <a href={`/receptions/${encodeURIComponent(r.id)}`}>
                  {r.startDate} – {r.endDate}
                </a>
              </td>
              <td data-label={t('接待单位', 'Host unit')}>{r.hostUnitName}</td>
              <td class="num" data-label={t('来宾人数', 'Guests')}>
                {formatNumber(r.guestCount, page)}
              </td>
              <td data-label={t('状态', 'Status')}>
                <ReceptionStatusBadge status={r.status} t={t} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <MoreLink
        page={page}
        shown={MONTHLY_ROWS_SHOWN}
        total={region.receptions.length}
        href={`/office/receptions?regionId=${region.regionId}&from=${startDate}&to=${endDate}&status=submitted,approved`}
      />
    </div>
  );
}

export function MonthlyRegionSection(props: { page: PageContext; region: MonthlyRegion; month: string }) {
  const { page, region } = props;
  const { t } = page;
  const { totals } = region;
  return (
    <section class="card" aria-labelledby={`region-${region.regionId}`} data-region={region.regionId}>
      <h2 id={`region-${region.regionId}`}>{region.regionName}</h2>
      <p class="totals">
        {t(
          `考察慰问团 ${totals.visits} 批、${totals.delegates} 人;来访接待 ${totals.receptions} 批、${totals.guests} 人`,
          `${totals.visits} delegations, ${totals.delegates} people; ${totals.receptions} receptions, ${totals.guests} guests`,
        )}
      </p>
      <h3>{t('赴受援地考察慰问', 'Delegations to the region')}</h3>
      <VisitsTable page={page} region={region} month={props.month} />
      <h3>{t('受援地来访接待', 'Visitors from the region')}</h3>
      <ReceptionsTable page={page} region={region} month={props.month} />
    </section>
  );
}
