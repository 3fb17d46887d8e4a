// Hostile input: thousands of generated bad requests over every POST/PUT/PATCH route that
// /openapi.json lists. None may get a 5xx, every answer is application/problem+json with a
// `code`, each fault gets the status the contract gives it (413, 415, 422, or 404 for a bad
// id), and no row of any table changes (checked through a fresh connection after each route).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpLogin, httpOk } from '../bench/lib/http.js';
import { startServer } from '../bench/lib/server-process.js';
import { rawPost } from '../helpers/raw-post.js';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { call, createUserAndLogin, loginAdmin } from '../helpers/api.js';
import { badRequestsFor, resolver, type BadRequest, type Fault, type JsonSchema } from './helpers/bad-requests.js';
import { changedTables, fingerprint, type Fingerprint } from './helpers/db-fingerprint.js';
import { guestList, guestsOf } from '../helpers/receptions.js';

let ctx: TestContext;
const tokens = { office: '', hq: '', unit: '' };
const ids = { visit: '', reception: '', feed: '', user: '' };

/** One valid body per route (docs/API.md); the generator breaks it one fault at a time. */
const VALID_BODIES: Record<string, Record<string, unknown>> = {
  'POST /api/v1/auth/login': { email: 'admin@test.local', password: 'admin-password-1' },
  'POST /api/v1/users': {
    email: 'new-user@test.local',
    password: 'long-password-1',
    role: 'unit',
    unitId: 'ningbo',
    displayName: '新用户',
  },
  'PATCH /api/v1/users/{id}': { displayName: '新名字', active: true },
  'POST /api/v1/users/{id}/password': { newPassword: 'replaced-password-1' },
  'POST /api/v1/me/password': { currentPassword: 'admin-password-1', newPassword: 'admin-password-1' },
  'PUT /api/v1/regions/{id}/rules': {
    maxConcurrentDelegations: 3,
    minGapDays: 2,
    blackouts: [{ startDate: '2027-02-10', endDate: '2027-02-17', reason: '春节' }],
  },
  'POST /api/v1/units': { id: 'dept-new', name: '省发改委', kind: 'department' },
  'PUT /api/v1/quotas/{year}': { maxBatches: 10, maxHeadcountPerBatch: 20, maxPersonTrips: 100 },
  'PUT /api/v1/quotas/{year}/units/{unitId}': { maxBatches: 10, maxHeadcountPerBatch: 20, maxPersonTrips: 100 },
  'POST /api/v1/visits': {
    regionId: 'aksu',
    kind: 'condolence',
    startDate: '2027-06-01',
    endDate: '2027-06-03',
    headcount: 5,
    leaderName: '张三',
    leaderTitle: '副市长',
    purpose: '慰问援疆干部',
    cadresVisited: 3,
    consolationYuan: 3000,
    unitId: 'hangzhou',
  },
  'PATCH /api/v1/visits/{id}': {
    headcount: 6,
    startDate: '2027-07-01',
    endDate: '2027-07-02',
    leaderTitle: null,
    kind: 'inspection',
    cadresVisited: 2,
  },
  'POST /api/v1/visits/{id}/coordinate': { opinion: '同意', agree: true },
  'POST /api/v1/visits/{id}/reject': { reason: '日程冲突' },
  'POST /api/v1/visits/{id}/cancel': { reason: '日程冲突' },
  'PUT /api/v1/standards/reception': {
    workMealPerPersonYuan: 100,
    lodgingPerNightYuan: { provincial: 700, departmental: 450, county: 380, other: 320 },
  },
  'POST /api/v1/receptions': {
    regionId: 'aksu',
    officialLetterRef: '阿地委函〔2027〕12号',
    startDate: '2027-05-10',
    endDate: '2027-05-11',
    guestCount: 5,
    leadRank: 'county',
    guests: [{ name: '王五', title: '副县长', rank: 'county' }, ...guestsOf(4)],
    workMeal: { date: '2027-05-10', accompanyCount: 2, costPerPersonYuan: 80 },
    lodging: [{ rank: 'county', rooms: 5, nights: 1, ratePerNightYuan: 300 }],
    activities: [{ date: '2027-05-10', description: '座谈', place: '市政府' }],
    venue: '迎宾馆',
    dietaryNotes: '清真',
    giftsYuan: 0,
    hostUnitId: 'hangzhou',
  },
  'POST /api/v1/receptions/{id}/reject': { reason: '材料不全' },
  'POST /api/v1/receptions/{id}/cancel': { reason: '行程取消' },
  'PUT /api/v1/cadres/{year}': { entries: [{ unitId: 'hangzhou', regionId: 'aksu', count: 3 }] },
  'PUT /api/v1/standards/balance': { overRatio: 1.6, underRatio: 0.4 },
  'POST /api/v1/feeds': { scope: 'region', regionId: 'aksu', label: '阿克苏' },
  'POST /api/v1/plans/{year}/requests': {
    regionId: 'aksu',
    kind: 'inspection',
    days: 3,
    headcount: 4,
    earliest: '2027-09-01',
    latest: '2027-09-30',
    preferredStart: '2027-09-10',
    priority: 2,
    leaderName: '张三',
    purpose: '考察',
    unitId: 'hangzhou',
  },
  'POST /api/v1/plans/{year}/solve': { timeLimitMs: 200 },
};

