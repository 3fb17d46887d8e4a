// Pure iCalendar feed builder (docs/API.md "Calendar feeds"): records in, .ics text out.
// Identical input gives identical bytes: no clock is read, events are sorted, and every
// timestamp comes from the record's `updatedAt`.

import ical, { ICalEventStatus } from 'ical-generator';
import { addDays, isValidIsoDate, type IsoDate } from '../domain/dates.js';

export interface FeedEvent {
  /** Stable forever, e.g. `visit-<id>@visit-planner`; calendar clients key updates on it. */
  uid: string;
  kind: 'visit' | 'reception';
  status: 'submitted' | 'coordinated' | 'approved' | 'rejected' | 'withdrawn' | 'cancelled';
  sequence: number;
  /** Inclusive first day. */
  startDate: IsoDate;
  /** Inclusive last day. */
  endDate: IsoDate;
  /** ISO-8601 instant; becomes DTSTAMP and LAST-MODIFIED (to the second). */
  updatedAt: string;
  /** Already-composed Chinese summary, see `visitSummary` / `receptionSummary`. */
  summary: string;
  /** No money and no guest names: the caller must leave them out. */
  description?: string;
  location?: string;
}

export interface FeedOptions {
  calendarName: string;
  /** Formal public identifier after the leading `-`, e.g. `//visit-planner//feed//ZH`. */
  productId?: string;
  /** How often clients should re-fetch; default 60. */
  refreshMinutes?: number;
  url?: string;
}

const DEFAULT_PRODUCT_ID = { company: 'visit-planner', product: 'calendar-feed', language: 'ZH' };
const DEFAULT_REFRESH_MINUTES = 60;

const STATUS: Record<FeedEvent['status'], 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED'> = {
  submitted: 'TENTATIVE',
  coordinated: 'TENTATIVE',
  approved: 'CONFIRMED',
  rejected: 'CANCELLED',
  withdrawn: 'CANCELLED',
  cancelled: 'CANCELLED',
};

export function feedStatus(status: FeedEvent['status']): 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED' {
  return STATUS[status];
}

export function buildFeed(events: FeedEvent[], options: FeedOptions): string {
  const refreshMinutes = options.refreshMinutes ?? DEFAULT_REFRESH_MINUTES;
  if (!Number.isInteger(refreshMinutes) || refreshMinutes <= 0) {
    throw new RangeError(`refreshMinutes must be a positive integer: ${refreshMinutes}`);
  }
  if (options.url !== undefined && /[\r\n]/.test(options.url)) {
    throw new RangeError('feed url must not contain line breaks');
  }

  // No calendar or event time zone, on purpose. For all-day values ical-generator formats a
  // Date/string with getUTC* when no zone is set, but with the HOST's local getters once any
  // zone is set — then 2027-03-30 comes out as 20270329 on a machine in America/Los_Angeles.
  // Passing the `YYYY-MM-DD` string (which JS parses as UTC midnight) and setting no zone keeps
  // the digits independent of the host. A Date built with local fields (new Date(y, m, d))
  // would be wrong instead: on a UTC+8 or UTC+14 host it lands on the previous UTC day.
  const calendar = ical({
    prodId: options.productId ?? DEFAULT_PRODUCT_ID,
    // ical-generator writes NAME / X-WR-CALNAME unescaped; escape here so a label with a
    // comma or a line break cannot break the feed or inject properties.
    name: escapeText(options.calendarName),
    // Written as REFRESH-INTERVAL;VALUE=DURATION and X-PUBLISHED-TTL (60 min → PT1H).
    ttl: refreshMinutes * 60,
    ...(options.url === undefined ? {} : { url: options.url }),
  });

  const seen = new Set<string>();
  for (const event of [...events].sort(byStartThenUid)) {
    if (seen.has(event.uid)) throw new RangeError(`duplicate feed uid: ${event.uid}`);
    seen.add(event.uid);
    assertDateRange(event);
    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence,
      allDay: true,
      start: event.startDate,
      // DTEND of an all-day event is exclusive (RFC 5545 §3.6.1): the day after the last day.
      end: addDays(event.endDate, 1),
      stamp: event.updatedAt,
      lastModified: event.updatedAt,
      status: ICalEventStatus[STATUS[event.status]],
      summary: event.summary,
      ...(event.description === undefined ? {} : { description: event.description }),
      ...(event.location === undefined ? {} : { location: event.location }),
    });
  }
  // ical-generator uses CRLF and folds lines at 75 octets without splitting a UTF-8 character.
  return calendar.toString();
}

export interface VisitSummaryInput {
  unitName: string;
  /** Overrides the default label for the kind (考察团 / 慰问团). */
  kindLabel?: string;
  kind: 'inspection' | 'condolence';
  headcount: number;
  regionName: string;
}

const VISIT_KIND_LABEL: Record<VisitSummaryInput['kind'], string> = {
  inspection: '考察团',
  condolence: '慰问团',
};

/** `杭州市考察团(8人)赴阿克苏地区`: unit, kind, headcount and region, as the contract asks. */
export function visitSummary(input: VisitSummaryInput): string {
  const label = input.kindLabel ?? VISIT_KIND_LABEL[input.kind];
  return `${input.unitName}${label}(${input.headcount}人)赴${input.regionName}`;
}

/** `杭州市接待阿克苏地区来访(6人)`: the host unit, the visiting region and the guest count. */
export function receptionSummary(input: { hostUnitName: string; regionName: string; guestCount: number }): string {
  return `${input.hostUnitName}接待${input.regionName}来访(${input.guestCount}人)`;
}

// Plain code-unit comparison, not localeCompare: the order must not depend on the host's ICU data.
function byStartThenUid(a: FeedEvent, b: FeedEvent): number {
  if (a.startDate !== b.startDate) return a.startDate < b.startDate ? -1 : 1;
  if (a.uid !== b.uid) return a.uid < b.uid ? -1 : 1;
  return 0;
}

function assertDateRange(event: FeedEvent): void {
  // ical-generator would silently swap a reversed range; a bad record is a caller bug.
  if (!isValidIsoDate(event.startDate) || !isValidIsoDate(event.endDate) || event.endDate < event.startDate) {
    throw new RangeError(`bad date range for ${event.uid}: ${event.startDate}..${event.endDate}`);
  }
}

/** RFC 5545 §3.3.11 TEXT escaping. */
function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}
