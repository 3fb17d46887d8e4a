// Authorization matrix: every /api/v1 route (and the public feed) × every kind of caller, with
// the expected outcome written once, in MATRIX below. The record each row acts on is a visit
// or reception of unit `hangzhou` in region `aksu` (or that unit's caps, feed, …), made fresh
// for each cell whose call changes it, so only authorization decides the outcome.
//   office     the provincial support office
//   hqOwn      the HQ of the record's region (aksu)
//   hqOther    the HQ of another region (nagqu)
//   owner      the record's unit (hangzhou)
//   otherUnit  another unit (ningbo)
//   anon       no credentials
// Outcomes: an HTTP status, or for lists `lists` / `omits` (200, with or without the record).
// What each role may see (issue: an HQ read every unit's quotas and usage; the roster and the
// reports were not narrowed by the matrix): caps and usage are the office's and each unit's own
// business, so an HQ gets 403 on a unit's caps, the usage report and a slot search with a unit's
// caps (it searches with the region's rules alone). An HQ sees its region's visits, receptions,
// roster entries and balance; a unit its own records, roster entries and balance rows (with the
// region medians). SCOPES below checks every list answer holds nothing outside that.
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, type TestContext } from '../helpers/app.js';
import { call, createUserAndLogin, login, loginAdmin, USER_PASSWORD } from '../helpers/api.js';
import { PDF } from '../helpers/documents.js';
import { documentForm, upload } from '../helpers/multipart.js';
import { guestList } from '../helpers/receptions.js';

type Role = 'office' | 'hqOwn' | 'hqOther' | 'owner' | 'otherUnit' | 'anon';
type Outcome = number | 'lists' | 'omits';
const ROLES: Role[] = ['office', 'hqOwn', 'hqOther', 'owner', 'otherUnit', 'anon'];

