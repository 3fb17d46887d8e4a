// No page runs a query per row: every list page and API list runs the same number of SQL
// statements for a page of 5 records as for a page of 50, and for 11 units as for 23 (names,
// counts, caps and balance warnings included), counted on their way to the database file
// (test/helpers/statement-counter.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../src/db/schema.js';
import { createTestApp, FIXED_NOW, type TestContext } from '../helpers/app.js';
import { call, loginAdmin } from '../helpers/api.js';
import { type StatementCounter, statementCounter } from '../helpers/statement-counter.js';
import { createWebUser, webLogin, type WebSession } from '../helpers/web.js';
import { ADMIN } from '../helpers/app.js';

let ctx: TestContext;
let counter: StatementCounter;
let adminToken: string;
let office: WebSession;
let hq: WebSession;
let unit: WebSession;

const REGIONS = ['aksu', 'alar', 'nagqu', 'haixi'] as const;
const STATUSES = ['submitted', 'coordinated', 'approved'] as const;
const at = FIXED_NOW.toISOString();

/** Visits i in [from, to): every region, both kinds, counted statuses, March of 2027 and 2028. */
function insertVisits(from: number, to: number) {
  return ctx.database.db.insert(schema.visits).values(
    Array.from({ length: to - from }, (_, n) => {
      const i = from + n;
      const year = i % 5 === 0 ? 2028 : 2027;
      const start = `${year}-03-${String(1 + (i % 25)).padStart(2, '0')}`;
      const condolence = i % 2 === 0;
      return {
        id: `page-visit-${String(i).padStart(4, '0')}`,
        unitId: i % 7 === 0 ? 'ningbo' : 'hangzhou',
        regionId: REGIONS[i % REGIONS.length]!,
        kind: condolence ? ('condolence' as const) : ('inspection' as const),
        startDate: start,
        endDate: start.replace(/-(\d\d)$/, (_m, d: string) => `-${String(Number(d) + 2).padStart(2, '0')}`),
        year,
        headcount: 3 + (i % 5),
        leaderName: `带队${i}`,
        purpose: '考察援建项目',
        cadresVisited: condolence ? 2 : null,
        consolationYuan: condolence ? 1000 * (1 + (i % 9)) : null,
        status: STATUSES[i % STATUSES.length]!,
        coordinationOpinion: i % 3 === 0 ? null : '同意',
        lastOpId: `op-${i}`,
        createdBy: 'seed',
        createdAt: at,
        updatedAt: at,
      };
    }),
  );
}

function insertReceptions(from: number, to: number) {
  return ctx.database.db.insert(schema.receptions).values(
    Array.from({ length: to - from }, (_, n) => {
      const i = from + n;
      const start = `2027-03-${String(1 + (i % 25)).padStart(2, '0')}`;
      return {
        id: `page-reception-${String(i).padStart(4, '0')}`,
        hostUnitId: 'hangzhou',
        regionId: 'aksu',
        officialLetterRef: `阿地委函〔2027〕${i}号`,
        startDate: start,
        endDate: start,
        guestCount: 2,
        leadRank: 'county' as const,
        guestsJson: JSON.stringify([
          { name: '甲', title: '处长', rank: 'county' },
          { name: '乙', title: '科长', rank: 'other' },
        ]),
        workMealJson: JSON.stringify({ date: start, accompanyCount: 2, costPerPersonYuan: 80 }),
        lodgingJson: '[]',
        activitiesJson: '[]',
        status: 'submitted' as const,
        lastOpId: `rop-${i}`,
        createdBy: 'seed',
        createdAt: at,
        updatedAt: at,
      };
    }),
  );
}

function insertPlanRequests(from: number, to: number) {
  return ctx.database.db.insert(schema.planRequests).values(
    Array.from({ length: to - from }, (_, n) => {
      const i = from + n;
      return {
        id: `page-request-${String(i).padStart(4, '0')}`,
        year: 2027,
        unitId: 'hangzhou',
        regionId: REGIONS[i % REGIONS.length]!,
        kind: 'inspection' as const,
        days: 3,
        headcount: 4,
        earliest: '2027-05-01',
        latest: '2027-09-30',
        preferredStart: null,
        priority: 2,
        leaderName: '张三',
        purpose: '考察',
        status: 'open' as const,
        visitId: null,
        createdBy: 'seed',
        createdAt: at,
        updatedAt: at,
      };
    }),
  );
}

