// A calendar feed served by the Worker, parsed with ical.js, and compared with what the Node
// server answers for the same rows: same dates, UIDs, statuses and the very same bytes.
import ICAL from 'ical.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { nodeMirror, type NodeMirror } from './helpers/node-mirror.js';
import type { EdgeSuite } from './helpers/suite.js';
import { day, visitBody, YEAR } from './helpers/visits.js';

interface ListedVisit {
  id: string;
  status: string;
  sequence: number;
  startDate: string;
  endDate: string;
}

const FEED_STATUS: Record<string, string> = {
  submitted: 'TENTATIVE',
  coordinated: 'TENTATIVE',
  approved: 'CONFIRMED',
  rejected: 'CANCELLED',
  withdrawn: 'CANCELLED',
  cancelled: 'CANCELLED',
};

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export function feedChecks(edge: EdgeSuite): void {
  let feedPath: string;
  let workerFeed: { text: string; etag: string | null; type: string | null };
  let mirror: NodeMirror | undefined;

  beforeAll(async () => {
    if (edge.startError !== undefined) return; // the checks below then fail with it
    const office = edge.adminToken;
    // One of each kind of status in the region, a reception among them.
    const unit = (await edge.http.createUser(office, { role: 'unit', unitId: 'lishui' })).token;
    const hq = (await edge.http.createUser(office, { role: 'hq', regionId: 'haixi' })).token;
    const booked = await edge.http.call('POST', '/api/v1/visits', {
      token: unit,
      body: visitBody({ regionId: 'haixi', startDate: day('12-30'), endDate: day('01-02', YEAR + 1) }),
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    await edge.http.call('POST', `/api/v1/visits/${booked.body.id}/coordinate`, { token: hq, body: { opinion: '同意', agree: true } });
    expect((await edge.http.call('POST', `/api/v1/visits/${booked.body.id}/approve`, { token: office })).body.status).toBe('approved');
    const reception = {
      regionId: 'haixi',
      officialLetterRef: '海西州委函〔2027〕8号',
      startDate: day('05-10'),
      endDate: day('05-11'),
      guestCount: 4,
      leadRank: 'departmental',
      guests: [1, 2, 3, 4].map((i) => ({ name: `来宾${i}`, title: '干部', rank: 'departmental' })),
    };
    const hosted = await edge.http.call('POST', '/api/v1/receptions', { token: unit, body: reception });
    expect(hosted.status, JSON.stringify(hosted.body)).toBe(201);

    const created = await edge.http.call('POST', '/api/v1/feeds', { token: hq, body: { scope: 'region', regionId: 'haixi' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    feedPath = new URL(created.body.url).pathname;
    const res = await fetch(`${edge.baseUrl}${feedPath}`);
    expect(res.status).toBe(200);
    workerFeed = { text: await res.text(), etag: res.headers.get('etag'), type: res.headers.get('content-type') };
  });

  afterAll(() => mirror?.dispose());

  it('serves text/calendar with a strong ETag, and 304 for If-None-Match', async () => {
    expect(workerFeed.type).toBe('text/calendar; charset=utf-8');
    expect(workerFeed.etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await fetch(`${edge.baseUrl}${feedPath}`, { headers: { 'if-none-match': workerFeed.etag ?? '' } });
    expect(again.status).toBe(304);
  });

  it("holds one all-day VEVENT per visit of the region, with the visit's UID, dates, SEQUENCE and STATUS", async () => {
    const listed = await edge.http.call<{ items: ListedVisit[] }>('GET', `/api/v1/visits?regionId=haixi`, { token: edge.adminToken });
    const events = new ICAL.Component(ICAL.parse(workerFeed.text)).getAllSubcomponents('vevent');
    const byUid = new Map(events.map((e) => [String(e.getFirstPropertyValue('uid')), e]));
    expect(listed.body.items.length).toBeGreaterThanOrEqual(5);
    expect(new Set(listed.body.items.map((v) => FEED_STATUS[v.status]))).toEqual(new Set(['TENTATIVE', 'CONFIRMED', 'CANCELLED']));
    for (const visit of listed.body.items) {
      const event = byUid.get(`visit-${visit.id}@visit-planner`);
      expect(event, `visit ${visit.id} in the feed`).toBeDefined();
      const start = event!.getFirstPropertyValue('dtstart') as ICAL.Time;
      const end = event!.getFirstPropertyValue('dtend') as ICAL.Time;
      expect([start.isDate, end.isDate]).toEqual([true, true]);
      expect([start.toString(), end.toString()]).toEqual([visit.startDate, nextDay(visit.endDate)]);
      expect(Number(event!.getFirstPropertyValue('sequence'))).toBe(visit.sequence);
      expect(String(event!.getFirstPropertyValue('status'))).toBe(FEED_STATUS[visit.status]);
    }
    expect(events.filter((e) => String(e.getFirstPropertyValue('uid')).startsWith('reception-'))).toHaveLength(1);
  });

  it('is byte for byte what the Node server serves for the same rows', async () => {
    mirror = await nodeMirror((statements) => edge.stored(statements));
    const res = await mirror.app.request(feedPath);
    expect(res.status).toBe(200);
    const nodeText = await res.text();
    expect(nodeText).toBe(workerFeed.text);
    expect(res.headers.get('etag')).toBe(workerFeed.etag);
  });
}
