// The proposal as a year calendar: one row per region, the year's days left to right, each visit a
// bar. Proposed visits are coloured by unit from a fixed palette (by the unit's index in the unit
// list, so a unit keeps its colour from year to year); visits already booked are grey, blackouts
// shaded. Visits that overlap take separate lanes, so a region with room for several delegations
// a day shows them stacked. Pure SVG with attributes (the CSP forbids inline styles); the same
// facts are in the placements table under it.
import { daysBetween } from '../../domain/dates.js';
import type { Blackout, DateRange } from '../../domain/types.js';
import type { PageContext } from '../../views/layout.js';
import { MONTHS_EN } from './plan-requests.js';

export const CAL = { labelWidth: 110, dayWidth: 2.4, top: 20, laneHeight: 12, laneGap: 3, rowPadding: 6 } as const;

// Distinguishable on white and from the grey of booked visits (Tableau 10 plus two).
export const UNIT_PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#17becf',
  '#8c564b',
  '#1f3a93',
] as const;
const EXISTING_FILL = '#c4c9d0';
const BLACKOUT_FILL = '#f6e1e1';

export interface CalendarBar extends DateRange {
  kind: 'placement' | 'existing';
  /** Placement: its request; existing: the visit. */
  id: string;
  unitId: string;
  title: string;
}

export interface CalendarRegion {
  id: string;
  name: string;
  blackouts: Blackout[];
  bars: CalendarBar[];
}

export function unitColour(unitIndex: number): string {
  return UNIT_PALETTE[((unitIndex % UNIT_PALETTE.length) + UNIT_PALETTE.length) % UNIT_PALETTE.length]!;
}

/** x and width of an inclusive date range, clipped to the year. */
function span(year: number, range: DateRange): { x: number; width: number } | null {
  const last = daysBetween(`${year}-01-01`, `${year}-12-31`);
  const from = Math.max(0, daysBetween(`${year}-01-01`, range.startDate));
  const to = Math.min(last, daysBetween(`${year}-01-01`, range.endDate));
  if (to < from) return null;
  return { x: round(CAL.labelWidth + from * CAL.dayWidth), width: round((to - from + 1) * CAL.dayWidth) };
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Lanes by first fit in start order: a bar goes to the first lane whose last bar ended before it. */
export function assignLanes(bars: readonly CalendarBar[]): { bar: CalendarBar; lane: number }[] {
  const laneEnds: string[] = [];
  const sorted = [...bars].sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.id < b.id ? -1 : 1));
  return sorted.map((bar) => {
    let lane = laneEnds.findIndex((end) => end < bar.startDate);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = bar.endDate;
    return { bar, lane };
  });
}

export function YearCalendar(props: { page: PageContext; year: number; regions: CalendarRegion[]; unitIndex: (unitId: string) => number }) {
  const { page, year } = props;
  const { t } = page;
  const width = CAL.labelWidth + daysBetween(`${year}-01-01`, `${year}-12-31`) * CAL.dayWidth + CAL.dayWidth + 4;
  let y = CAL.top;
  const rows = props.regions.map((region) => {
    const laid = assignLanes(region.bars);
    const lanes = Math.max(1, ...laid.map((l) => l.lane + 1));
    const height = lanes * (CAL.laneHeight + CAL.laneGap) - CAL.laneGap + 2 * CAL.rowPadding;
    const row = { region, laid, top: y, height };
    y += height;
    return row;
  });
  const months = Array.from({ length: 12 }, (_, m) => ({
    month: m + 1,
    ...span(year, { startDate: monthStart(year, m + 1), endDate: monthStart(year, m + 1) })!,
  }));
  const label = t(
    `${year} 年度方案日历:每行一个受援地,彩色为拟安排的考察,灰色为已预约的考察`,
    `Plan calendar ${year}: one row per region; coloured bars are proposed visits, grey ones visits already booked`,
  );
  return (
    <svg class="plan-calendar" viewBox={`0 0 ${round(width)} ${y + 4}`} role="img" aria-label={label}>
      <title>{label}</title>
      {months.map((m) => (
        <g class="month">
          <line x1={m.x} x2={m.x} y1={CAL.top - 14} y2={y} stroke="#d9dee5" stroke-width="1" />
          <text x={m.x + 3} y={CAL.top - 6} font-size="10" fill="#5b6470">
            {t(`${m.month}月`, MONTHS_EN[m.month - 1]!)}
          </text>
        </g>
      ))}
      {rows.map(({ region, laid, top, height }) => (
        <g class="plan-region" data-region={region.id}>
          <line x1={0} x2={round(width)} y1={top + height} y2={top + height} stroke="#d9dee5" stroke-width="1" />
          <text x={4} y={top + height / 2 + 4} font-size="12" fill="#1b1f24">
            {region.name}
          </text>
          {region.blackouts.map((b) => {
            const s = span(year, b);
            return s ? (
              <rect class="blackout" x={s.x} y={top} width={s.width} height={height} fill={BLACKOUT_FILL}>
                <title>
                  {t(`暂停接待:${b.startDate} 至 ${b.endDate}(${b.reason})`, `Blackout: ${b.startDate} to ${b.endDate} (${b.reason})`)}
                </title>
              </rect>
            ) : null;
          })}
          {laid.map(({ bar, lane }) => {
            const s = span(year, bar);
            if (!s) return null;
            const barY = top + CAL.rowPadding + lane * (CAL.laneHeight + CAL.laneGap);
            const fill = bar.kind === 'existing' ? EXISTING_FILL : unitColour(props.unitIndex(bar.unitId));
            const data = bar.kind === 'placement' ? { 'data-request-id': bar.id } : { 'data-visit-id': bar.id };
            return (
              <rect
                class={bar.kind}
                x={s.x}
                y={barY}
                width={Math.max(s.width, 2)}
                height={CAL.laneHeight}
                rx="2"
                fill={fill}
                data-unit={bar.unitId}
                {...data}
              >
                <title>{bar.title}</title>
              </rect>
            );
          })}
        </g>
      ))}
    </svg>
  );
}

function monthStart(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

/** The key to the colours: each unit with a proposed visit, then booked visits and blackouts. */
export function CalendarLegend(props: { page: PageContext; units: { id: string; name: string; index: number }[] }) {
  const { t } = props.page;
  const swatch = (fill: string) => (
    <svg class="swatch" viewBox="0 0 16 12" width="16" height="12" aria-hidden="true">
      <rect x="0" y="0" width="16" height="12" rx="2" fill={fill} />
    </svg>
  );
  return (
    <ul class="plan-legend" aria-label={t('图例', 'Legend')}>
      {props.units.map((u) => (
        <li data-unit={u.id}>
          {swatch(unitColour(u.index))}
          {u.name}
        </li>
      ))}
      <li>
        {swatch(EXISTING_FILL)}
        {t('已预约的考察', 'Visits already booked')}
      </li>
      <li>
        {swatch(BLACKOUT_FILL)}
        {t('暂停接待期', 'Blackout period')}
      </li>
    </ul>
  );
}
