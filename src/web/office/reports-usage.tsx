// The cap-usage table: every unit's caps, what it has used (as meters) and what remains,
// sortable by a query parameter so it works without JavaScript.
import type { UsageRow } from '../../services/reports.js';
import type { PageContext } from '../../views/layout.js';
import { formatNumber } from './reports-common.js';

export const USAGE_SORTS = ['unit', 'used-batches', 'remaining-batches', 'used-trips', 'remaining-trips'] as const;
export type UsageSort = (typeof USAGE_SORTS)[number];

export function usageSortOf(value: string | undefined): UsageSort {
  return USAGE_SORTS.find((s) => s === value) ?? 'unit';
}

// Each column sorts in the direction that puts the units needing attention first: the most used,
// the least remaining. Ties keep the report's own order (kind, then id).
const SORT_KEYS: Record<UsageSort, (row: UsageRow) => number> = {
  unit: () => 0,
  'used-batches': (r) => -r.used.batches,
  'remaining-batches': (r) => r.remaining.batches,
  'used-trips': (r) => -r.used.personTrips,
  'remaining-trips': (r) => r.remaining.personTrips,
};

export function sortUsage(rows: UsageRow[], sort: UsageSort): UsageRow[] {
  const key = SORT_KEYS[sort];
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => key(a.row) - key(b.row) || a.index - b.index)
    .map((entry) => entry.row);
}

function SortHeader(props: { page: PageContext; year: number; sort: UsageSort; current: UsageSort; label: string }) {
  const active = props.sort === props.current;
  return (
    <th
      scope="col"
      aria-sort={active ? (props.sort === 'unit' || props.sort.startsWith('remaining') ? 'ascending' : 'descending') : undefined}
    >
      <a href={`/office/reports/usage?year=${props.year}&sort=${props.sort}`}>{props.label}</a>
    </th>
  );
}

/** Used against the limit, as text and as a meter that turns amber near the limit and red at it. */
function UsageMeter(props: { page: PageContext; used: number; limit: number; label: string }) {
  const { page, used, limit } = props;
  // A meter needs max > min; a cap of 0 shows as full.
  const max = Math.max(limit, 1);
  return (
    <div class="usage">
      <span class="nowrap">
        {formatNumber(used, page)} / {formatNumber(limit, page)}
      </span>
      <meter
        min={0}
        max={max}
        value={Math.min(limit === 0 ? max : used, max)}
        low={max * 0.7}
        high={max * 0.9}
        optimum={0}
        aria-label={props.label}
      >
        {used} / {limit}
      </meter>
    </div>
  );
}

export function UsageTable(props: { page: PageContext; year: number; sort: UsageSort; rows: UsageRow[] }) {
  const { page, year, sort } = props;
  const { t } = page;
  const header = (s: UsageSort, label: string) => <SortHeader page={page} year={year} sort={s} current={sort} label={label} />;
  return (
    <div class="table-wrap">
      <table class="report-table usage-table cards">
        <caption class="visually-hidden">{t(`${year} 年度各单位额度使用情况`, `Cap usage by unit, ${year}`)}</caption>
        <thead>
          <tr>
            {header('unit', t('单位', 'Unit'))}
            {header('used-batches', t('已用批次', 'Batches used'))}
            {header('remaining-batches', t('剩余批次', 'Batches left'))}
            {header('used-trips', t('已用人次', 'Person-trips used'))}
            {header('remaining-trips', t('剩余人次', 'Person-trips left'))}
            <th scope="col">{t('每批人数上限', 'Max per batch')}</th>
            <th scope="col">{t('额度来源', 'Caps from')}</th>
          </tr>
        </thead>
        <tbody>
          {sortUsage(props.rows, sort).map((row) => (
            <tr data-unit={row.unitId}>
              <th scope="row">
                {row.unitName}
                <span class="hint"> {row.kind === 'city' ? t('设区市', 'city') : t('省直部门', 'department')}</span>
              </th>
              <td data-label={t('已用批次', 'Batches used')}>
                <UsageMeter
                  page={page}
                  used={row.used.batches}
                  limit={row.limits.maxBatches}
                  label={t(`${row.unitName} 已用批次`, `${row.unitName}: batches used`)}
                />
              </td>
              <td class="num" data-label={t('剩余批次', 'Batches left')}>
                {formatNumber(row.remaining.batches, page)}
              </td>
              <td data-label={t('已用人次', 'Person-trips used')}>
                <UsageMeter
                  page={page}
                  used={row.used.personTrips}
                  limit={row.limits.maxPersonTrips}
                  label={t(`${row.unitName} 已用人次`, `${row.unitName}: person-trips used`)}
                />
              </td>
              <td class="num" data-label={t('剩余人次', 'Person-trips left')}>
                {formatNumber(row.remaining.personTrips, page)}
              </td>
              <td class="num" data-label={t('每批人数上限', 'Max per batch')}>
                {formatNumber(row.limits.maxHeadcountPerBatch, page)}
              </td>
              <td data-label={t('额度来源', 'Caps from')}>{row.overridden ? t('单独设定', 'Own caps') : t('年度默认', 'Year default')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
