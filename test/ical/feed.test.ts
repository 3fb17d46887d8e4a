import ICAL from 'ical.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildFeed, feedStatus, receptionSummary, visitSummary, type FeedEvent } from '../../src/ical/feed.js';

const OPTIONS = { calendarName: '阿克苏地区对口支援日程' };

function event(overrides: Partial<FeedEvent> = {}): FeedEvent {
  return {
    uid: 'visit-1@visit-planner',
    kind: 'visit',
    status: 'approved',
    sequence: 0,
    startDate: '2027-03-30',
    endDate: '2027-04-02',
    updatedAt: '2027-03-01T08:15:30Z',
    summary: '杭州市考察团(8人)赴阿克苏地区',
    ...overrides,
  };
}

function parse(ics: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(ics));
}

function onlyEvent(ics: string): ICAL.Component {
  const events = parse(ics).getAllSubcomponents('vevent');
  expect(events).toHaveLength(1);
  return events[0]!;
}

function time(component: ICAL.Component, name: string): ICAL.Time {
  const value = component.getFirstPropertyValue(name);
  if (!(value instanceof ICAL.Time)) throw new Error(`${name} is not a date/time: ${String(value)}`);
  return value;
}

describe('all-day dates', () => {
  // DTEND is exclusive: the day after the inclusive last day.
  it.each([
    { startDate: '2027-03-30', endDate: '2027-04-02', dtstart: '2027-03-30', dtend: '2027-04-03' },
    { startDate: '2027-12-30', endDate: '2028-01-02', dtstart: '2027-12-30', dtend: '2028-01-03' },
    { startDate: '2027-05-01', endDate: '2027-05-01', dtstart: '2027-05-01', dtend: '2027-05-02' },
    { startDate: '2028-02-28', endDate: '2028-02-28', dtstart: '2028-02-28', dtend: '2028-02-29' },
    { startDate: '2027-02-27', endDate: '2027-02-28', dtstart: '2027-02-27', dtend: '2027-03-01' },
  ])('$startDate..$endDate → DTSTART $dtstart, DTEND $dtend', ({ startDate, endDate, dtstart, dtend }) => {
    const ics = buildFeed([event({ startDate, endDate })], OPTIONS);
    const vevent = onlyEvent(ics);
    for (const [name, expected] of [
      ['dtstart', dtstart],
      ['dtend', dtend],
    ] as const) {
      const value = time(vevent, name);
      expect(value.isDate).toBe(true);
      expect(value.toString()).toBe(expected);
    }
    expect(ics).toContain(`\r\nDTSTART;VALUE=DATE:${dtstart.replaceAll('-', '')}\r\n`);
    expect(ics).toContain(`\r\nDTEND;VALUE=DATE:${dtend.replaceAll('-', '')}\r\n`);
  });

  describe('does not depend on the host time zone', () => {
    const original = process.env.TZ;
    afterEach(() => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });

    // Node re-reads process.env.TZ when it is assigned, so one run covers zones on both sides
    // of UTC, including +14 (Kiritimati) and the programme's own zone.
    it.each(['Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Pago_Pago'])('%s', (zone) => {
      const events = [event(), event({ uid: 'visit-2@visit-planner', startDate: '2027-12-30', endDate: '2028-01-02' })];
      process.env.TZ = 'UTC';
      const reference = buildFeed(events, OPTIONS);
      process.env.TZ = zone;
      // Guard against a vacuous pass: the zone switch must really have taken effect.
      expect(new Date(Date.UTC(2027, 0, 1, 12)).getTimezoneOffset()).not.toBe(0);
      const ics = buildFeed(events, OPTIONS);
      expect(ics).toBe(reference);
      expect(ics).toContain('DTSTART;VALUE=DATE:20270330\r\nDTEND;VALUE=DATE:20270403\r\n');
      expect(ics).toContain('DTSTART;VALUE=DATE:20271230\r\nDTEND;VALUE=DATE:20280103\r\n');
    });
  });
});

