// The office's receptions, a page at a time (the queue of submitted ones by default): costs, how
// each fares against the standards in force now (approval re-checks them), approve / reject with
// a reason for submitted ones, and cancel with a reason for submitted or approved ones.
import type { ReceptionStatus } from '../../domain/types.js';
import type { TwoWayPage } from '../../services/paging.js';
import type { QueueReception } from '../../services/reception-queue.js';
import type { RegionView, UnitView } from '../../services/reference.js';
import { ListFilters } from '../../views/components/list-filters.js';
import { Pager, pagerLinks } from '../../views/components/pager.js';
import { ReceptionStatusBadge } from '../../views/components/status-badge.js';
import { RECEPTION_STATUS_WORDS, rankLabel } from '../../views/labels.js';
import { CsrfField, Layout, type Flash, type PageContext } from '../../views/layout.js';
import { problemMessages } from '../../views/problem-messages.js';
import { type ListQuery, listHref } from '../lists/list-query.js';
import { filterFields } from '../lists/visit-filters.js';
import { RejectReasonForm, type RejectAttempt } from './reject-form.js';

const FILTERS = ['status', 'regionId', 'hostUnitId', 'from', 'to', 'q'] as const;
const ALL_STATUSES = Object.keys(RECEPTION_STATUS_WORDS) as ReceptionStatus[];
// A submitted reception is rejected with a reason; cancelling is for one already approved.
const CANCELLABLE: readonly ReceptionStatus[] = ['approved'];

export function ReceptionQueuePage(props: {
  page: PageContext;
  listed: TwoWayPage<QueueReception> | null;
  query: ListQuery<unknown>;
  regions: RegionView[];
  units: UnitView[];
  messages: Flash[];
  reject?: RejectAttempt;
}) {
  const { page, listed, query } = props;
  const { t } = page;
  const href = (change: Record<string, string | undefined>) => listHref('/office/receptions', query.values, change);
  return (
    <Layout page={page} title={t('公务接待审批', 'Receptions awaiting approval')} messages={props.messages}>
      <ListFilters
        t={t}
        action="/office/receptions"
        fields={filterFields(FILTERS, {
          t,
          regions: props.regions,
          units: props.units,
          receptionStatuses: ALL_STATUSES,
          searchHint: t('公函文号、接待地点或接待单位', 'Letter reference, venue or host unit'),
        })}
        values={query.values}
        errors={query.errors}
      >
        <a href="/office/receptions?status=approved">{t('已批准的接待', 'Approved receptions')}</a>
      </ListFilters>
      {listed && listed.items.length === 0 && <p class="muted">{t('没有符合条件的公务接待。', 'No reception matches.')}</p>}
      {listed && listed.items.length > 0 && (
        <div class="table-wrap">
          <table class="cards">
            <thead>
              <tr>
                <th scope="col">{t('接待单位', 'Host unit')}</th>
                <th scope="col">{t('来访地区', 'Region')}</th>
                <th scope="col">{t('公函', 'Official letter')}</th>
                <th scope="col">{t('日期', 'Dates')}</th>
                <th scope="col">{t('来宾', 'Guests')}</th>
                <th scope="col">{t('费用(元)', 'Costs (yuan)')}</th>
                <th scope="col">{t('按现行标准', 'Against current standards')}</th>
                <th scope="col">{t('状态与审批', 'Status and decision')}</th>
              </tr>
            </thead>
            <tbody>
              {listed.items.map((row) => (
                <ReceptionRow page={page} row={row} reject={props.reject?.id === row.reception.id ? props.reject : undefined} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {listed && <Pager t={t} {...pagerLinks(href, listed)} />}
    </Layout>
  );
}

function ReceptionRow(props: { page: PageContext; row: QueueReception; reject?: RejectAttempt }) {
  const { page, row } = props;
  const { t } = page;
  const r = row.reception;
  const id = encodeURIComponent(r.id);
  return (
    <tr>
      <td data-label={t('接待单位', 'Host unit')}>
        <a href={`/receptions/${id}`}>{row.hostUnitName}</a>
      </td>
      <td data-label={t('来访地区', 'Region')}>{row.regionName}</td>
      <td data-label={t('公函', 'Official letter')}>{r.officialLetterRef || <span class="muted">{t('(无)', '(none)')}</span>}</td>
      <td class="nowrap" data-label={t('日期', 'Dates')}>
        <a href={`/receptions/${id}`}>
          {r.startDate}
          <br />
          {t('至', 'to')} {r.endDate}
        </a>
      </td>
      <td data-label={t('来宾', 'Guests')}>
        {t(`${r.guestCount} 人`, `${r.guestCount}`)}
        <br />
        <span class="hint">
          {t('带队', 'Lead')} {rankLabel(r.leadRank, t)}
        </span>
      </td>
      <td class="nowrap" data-label={t('费用(元)', 'Costs (yuan)')}>
        {t('工作餐', 'Meal')} {row.totals.mealCostYuan}
        <br />
        {t('住宿', 'Lodging')} {row.totals.lodgingCostYuan}
        <br />
        <strong>
          {t('合计', 'Total')} {row.totals.totalYuan}
        </strong>
      </td>
      <td data-label={t('按现行标准', 'Against current standards')}>
        {row.violations.length === 0 ? (
          t('符合', 'Within')
        ) : (
          <ul>
            {problemMessages({ code: 'RECEPTION_STANDARD_VIOLATED', violations: row.violations }, page.lang).map((line) => (
              <li>{line}</li>
            ))}
          </ul>
        )}
        <a href={`/office/receptions/${id}`}>{t('接待清单', 'Reception list')}</a>
        <br />
        <a href={`/receptions/${id}#documents`}>{t('文件(公函扫描件)', 'Documents (letter scan)')}</a>
      </td>
      <td data-label={t('状态与审批', 'Status and decision')}>
        <ReceptionStatusBadge status={r.status} t={t} />
        {r.status === 'submitted' && (
          <>
            <form method="post" action={`/office/receptions/${id}/approve`}>
              <CsrfField page={page} />
              <button type="submit">{t('批准', 'Approve')}</button>
            </form>
            <RejectReasonForm
              page={page}
              action={`/office/receptions/${id}/reject`}
              inputId={`reception-reason-${r.id}`}
              maxlength={1000}
              attempt={props.reject}
            />
          </>
        )}
        {CANCELLABLE.includes(r.status) && (
          <RejectReasonForm
            page={page}
            action={`/office/receptions/${id}/cancel`}
            inputId={`reception-cancel-${r.id}`}
            maxlength={1000}
            attempt={props.reject}
            decision="cancel"
          />
        )}
      </td>
    </tr>
  );
}