// prettier-ignore
const MATRIX: [route: string, office: Outcome, hqOwn: Outcome, hqOther: Outcome, owner: Outcome, otherUnit: Outcome, anon: Outcome][] = [
  // route                                               office   hqOwn    hqOther  owner    otherUnit anon
  ['POST /api/v1/auth/login', 200, 200, 200, 200, 200, 200],
  ['POST /api/v1/auth/logout', 204, 204, 204, 204, 204, 401],
  ['POST /api/v1/users', 201, 403, 403, 403, 403, 401],
  ['GET /api/v1/users', 'lists', 403, 403, 403, 403, 401],
  ['GET /api/v1/users/{id}', 200, 403, 403, 403, 403, 401],
  ['PATCH /api/v1/users/{id}', 200, 403, 403, 403, 403, 401],
  ['POST /api/v1/users/{id}/password', 204, 403, 403, 403, 403, 401],
  ['POST /api/v1/users/{id}/unlock', 204, 403, 403, 403, 403, 401],
  ['GET /api/v1/me', 200, 200, 200, 200, 200, 401],
  ['POST /api/v1/me/password', 204, 204, 204, 204, 204, 401],
  ['GET /api/v1/regions', 200, 200, 200, 200, 200, 401],
  ['PUT /api/v1/regions/{id}/rules', 200, 403, 403, 403, 403, 401],
  ['GET /api/v1/units', 200, 200, 200, 200, 200, 401],
  ['POST /api/v1/units', 201, 403, 403, 403, 403, 401],
  ['GET /api/v1/quotas/{year}', 200, 200, 200, 200, 200, 401],
  ['PUT /api/v1/quotas/{year}', 200, 403, 403, 403, 403, 401],
  ['PUT /api/v1/quotas/{year}/units/{unitId}', 200, 403, 403, 403, 403, 401],
  ['GET /api/v1/quotas/{year}/units/{unitId}', 200, 403, 403, 200, 404, 401],
  ['DELETE /api/v1/quotas/{year}/units/{unitId}', 200, 403, 403, 403, 403, 401],
  ['POST /api/v1/visits', 201, 403, 403, 201, 201, 401],
  ['GET /api/v1/visits', 'lists', 'lists', 'omits', 'lists', 'omits', 401],
  ['GET /api/v1/visits/{id}', 200, 200, 404, 200, 404, 401],
  ['PATCH /api/v1/visits/{id}', 200, 403, 404, 200, 404, 401],
  ['GET /api/v1/visits/{id}/history', 200, 200, 404, 200, 404, 401],
  ['POST /api/v1/visits/{id}/coordinate', 403, 200, 404, 403, 404, 401],
  ['POST /api/v1/visits/{id}/approve', 200, 403, 404, 403, 404, 401],
  ['POST /api/v1/visits/{id}/reject', 200, 403, 404, 403, 404, 401],
  ['POST /api/v1/visits/{id}/withdraw', 403, 403, 404, 200, 404, 401],
  ['POST /api/v1/visits/{id}/cancel', 200, 403, 404, 200, 404, 401],
  ['GET /api/v1/plan/slots', 200, 403, 403, 200, 403, 401],
  ['GET /api/v1/plan/slots (region rules only)', 200, 200, 200, 200, 200, 401],
  ['GET /api/v1/standards/reception', 200, 200, 200, 200, 200, 401],
  ['PUT /api/v1/standards/reception', 200, 403, 403, 403, 403, 401],
  ['POST /api/v1/receptions', 201, 403, 403, 201, 201, 401],
  ['GET /api/v1/receptions', 'lists', 'lists', 'omits', 'lists', 'omits', 401],
  ['GET /api/v1/receptions/{id}', 200, 200, 404, 200, 404, 401],
  ['POST /api/v1/receptions/{id}/approve', 200, 403, 404, 403, 404, 401],
  ['POST /api/v1/receptions/{id}/reject', 200, 403, 404, 403, 404, 401],
  ['POST /api/v1/receptions/{id}/cancel', 200, 403, 404, 200, 404, 401],
  ['GET /api/v1/receptions/{id}/history', 200, 200, 404, 200, 404, 401],
  ['GET /api/v1/receptions/{id}/list', 200, 200, 404, 200, 404, 401],
  ['PUT /api/v1/cadres/{year}', 200, 403, 403, 403, 403, 401],
  ['GET /api/v1/cadres/{year}', 'lists', 'lists', 'omits', 'lists', 'omits', 401],
  ['GET /api/v1/standards/balance', 200, 200, 200, 200, 200, 401],
  ['PUT /api/v1/standards/balance', 200, 403, 403, 403, 403, 401],
  ['GET /api/v1/reports/balance', 'lists', 'lists', 'omits', 'lists', 'omits', 401],
  ['GET /api/v1/reports/usage', 'lists', 403, 403, 'lists', 'omits', 401],
  ['GET /api/v1/reports/monthly', 'lists', 'lists', 'omits', 'lists', 'omits', 401],
  ['POST /api/v1/feeds (scope region aksu)', 201, 201, 403, 403, 403, 401],
  ['POST /api/v1/feeds (scope unit hangzhou)', 201, 403, 403, 201, 403, 401],
  ['POST /api/v1/feeds (scope all)', 201, 403, 403, 403, 403, 401],
  ['GET /api/v1/feeds', 'omits', 'omits', 'omits', 'lists', 'omits', 401],
  ['DELETE /api/v1/feeds/{id}', 404, 404, 404, 204, 404, 401],
  ['GET /cal/{token}.ics', 200, 200, 200, 200, 200, 200],
  ['POST /api/v1/plans/{year}/requests', 201, 403, 403, 201, 201, 401],
  ['GET /api/v1/plans/{year}/requests', 'lists', 'lists', 'omits', 'lists', 'omits', 401],
  ['POST /api/v1/plans/{year}/requests/{id}/withdraw', 200, 403, 404, 200, 404, 401],
  ['POST /api/v1/plans/{year}/solve', 201, 403, 403, 403, 403, 401],
  ['GET /api/v1/plans/{year}/proposals/{id}', 200, 403, 403, 403, 403, 401],
  ['POST /api/v1/plans/{year}/proposals/{id}/commit', 200, 403, 403, 403, 403, 401],
  ['POST /api/v1/visits/{id}/documents', 201, 403, 404, 201, 404, 401],
  ['GET /api/v1/visits/{id}/documents', 'lists', 'lists', 404, 'lists', 404, 404],
  ['POST /api/v1/receptions/{id}/documents', 201, 403, 404, 201, 404, 401],
  ['GET /api/v1/receptions/{id}/documents', 'lists', 'lists', 404, 'lists', 404, 404],
  ['GET /api/v1/documents/{docId}', 200, 200, 404, 200, 404, 404],
  ['POST /api/v1/documents/{docId}/withdraw', 200, 403, 404, 200, 404, 401],
  ['GET /api/v1/archive/{year}.zip', 200, 403, 403, 403, 403, 401],
  ['PATCH /api/v1/me', 200, 200, 200, 200, 200, 401],
  ['GET /api/v1/notifications', 'omits', 'lists', 'omits', 'omits', 'omits', 401],
  ['POST /api/v1/notifications/{id}/read', 404, 204, 404, 404, 404, 401],
  ['POST /api/v1/notifications/read-all', 204, 204, 204, 204, 204, 401],
  ['POST /api/v1/webhooks', 201, 403, 403, 403, 403, 401],
  ['GET /api/v1/webhooks', 200, 403, 403, 403, 403, 401],
  ['DELETE /api/v1/webhooks/{id}', 204, 403, 403, 403, 403, 401],
  ['GET /api/v1/webhooks/{id}/deliveries', 200, 403, 403, 403, 403, 401],
  ['POST /api/v1/webhooks/{id}/test', 200, 403, 403, 403, 403, 401],
];