/** Accounts i in [from, to): units, HQs and office staff, for the account list. */
function insertAccounts(from: number, to: number) {
  return ctx.database.db.insert(schema.users).values(
    Array.from({ length: to - from }, (_, n) => {
      const i = from + n;
      const role = (['unit', 'hq', 'office'] as const)[i % 3]!;
      return {
        id: `page-user-${String(i).padStart(4, '0')}`,
        email: `staff${i}@example.gov.cn`,
        passwordHash: 'not-a-hash',
        role,
        unitId: role === 'unit' ? 'ningbo' : null,
        regionId: role === 'hq' ? REGIONS[i % REGIONS.length]! : null,
        displayName: `工作人员${i}`,
        createdAt: at,
      };
    }),
  );
}

/** History rows i in [from, to) of the record page's visit, by different accounts. */
function insertHistory(from: number, to: number) {
  return ctx.database.db.insert(schema.auditLog).values(
    Array.from({ length: to - from }, (_, n) => {
      const i = from + n;
      return {
        entity: 'visit',
        entityId: 'page-visit-0001',
        at,
        actorId: `page-user-${String(i % 40).padStart(4, '0')}`,
        action: i % 2 ? 'edit' : 'coordinate',
        fromStatus: 'submitted',
        toStatus: i % 2 ? 'submitted' : 'coordinated',
        note: `第 ${i} 次修改`,
      };
    }),
  );
}

/** Bookings through the API and the HQ's answers: each leaves notifications in the office's inbox. */
async function bookAndCoordinate(count: number, hqToken: string, offset: number) {
  for (let i = 0; i < count; i++) {
    const day = String(1 + ((offset + i) % 28)).padStart(2, '0');
    const body = {
      unitId: 'lishui',
      regionId: 'aksu',
      kind: 'inspection',
      startDate: `2027-06-${day}`,
      endDate: `2027-06-${day}`,
      headcount: 2,
      leaderName: `领队${offset + i}`,
      purpose: '考察',
    };
    const booked = await call(ctx, 'POST', '/api/v1/visits', { token: adminToken, body });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const answered = await call(ctx, 'POST', `/api/v1/visits/${booked.body.id}/coordinate`, { token: hqToken, body: { agree: true } });
    expect(answered.status).toBe(200);
  }
}

type Viewer = 'office' | 'hq' | 'unit' | 'api';

const PAGES: [Viewer, string][] = [
  ['office', '/office'],
  ['office', '/office/visits'],
  ['office', '/office/visits?status=submitted,coordinated&kind=condolence&q=考察'],
  ['office', '/office/calendar?month=2027-03'],
  ['office', '/office/receptions'],
  ['office', '/office/reports/monthly?month=2027-03'],
  ['office', '/office/reports/balance?year=2027'],
  ['office', '/office/reports/usage?year=2027'],
  ['office', '/office/plan?year=2027'],
  ['office', '/office/plan/requests?year=2027'],
  ['office', '/office/settings/caps?year=2027'],
  ['office', '/office/accounts'],
  ['office', '/inbox'],
  ['office', '/visits/page-visit-0001'],
  ['hq', '/hq'],
  ['hq', '/hq/calendar?month=2027-03'],
  ['unit', '/unit'],
  ['unit', '/unit/visits?year=2027'],
  ['unit', '/unit/receptions?year=2027'],
  ['api', '/api/v1/visits'],
  ['api', '/api/v1/visits?status=submitted,coordinated,approved&from=2027-03-01&to=2027-03-31'],
  ['api', '/api/v1/receptions'],
  ['api', '/api/v1/plans/2027/requests'],
  ['api', '/api/v1/reports/monthly?month=2027-03'],
  ['api', '/api/v1/reports/balance?year=2027'],
  ['api', '/api/v1/users'],
  ['api', '/api/v1/notifications'],
];