describe('identity and status', () => {
  it('copies UID and SEQUENCE from the record', () => {
    const vevent = onlyEvent(buildFeed([event({ uid: 'reception-42@visit-planner', sequence: 7 })], OPTIONS));
    expect(vevent.getFirstPropertyValue('uid')).toBe('reception-42@visit-planner');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(7);
  });

  it.each([
    ['submitted', 'TENTATIVE'],
    ['coordinated', 'TENTATIVE'],
    ['approved', 'CONFIRMED'],
    ['rejected', 'CANCELLED'],
    ['withdrawn', 'CANCELLED'],
    ['cancelled', 'CANCELLED'],
  ] as const)('%s → STATUS %s', (status, expected) => {
    expect(feedStatus(status)).toBe(expected);
    expect(onlyEvent(buildFeed([event({ status })], OPTIONS)).getFirstPropertyValue('status')).toBe(expected);
  });
});

describe('timestamps come from updatedAt', () => {
  it.each([
    { updatedAt: '2027-03-01T08:15:30Z', expected: '2027-03-01T08:15:30Z' },
    // iCalendar DATE-TIME has whole seconds; milliseconds are dropped, not rounded.
    { updatedAt: '2027-03-01T08:15:30.999Z', expected: '2027-03-01T08:15:30Z' },
    { updatedAt: '2027-12-31T23:59:59Z', expected: '2027-12-31T23:59:59Z' },
  ])('$updatedAt → DTSTAMP and LAST-MODIFIED $expected', ({ updatedAt, expected }) => {
    const vevent = onlyEvent(buildFeed([event({ updatedAt })], OPTIONS));
    expect(time(vevent, 'dtstamp').toString()).toBe(expected);
    expect(time(vevent, 'last-modified').toString()).toBe(expected);
  });

  it('never reads the clock: the same input at different moments gives the same bytes', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
      const first = buildFeed([event()], OPTIONS);
      vi.setSystemTime(new Date('2031-06-15T12:34:56Z'));
      expect(buildFeed([event()], OPTIONS)).toBe(first);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('calendar properties', () => {
  it('names the calendar in X-WR-CALNAME', () => {
    expect(parse(buildFeed([], OPTIONS)).getFirstPropertyValue('x-wr-calname')).toBe('阿克苏地区对口支援日程');
  });

  it('escapes the calendar name so a line break cannot inject a property', () => {
    const calendar = parse(buildFeed([], { calendarName: 'A, B\nX-INJECTED:1' }));
    expect(calendar.getFirstProperty('x-injected')).toBeNull();
    // ical.js hands back X- properties without unescaping them.
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('A\\, B\\nX-INJECTED:1');
  });

  it.each([
    { refreshMinutes: undefined, seconds: 3600 },
    { refreshMinutes: 15, seconds: 900 },
    { refreshMinutes: 90, seconds: 5400 },
  ])('refreshMinutes $refreshMinutes → refresh hints of $seconds s', ({ refreshMinutes, seconds }) => {
    const ics = buildFeed([], { ...OPTIONS, ...(refreshMinutes === undefined ? {} : { refreshMinutes }) });
    const calendar = parse(ics);
    const interval = calendar.getFirstPropertyValue('refresh-interval');
    expect(ics).toContain('\r\nREFRESH-INTERVAL;VALUE=DURATION:P');
    expect(ICAL.Duration.fromString(String(interval)).toSeconds()).toBe(seconds);
    expect(ICAL.Duration.fromString(String(calendar.getFirstPropertyValue('x-published-ttl'))).toSeconds()).toBe(seconds);
  });

  it('uses CRLF line endings only', () => {
    const ics = buildFeed([event({ description: '第一行\n第二行' })], OPTIONS);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });
});

describe('determinism', () => {
  const events = [
    event({ uid: 'visit-3@visit-planner', startDate: '2027-05-01', endDate: '2027-05-03' }),
    event({ uid: 'reception-9@visit-planner', kind: 'reception', startDate: '2027-04-10', endDate: '2027-04-10' }),
    event({ uid: 'visit-2@visit-planner', startDate: '2027-04-10', endDate: '2027-04-12' }),
    event({ uid: 'visit-1@visit-planner', startDate: '2027-06-01', endDate: '2027-06-02' }),
  ];

  it('gives byte-identical output whatever the input order', () => {
    const reference = buildFeed(events, OPTIONS);
    for (const order of [[...events].reverse(), [events[2]!, events[0]!, events[3]!, events[1]!]]) {
      expect(buildFeed(order, OPTIONS)).toBe(reference);
    }
  });

  it('orders events by start date, then uid', () => {
    const uids = parse(buildFeed(events, OPTIONS))
      .getAllSubcomponents('vevent')
      .map((vevent) => vevent.getFirstPropertyValue('uid'));
    expect(uids).toEqual(['reception-9@visit-planner', 'visit-2@visit-planner', 'visit-3@visit-planner', 'visit-1@visit-planner']);
  });
});

describe('Chinese text and folding', () => {
  const summary =
    '杭州市人民政府办公厅对口支援工作领导小组考察团(18人)赴阿克苏地区温宿县、乌什县、柯坪县、阿瓦提县开展考察, 第二批; 含\\反斜杠';
  const description = '行程：温宿县→乌什县→柯坪县。\n联系人：办公室';
  const location = '新疆维吾尔自治区阿克苏地区阿克苏市（地委大院）';

  it('folds every line at 75 octets and unfolds back to the exact text', () => {
    const ics = buildFeed([event({ summary, description, location })], OPTIONS);
    const lines = ics.split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThanOrEqual(2);
    // Folding must not split a UTF-8 sequence, or the bytes would not decode back.
    expect(Buffer.from(ics, 'utf8').toString('utf8')).toBe(ics);

    const vevent = onlyEvent(ics);
    expect(vevent.getFirstPropertyValue('summary')).toBe(summary);
    expect(vevent.getFirstPropertyValue('description')).toBe(description);
    expect(vevent.getFirstPropertyValue('location')).toBe(location);
  });

  it('leaves out DESCRIPTION and LOCATION when not given', () => {
    const vevent = onlyEvent(buildFeed([event()], OPTIONS));
    expect(vevent.getFirstProperty('description')).toBeNull();
    expect(vevent.getFirstProperty('location')).toBeNull();
  });
});

it('builds a 5,000-event feed that parses to 5,000 VEVENTs', () => {
  const events = Array.from({ length: 5000 }, (_, i) =>
    event({
      uid: `visit-${i}@visit-planner`,
      startDate: `2027-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      endDate: `2027-${String((i % 12) + 1).padStart(2, '0')}-28`,
      summary: `杭州市考察团(${(i % 30) + 1}人)赴阿克苏地区`,
    }),
  );
  const vevents = parse(buildFeed(events, OPTIONS)).getAllSubcomponents('vevent');
  expect(vevents).toHaveLength(5000);
  expect(new Set(vevents.map((vevent) => vevent.getFirstPropertyValue('uid'))).size).toBe(5000);
});

describe('rejects records that are caller bugs', () => {
  it.each([
    ['a reversed range', [event({ startDate: '2027-04-02', endDate: '2027-03-30' })], {}],
    ['an impossible day', [event({ endDate: '2027-02-30' })], {}],
    ['a duplicate uid', [event(), event({ startDate: '2027-05-01', endDate: '2027-05-01' })], {}],
    ['a non-positive refresh', [event()], { refreshMinutes: 0 }],
    ['a url with a line break', [event()], { url: 'https://x.test/cal\r\nX-EVIL:1' }],
  ])('%s', (_name, events, extra) => {
    expect(() => buildFeed(events, { ...OPTIONS, ...extra })).toThrow(RangeError);
  });
});

describe('summaries', () => {
  it.each([
    [visitSummary({ unitName: '杭州市', kind: 'inspection', headcount: 8, regionName: '阿克苏地区' }), '杭州市考察团(8人)赴阿克苏地区'],
    [visitSummary({ unitName: '杭州市', kind: 'condolence', headcount: 8, regionName: '阿克苏地区' }), '杭州市慰问团(8人)赴阿克苏地区'],
    [
      visitSummary({ unitName: '宁波市', kindLabel: '调研组', kind: 'inspection', headcount: 3, regionName: '库车市' }),
      '宁波市调研组(3人)赴库车市',
    ],
    [receptionSummary({ hostUnitName: '杭州市', regionName: '阿克苏地区', guestCount: 6 }), '杭州市接待阿克苏地区来访(6人)'],
  ])('%s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});
