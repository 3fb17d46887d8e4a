// Official receptions over HTTP against a real libSQL file: rules, scoping, transitions, and the
// reception list as JSON and as CSV (parsed back with a real CSV parser).
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transitionReception } from '../../src/db/repo/receptions.js';
import { standardUnchanged } from '../../src/db/repo/standards.js';
import { DEFAULT_RECEPTION_STANDARDS } from '../../src/domain/reception-rules.js';
import { RANK_LABELS } from '../../src/routes/receptions-list.js';
import { createTestApp, FIXED_NOW, type TestContext } from '../helpers/app.js';
import { call, createUserAndLogin, loginAdmin } from '../helpers/api.js';

let ctx: TestContext;
let office: string;
let hangzhou: { token: string; id: string };
let ningbo: { token: string; id: string };
let aksuHq: { token: string; id: string };
let nagquHq: { token: string; id: string };

beforeAll(async () => {
  ctx = await createTestApp();
  office = await loginAdmin(ctx);
  hangzhou = await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'hangzhou' });
  ningbo = await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'ningbo' });
  aksuHq = await createUserAndLogin(ctx, office, { role: 'hq', regionId: 'aksu' });
  nagquHq = await createUserAndLogin(ctx, office, { role: 'hq', regionId: 'nagqu' });
});

afterAll(() => ctx.database.client.close());

/** Within the default standards (meal 120, departmental 500, county 400) and every rule. */
function reception(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    regionId: 'aksu',
    officialLetterRef: '阿地委函〔2027〕12号',
    startDate: '2027-05-10',
    endDate: '2027-05-12',
    guestCount: 6,
    leadRank: 'departmental',
    guests: [
      { name: '艾力·买买提', title: '副专员', rank: 'departmental' },
      { name: '李明', title: '副局长', rank: 'departmental' },
      { name: '王芳', title: '处长', rank: 'county' },
      { name: '赵强', title: '副处长', rank: 'county' },
      { name: '孙丽', title: '科长', rank: 'county' },
      { name: '周杰', title: '干部', rank: 'county' },
    ],
    workMeal: { date: '2027-05-11', accompanyCount: 3, costPerPersonYuan: 100 },
    lodging: [
      { rank: 'departmental', rooms: 2, nights: 2, ratePerNightYuan: 450 },
      { rank: 'county', rooms: 4, nights: 2, ratePerNightYuan: 380 },
    ],
    activities: [
      { date: '2027-05-10', description: '座谈交流', place: '市政府3号会议室' },
      { date: '2027-05-11', description: '考察产业园', place: '钱塘区' },
    ],
    venue: '杭州',
    dietaryNotes: '清真',
    ...overrides,
  };
}

const create = (token: string, body: Record<string, unknown>) => call(ctx, 'POST', '/api/v1/receptions', { token, body });

