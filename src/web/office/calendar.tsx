// GET /office/calendar?month=YYYY-MM: the month across the four regions at a glance, one row per
// day and one column per region: how many delegations are there against the region's capacity,
// blackout days, the first few delegations by name and the receptions of visitors from there.
// A busy day links to its full list (the all-visits page filtered to that region and day), so a
// cell stays small however many visits a region takes.
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { eachDay, type IsoDate, yearOf } from '../../domain/dates.js';
import { todayOf } from '../../services/deps.js';
import { allRegions, type RegionView } from '../../services/reference.js';
import { type MonthlyRegion, monthlyReport } from '../../services/reports.js';
import { kindLabel } from '../../views/labels.js';
import { Layout, type Flash, type PageContext } from '../../views/layout.js';
import { firstDay, lastDay, type Month, monthKey, parseMonth, shiftMonth } from '../hq/calendar-data.js';
import { pageContext } from '../page.js';
import { webUser } from '../session.js';

/** Delegations named in one day's cell; the rest are counted and linked. */
const NAMED_PER_CELL = 3;

interface CellData {
  visits: MonthlyRegion['visits'];
  receptions: number;
}

function cellsOf(region: MonthlyRegion, days: IsoDate[]): Map<IsoDate, CellData> {
  const cells = new Map(days.map((day) => [day, { visits: [], receptions: 0 } as CellData]));
  for (const v of region.visits) for (const day of days) if (v.startDate <= day && day <= v.endDate) cells.get(day)?.visits.push(v);
  for (const r of region.receptions) for (const day of days) if (r.startDate <= day && day <= r.endDate) cells.get(day)!.receptions += 1;
  return cells;
}

function DayCell(props: { page: PageContext; region: RegionView; day: IsoDate; cell: CellData }) {
  const { page, region, day, cell } = props;
  const { t } = page;
  const capacity = region.rules.maxConcurrentDelegations;
  const blackout = region.rules.blackouts.find((b) => b.startDate <= day && day <= b.endDate);
  const dayList = (path: string, status: string) => `${path}?regionId=${region.id}&from=${day}&to=${day}&status=${status}`;
  const full = cell.visits.length >= capacity;
  return (
    <td class={blackout ? 'blackout' : undefined} data-region={region.id} data-date={day} data-label={t(region.name, region.nameEn)}>
      {blackout && <span class="blackout-label">{t(`暂停接待:${blackout.reason}`, `Blackout: ${blackout.reason}`)}</span>}
      {cell.visits.length > 0 && (
        <span class={full ? 'load full' : 'load'}>{t(`${cell.visits.length}/${capacity} 批`, `${cell.visits.length}/${capacity}`)}</span>
      )}
      {cell.visits.slice(0, NAMED_PER_CELL).map((v) => (
        <a class={`event visit ${v.status === 'approved' ? 'approved' : 'pending'}`} href={`/visits/${encodeURIComponent(v.id)}`}>
          {v.unitName} {kindLabel(v.kind, t)} {t(`${v.headcount}人`, `(${v.headcount})`)}
        </a>
      ))}
      {cell.visits.length > NAMED_PER_CELL && (
        <a href={dayList('/office/visits', 'submitted,coordinated,approved')}>
          {t(`另有 ${cell.visits.length - NAMED_PER_CELL} 批`, `${cell.visits.length - NAMED_PER_CELL} more`)}
        </a>
      )}
      {cell.receptions > 0 && (
        <a class="event reception pending" href={dayList('/office/receptions', 'submitted,approved')}>
          {t(`来访接待 ${cell.receptions} 批`, `${cell.receptions} reception(s)`)}
        </a>
      )}
    </td>
  );
}

function MonthNav(props: { page: PageContext; month: Month }) {
  const { t } = props.page;
  return (
    <nav class="actions month-nav no-print" aria-label={t('切换月份', 'Change month')}>
      <a class="button secondary" rel="prev" href={`/office/calendar?month=${monthKey(shiftMonth(props.month, -1))}`}>
        {t('‹ 上一月', '‹ Previous month')}
      </a>
      <a class="button secondary" href="/office/calendar">
        {t('本月', 'This month')}
      </a>
      <a class="button secondary" rel="next" href={`/office/calendar?month=${monthKey(shiftMonth(props.month, 1))}`}>
        {t('下一月 ›', 'Next month ›')}
      </a>
      <a href={`/office/visits?from=${firstDay(props.month)}&to=${lastDay(props.month)}`}>{t('本月考察列表', "This month's visits")}</a>
    </nav>
  );
}

export const officeCalendarPages = new Hono<AppEnv>().get('/', async (c) => {
  const user = webUser(c, 'office');
  const page = pageContext(c);
  const { t } = page;
  const today = todayOf(c.var.deps);
  const asked = c.req.query('month');
  const invalid = asked !== undefined && parseMonth(asked) === null;
  const month = parseMonth(asked) ?? { year: yearOf(today), month: Number(today.slice(5, 7)) };
  const messages: Flash[] = invalid
    ? [{ kind: 'error', lines: [t('月份格式应为 YYYY-MM,已显示本月。', 'The month must be YYYY-MM; showing this month.')] }]
    : [];
  // The month's counted visits and active receptions per region (one read each), and the rules.
  const [report, regions] = await Promise.all([monthlyReport(c.var.deps, user, monthKey(month)), allRegions(c.var.deps)]);
  const days = eachDay(firstDay(month), lastDay(month));
  const cells = new Map(report.regions.map((r) => [r.regionId, cellsOf(r, days)]));
  const title = t(`考察月历 · ${month.year}年${month.month}月`, `Visit calendar · ${monthKey(month)}`);
  return c.html(
    <Layout page={page} title={title} messages={messages}>
      <MonthNav page={page} month={month} />
      <p class="legend">
        <span class="event visit approved">{t('已批准', 'Approved')}</span>
        <span class="event visit pending">{t('待衔接/待审批', 'Pending')}</span>
        <span class="event reception pending">{t('来访接待', 'Reception')}</span>
        <span class="blackout-label">{t('暂停接待', 'Blackout')}</span>
        <span>{t('“2/3 批”:当天在该地的考察团批数 / 每日上限', '“2/3”: delegations there that day / the daily limit')}</span>
      </p>
      <div class="table-wrap">
        {/* On a phone each day becomes a card listing the regions that have something that day. */}
        <table class="calendar office-calendar cards">
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('日期', 'Day')}</th>
              {regions.map((r) => (
                <th scope="col">{t(r.name, r.nameEn)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr class={day === today ? 'today' : undefined} aria-current={day === today ? 'date' : undefined}>
                <th scope="row" class="nowrap">
                  {day}
                </th>
                {regions.map((region) => (
                  <DayCell page={page} region={region} day={day} cell={cells.get(region.id)?.get(day) ?? { visits: [], receptions: 0 }} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>,
    invalid ? 400 : 200,
  );
});
