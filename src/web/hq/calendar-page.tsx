// GET /hq/calendar: the region's month at a glance. Approved and pending events look different
// (class and words, not colour alone); blackout days are marked.
import type { Translate } from '../../views/i18n.js';
import { kindLabel, receptionStatusLabel, visitStatusLabel } from '../../views/labels.js';
import { Layout, type Flash, type PageContext } from '../../views/layout.js';
import type { IsoDate } from '../../domain/dates.js';
import { monthKey, monthWeeks, shiftMonth, type RegionMonth } from './calendar-data.js';
import { dateRange } from './labels.js';

interface CalendarEvent {
  key: string;
  startDate: IsoDate;
  endDate: IsoDate;
  kind: 'visit' | 'reception';
  approved: boolean;
  text: string;
  status: string;
  /** The record's own page. */
  href: string;
}

function eventsOf(data: RegionMonth, t: Translate): CalendarEvent[] {
  const unit = (id: string) => data.unitNames.get(id) ?? id;
  const visits = data.visits.map((v) => ({
    key: `visit-${v.id}`,
    startDate: v.startDate,
    endDate: v.endDate,
    kind: 'visit' as const,
    approved: v.status === 'approved',
    text: t(`${unit(v.unitId)} ${kindLabel(v.kind, t)} ${v.headcount}人`, `${unit(v.unitId)} ${kindLabel(v.kind, t)} (${v.headcount})`),
    status: visitStatusLabel(v.status, t),
    href: `/visits/${encodeURIComponent(v.id)}`,
  }));
  const receptions = data.receptions.map((r) => ({
    key: `reception-${r.id}`,
    startDate: r.startDate,
    endDate: r.endDate,
    kind: 'reception' as const,
    approved: r.status === 'approved',
    text: t(`${unit(r.hostUnitId)} 接待 ${r.guestCount}人`, `${unit(r.hostUnitId)} hosts ${r.guestCount}`),
    status: receptionStatusLabel(r.status, t),
    href: `/receptions/${encodeURIComponent(r.id)}`,
  }));
  return [...visits, ...receptions].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.key.localeCompare(b.key));
}

const WEEKDAYS: [string, string][] = [
  ['一', 'Mon'],
  ['二', 'Tue'],
  ['三', 'Wed'],
  ['四', 'Thu'],
  ['五', 'Fri'],
  ['六', 'Sat'],
  ['日', 'Sun'],
];

function EventTag(props: { event: CalendarEvent }) {
  const e = props.event;
  return (
    <span class={`event ${e.kind} ${e.approved ? 'approved' : 'pending'}`}>
      {e.text} · {e.status}
    </span>
  );
}

export function CalendarPage(props: { page: PageContext; data: RegionMonth; today: IsoDate; messages?: Flash[] }) {
  const { page, data, today } = props;
  const { t } = page;
  const events = eventsOf(data, t);
  const key = monthKey(data.month);
  const title = t(`${data.regionName} · ${data.month.year}年${data.month.month}月`, `${data.regionName} · ${key}`);
  const blackoutOn = (day: IsoDate) => data.blackouts.find((b) => b.startDate <= day && day <= b.endDate);
  return (
    <Layout page={page} title={title} messages={props.messages}>
      <nav class="actions month-nav" aria-label={t('切换月份', 'Change month')}>
        <a class="button secondary" rel="prev" href={`/hq/calendar?month=${monthKey(shiftMonth(data.month, -1))}`}>
          {t('‹ 上一月', '‹ Previous month')}
        </a>
        <a class="button secondary" href="/hq/calendar">
          {t('本月', 'This month')}
        </a>
        <a class="button secondary" rel="next" href={`/hq/calendar?month=${monthKey(shiftMonth(data.month, 1))}`}>
          {t('下一月 ›', 'Next month ›')}
        </a>
      </nav>
      <p class="legend">
        <span class="event visit approved">{t('已批准', 'Approved')}</span>
        <span class="event visit pending">{t('待衔接/待审批', 'Pending')}</span>
        <span class="event reception pending">{t('公务接待', 'Reception')}</span>
        <span class="blackout-label">{t('暂停接待', 'Blackout')}</span>
      </p>
      {/* A phone shows the month as the list under the grid ("本月安排"); the grid is for wider screens. */}
      <div class="table-wrap month-grid">
        <table class="calendar">
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {WEEKDAYS.map(([zh, en]) => (
                <th scope="col">{t(`周${zh}`, en)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {monthWeeks(data.month).map((week) => (
              <tr>
                {week.map((day) => {
                  if (!day) return <td class="outside"></td>;
                  const blackout = blackoutOn(day);
                  const classes = [blackout ? 'blackout' : '', day === today ? 'today' : ''].filter(Boolean).join(' ');
                  return (
                    <td class={classes || undefined} data-date={day} aria-current={day === today ? 'date' : undefined}>
                      <span class="day">{Number(day.slice(8))}</span>
                      {blackout && <span class="blackout-label">{t(`暂停接待:${blackout.reason}`, `Blackout: ${blackout.reason}`)}</span>}
                      {events
                        .filter((e) => e.startDate <= day && day <= e.endDate)
                        .map((e) => (
                          <EventTag event={e} />
                        ))}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('本月安排', 'This month')}</h2>
      {events.length === 0 ? (
        <p class="muted">{t('本月没有考察或接待安排。', 'No visits or receptions this month.')}</p>
      ) : (
        <ul class="month-list">
          {events.map((e) => (
            <li>
              <a class="nowrap" href={e.href}>
                {dateRange(e.startDate, e.endDate, t)}
              </a>{' '}
              <EventTag event={e} />
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