const YEAR = '2027';
let ctx: TestContext;
const tokens = {} as Record<Exclude<Role, 'anon'>, string>;
const emails = {} as Record<Exclude<Role, 'anon'>, string>;
/** The owner unit's account: the record the account rows act on. */
let ownerAccountId = '';
const credentials = { email: 'login-probe@test.local', password: 'login-probe-password' };
let day = 0;

/** A fresh visit of hangzhou in aksu, moved to the state the call needs. */
async function newVisit(state: 'submitted' | 'coordinated' | 'approved'): Promise<string> {
  const date = new Date(Date.UTC(2027, 1, 1 + day++)).toISOString().slice(0, 10);
  const created = await call(ctx, 'POST', '/api/v1/visits', {
    token: tokens.office,
    body: {
      unitId: 'hangzhou',
      regionId: 'aksu',
      kind: 'inspection',
      startDate: date,
      endDate: date,
      headcount: 2,
      leaderName: '张三',
      purpose: '考察',
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  if (state !== 'submitted') {
    expect(
      (await call(ctx, 'POST', `/api/v1/visits/${id}/coordinate`, { token: tokens.hqOwn, body: { opinion: '同意', agree: true } })).status,
    ).toBe(200);
  }
  if (state === 'approved') expect((await call(ctx, 'POST', `/api/v1/visits/${id}/approve`, { token: tokens.office })).status).toBe(200);
  return id;
}

async function newReception(): Promise<string> {
  const created = await call(ctx, 'POST', '/api/v1/receptions', {
    token: tokens.office,
    body: {
      hostUnitId: 'hangzhou',
      regionId: 'aksu',
      officialLetterRef: '阿地委函〔2027〕7号',
      startDate: '2027-02-10',
      endDate: '2027-02-11',
      leadRank: 'county',
      ...guestList(4),
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id;
}

/** A webhook the office registers (https to a closed local port: nothing is ever delivered). */
async function newWebhook(): Promise<{ id: string }> {
  const created = await call(ctx, 'POST', '/api/v1/webhooks', {
    token: tokens.office,
    body: { url: 'https://127.0.0.1:9/hook', kind: 'generic', events: ['monthly.outlook'] },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { id: created.body.id };
}

/** A feed of the owner unit's own; returns its id and its public path. */
async function newOwnerFeed(): Promise<{ id: string; path: string }> {
  const created = await call(ctx, 'POST', '/api/v1/feeds', { token: tokens.owner, body: { scope: 'unit' } });
  expect(created.status).toBe(201);
  return { id: created.body.id, path: new URL(created.body.url).pathname };
}

interface Prepared {
  id?: string;
  path?: string;
}
interface Case {
  /** Runs before every cell when the call changes its record; else once. */
  prepare?: () => Promise<Prepared>;
  perCell?: boolean;
  /** The call ends the session it is made with: each role calls with a session of its own, fresh. */
  freshSession?: boolean;
  /** `upload`: a multipart document upload to `path` instead of a JSON body. */
  request: (p: Prepared, role: Role) => { method: string; path: string; body?: unknown; upload?: boolean };
  /** For list outcomes: is the record in the answer? */
  present?: (body: any, p: Prepared) => boolean;
}

/** The unit or region each role's account belongs to. */
const HOME: Record<Role, { unitId?: string; regionId?: string }> = {
  office: {},
  hqOwn: { regionId: 'aksu' },
  hqOther: { regionId: 'nagqu' },
  owner: { unitId: 'hangzhou' },
  otherUnit: { unitId: 'ningbo' },
  anon: {},
};

/** Does a record of this unit and region lie within what the role may see? (The office sees all.) */
function inScope(role: Role, record: { unitId?: string; regionId?: string }): boolean {
  const home = HOME[role];
  if (home.regionId) return record.regionId === undefined || record.regionId === home.regionId;
  if (home.unitId) return record.unitId === undefined || record.unitId === home.unitId;
  return true;
}

/**
 * For each list route: the records in an answer, as unit and region, so the matrix can check that
 * a role sees nothing outside its scope (a unit: its own; an HQ: its region).
 */
const SCOPES: Record<string, (body: any) => { unitId?: string; regionId?: string }[]> = {
  'GET /api/v1/visits': (b) => b.items,
  'GET /api/v1/receptions': (b) => b.items.map((r: any) => ({ unitId: r.hostUnitId, regionId: r.regionId })),
  'GET /api/v1/cadres/{year}': (b) => b.entries,
  'GET /api/v1/reports/balance': (b) =>
    b.regions.flatMap((r: any) => [{ regionId: r.regionId }, ...r.units.map((u: any) => ({ unitId: u.unitId, regionId: r.regionId }))]),
  'GET /api/v1/reports/usage': (b) => b.items,
  'GET /api/v1/reports/monthly': (b) =>
    b.regions.flatMap((r: any) => [
      { regionId: r.regionId },
      ...r.visits.map((v: any) => ({ unitId: v.unitId, regionId: r.regionId })),
      ...r.receptions.map((x: any) => ({ unitId: x.hostUnitId, regionId: r.regionId })),
    ]),
  'GET /api/v1/plans/{year}/requests': (b) => b.items,
};

const itemsHave = (body: any, id?: string) => (body.items as { id: string }[]).some((i) => i.id === id);
let shared: {
  visit: string;
  reception: string;
  feed: { id: string; path: string };
  planRequest: string;
  proposal: string;
  visitDocument: string;
  receptionDocument: string;
};

/** A document of the shared visit or reception, uploaded by the office. */
async function newDocument(path: string): Promise<string> {
  const res = await upload(ctx, path, documentForm({ bytes: PDF, filename: '公函.pdf' }, 'official_letter'), tokens.office);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

const CASES: Record<string, Case> = {
  'POST /api/v1/auth/login': { request: () => ({ method: 'POST', path: '/api/v1/auth/login', body: credentials }) },
  'POST /api/v1/auth/logout': { freshSession: true, request: () => ({ method: 'POST', path: '/api/v1/auth/logout' }) },
  'GET /api/v1/users': {
    request: () => ({ method: 'GET', path: '/api/v1/users?limit=200' }),
    present: (b) => itemsHave(b, ownerAccountId),
  },
  'GET /api/v1/users/{id}': { request: () => ({ method: 'GET', path: `/api/v1/users/${ownerAccountId}` }) },
  'PATCH /api/v1/users/{id}': {
    perCell: true,
    prepare: async () => ({ id: await newAccount() }),
    request: (p) => ({ method: 'PATCH', path: `/api/v1/users/${p.id}`, body: { displayName: '新名字', active: false } }),
  },
  'POST /api/v1/users/{id}/password': {
    perCell: true,
    prepare: async () => ({ id: await newAccount() }),
    request: (p) => ({ method: 'POST', path: `/api/v1/users/${p.id}/password`, body: { newPassword: 'another-password-1' } }),
  },
  'POST /api/v1/users/{id}/unlock': { request: () => ({ method: 'POST', path: `/api/v1/users/${ownerAccountId}/unlock` }) },
  // The password stays the same, so the other rows' sessions and logins are not disturbed.
  'POST /api/v1/me/password': {
    request: (_, role) => {
      const password = role === 'office' ? ADMIN.password : USER_PASSWORD;
      return { method: 'POST', path: '/api/v1/me/password', body: { currentPassword: password, newPassword: password } };
    },
  },
  'POST /api/v1/users': {
    request: (_, role) => ({
      method: 'POST',
      path: '/api/v1/users',
      body: { email: `made-by-${role}-${day++}@test.local`, password: 'long-password-1', role: 'unit', unitId: 'ningbo' },
    }),
  },
  'GET /api/v1/me': { request: () => ({ method: 'GET', path: '/api/v1/me' }) },
  'GET /api/v1/regions': { request: () => ({ method: 'GET', path: '/api/v1/regions' }) },
  'PUT /api/v1/regions/{id}/rules': {
    request: () => ({
      method: 'PUT',
      path: '/api/v1/regions/aksu/rules',
      body: { maxConcurrentDelegations: 100, minGapDays: 0, blackouts: [] },
    }),
  },
  'GET /api/v1/units': { request: () => ({ method: 'GET', path: '/api/v1/units' }) },
  'POST /api/v1/units': {
    request: (_, role) => ({
      method: 'POST',
      path: '/api/v1/units',
      body: { id: `dept-${role.toLowerCase()}-${day++}`, name: '省直部门', kind: 'department' },
    }),
  },
  'GET /api/v1/quotas/{year}': { request: () => ({ method: 'GET', path: `/api/v1/quotas/${YEAR}` }) },
  'PUT /api/v1/quotas/{year}': {
    request: () => ({
      method: 'PUT',
      path: `/api/v1/quotas/${YEAR}`,
      body: { maxBatches: 10_000, maxHeadcountPerBatch: 50, maxPersonTrips: 1_000_000 },
    }),
  },
  'PUT /api/v1/quotas/{year}/units/{unitId}': {
    request: () => ({
      method: 'PUT',
      path: `/api/v1/quotas/${YEAR}/units/hangzhou`,
      body: { maxBatches: 10_000, maxHeadcountPerBatch: 50, maxPersonTrips: 1_000_000 },
    }),
  },
  'GET /api/v1/quotas/{year}/units/{unitId}': { request: () => ({ method: 'GET', path: `/api/v1/quotas/${YEAR}/units/hangzhou` }) },
  // Another unit's caps, so removing them never changes the caps the booking cells rely on.
  'DELETE /api/v1/quotas/{year}/units/{unitId}': { request: () => ({ method: 'DELETE', path: `/api/v1/quotas/${YEAR}/units/wenzhou` }) },
  'POST /api/v1/visits': {
    request: (_, role) => {
      const date = new Date(Date.UTC(2027, 5, 1 + (day++ % 200))).toISOString().slice(0, 10);
      const body = {
        regionId: 'aksu',
        kind: 'inspection',
        startDate: date,
        endDate: date,
        headcount: 2,
        leaderName: '张三',
        purpose: '考察',
      };
      return {
        method: 'POST',
        path: '/api/v1/visits',
        body: role === 'office' || role.startsWith('hq') ? { ...body, unitId: 'hangzhou' } : body,
      };
    },
  },
  'GET /api/v1/visits': {
    request: () => ({ method: 'GET', path: '/api/v1/visits?year=2027' }),
    present: (b) => itemsHave(b, shared.visit),
  },
  'GET /api/v1/visits/{id}': { request: () => ({ method: 'GET', path: `/api/v1/visits/${shared.visit}` }) },
  'PATCH /api/v1/visits/{id}': {
    perCell: true,
    prepare: async () => ({ id: await newVisit('submitted') }),
    request: (p) => ({ method: 'PATCH', path: `/api/v1/visits/${p.id}`, body: { headcount: 3 } }),
  },
  'GET /api/v1/visits/{id}/history': { request: () => ({ method: 'GET', path: `/api/v1/visits/${shared.visit}/history` }) },
  'POST /api/v1/visits/{id}/coordinate': {
    perCell: true,
    prepare: async () => ({ id: await newVisit('submitted') }),
    request: (p) => ({ method: 'POST', path: `/api/v1/visits/${p.id}/coordinate`, body: { opinion: '同意', agree: true } }),
  },
  'POST /api/v1/visits/{id}/approve': {
    perCell: true,
    prepare: async () => ({ id: await newVisit('coordinated') }),
    request: (p) => ({ method: 'POST', path: `/api/v1/visits/${p.id}/approve` }),
  },
  'POST /api/v1/visits/{id}/reject': {
    perCell: true,
    prepare: async () => ({ id: await newVisit('submitted') }),
    request: (p) => ({ method: 'POST', path: `/api/v1/visits/${p.id}/reject`, body: { reason: '日程冲突' } }),
  },
  'POST /api/v1/visits/{id}/withdraw': {
    perCell: true,
    prepare: async () => ({ id: await newVisit('submitted') }),
    request: (p) => ({ method: 'POST', path: `/api/v1/visits/${p.id}/withdraw` }),
  },
  'POST /api/v1/visits/{id}/cancel': {
    perCell: true,
    prepare: async () => ({ id: await newVisit('approved') }),
    request: (p) => ({ method: 'POST', path: `/api/v1/visits/${p.id}/cancel`, body: { reason: '行程取消' } }),
  },
  'GET /api/v1/plan/slots': {
    request: () => ({ method: 'GET', path: '/api/v1/plan/slots?regionId=aksu&days=2&headcount=3&unitId=hangzhou' }),
  },
  'GET /api/v1/plan/slots (region rules only)': {
    request: () => ({ method: 'GET', path: '/api/v1/plan/slots?regionId=aksu&days=2&headcount=3' }),
  },
  'GET /api/v1/standards/reception': { request: () => ({ method: 'GET', path: '/api/v1/standards/reception' }) },
  'PUT /api/v1/standards/reception': {
    request: () => ({
      method: 'PUT',
      path: '/api/v1/standards/reception',
      body: { workMealPerPersonYuan: 120, lodgingPerNightYuan: { provincial: 800, departmental: 500, county: 400, other: 350 } },
    }),
  },
  'POST /api/v1/receptions': {
    request: (_, role) => {
      const body = {
        regionId: 'aksu',
        officialLetterRef: '阿地委函〔2027〕8号',
        startDate: '2027-03-10',
        endDate: '2027-03-10',
        leadRank: 'other',
        ...guestList(2, 'other'),
      };
      return {
        method: 'POST',
        path: '/api/v1/receptions',
        body: role === 'office' || role.startsWith('hq') ? { ...body, hostUnitId: 'hangzhou' } : body,
      };
    },
  },
  'GET /api/v1/receptions': {
    request: () => ({ method: 'GET', path: '/api/v1/receptions' }),
    present: (b) => itemsHave(b, shared.reception),
  },
  'GET /api/v1/receptions/{id}': { request: () => ({ method: 'GET', path: `/api/v1/receptions/${shared.reception}` }) },
  'POST /api/v1/receptions/{id}/approve': {
    perCell: true,
    prepare: async () => ({ id: await newReception() }),
    request: (p) => ({ method: 'POST', path: `/api/v1/receptions/${p.id}/approve` }),
  },
  'POST /api/v1/receptions/{id}/reject': {
    perCell: true,
    prepare: async () => ({ id: await newReception() }),
    request: (p) => ({ method: 'POST', path: `/api/v1/receptions/${p.id}/reject`, body: { reason: '材料不全' } }),
  },
  'POST /api/v1/receptions/{id}/cancel': {
    perCell: true,
    prepare: async () => ({ id: await newReception() }),
    request: (p) => ({ method: 'POST', path: `/api/v1/receptions/${p.id}/cancel`, body: { reason: '行程取消' } }),
  },
  'GET /api/v1/receptions/{id}/history': { request: () => ({ method: 'GET', path: `/api/v1/receptions/${shared.reception}/history` }) },
  'GET /api/v1/receptions/{id}/list': { request: () => ({ method: 'GET', path: `/api/v1/receptions/${shared.reception}/list` }) },
  'PUT /api/v1/cadres/{year}': {
    request: () => ({
      method: 'PUT',
      path: `/api/v1/cadres/${YEAR}`,
      body: {
        entries: [
          { unitId: 'hangzhou', regionId: 'aksu', count: 3 },
          { unitId: 'ningbo', regionId: 'nagqu', count: 2 },
        ],
      },
    }),
  },
  'GET /api/v1/cadres/{year}': {
    request: () => ({ method: 'GET', path: `/api/v1/cadres/${YEAR}` }),
    present: (b) => JSON.stringify(b).includes('"unitId":"hangzhou","regionId":"aksu"'),
  },
  'GET /api/v1/standards/balance': { request: () => ({ method: 'GET', path: '/api/v1/standards/balance' }) },
  'PUT /api/v1/standards/balance': {
    request: () => ({ method: 'PUT', path: '/api/v1/standards/balance', body: { overRatio: 1.5, underRatio: 0.5 } }),
  },
  'GET /api/v1/reports/balance': {
    request: () => ({ method: 'GET', path: `/api/v1/reports/balance?year=${YEAR}` }),
    present: (b) =>
      (b.regions as { regionId: string; units: { unitId: string }[] }[]).some(
        (r) => r.regionId === 'aksu' && r.units.some((u) => u.unitId === 'hangzhou'),
      ),
  },
  'GET /api/v1/reports/usage': {
    request: () => ({ method: 'GET', path: `/api/v1/reports/usage?year=${YEAR}` }),
    present: (b) => (b.items as { unitId: string }[]).some((i) => i.unitId === 'hangzhou'),
  },
  'GET /api/v1/reports/monthly': {
    request: () => ({ method: 'GET', path: '/api/v1/reports/monthly?month=2027-02' }),
    present: (b) => JSON.stringify(b).includes(shared.visit),
  },
  'POST /api/v1/feeds (scope region aksu)': {
    request: () => ({ method: 'POST', path: '/api/v1/feeds', body: { scope: 'region', regionId: 'aksu' } }),
  },
  'POST /api/v1/feeds (scope unit hangzhou)': {
    request: () => ({ method: 'POST', path: '/api/v1/feeds', body: { scope: 'unit', unitId: 'hangzhou' } }),
  },
  'POST /api/v1/feeds (scope all)': { request: () => ({ method: 'POST', path: '/api/v1/feeds', body: { scope: 'all' } }) },
  'GET /api/v1/feeds': { request: () => ({ method: 'GET', path: '/api/v1/feeds' }), present: (b) => itemsHave(b, shared.feed.id) },
  'DELETE /api/v1/feeds/{id}': {
    perCell: true,
    prepare: newOwnerFeed,
    request: (p) => ({ method: 'DELETE', path: `/api/v1/feeds/${p.id}` }),
  },
  'GET /cal/{token}.ics': { request: () => ({ method: 'GET', path: shared.feed.path }) },
  'PATCH /api/v1/me': { request: () => ({ method: 'PATCH', path: '/api/v1/me', body: { emailNotifications: true } }) },
  // A new visit is told to its region's HQ only (visit.submitted): each caller's newest notification.
  'GET /api/v1/notifications': {
    prepare: async () => ({ id: await newVisit('submitted') }),
    request: () => ({ method: 'GET', path: '/api/v1/notifications?limit=1' }),
    present: (b, p) => b.items[0]?.recordId === p.id,
  },
  'POST /api/v1/notifications/{id}/read': {
    prepare: async () => {
      await newVisit('submitted');
      const inbox = await call(ctx, 'GET', '/api/v1/notifications?limit=1', { token: tokens.hqOwn });
      return { id: inbox.body.items[0].id };
    },
    request: (p) => ({ method: 'POST', path: `/api/v1/notifications/${p.id}/read` }),
  },
  'POST /api/v1/notifications/read-all': { request: () => ({ method: 'POST', path: '/api/v1/notifications/read-all' }) },
  'POST /api/v1/webhooks': {
    request: () => ({ method: 'POST', path: '/api/v1/webhooks', body: { url: 'https://127.0.0.1:9/hook', kind: 'wecom' } }),
  },
  'GET /api/v1/webhooks': { request: () => ({ method: 'GET', path: '/api/v1/webhooks' }) },
  'DELETE /api/v1/webhooks/{id}': {
    perCell: true,
    prepare: newWebhook,
    request: (p) => ({ method: 'DELETE', path: `/api/v1/webhooks/${p.id}` }),
  },
  'GET /api/v1/webhooks/{id}/deliveries': {
    prepare: newWebhook,
    request: (p) => ({ method: 'GET', path: `/api/v1/webhooks/${p.id}/deliveries` }),
  },
  // Nothing listens on 127.0.0.1:9: the office's test is answered at once, as failed.
  'POST /api/v1/webhooks/{id}/test': { prepare: newWebhook, request: (p) => ({ method: 'POST', path: `/api/v1/webhooks/${p.id}/test` }) },
  'POST /api/v1/plans/{year}/requests': {
    request: (_, role) => ({
      method: 'POST',
      path: `/api/v1/plans/${YEAR}/requests`,
      body: role === 'office' || role.startsWith('hq') ? { ...planRequest, unitId: 'hangzhou' } : planRequest,
    }),
  },
  'GET /api/v1/plans/{year}/requests': {
    request: () => ({ method: 'GET', path: `/api/v1/plans/${YEAR}/requests` }),
    present: (b) => itemsHave(b, shared.planRequest),
  },
  'POST /api/v1/plans/{year}/requests/{id}/withdraw': {
    perCell: true,
    prepare: async () => ({ id: await newPlanRequest() }),
    request: (p) => ({ method: 'POST', path: `/api/v1/plans/${YEAR}/requests/${p.id}/withdraw` }),
  },
  'POST /api/v1/plans/{year}/solve': {
    request: () => ({ method: 'POST', path: `/api/v1/plans/${YEAR}/solve`, body: { timeLimitMs: 200 } }),
  },
  'GET /api/v1/plans/{year}/proposals/{id}': {
    request: () => ({ method: 'GET', path: `/api/v1/plans/${YEAR}/proposals/${shared.proposal}` }),
  },
  'POST /api/v1/plans/{year}/proposals/{id}/commit': {
    perCell: true,
    prepare: async () => ({ id: await newProposal() }),
    request: (p) => ({ method: 'POST', path: `/api/v1/plans/${YEAR}/proposals/${p.id}/commit` }),
  },
  'POST /api/v1/visits/{id}/documents': {
    request: () => ({ method: 'POST', path: `/api/v1/visits/${shared.visit}/documents`, upload: true }),
  },
  'GET /api/v1/visits/{id}/documents': {
    request: () => ({ method: 'GET', path: `/api/v1/visits/${shared.visit}/documents` }),
    present: (b) => itemsHave(b, shared.visitDocument),
  },
  'POST /api/v1/receptions/{id}/documents': {
    request: () => ({ method: 'POST', path: `/api/v1/receptions/${shared.reception}/documents`, upload: true }),
  },
  'GET /api/v1/receptions/{id}/documents': {
    request: () => ({ method: 'GET', path: `/api/v1/receptions/${shared.reception}/documents` }),
    present: (b) => itemsHave(b, shared.receptionDocument),
  },
  'GET /api/v1/documents/{docId}': { request: () => ({ method: 'GET', path: `/api/v1/documents/${shared.receptionDocument}` }) },
  'POST /api/v1/documents/{docId}/withdraw': {
    perCell: true,
    prepare: async () => ({ id: await newDocument(`/api/v1/visits/${shared.visit}/documents`) }),
    request: (p) => ({ method: 'POST', path: `/api/v1/documents/${p.id}/withdraw` }),
  },
  'GET /api/v1/archive/{year}.zip': { request: () => ({ method: 'GET', path: `/api/v1/archive/${YEAR}.zip` }) },
};

const planRequest = {
  regionId: 'aksu',
  kind: 'inspection',
  days: 2,
  headcount: 3,
  earliest: '2027-09-01',
  latest: '2027-09-30',
  priority: 2,
  leaderName: '张三',
  purpose: '考察',
};

/** A unit account of its own, for a row that changes the account it acts on. */
async function newAccount(): Promise<string> {
  const created = await call(ctx, 'POST', '/api/v1/users', {
    token: tokens.office,
    body: { email: `matrix-account-${day++}@test.local`, password: 'matrix-password-1', role: 'unit', unitId: 'ningbo' },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id;
}

/** A new session of the role's account (for a call that ends the session it is made with). */
async function freshToken(role: Exclude<Role, 'anon'>): Promise<string> {
  return login(ctx, emails[role], role === 'office' ? ADMIN.password : USER_PASSWORD);
}

async function newPlanRequest(): Promise<string> {
  const created = await call(ctx, 'POST', `/api/v1/plans/${YEAR}/requests`, {
    token: tokens.office,
    body: { ...planRequest, unitId: 'hangzhou' },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id;
}

/** A proposal for the year's open requests (solved by the office); committing it books them. */
async function newProposal(): Promise<string> {
  const solved = await call(ctx, 'POST', `/api/v1/plans/${YEAR}/solve`, { token: tokens.office, body: { timeLimitMs: 200 } });
  expect(solved.status, JSON.stringify(solved.body)).toBe(201);
  return solved.body.id;
}

beforeAll(async () => {
  ctx = await createTestApp();
  tokens.office = await loginAdmin(ctx);
  emails.office = ADMIN.email;
  const accounts = {
    hqOwn: { role: 'hq', regionId: 'aksu' },
    hqOther: { role: 'hq', regionId: 'nagqu' },
    owner: { role: 'unit', unitId: 'hangzhou' },
    otherUnit: { role: 'unit', unitId: 'ningbo' },
  } as const;
  for (const [role, account] of Object.entries(accounts) as [keyof typeof accounts, (typeof accounts)[keyof typeof accounts]][]) {
    const made = await createUserAndLogin(ctx, tokens.office, account);
    tokens[role] = made.token;
    emails[role] = made.email;
    if (role === 'owner') ownerAccountId = made.id;
  }
  expect(
    (await call(ctx, 'POST', '/api/v1/users', { token: tokens.office, body: { ...credentials, role: 'unit', unitId: 'lishui' } })).status,
  ).toBe(201);
  const office = tokens.office;
  expect(
    (
      await call(ctx, 'PUT', `/api/v1/quotas/${YEAR}`, {
        token: office,
        body: { maxBatches: 10_000, maxHeadcountPerBatch: 50, maxPersonTrips: 1_000_000 },
      })
    ).status,
  ).toBe(200);
  expect(
    (
      await call(ctx, 'PUT', '/api/v1/regions/aksu/rules', {
        token: office,
        body: { maxConcurrentDelegations: 100, minGapDays: 0, blackouts: [] },
      })
    ).status,
  ).toBe(200);
  expect(
    (
      await call(ctx, 'PUT', `/api/v1/cadres/${YEAR}`, {
        token: office,
        body: {
          entries: [
            { unitId: 'hangzhou', regionId: 'aksu', count: 3 },
            { unitId: 'ningbo', regionId: 'nagqu', count: 2 },
          ],
        },
      })
    ).status,
  ).toBe(200);
  shared = {
    visit: await newVisit('submitted'),
    reception: await newReception(),
    feed: await newOwnerFeed(),
    planRequest: await newPlanRequest(),
    proposal: '',
    visitDocument: '',
    receptionDocument: '',
  };
  shared.visitDocument = await newDocument(`/api/v1/visits/${shared.visit}/documents`);
  shared.receptionDocument = await newDocument(`/api/v1/receptions/${shared.reception}/documents`);
  shared.proposal = await newProposal();
});

const routeOf = (row: string) => row.replace(/ \(.*\)$/, '');

describe('authorization matrix', () => {
  it('has a row for every route in /openapi.json', async () => {
    const doc = (await call(ctx, 'GET', '/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} /api/v1${path.replace(/^\/api\/v1/, '')}`),
    );
    const inMatrix = new Set(MATRIX.map(([row]) => routeOf(row)));
    const missing = documented.filter((r) => !inMatrix.has(r));
    expect(missing, 'add a row to MATRIX in test/reliability/authorization-matrix.test.ts for each new route').toEqual([]);
    for (const [row] of MATRIX) expect(CASES[row], `no CASES entry for ${row}`).toBeDefined();
  });

  it('gives every role the outcome in the table, for every route', async () => {
    const wrong: string[] = [];
    const prepared = new Map<string, Prepared>();
    for (const [row, ...expected] of MATRIX) {
      const spec = CASES[row]!;
      for (const [i, role] of ROLES.entries()) {
        let p: Prepared = {};
        if (spec.prepare && spec.perCell) p = await spec.prepare();
        else if (spec.prepare) {
          if (!prepared.has(row)) prepared.set(row, await spec.prepare());
          p = prepared.get(row)!;
        }
        const req = spec.request(p, role);
        const token = role === 'anon' ? undefined : spec.freshSession ? await freshToken(role) : tokens[role];
        const res = req.upload
          ? await upload(ctx, req.path, documentForm({ bytes: PDF, filename: `${role}.pdf` }), token)
          : await call(ctx, req.method, req.path, { token, body: req.body });
        const want = expected[i]!;
        let got: Outcome = res.status;
        if (typeof want === 'string' && res.status === 200) got = spec.present!(res.body, p) ? 'lists' : 'omits';
        if (got !== want) wrong.push(`${row} as ${role}: got ${got}, table says ${want} — ${JSON.stringify(res.body).slice(0, 140)}`);
        const records = res.status === 200 ? SCOPES[routeOf(row)]?.(res.body) : undefined;
        const outside = (records ?? []).filter((r) => !inScope(role, r));
        if (outside.length)
          wrong.push(`${row} as ${role}: sees ${outside.length} record(s) outside its scope, e.g. ${JSON.stringify(outside[0])}`);
        if (res.status >= 400) {
          expect(res.headers.get('content-type'), `${row} as ${role}`).toMatch(/^application\/problem\+json/);
          expect(typeof res.body.code, `${row} as ${role}`).toBe('string');
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 60_000);
});