function headersFor(viewer: Viewer): Record<string, string> {
  if (viewer === 'api') return { authorization: `Bearer ${adminToken}` };
  const session = { office, hq, unit }[viewer];
  return { cookie: session.cookie, accept: 'text/html' };
}

async function measureAll(): Promise<Map<string, { statements: number; bytes: number }>> {
  const measured = new Map<string, { statements: number; bytes: number }>();
  for (const [viewer, path] of PAGES) {
    const res = await counter.count(path, headersFor(viewer));
    expect(res.status, `${viewer} ${path}`).toBe(200);
    measured.set(`${viewer} ${path}`, { statements: res.statements, bytes: res.body.length });
  }
  return measured;
}

let few: Map<string, { statements: number; bytes: number }>;
let many: Map<string, { statements: number; bytes: number }>;

beforeAll(async () => {
  ctx = await createTestApp();
  adminToken = await loginAdmin(ctx);
  office = await webLogin(ctx, ADMIN.email, ADMIN.password);
  const hqAccount = await createWebUser(ctx, adminToken, { role: 'hq', regionId: 'aksu' });
  hq = hqAccount.web;
  unit = (await createWebUser(ctx, adminToken, { role: 'unit', unitId: 'hangzhou' })).web;
  // A roster, so condolence visits have a balance to be out of (and warnings to show).
  for (const year of [2027, 2028]) {
    const entries = REGIONS.flatMap((regionId) => [
      { unitId: 'hangzhou', regionId, count: 2 },
      { unitId: 'ningbo', regionId, count: 3 },
      { unitId: 'lishui', regionId, count: 4 },
    ]);
    expect((await call(ctx, 'PUT', `/api/v1/cadres/${year}`, { token: adminToken, body: { entries } })).status).toBe(200);
  }
  // Room for the bookings that fill the inbox.
  const rules = { maxConcurrentDelegations: 100, minGapDays: 0, blackouts: [] };
  expect((await call(ctx, 'PUT', '/api/v1/regions/aksu/rules', { token: adminToken, body: rules })).status).toBe(200);
  const caps = { maxBatches: 500, maxHeadcountPerBatch: 20, maxPersonTrips: 5000 };
  expect((await call(ctx, 'PUT', '/api/v1/quotas/2027', { token: adminToken, body: caps })).status).toBe(200);
  counter = statementCounter(ctx);
  // A few records: every list shows about 5.
  await insertVisits(0, 20);
  await insertReceptions(0, 5);
  await insertPlanRequests(0, 5);
  await insertAccounts(0, 5);
  await insertHistory(0, 5);
  await bookAndCoordinate(3, hqAccount.token, 0);
  few = await measureAll();
  // Many more: every list shows a full page of 50, and there are more units (departments) to name.
  await ctx.database.db
    .insert(schema.units)
    .values(Array.from({ length: 12 }, (_, i) => ({ id: `dept-${i}`, name: `省直部门${i}`, kind: 'department' as const, createdAt: at })));
  await insertVisits(20, 400);
  await insertReceptions(5, 80);
  await insertPlanRequests(5, 80);
  await insertAccounts(5, 80);
  await insertHistory(5, 60);
  await bookAndCoordinate(30, hqAccount.token, 3);
  many = await measureAll();
});

describe('statements per page', () => {
  it.each(PAGES)('%s %s runs as many statements for 50 rows as for 5', (viewer, path) => {
    const key = `${viewer} ${path}`;
    const a = few.get(key)!;
    const b = many.get(key)!;
    // The page did show more: otherwise equal counts would prove nothing.
    expect(b.bytes, 'the fuller page is larger').toBeGreaterThan(a.bytes);
    expect(b.statements, `${key}: ${a.statements} statements with few rows, ${b.statements} with many`).toBe(a.statements);
    expect(b.statements).toBeLessThanOrEqual(20);
  });

  it('shows balance warnings on the queue pages (so their reads are among those counted)', async () => {
    const page = await counter.count('/office', headersFor('office'));
    expect(page.body).toContain('慰问');
    expect(page.body).toContain('慰问力度明显高于其他单位');
  });
});