async function createdId(token: string, body: Record<string, unknown> = reception()): Promise<string> {
  const res = await create(token, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

const setStandards = (token: string, body: unknown) => call(ctx, 'PUT', '/api/v1/standards/reception', { token, body });

describe('creating a reception', () => {
  it('stores a unit’s reception as submitted and gives every field back', async () => {
    const body = reception();
    const res = await create(hangzhou.token, body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ...body, giftsYuan: 0, hostUnitId: 'hangzhou', status: 'submitted', sequence: 0 });
    expect(res.body.createdAt).toBe(FIXED_NOW.toISOString());
    expect(res.body.updatedAt).toBe(FIXED_NOW.toISOString());
    const again = await call(ctx, 'GET', `/api/v1/receptions/${res.body.id}`, { token: hangzhou.token });
    expect(again.body).toEqual(res.body);
  });

  it('fills what was left out with empty values, and lets the office name the host unit', async () => {
    const minimal = {
      regionId: 'nagqu',
      officialLetterRef: '那地委函〔2027〕3号',
      startDate: '2027-06-01',
      endDate: '2027-06-01',
      guestCount: 2,
      leadRank: 'other',
      guests: [
        { name: '次仁', title: '', rank: 'other' },
        { name: '卓玛', title: '干部', rank: 'other' },
      ],
    };
    const res = await create(office, { ...minimal, hostUnitId: 'wenzhou' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      ...minimal,
      hostUnitId: 'wenzhou',
      workMeal: null,
      lodging: [],
      activities: [],
      venue: null,
      dietaryNotes: null,
      giftsYuan: 0,
    });
  });

  it('refuses a request breaking three rules with exactly those three violations, and stores nothing', async () => {
    const before = await call(ctx, 'GET', '/api/v1/receptions', { token: hangzhou.token });
    const res = await create(
      hangzhou.token,
      reception({
        workMeal: { date: '2027-05-11', accompanyCount: 4, costPerPersonYuan: DEFAULT_RECEPTION_STANDARDS.workMealPerPersonYuan + 1 },
        giftsYuan: 500,
      }),
    );
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('RECEPTION_STANDARD_VIOLATED');
    expect(res.body.violations).toEqual([
      { code: 'ACCOMPANY_LIMIT_EXCEEDED', limit: 3, requested: 4 },
      {
        code: 'MEAL_STANDARD_EXCEEDED',
        limit: DEFAULT_RECEPTION_STANDARDS.workMealPerPersonYuan,
        requested: DEFAULT_RECEPTION_STANDARDS.workMealPerPersonYuan + 1,
      },
      { code: 'GIFTS_FORBIDDEN', requested: 500 },
    ]);
    const after = await call(ctx, 'GET', '/api/v1/receptions', { token: hangzhou.token });
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['empty', ''],
    ['blank', '   '],
    ['full-width blank', '\u3000'],
  ])('a %s official letter is the 409 OFFICIAL_LETTER_REQUIRED rule, not a format error', async (_label, officialLetterRef) => {
    const res = await create(hangzhou.token, reception({ officialLetterRef }));
    expect(res.status).toBe(409);
    expect(res.body.violations).toEqual([{ code: 'OFFICIAL_LETTER_REQUIRED' }]);
  });

  it.each([
    ['endDate before startDate', { endDate: '2027-05-09' }, 'endDate'],
    ['an impossible day', { startDate: '2027-02-30' }, 'startDate'],
    ['longer than 31 days', { endDate: '2027-06-10' }, 'endDate'],
    ['a work meal outside the days', { workMeal: { date: '2027-05-13', accompanyCount: 1, costPerPersonYuan: 50 } }, 'workMeal.date'],
    ['an activity outside the days', { activities: [{ date: '2027-05-09', description: '参观', place: '西湖' }] }, 'activities.0.date'],
    ['a guest count other than the guests listed', { guestCount: 1 }, 'guestCount'],
    ['no guest list', { guests: undefined }, 'guests'],
    ['an empty guest list', { guests: [], guestCount: 0 }, 'guests'],
    ['a negative cost', { workMeal: { date: '2027-05-11', accompanyCount: 1, costPerPersonYuan: -1 } }, 'workMeal.costPerPersonYuan'],
    ['a fractional guest count', { guestCount: 6.5 }, 'guestCount'],
    ['an unknown field', { extra: true }, ''],
    ['an unknown rank', { leadRank: 'mayor' }, 'leadRank'],
    ['an over-long guest name', { guests: [{ name: 'x'.repeat(101), title: '', rank: 'other' }] }, 'guests.0.name'],
    ['an unknown region', { regionId: 'atlantis' }, 'regionId'],
  ])('refuses %s with 422 naming the field', async (_label, overrides, path) => {
    const res = await create(hangzhou.token, reception(overrides));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('takes the host unit from a unit account and refuses another unit’s id; HQs may not create; the office must name a known unit', async () => {
    expect((await create(hangzhou.token, reception({ hostUnitId: 'hangzhou' }))).status).toBe(201);
    expect((await create(hangzhou.token, reception({ hostUnitId: 'ningbo' }))).body).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect((await create(aksuHq.token, reception())).body).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    const noUnit = await create(office, reception());
    expect(noUnit.status).toBe(422);
    expect(noUnit.body.errors).toEqual([{ path: 'hostUnitId', message: 'required for office accounts' }]);
    const unknownUnit = await create(office, reception({ hostUnitId: 'atlantis' }));
    expect(unknownUnit.status).toBe(422);
    expect(unknownUnit.body.errors[0].path).toBe('hostUnitId');
  });
});

describe('reception standards', () => {
  const strict = { workMealPerPersonYuan: 80, lodgingPerNightYuan: { provincial: 600, departmental: 450, county: 300, other: 250 } };

  it('ships the defaults, lets only the office change them, and the change moves the limit exactly', async () => {
    try {
      expect((await call(ctx, 'GET', '/api/v1/standards/reception', { token: hangzhou.token })).body).toEqual({
        ...DEFAULT_RECEPTION_STANDARDS,
        requireLetterScan: false,
      });
      expect((await setStandards(hangzhou.token, strict)).status).toBe(403);
      expect((await setStandards(aksuHq.token, strict)).status).toBe(403);
      expect((await setStandards(office, { ...strict, workMealPerPersonYuan: -1 })).status).toBe(422);
      expect((await setStandards(office, { ...strict, lodgingPerNightYuan: { ...strict.lodgingPerNightYuan, mayor: 1 } })).status).toBe(
        422,
      );

      expect((await setStandards(office, strict)).status).toBe(200);
      expect((await call(ctx, 'GET', '/api/v1/standards/reception', { token: aksuHq.token })).body).toEqual({
        ...strict,
        requireLetterScan: false,
      });

      const meal = (costPerPersonYuan: number) => ({ date: '2027-05-11', accompanyCount: 3, costPerPersonYuan });
      const lodging = (ratePerNightYuan: number) => [{ rank: 'county', rooms: 4, nights: 2, ratePerNightYuan }];
      expect((await create(hangzhou.token, reception({ workMeal: meal(80), lodging: lodging(300) }))).status).toBe(201);
      expect((await create(hangzhou.token, reception({ workMeal: meal(81), lodging: lodging(300) }))).body.violations).toEqual([
        { code: 'MEAL_STANDARD_EXCEEDED', limit: 80, requested: 81 },
      ]);
      expect((await create(hangzhou.token, reception({ workMeal: meal(80), lodging: lodging(301) }))).body.violations).toEqual([
        { code: 'LODGING_STANDARD_EXCEEDED', rank: 'county', limit: 300, requested: 301 },
      ]);

      const fresh = ctx.freshConnection();
      const audit = await fresh.db.all<{ actor_id: string; note: string }>(
        sql`SELECT actor_id, note FROM audit_log WHERE entity = 'standards' AND entity_id = 'reception' ORDER BY id DESC LIMIT 1`,
      );
      fresh.client.close();
      expect(JSON.parse(audit[0]!.note)).toEqual({ ...strict, requireLetterScan: false });
    } finally {
      await setStandards(office, DEFAULT_RECEPTION_STANDARDS);
    }
  });

  it('re-checks at approval, so a standard lowered after submission stops the reception', async () => {
    const id = await createdId(hangzhou.token);
    try {
      expect((await setStandards(office, strict)).status).toBe(200);
      const res = await call(ctx, 'POST', `/api/v1/receptions/${id}/approve`, { token: office });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('RECEPTION_STANDARD_VIOLATED');
      expect(res.body.violations.map((v: { code: string }) => v.code)).toEqual(['MEAL_STANDARD_EXCEEDED', 'LODGING_STANDARD_EXCEEDED']);
      expect((await call(ctx, 'GET', `/api/v1/receptions/${id}`, { token: office })).body).toMatchObject({
        status: 'submitted',
        sequence: 0,
      });
    } finally {
      await setStandards(office, DEFAULT_RECEPTION_STANDARDS);
    }
    expect((await call(ctx, 'POST', `/api/v1/receptions/${id}/approve`, { token: office })).body.status).toBe('approved');
  });
});

describe('who sees and changes a reception', () => {
  it('shows it to the host unit, the guests’ HQ and the office only; the HQ may not change it', async () => {
    const id = await createdId(hangzhou.token);
    const get = (token: string) => call(ctx, 'GET', `/api/v1/receptions/${id}`, { token });
    const listed = async (token: string) =>
      (await call(ctx, 'GET', '/api/v1/receptions', { token })).body.items.some((r: { id: string }) => r.id === id);

    for (const token of [hangzhou.token, aksuHq.token, office]) {
      expect((await get(token)).status).toBe(200);
      expect(await listed(token)).toBe(true);
    }
    for (const token of [ningbo.token, nagquHq.token]) {
      expect((await get(token)).status).toBe(404);
      expect(await listed(token)).toBe(false);
      expect((await call(ctx, 'GET', `/api/v1/receptions/${id}/list`, { token })).status).toBe(404);
      expect((await call(ctx, 'POST', `/api/v1/receptions/${id}/cancel`, { token })).status).toBe(404);
    }
    for (const action of ['approve', 'reject', 'cancel']) {
      expect((await call(ctx, 'POST', `/api/v1/receptions/${id}/${action}`, { token: aksuHq.token })).status).toBe(403);
    }
    expect((await call(ctx, 'POST', `/api/v1/receptions/${id}/approve`, { token: hangzhou.token })).status).toBe(403);
    expect((await get(office)).body).toMatchObject({ status: 'submitted', sequence: 0 });
  });

  it('filters the list by year, region and status within the caller’s scope', async () => {
    const id = await createdId(
      hangzhou.token,
      reception({ regionId: 'haixi', startDate: '2028-03-01', endDate: '2028-03-02', workMeal: undefined, activities: [], lodging: [] }),
    );
    const ids = async (query: string) =>
      (await call(ctx, 'GET', `/api/v1/receptions?${query}`, { token: hangzhou.token })).body.items.map((r: { id: string }) => r.id);
    expect(await ids('year=2028')).toEqual([id]);
    expect(await ids('regionId=haixi')).toEqual([id]);
    expect(await ids('year=2027')).not.toContain(id);
    expect(await ids('status=approved')).not.toContain(id);
    expect((await call(ctx, 'GET', '/api/v1/receptions?status=bogus', { token: hangzhou.token })).status).toBe(422);
  });
});

describe('approve, reject, cancel', () => {
  const act = (token: string, id: string, action: string, body?: unknown) =>
    call(ctx, 'POST', `/api/v1/receptions/${id}/${action}`, { token, body });

  it('approves then cancels, bumping sequence, refusing wrong states with the actual status, and keeping the history', async () => {
    const id = await createdId(hangzhou.token);
    const later = new Date(FIXED_NOW.getTime() + 3600_000);
    ctx.setNow(later);
    try {
      expect((await act(office, id, 'approve')).body).toMatchObject({ status: 'approved', sequence: 1, updatedAt: later.toISOString() });
      expect((await act(office, id, 'approve')).body).toMatchObject({
        status: 409,
        code: 'INVALID_TRANSITION',
        from: 'approved',
        action: 'approve',
      });
      expect((await act(office, id, 'reject')).body).toMatchObject({
        status: 409,
        code: 'INVALID_TRANSITION',
        from: 'approved',
        action: 'reject',
      });
      expect((await act(hangzhou.token, id, 'cancel', { reason: '行程取消' })).body).toMatchObject({ status: 'cancelled', sequence: 2 });
      expect((await act(office, id, 'cancel')).body).toMatchObject({ code: 'INVALID_TRANSITION', from: 'cancelled', action: 'cancel' });
    } finally {
      ctx.setNow(FIXED_NOW);
    }

    const history = await call(ctx, 'GET', `/api/v1/receptions/${id}/history`, { token: aksuHq.token });
    expect(history.body.items).toEqual([
      { at: FIXED_NOW.toISOString(), actorId: hangzhou.id, action: 'create', fromStatus: null, toStatus: 'submitted', note: null },
      {
        at: later.toISOString(),
        actorId: expect.any(String),
        action: 'approve',
        fromStatus: 'submitted',
        toStatus: 'approved',
        note: null,
      },
      { at: later.toISOString(), actorId: hangzhou.id, action: 'cancel', fromStatus: 'approved', toStatus: 'cancelled', note: '行程取消' },
    ]);
    expect(history.body.items[1].actorId).not.toBe(hangzhou.id);
    expect((await call(ctx, 'GET', `/api/v1/receptions/${id}/history`, { token: ningbo.token })).status).toBe(404);

    // What was stored, through a second connection: the refused attempts left no trace.
    const fresh = ctx.freshConnection();
    const [row] = await fresh.db.all<{ status: string; sequence: number }>(sql`SELECT status, sequence FROM receptions WHERE id = ${id}`);
    const [audit] = await fresh.db.all<{ n: number }>(
      sql`SELECT count(*) AS n FROM audit_log WHERE entity = 'reception' AND entity_id = ${id}`,
    );
    fresh.client.close();
    expect(row).toEqual({ status: 'cancelled', sequence: 2 });
    expect(audit!.n).toBe(3);
  });

  it('rejects with a reason; a rejected reception can no longer be cancelled; the office may cancel a submitted one', async () => {
    const rejected = await createdId(hangzhou.token);
    expect((await act(office, rejected, 'reject', { reason: '无公函原件' })).body).toMatchObject({ status: 'rejected', sequence: 1 });
    expect((await act(hangzhou.token, rejected, 'cancel')).body).toMatchObject({
      code: 'INVALID_TRANSITION',
      from: 'rejected',
      action: 'cancel',
    });
    const history = (await call(ctx, 'GET', `/api/v1/receptions/${rejected}/history`, { token: office })).body.items;
    expect(history.at(-1)).toMatchObject({ action: 'reject', fromStatus: 'submitted', toStatus: 'rejected', note: '无公函原件' });

    const cancelled = await createdId(hangzhou.token);
    expect((await act(office, cancelled, 'cancel')).body).toMatchObject({ status: 'cancelled', sequence: 1 });
    expect((await act(office, cancelled, 'reject', { reason: 'x', extra: 1 })).status).toBe(422);
  });

  it('lands a status change only from the status it was checked against, and only while the standards are as read', async () => {
    const id = await createdId(hangzhou.token);
    const change = { id, action: 'approve', to: 'approved' as const, actorId: 'test', note: null, now: FIXED_NOW };
    // A request that saw "submitted" before someone else rejected it must not approve it.
    expect((await act(office, id, 'reject')).status).toBe(200);
    expect(await transitionReception(ctx.database.db, { ...change, from: 'submitted' })).toBe(false);

    const other = await createdId(hangzhou.token);
    const stale = JSON.stringify({ workMealPerPersonYuan: 1 });
    const guard = standardUnchanged('reception', stale);
    expect(await transitionReception(ctx.database.db, { ...change, id: other, from: 'submitted', guard })).toBe(false);

    const fresh = ctx.freshConnection();
    const rows = await fresh.db.all<{ id: string; status: string; sequence: number }>(
      sql`SELECT id, status, sequence FROM receptions WHERE id IN (${id}, ${other}) ORDER BY status`,
    );
    const [audit] = await fresh.db.all<{ n: number }>(
      sql`SELECT count(*) AS n FROM audit_log WHERE entity_id IN (${id}, ${other}) AND action = 'approve'`,
    );
    fresh.client.close();
    expect(rows).toEqual([
      { id, status: 'rejected', sequence: 1 },
      { id: other, status: 'submitted', sequence: 0 },
    ]);
    expect(audit!.n).toBe(0);
  });

  it('lets exactly one of many simultaneous approvals land', async () => {
    const id = await createdId(hangzhou.token);
    const results = await Promise.all(Array.from({ length: 8 }, () => act(office, id, 'approve')));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.from === 'approved')).toBe(true);
    const history = (await call(ctx, 'GET', `/api/v1/receptions/${id}/history`, { token: office })).body.items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['create', 'approve']);
    expect((await call(ctx, 'GET', `/api/v1/receptions/${id}`, { token: office })).body.sequence).toBe(1);
  });
});