/** Who sends: the account that may use the route, so requests get past authorization to validation. */
function tokenFor(path: string): string {
  if (path.endsWith('/coordinate')) return tokens.hq;
  if (path.endsWith('/withdraw')) return tokens.unit;
  return tokens.office;
}

function paramValue(path: string, name: string): string {
  if (name === 'year') return '2027';
  if (name === 'unitId') return 'hangzhou';
  if (path.startsWith('/api/v1/visits/')) return ids.visit;
  if (path.startsWith('/api/v1/receptions/')) return ids.reception;
  if (path.startsWith('/api/v1/regions/')) return 'aksu';
  if (path.startsWith('/api/v1/feeds/')) return ids.feed;
  if (path.startsWith('/api/v1/users/')) return ids.user;
  return 'unknown-id';
}

const EXPECTED: Record<Fault, number[]> = {
  schema: [422],
  json: [422],
  'content-type': [415],
  size: [413],
  utf8: [422],
  path: [404, 422],
};

interface RouteSpec {
  method: string;
  template: string;
  schema: JsonSchema | undefined;
  pathParams: string[];
}

let routes: RouteSpec[] = [];
let resolve: ReturnType<typeof resolver>;

beforeAll(async () => {
  ctx = await createTestApp();
  tokens.office = await loginAdmin(ctx);
  tokens.hq = (await createUserAndLogin(ctx, tokens.office, { role: 'hq', regionId: 'aksu' })).token;
  tokens.unit = (await createUserAndLogin(ctx, tokens.office, { role: 'unit', unitId: 'hangzhou' })).token;
  const { office, unit } = tokens;
  expect(
    (
      await call(ctx, 'PUT', '/api/v1/quotas/2027', {
        token: office,
        body: { maxBatches: 20, maxHeadcountPerBatch: 20, maxPersonTrips: 200 },
      })
    ).status,
  ).toBe(200);
  const visit = await call(ctx, 'POST', '/api/v1/visits', {
    token: unit,
    body: {
      regionId: 'aksu',
      kind: 'inspection',
      startDate: '2027-04-01',
      endDate: '2027-04-02',
      headcount: 4,
      leaderName: '李四',
      purpose: '考察',
    },
  });
  expect(visit.status).toBe(201);
  ids.visit = visit.body.id;
  const reception = await call(ctx, 'POST', '/api/v1/receptions', {
    token: unit,
    body: {
      regionId: 'aksu',
      officialLetterRef: '阿地委函〔2027〕3号',
      startDate: '2027-05-01',
      endDate: '2027-05-01',
      leadRank: 'county',
      ...guestList(3),
    },
  });
  expect(reception.status).toBe(201);
  ids.reception = reception.body.id;
  // The account the /users/{id} routes act on: one of its own, so changing it disturbs no caller.
  ids.user = (await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'lishui' })).id;
  const feed = await call(ctx, 'POST', '/api/v1/feeds', { token: office, body: { scope: 'all' } });
  if (feed.status === 201) ids.feed = feed.body.id;

  const doc = (await call(ctx, 'GET', '/openapi.json')).body as { paths: Record<string, Record<string, any>>; components: any };
  resolve = resolver(doc);
  routes = Object.entries(doc.paths).flatMap(([template, ops]) =>
    Object.entries(ops)
      .filter(([method]) => ['post', 'put', 'patch'].includes(method))
      // Document uploads take multipart, not JSON: their bad bodies are test/reliability/hostile-files.test.ts's.
      .filter(([, op]) => !op.requestBody?.content?.['multipart/form-data'])
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        template,
        schema: op.requestBody?.content?.['application/json']?.schema as JsonSchema | undefined,
        pathParams: ((op.parameters ?? []) as { name: string; in: string }[]).filter((p) => p.in === 'path').map((p) => p.name),
      })),
  );
});

