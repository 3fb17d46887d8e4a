// What a subscriber receives: every feed parsed with ical.js, checked against the records the API
// reports, through a visit's life and across scopes.
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { call, createUserAndLogin, loginAdmin } from '../helpers/api.js';
import { visitBody } from '../helpers/visits.js';
import { guestList } from '../helpers/receptions.js';

let ctx: TestContext;
let office: string;
let hqAksu: string;

interface Feed {
  status: number;
  text: string;
  headers: Headers;
  calendar: ICAL.Component;
  events: Map<string, ICAL.Component>;
}

async function fetchFeed(url: string, headers: Record<string, string> = {}): Promise<Feed> {
  const res = await ctx.app.request(new URL(url).pathname, { headers });
  const text = await res.text();
  if (res.status !== 200)
    return { status: res.status, text, headers: res.headers, calendar: new ICAL.Component('vcalendar'), events: new Map() };
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = new Map(calendar.getAllSubcomponents('vevent').map((e) => [String(e.getFirstPropertyValue('uid')), e]));
  return { status: res.status, text, headers: res.headers, calendar, events };
}

async function newFeedUrl(token: string, body: Record<string, unknown>): Promise<string> {
  const res = await call(ctx, 'POST', '/api/v1/feeds', { token, body });
  expect(res.status).toBe(201);
  return res.body.url;
}

function time(event: ICAL.Component, name: string): ICAL.Time {
  const value = event.getFirstPropertyValue(name);
  if (!(value instanceof ICAL.Time)) throw new Error(`${name} is not a time`);
  return value;
}

/** The event's all-day range as [DTSTART, DTEND]; fails on a timed value. */
function days(event: ICAL.Component): [string, string] {
  const start = time(event, 'dtstart');
  const end = time(event, 'dtend');
  expect([start.isDate, end.isDate]).toEqual([true, true]);
  return [start.toString(), end.toString()];
}

const prop = (event: ICAL.Component | undefined, name: string) => String(event?.getFirstPropertyValue(name));
const visitUid = (id: string) => `visit-${id}@visit-planner`;
const receptionUid = (id: string) => `reception-${id}@visit-planner`;

const visit = (over: Record<string, unknown> = {}) => visitBody({ headcount: 5, leaderTitle: '副市长', ...over });

const reception = (over: Record<string, unknown> = {}) => ({
  regionId: 'aksu',
  officialLetterRef: '阿地委函〔2027〕12号',
  startDate: '2027-05-10',
  endDate: '2027-05-11',
  leadRank: 'departmental',
  ...guestList(4, 'departmental'),
  ...over,
});

beforeAll(async () => {
  ctx = await createTestApp();
  office = await loginAdmin(ctx);
  hqAksu = (await createUserAndLogin(ctx, office, { role: 'hq', regionId: 'aksu' })).token;
  await call(ctx, 'PUT', '/api/v1/quotas/2027', { token: office, body: { maxBatches: 20, maxHeadcountPerBatch: 30, maxPersonTrips: 200 } });
  // Standards far above the amounts used below, so no test depends on the shipped placeholders.
  const standards = await call(ctx, 'PUT', '/api/v1/standards/reception', {
    token: office,
    body: {
      workMealPerPersonYuan: 99_999,
      lodgingPerNightYuan: { provincial: 99_999, departmental: 99_999, county: 99_999, other: 99_999 },
    },
  });
  expect(standards.status).toBe(200);
});

