// What a feed must never say (money, guests' names), and receptions as calendar events.
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { call, createUserAndLogin, loginAdmin } from '../helpers/api.js';
import { guestList, guestsOf } from '../helpers/receptions.js';

let ctx: TestContext;
let office: string;
let taizhou: string;
let feedUrl: string;
let condolenceId: string;
let receptionId: string;

const GUEST = { name: '艾尔肯·吐尔逊', title: '副书记', rank: 'departmental' };
// Distinctive amounts, so finding the digits anywhere in a feed can only mean a leak.
const CONSOLATION_YUAN = 12_345;
const MEAL_YUAN = 45_678;
const LODGING_YUAN = 56_789;

async function fetchFeed(): Promise<{ text: string; unfolded: string; events: Map<string, ICAL.Component> }> {
  const res = await ctx.app.request(new URL(feedUrl).pathname);
  expect(res.status).toBe(200);
  const text = await res.text();
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = new Map(calendar.getAllSubcomponents('vevent').map((e) => [String(e.getFirstPropertyValue('uid')), e]));
  // Lines are folded at 75 octets; unfold so a leak split across two lines is still found.
  return { text, unfolded: text.replace(/\r\n[ \t]/g, ''), events };
}

const prop = (event: ICAL.Component | undefined, name: string) => String(event?.getFirstPropertyValue(name));

beforeAll(async () => {
  ctx = await createTestApp();
  office = await loginAdmin(ctx);
  taizhou = (await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'taizhou' })).token;
  const standards = await call(ctx, 'PUT', '/api/v1/standards/reception', {
    token: office,
    body: {
      workMealPerPersonYuan: 99_999,
      lodgingPerNightYuan: { provincial: 99_999, departmental: 99_999, county: 99_999, other: 99_999 },
    },
  });
  expect(standards.status).toBe(200);

  const condolence = await call(ctx, 'POST', '/api/v1/visits', {
    token: taizhou,
    body: {
      regionId: 'alar',
      kind: 'condolence',
      startDate: '2027-06-01',
      endDate: '2027-06-03',
      headcount: 6,
      leaderName: '李四',
      purpose: '慰问援疆干部',
      cadresVisited: 3,
      consolationYuan: CONSOLATION_YUAN,
    },
  });
  expect(condolence.status).toBe(201);
  condolenceId = condolence.body.id;

  const hosted = await call(ctx, 'POST', '/api/v1/receptions', {
    token: taizhou,
    body: {
      regionId: 'aksu',
      officialLetterRef: '阿地委函〔2027〕12号',
      startDate: '2027-05-10',
      endDate: '2027-05-11',
      guestCount: 4,
      leadRank: 'departmental',
      guests: [GUEST, ...guestsOf(3, 'departmental')],
      workMeal: { date: '2027-05-10', accompanyCount: 3, costPerPersonYuan: MEAL_YUAN },
      lodging: [{ rank: 'departmental', rooms: 2, nights: 2, ratePerNightYuan: LODGING_YUAN }],
      activities: [{ date: '2027-05-11', description: '产业合作座谈', place: '市政府' }],
      venue: '台州国际大酒店',
    },
  });
  expect(hosted.status).toBe(201);
  receptionId = hosted.body.id;

  const feed = await call(ctx, 'POST', '/api/v1/feeds', { token: taizhou, body: { scope: 'unit' } });
  expect(feed.status).toBe(201);
  feedUrl = feed.body.url;
});

describe('no money and no guest names', () => {
  it('leaves out the consolation amount, meal and lodging costs and the guest, before and after approval', async () => {
    const check = async () => {
      const { unfolded, events } = await fetchFeed();
      expect(events.has(`visit-${condolenceId}@visit-planner`) && events.has(`reception-${receptionId}@visit-planner`)).toBe(true);
      for (const secret of [String(CONSOLATION_YUAN), String(MEAL_YUAN), String(LODGING_YUAN), GUEST.name, '艾尔肯', '吐尔逊']) {
        expect(unfolded, secret).not.toContain(secret);
      }
      expect(unfolded).not.toMatch(/元|¥|yuan/i);
      return events;
    };
    await check();
    expect((await call(ctx, 'POST', `/api/v1/receptions/${receptionId}/approve`, { token: office })).status).toBe(200);
    await check();
  });

  it('still says who, what, how many and where', async () => {
    const { events } = await fetchFeed();
    const condolence = events.get(`visit-${condolenceId}@visit-planner`);
    expect(prop(condolence, 'summary')).toBe('台州市慰问团(6人)赴兵团第一师阿拉尔市');
    expect(prop(condolence, 'description')).toContain('带队:李四');
    expect(prop(condolence, 'description')).toContain('事由:慰问援疆干部');
    expect(prop(condolence, 'description')).toContain('状态:');
    const hosted = events.get(`reception-${receptionId}@visit-planner`);
    expect(prop(hosted, 'summary')).toBe('台州市接待阿克苏地区来访(4人)');
    expect(prop(hosted, 'location')).toBe('台州国际大酒店');
  });
});

describe('receptions as events', () => {
  it('follows submit, approve and cancel as TENTATIVE, CONFIRMED, CANCELLED with rising SEQUENCE, same UID and days', async () => {
    const res = await call(ctx, 'POST', '/api/v1/receptions', {
      token: taizhou,
      body: {
        regionId: 'nagqu',
        officialLetterRef: '那委函〔2027〕3号',
        startDate: '2027-07-01',
        endDate: '2027-07-02',
        leadRank: 'county',
        ...guestList(2),
      },
    });
    expect(res.status).toBe(201);
    const uid = `reception-${res.body.id}@visit-planner`;
    const read = async () => {
      const event = (await fetchFeed()).events.get(uid);
      expect(event, uid).toBeDefined();
      const start = event!.getFirstPropertyValue('dtstart') as ICAL.Time;
      const end = event!.getFirstPropertyValue('dtend') as ICAL.Time;
      expect([start.isDate, end.isDate]).toEqual([true, true]);
      // Exclusive DTEND: the reception's last day is the 2nd.
      expect([start.toString(), end.toString()]).toEqual(['2027-07-01', '2027-07-03']);
      // No venue: the host unit is where it happens.
      expect(prop(event, 'location')).toBe('台州市');
      return [prop(event, 'status'), Number(event!.getFirstPropertyValue('sequence'))];
    };
    expect(await read()).toEqual(['TENTATIVE', 0]);
    expect((await call(ctx, 'POST', `/api/v1/receptions/${res.body.id}/approve`, { token: office })).status).toBe(200);
    expect(await read()).toEqual(['CONFIRMED', 1]);
    expect((await call(ctx, 'POST', `/api/v1/receptions/${res.body.id}/cancel`, { token: taizhou, body: {} })).status).toBe(200);
    expect(await read()).toEqual(['CANCELLED', 2]);
  });
});