afterAll(() => ctx.database.client.close());

async function send(route: RouteSpec, bad: BadRequest): Promise<Response> {
  let path = route.template;
  for (const name of route.pathParams)
    path = path.replace(`{${name}}`, bad.params?.[name] ?? encodeURIComponent(paramValue(route.template, name)));
  const headers: Record<string, string> = { authorization: `Bearer ${tokenFor(route.template)}`, ...bad.headers };
  if (bad.contentType) headers['content-type'] = bad.contentType;
  return ctx.app.request(path, { method: route.method, headers, body: bad.body === '' ? undefined : bad.body });
}

describe('hostile input', () => {
  it('refuses every generated bad request with the right problem, and changes no row', async () => {
    expect(routes.length).toBeGreaterThanOrEqual(15);
    const failures: string[] = [];
    const perRoute: Record<string, number> = {};
    const changed: Record<string, string[]> = {};
    let total = 0;
    const before: Fingerprint = await fingerprint(ctx.url);
    let previous = before;
    for (const route of routes) {
      const key = `${route.method} ${route.template}`;
      const base = VALID_BODIES[key] ?? (route.schema ? exampleBody(route.schema) : undefined);
      const requests = badRequestsFor({ schema: route.schema, base, resolve, pathParams: route.pathParams });
      for (const bad of requests) {
        const res = await send(route, bad);
        total++;
        const text = await res.text();
        const type = res.headers.get('content-type') ?? '';
        let code: unknown;
        try {
          code = JSON.parse(text).code;
        } catch {
          code = undefined;
        }
        const problems: string[] = [];
        if (res.status >= 500) problems.push(`5xx`);
        if (!EXPECTED[bad.fault].includes(res.status)) problems.push(`status ${res.status}, expected ${EXPECTED[bad.fault].join('/')}`);
        if (!type.startsWith('application/problem+json')) problems.push(`content-type "${type}"`);
        if (typeof code !== 'string' || !code) problems.push('no code');
        if (problems.length) failures.push(`${key} [${bad.fault}] ${bad.label}: ${problems.join(', ')} — ${text.slice(0, 160)}`);
      }
      perRoute[key] = requests.length;
      const after = await fingerprint(ctx.url);
      const tables = changedTables(previous, after);
      if (tables.length) changed[key] = tables;
      previous = after;
    }
    console.log(`hostile input: ${total} requests over ${routes.length} routes`, JSON.stringify(perRoute));
    expect(failures.slice(0, 60), `${failures.length} bad answers`).toEqual([]);
    expect(changed, 'tables changed by bad requests').toEqual({});
    expect(changedTables(before, await fingerprint(ctx.url))).toEqual([]);
    expect(total).toBeGreaterThanOrEqual(2_000);
    // A route with neither a body nor a path parameter (POST /notifications/read-all, POST
    // /auth/logout) has only the wrong content types and the oversized bodies to refuse.
    const bare = new Set(routes.filter((r) => !r.schema && r.pathParams.length === 0).map((r) => `${r.method} ${r.template}`));
    for (const [key, n] of Object.entries(perRoute)) expect(n, key).toBeGreaterThanOrEqual(bare.has(key) ? 10 : 15);
  }, 120_000);

  it('accepts each route’s valid body, so the faults above were the only thing wrong', async () => {
    const refused: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.template}`;
      const base = VALID_BODIES[key];
      if (!base) continue;
      const res = await send(route, { fault: 'schema', label: 'valid', body: JSON.stringify(base), contentType: 'application/json' });
      if ([413, 415, 422].includes(res.status) || res.status >= 500)
        refused.push(`${key}: ${res.status} ${(await res.text()).slice(0, 200)}`);
    }
    expect(refused).toEqual([]);
  });
});

describe('hostile input over real HTTP (src/server.ts on 127.0.0.1)', () => {
  it('answers oversized, chunked, mis-typed, broken and non-UTF-8 bodies with problems, and stores nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planner-hostile-http-'));
    const url = `file:${join(dir, 'http.db')}`;
    const admin = { email: 'hostile-admin@test.local', password: 'hostile-admin-password' };
    const server = await startServer({ databaseUrl: url, adminEmail: admin.email, adminPassword: admin.password });
    try {
      const office = await httpLogin(server.baseUrl, admin.email, admin.password);
      await httpOk(server.baseUrl, 'PUT', '/api/v1/quotas/2031', {
        token: office,
        body: { maxBatches: 10, maxHeadcountPerBatch: 20, maxPersonTrips: 100 },
      });
      const before = await fingerprint(url);
      const valid = VALID_BODIES['POST /api/v1/visits']!;
      const text = JSON.stringify({ ...valid, startDate: '2031-06-01', endDate: '2031-06-03' });
      const megabyte = JSON.stringify({ ...valid, startDate: '2031-06-01', endDate: '2031-06-03', purpose: 'x'.repeat(1024 * 1024) });
      const [head, tail] = text.split('张三');
      const invalidUtf8 = new Uint8Array([...new TextEncoder().encode(head), 0xff, 0xfe, ...new TextEncoder().encode(tail)]);
      // Sent with transfer-encoding: chunked, so only counting the bytes can find it too large.
      const chunked = [...Array.from({ length: 20 }, () => ' '.repeat(64 * 1024)), text];
      const cases: { label: string; status: number; init: { body: string | Uint8Array | string[]; headers: Record<string, string> } }[] = [
        { label: '1 MB with content-length', status: 413, init: { body: megabyte, headers: { 'content-type': 'application/json' } } },
        {
          label: '1.3 MB chunked, no content-length',
          status: 413,
          init: { body: chunked, headers: { 'content-type': 'application/json' } },
        },
        { label: 'invalid UTF-8', status: 422, init: { body: invalidUtf8, headers: { 'content-type': 'application/json' } } },
        { label: 'text/plain', status: 415, init: { body: text, headers: { 'content-type': 'text/plain' } } },
        {
          label: 'form-encoded',
          status: 415,
          init: { body: 'regionId=aksu&kind=inspection', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
        },
        { label: 'broken JSON', status: 422, init: { body: text.slice(0, 40), headers: { 'content-type': 'application/json' } } },
        {
          label: 'deep JSON',
          status: 422,
          init: { body: `${'['.repeat(20_000)}${']'.repeat(20_000)}`, headers: { 'content-type': 'application/json' } },
        },
        {
          label: 'impossible date',
          status: 422,
          init: { body: text.replace('2031-06-01', '2031-02-30'), headers: { 'content-type': 'application/json' } },
        },
      ];
      for (const c of cases) {
        const res = await rawPost(
          `${server.baseUrl}/api/v1/visits`,
          { authorization: `Bearer ${office}`, ...c.init.headers },
          c.init.body,
        ).catch((err: Error) => {
          throw new Error(`${c.label}: ${err.message}`);
        });
        expect(res.status, `${c.label}: ${res.body.slice(0, 200)}`).toBe(c.status);
        expect(res.contentType, c.label).toMatch(/^application\/problem\+json/);
        expect(JSON.parse(res.body).code, c.label).toEqual(expect.any(String));
      }
      expect(changedTables(before, await fingerprint(url))).toEqual([]);
      // The same server still books the valid body, so the refusals were about the faults.
      const ok = await fetch(`${server.baseUrl}/api/v1/visits`, {
        method: 'POST',
        body: text,
        headers: { authorization: `Bearer ${office}`, 'content-type': 'application/json' },
      });
      expect(ok.status).toBe(201);
    } finally {
      await server.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

/** A body for a route with no entry above (one that landed later): examples, else simple values. */
function exampleBody(schema: JsonSchema): Record<string, unknown> {
  const s = resolve(schema);
  const out: Record<string, unknown> = {};
  for (const [k, p] of Object.entries(s?.properties ?? {})) {
    const r = resolve(p);
    if (!r) continue;
    const type = Array.isArray(r.type) ? r.type[0] : r.type;
    out[k] =
      r.example ??
      (r.enum
        ? r.enum[0]
        : r.format === 'date'
          ? '2027-06-01'
          : type === 'integer' || type === 'number'
            ? (r.minimum ?? 1)
            : type === 'boolean'
              ? true
              : type === 'array'
                ? []
                : type === 'object'
                  ? {}
                  : 'x');
  }
  return out;
}