describe('a visit through its life, in the HQ feed', () => {
  it('follows create, edit, coordinate, approve and cancel with SEQUENCE, STATUS and dates', async () => {
    const unit = (await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'hangzhou' })).token;
    const url = await newFeedUrl(hqAksu, { scope: 'region' });
    // Each step an hour later (within the 12-hour sessions), so LAST-MODIFIED must follow the record.
    ctx.setNow(new Date('2027-01-10T03:00:00.000Z'));
    const created = await call(ctx, 'POST', '/api/v1/visits', { token: unit, body: visit() });
    expect(created.status).toBe(201);
    const uid = visitUid(created.body.id);

    const expectEvent = async (expected: { sequence: number; status: string; dates: [string, string]; updatedAt: string }) => {
      const feed = await fetchFeed(url);
      expect(feed.status).toBe(200);
      const event = feed.events.get(uid);
      expect(event, `${uid} in feed`).toBeDefined();
      expect(days(event!)).toEqual(expected.dates);
      expect(Number(event!.getFirstPropertyValue('sequence'))).toBe(expected.sequence);
      expect(prop(event, 'status')).toBe(expected.status);
      expect(time(event!, 'last-modified').toJSDate().toISOString()).toBe(expected.updatedAt);
      expect(time(event!, 'dtstamp').toJSDate().toISOString()).toBe(expected.updatedAt);
      return { feed, event: event! };
    };

    const first = await expectEvent({
      sequence: 0,
      status: 'TENTATIVE',
      dates: ['2027-03-01', '2027-03-04'],
      updatedAt: '2027-01-10T03:00:00.000Z',
    });
    expect(first.feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(first.feed.headers.get('cache-control')).toMatch(/^private\b/);
    expect(first.feed.headers.get('referrer-policy')).toBe('no-referrer');
    expect(first.feed.headers.get('etag')).toMatch(/^"[0-9a-f]{64}"$/);
    expect(first.feed.text).toContain('\r\nDTSTART;VALUE=DATE:20270301\r\n');
    expect(prop(first.feed.calendar, 'x-wr-calname')).toBe('对口支援考察慰问 · 阿克苏地区');
    expect(prop(first.event, 'summary')).toBe('杭州市考察团(5人)赴阿克苏地区');
    expect(prop(first.event, 'description')).toContain('带队:张三(副市长)');

    ctx.setNow(new Date('2027-01-10T04:00:00.000Z'));
    const edited = await call(ctx, 'PATCH', `/api/v1/visits/${created.body.id}`, {
      token: unit,
      body: { startDate: '2027-03-05', endDate: '2027-03-08' },
    });
    expect(edited.status).toBe(200);
    const afterEdit = await expectEvent({
      sequence: 1,
      status: 'TENTATIVE',
      dates: ['2027-03-05', '2027-03-09'],
      updatedAt: '2027-01-10T04:00:00.000Z',
    });
    expect([...afterEdit.feed.events.keys()].filter((k) => k === uid)).toHaveLength(1);

    ctx.setNow(new Date('2027-01-10T05:00:00.000Z'));
    const coordinated = await call(ctx, 'POST', `/api/v1/visits/${created.body.id}/coordinate`, {
      token: hqAksu,
      body: { opinion: '同意', agree: true },
    });
    expect(coordinated.status).toBe(200);
    await expectEvent({ sequence: 2, status: 'TENTATIVE', dates: ['2027-03-05', '2027-03-09'], updatedAt: '2027-01-10T05:00:00.000Z' });

    ctx.setNow(new Date('2027-01-10T06:00:00.000Z'));
    expect((await call(ctx, 'POST', `/api/v1/visits/${created.body.id}/approve`, { token: office })).status).toBe(200);
    await expectEvent({ sequence: 3, status: 'CONFIRMED', dates: ['2027-03-05', '2027-03-09'], updatedAt: '2027-01-10T06:00:00.000Z' });

    ctx.setNow(new Date('2027-01-10T07:00:00.000Z'));
    expect(
      (await call(ctx, 'POST', `/api/v1/visits/${created.body.id}/cancel`, { token: unit, body: { reason: '行程调整' } })).status,
    ).toBe(200);
    await expectEvent({ sequence: 4, status: 'CANCELLED', dates: ['2027-03-05', '2027-03-09'], updatedAt: '2027-01-10T07:00:00.000Z' });
    ctx.setNow(new Date('2027-01-10T02:00:00.000Z'));
  });
});

describe('scopes', () => {
  let shaoxing: string;
  let jinhua: string;

  beforeAll(async () => {
    shaoxing = (await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'shaoxing' })).token;
    jinhua = (await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'jinhua' })).token;
    const booked = await Promise.all([
      call(ctx, 'POST', '/api/v1/visits', { token: shaoxing, body: visit({ startDate: '2027-04-01', endDate: '2027-04-02' }) }),
      call(ctx, 'POST', '/api/v1/visits', {
        token: shaoxing,
        body: visit({ regionId: 'nagqu', startDate: '2027-04-10', endDate: '2027-04-11' }),
      }),
      call(ctx, 'POST', '/api/v1/visits', { token: jinhua, body: visit({ startDate: '2027-04-20', endDate: '2027-04-21' }) }),
      call(ctx, 'POST', '/api/v1/receptions', { token: shaoxing, body: reception({ regionId: 'haixi' }) }),
      call(ctx, 'POST', '/api/v1/receptions', { token: jinhua, body: reception() }),
    ]);
    expect(booked.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
  });

  /** The UIDs the API itself reports for a filter, as the oracle for a feed's contents. */
  async function expectedUids(visitQuery: string, receptionQuery: string): Promise<string[]> {
    const [v, r] = await Promise.all([
      call(ctx, 'GET', `/api/v1/visits${visitQuery}`, { token: office }),
      call(ctx, 'GET', `/api/v1/receptions${receptionQuery}`, { token: office }),
    ]);
    return [
      ...v.body.items.map((x: { id: string }) => visitUid(x.id)),
      ...r.body.items.map((x: { id: string }) => receptionUid(x.id)),
    ].sort();
  }

  it("shows an HQ its region's visits and receptions only", async () => {
    const feed = await fetchFeed(await newFeedUrl(hqAksu, { scope: 'region' }));
    const expected = await expectedUids('?regionId=aksu', '?regionId=aksu');
    expect([...feed.events.keys()].sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    for (const event of feed.events.values()) expect(prop(event, 'summary')).toContain('阿克苏地区');
  });

  it('shows a unit its own visits and the receptions it hosts only', async () => {
    const feed = await fetchFeed(await newFeedUrl(shaoxing, { scope: 'unit' }));
    expect([...feed.events.keys()].sort()).toEqual(await expectedUids('?unitId=shaoxing', '?hostUnitId=shaoxing'));
    expect(feed.events.size).toBe(3);
    expect(prop(feed.calendar, 'x-wr-calname')).toBe('对口支援考察慰问 · 绍兴市');
    const summaries = [...feed.events.values()].map((e) => prop(e, 'summary')).sort();
    expect(summaries).toEqual(['绍兴市接待海西州来访(4人)', '绍兴市考察团(5人)赴那曲市', '绍兴市考察团(5人)赴阿克苏地区'].sort());
  });

  it("shows the office's all-scope feed everything", async () => {
    const feed = await fetchFeed(await newFeedUrl(office, { scope: 'all' }));
    expect([...feed.events.keys()].sort()).toEqual(await expectedUids('', ''));
    expect(prop(feed.calendar, 'x-wr-calname')).toBe('对口支援考察慰问 · 全部');
  });
});