describe('the reception list (接待清单)', () => {
  const HYPERLINK_GUEST = '=HYPERLINK("x")';
  let id: string;
  let json: any;

  beforeAll(async () => {
    id = await createdId(
      hangzhou.token,
      reception({ guests: [...(reception().guests as object[]).slice(0, 5), { name: HYPERLINK_GUEST, title: '-1+1', rank: 'county' }] }),
    );
    json = (await call(ctx, 'GET', `/api/v1/receptions/${id}/list`, { token: aksuHq.token })).body;
  });

  it('lists host, region, letter, guests, activities, the meal and lodging with their costs, and the totals', async () => {
    const units = (await call(ctx, 'GET', '/api/v1/units', { token: office })).body.items;
    const regions = (await call(ctx, 'GET', '/api/v1/regions', { token: office })).body.items;
    expect(json).toMatchObject({
      receptionId: id,
      hostUnit: { id: 'hangzhou', name: units.find((u: { id: string }) => u.id === 'hangzhou').name },
      region: { id: 'aksu', name: regions.find((r: { id: string }) => r.id === 'aksu').name },
      officialLetterRef: '阿地委函〔2027〕12号',
      startDate: '2027-05-10',
      endDate: '2027-05-12',
      guests: [...(reception().guests as object[]).slice(0, 5), { name: HYPERLINK_GUEST, title: '-1+1', rank: 'county' }],
      activities: reception().activities,
      workMeal: { date: '2027-05-11', guests: 6, accompanying: 3, diners: 9, costPerPersonYuan: 100, costYuan: 900 },
      lodging: [
        { rank: 'departmental', rooms: 2, nights: 2, ratePerNightYuan: 450, costYuan: 1800 },
        { rank: 'county', rooms: 4, nights: 2, ratePerNightYuan: 380, costYuan: 3040 },
      ],
      totals: { mealDiners: 9, mealCostYuan: 900, lodgingCostYuan: 4840, totalYuan: 5740 },
    });
  });

  it('as CSV: UTF-8 with BOM, an attachment, and the same rows and totals as the JSON once parsed', async () => {
    const res = await ctx.app.request(`/api/v1/receptions/${id}/list`, {
      headers: { authorization: `Bearer ${hangzhou.token}`, accept: 'text/csv' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="reception-${id}.csv"`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const rows: string[][] = parse(bytes, { bom: true, relax_column_count: true });
    const field = (label: string) => rows.find((r) => r[0] === label)?.slice(1);
    /** The data rows of a section: after its title and header row, up to the next blank row. */
    const section = (title: string) => {
      const start = rows.findIndex((r) => r[0] === title);
      expect(start, title).toBeGreaterThan(0);
      const end = rows.findIndex((r, i) => i > start && r.every((cell) => cell === ''));
      return rows.slice(start + 2, end === -1 ? undefined : end);
    };

    expect(field('接待单位 (Host unit)')).toEqual([json.hostUnit.name, 'hangzhou']);
    expect(field('来访地区 (Region)')).toEqual([json.region.name, 'aksu']);
    expect(field('公函 (Official letter)')).toEqual([json.officialLetterRef]);
    expect(section('来宾 (Guests)')).toEqual(
      json.guests.map((g: any) => [
        g.name === HYPERLINK_GUEST ? `'${HYPERLINK_GUEST}` : g.name,
        g.title === '-1+1' ? "'-1+1" : g.title,
        RANK_LABELS[g.rank as keyof typeof RANK_LABELS],
      ]),
    );
    expect(section('活动 (Activities)')).toEqual(json.activities.map((a: any) => [a.date, a.description, a.place]));
    const m = json.workMeal;
    expect(section('工作餐 (Work meal)')).toEqual([
      [m.date, m.guests, m.accompanying, m.diners, m.costPerPersonYuan, m.costYuan].map(String),
    ]);
    expect(section('住宿 (Lodging)')).toEqual(
      json.lodging.map((l: any) =>
        [RANK_LABELS[l.rank as keyof typeof RANK_LABELS], l.rooms, l.nights, l.ratePerNightYuan, l.costYuan].map(String),
      ),
    );
    expect(section('合计 (Totals)').map((r) => Number(r[1]))).toEqual([
      json.totals.mealDiners,
      json.totals.mealCostYuan,
      json.totals.lodgingCostYuan,
      json.totals.totalYuan,
    ]);
    expect(rows.at(-1)).toEqual(['合计 (Total, yuan)', '5740']);
  });

  it('neutralises a guest name that would be a spreadsheet formula', async () => {
    const res = await call(ctx, 'GET', `/api/v1/receptions/${id}/list`, { token: office, headers: { accept: 'text/csv' } });
    const rows: string[][] = parse(res.body, { bom: true, relax_column_count: true });
    const cells = rows.flat();
    expect(cells).toContain(`'${HYPERLINK_GUEST}`);
    expect(cells).not.toContain(HYPERLINK_GUEST);
    expect(rows.find((row) => row[0] === '状态 (Status)')?.[1]).toBe('待审批 (submitted)');
  });
});

it('documents every reception route in the OpenAPI document', async () => {
  const doc = (await call(ctx, 'GET', '/openapi.json')).body;
  for (const path of [
    '/standards/reception',
    '/receptions',
    '/receptions/{id}',
    '/receptions/{id}/approve',
    '/receptions/{id}/reject',
    '/receptions/{id}/cancel',
    '/receptions/{id}/history',
    '/receptions/{id}/list',
  ]) {
    expect(Object.keys(doc.paths), path).toContain(`/api/v1${path}`);
  }
  expect(Object.keys(doc.paths['/api/v1/receptions/{id}/list'].get.responses['200'].content)).toEqual(['application/json', 'text/csv']);
});
