// Prints, as JSON, what the date rules and the feed builder give for fixed inputs, plus the host
// offset the process runs with. host-time-zone.test.ts runs this under several TZ values and
// compares: everything but the offset must be identical (Workers run in UTC, laptops do not).
import { checkRegionRules } from '../../src/domain/booking.js';
import { fullDays, spacingConflict } from '../../src/domain/capacity.js';
import {
  addDays,
  calendarDayIn,
  daysBetween,
  eachDay,
  fromDayNumber,
  inclusiveDays,
  isValidIsoDate,
  PROGRAMME_TIME_ZONE,
  rangesOverlap,
  toDayNumber,
  yearOf,
} from '../../src/domain/dates.js';
import { findSlots } from '../../src/domain/slots.js';
import { buildFeed, type FeedEvent } from '../../src/ical/feed.js';

// Year ends, leap days, month ends and the epoch: where a local-time slip shows first.
const DAYS = [
  '1970-01-01',
  '2026-12-31',
  '2027-01-01',
  '2027-02-28',
  '2027-03-01',
  '2027-03-28',
  '2027-10-31',
  '2027-12-31',
  '2028-02-28',
  '2028-02-29',
  '2028-03-01',
];
const NOT_DAYS = ['2027-02-29', '2027-13-01', '2027-04-31', '27-01-01'];
// Around midnight in Shanghai (UTC+8): 15:59:59.999Z is still the day before.
const INSTANTS = ['2026-12-31T15:59:59.999Z', '2026-12-31T16:00:00.000Z', '2027-03-27T16:00:00.000Z', '2028-02-28T16:00:00.000Z'];

const rules = {
  maxConcurrentDelegations: 1,
  minGapDays: 2,
  blackouts: [{ startDate: '2027-12-30', endDate: '2028-01-01', reason: '元旦' }],
};
const visits = [{ startDate: '2027-12-24', endDate: '2027-12-26' }];

const events: FeedEvent[] = [
  {
    uid: 'visit-a@visit-planner',
    kind: 'visit',
    status: 'approved',
    sequence: 2,
    startDate: '2027-12-30',
    endDate: '2028-01-02',
    updatedAt: '2027-12-01T16:30:00.000Z',
    summary: '杭州市考察团(8人)赴阿克苏地区',
  },
  {
    uid: 'visit-b@visit-planner',
    kind: 'visit',
    status: 'submitted',
    sequence: 0,
    startDate: '2028-02-28',
    endDate: '2028-02-29',
    updatedAt: '2028-01-31T23:59:59.000Z',
    summary: '宁波市慰问团(3人)赴那曲市',
  },
  {
    uid: 'reception-c@visit-planner',
    kind: 'reception',
    status: 'cancelled',
    sequence: 1,
    startDate: '2027-01-01',
    endDate: '2027-01-01',
    updatedAt: '2026-12-31T16:00:00.000Z',
    summary: '温州市接待海西州来访(4人)',
  },
];

const results = {
  days: DAYS.map((day) => ({
    day,
    valid: isValidIsoDate(day),
    number: toDayNumber(day),
    roundTrip: fromDayNumber(toDayNumber(day)),
    next: addDays(day, 1),
    previous: addDays(day, -1),
    monthLater: addDays(day, 31),
    year: yearOf(day),
    toNextNewYear: daysBetween(day, `${yearOf(day) + 1}-01-01`),
  })),
  notDays: NOT_DAYS.map((value) => isValidIsoDate(value)),
  spans: [inclusiveDays('2027-12-30', '2028-01-02'), inclusiveDays('2028-02-28', '2028-03-01')],
  each: eachDay('2028-02-27', '2028-03-02'),
  overlaps: [
    rangesOverlap({ startDate: '2027-12-30', endDate: '2028-01-01' }, { startDate: '2028-01-01', endDate: '2028-01-03' }),
    rangesOverlap({ startDate: '2027-12-30', endDate: '2027-12-31' }, { startDate: '2028-01-01', endDate: '2028-01-03' }),
  ],
  shanghaiDays: INSTANTS.map((instant) => calendarDayIn(PROGRAMME_TIME_ZONE, new Date(instant))),
  fullDays: fullDays(1, visits, { startDate: '2027-12-20', endDate: '2027-12-31' }),
  spacing: spacingConflict(2, visits, '2027-12-25'),
  regionRules: checkRegionRules(rules, visits, { startDate: '2027-12-28', endDate: '2027-12-30' }),
  slots: findSlots({ rules, regionVisits: visits, days: 2, from: '2027-12-20', to: '2028-01-10', limit: 6, capsRefusal: () => null }),
  feed: buildFeed(events, { calendarName: '对口支援考察慰问 · 全部' }),
};

process.stdout.write(JSON.stringify({ offsetMinutes: new Date(Date.UTC(2027, 0, 1)).getTimezoneOffset(), results }));
