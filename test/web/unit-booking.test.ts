// Booking through the unit's form: a stored visit and a redirect on success, the rule's message
// with its numbers on refusal, one visit for a double submit, and free windows that respect
// the region's rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { call, loginAdmin } from '../helpers/api.js';
import { createWebUser, getPage, postForm, type WebSession } from '../helpers/web.js';

let ctx: TestContext;
let office: string;

interface UnitAccount {
  token: string;
  session: WebSession;
}

async function unitAccount(unitId: string): Promise<UnitAccount> {
  const unit = await createWebUser(ctx, office, { role: 'unit', unitId });
  return { token: unit.token, session: unit.web };
}

const form = (over: Record<string, string> = {}) => ({
  regionId: 'aksu',
  kind: 'inspection',
  startDate: '2027-03-01',
  endDate: '2027-03-03',
  headcount: '5',
  leaderName: '李四',
  leaderTitle: '副市长',
  purpose: '考察产业合作项目',
  ...over,
});

const keyOf = (html: string) => html.match(/name="idempotencyKey" value="([^"]+)"/)?.[1] ?? '';

async function visitsOf(unit: UnitAccount) {
  return (await call(ctx, 'GET', '/api/v1/visits', { token: unit.token })).body.items as Record<string, unknown>[];
}

beforeAll(async () => {
  ctx = await createTestApp();
  office = await loginAdmin(ctx);
  await call(ctx, 'PUT', '/api/v1/quotas/2027', { token: office, body: { maxBatches: 2, maxHeadcountPerBatch: 10, maxPersonTrips: 30 } });
});

afterAll(() => ctx.database.client.close());

describe('the booking form', () => {
  it('shows what remains of this year’s caps, and of the start year’s when it differs', async () => {
    const unit = await unitAccount('shaoxing');
    const page = await getPage(ctx, unit.session, '/unit/visits/new');
    expect(page.status).toBe(200);
    expect(page.html).toContain('2027 年度剩余额度');
    expect(page.html).toContain('已用 0 批 / 上限 2 批,剩余 2 批');
    expect(page.html).not.toContain('2028 年度剩余额度');
    const nextYear = await getPage(ctx, unit.session, '/unit/visits/new?startDate=2028-02-01');
    expect(nextYear.html).toContain('2028 年度剩余额度');
    expect(nextYear.html).toContain('value="2028-02-01"');
    // Every input has a label, and the condolence fields are there without JavaScript.
    for (const id of [
      'f-regionId',
      'f-kind',
      'f-startDate',
      'f-endDate',
      'f-headcount',
      'f-leaderName',
      'f-purpose',
      'f-cadresVisited',
      'f-consolationYuan',
      'f-days',
    ]) {
      expect(page.html).toContain(`<label for="${id}">`);
    }
    expect(page.html).toMatch(/<div class="row" data-condolence-only[^>]*>/);
    expect(page.html).not.toMatch(/data-condolence-only[^>]*hidden/);
  });

  it('books a visit and redirects to the list with a confirmation', async () => {
    const unit = await unitAccount('hangzhou');
    const page = await getPage(ctx, unit.session, '/unit/visits/new');
    const res = await postForm(ctx, unit.session, '/unit/visits', { ...form(), idempotencyKey: keyOf(page.html) });
    expect(res.status).toBe(303);
    const [stored] = await visitsOf(unit);
    expect(stored).toMatchObject({
      unitId: 'hangzhou',
      regionId: 'aksu',
      startDate: '2027-03-01',
      headcount: 5,
      leaderTitle: '副市长',
      status: 'submitted',
    });
    expect(res.headers.get('location')).toBe(`/unit/visits?year=2027&created=${stored!.id}`);
    const list = await getPage(ctx, unit.session, res.headers.get('location')!);
    expect(list.html).toContain('考察预约已提交,等待前方指挥部衔接。');
    expect(list.html).toContain('考察产业合作项目');
  });

  it('re-renders with the cap message and its numbers when the year is full, keeping the input', async () => {
    const unit = await unitAccount('ningbo');
    for (const [regionId, startDate, endDate] of [
      ['alar', '2027-04-01', '2027-04-02'],
      ['haixi', '2027-05-01', '2027-05-02'],
    ]) {
      expect(
        (await postForm(ctx, unit.session, '/unit/visits', form({ regionId: regionId!, startDate: startDate!, endDate: endDate! }))).status,
      ).toBe(303);
    }
    const res = await postForm(
      ctx,
      unit.session,
      '/unit/visits',
      form({ purpose: '第三批考察', startDate: '2027-06-01', endDate: '2027-06-02' }),
    );
    expect(res.status).toBe(409);
    expect(res.html).toContain('本年度考察批次已满:上限 2 批,已用 2 批');
    expect(res.html).toContain('第三批考察');
    expect(res.html).toContain('value="2027-06-01"');
    expect(await visitsOf(unit)).toHaveLength(2);
  });

  it('ties validation errors to their fields, in Chinese', async () => {
    const unit = await unitAccount('wenzhou');
    const res = await postForm(
      ctx,
      unit.session,
      '/unit/visits',
      form({ startDate: '2027-03-05', endDate: '2027-03-01', headcount: 'zwei' }),
    );
    expect(res.status).toBe(422);
    expect(res.html).toContain('请检查填写的内容');
    expect(res.html).toMatch(/<input id="f-headcount"[^>]*aria-invalid="true"[^>]*aria-describedby="f-headcount-error"/);
    expect(res.html).toContain('<p class="field-error" id="f-headcount-error">请填写整数</p>');
    const past = await postForm(ctx, unit.session, '/unit/visits', form({ startDate: '2027-01-05', endDate: '2027-01-06' }));
    expect(past.status).toBe(422);
    expect(past.html).toContain('<p class="field-error" id="f-startDate-error">开始日期不能早于今天(2027-01-10)</p>');
    const reversed = await postForm(ctx, unit.session, '/unit/visits', form({ startDate: '2027-03-05', endDate: '2027-03-01' }));
    expect(reversed.html).toContain('<p class="field-error" id="f-endDate-error">结束日期不能早于开始日期</p>');
    expect(await visitsOf(unit)).toHaveLength(0);
  });

  it('books once when the same form is submitted twice', async () => {
    const unit = await unitAccount('jiaxing');
    const page = await getPage(ctx, unit.session, '/unit/visits/new');
    const key = keyOf(page.html);
    expect(key).not.toBe('');
    const first = await postForm(ctx, unit.session, '/unit/visits', { ...form(), idempotencyKey: key });
    const second = await postForm(ctx, unit.session, '/unit/visits', { ...form(), idempotencyKey: key });
    expect(first.status).toBe(303);
    expect(second.status).toBe(303);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(await visitsOf(unit)).toHaveLength(1);
    // A freshly rendered form has a new key, so a second booking on purpose still works.
    const again = await getPage(ctx, unit.session, '/unit/visits/new');
    expect(keyOf(again.html)).not.toBe(key);
  });

  it('escapes markup in what the user typed, on the list and the dashboard', async () => {
    const unit = await unitAccount('zhoushan');
    const res = await postForm(ctx, unit.session, '/unit/visits', form({ purpose: '<script>alert(1)</script>', leaderName: '<b>x</b>' }));
    expect(res.status).toBe(303);
    for (const path of ['/unit/visits?year=2027', '/unit']) {
      const { html } = await getPage(ctx, unit.session, path);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).not.toContain('<script>alert(1)</script>');
    }
    const rerendered = await postForm(ctx, unit.session, '/unit/visits', form({ purpose: '<script>alert(1)</script>', headcount: '99' }));
    expect(rerendered.status).toBe(409);
    expect(rerendered.html).toContain('每批人数超过上限:每批最多 10 人');
    expect(rerendered.html).not.toContain('<script>alert(1)</script>');
  });
});

describe('next free windows', () => {
  beforeAll(async () => {
    const rules = {
      maxConcurrentDelegations: 1,
      minGapDays: 0,
      blackouts: [{ startDate: '2027-01-12', endDate: '2027-01-20', reason: '古尔邦节' }],
    };
    expect((await call(ctx, 'PUT', '/api/v1/regions/nagqu/rules', { token: office, body: rules })).status).toBe(200);
  });

  it('lists five windows around the blackout and the region’s full days, the same as the API', async () => {
    const other = await unitAccount('lishui');
    expect(
      (await postForm(ctx, other.session, '/unit/visits', form({ regionId: 'nagqu', startDate: '2027-01-22', endDate: '2027-01-23' })))
        .status,
    ).toBe(303);
    const unit = await unitAccount('taizhou');
    const page = await getPage(ctx, unit.session, '/unit/visits/new?regionId=nagqu&headcount=3&days=2&purpose=x');
    const starts = [...page.html.matchAll(/data-slot-start="([^"]+)" data-slot-end="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    // 10–11 Jan is free; 12–20 blacked out; 22–23 taken (one delegation a day), so 21 and 24+.
    expect(starts).toEqual([
      ['2027-01-10', '2027-01-11'],
      ['2027-01-24', '2027-01-25'],
      ['2027-01-25', '2027-01-26'],
      ['2027-01-26', '2027-01-27'],
      ['2027-01-27', '2027-01-28'],
    ]);
    const api = await call(ctx, 'GET', '/api/v1/plan/slots?regionId=nagqu&headcount=3&days=2', { token: unit.token });
    expect(api.body.slots.map((s: { startDate: string; endDate: string }) => [s.startDate, s.endDate])).toEqual(starts);
    // Without JavaScript each window is a link that brings the form back with those dates.
    expect(page.html).toContain(
      'href="/unit/visits/new?regionId=nagqu&amp;headcount=3&amp;days=2&amp;purpose=x&amp;startDate=2027-01-24&amp;endDate=2027-01-25"',
    );
    const chosen = await getPage(
      ctx,
      unit.session,
      '/unit/visits/new?regionId=nagqu&headcount=3&days=2&purpose=x&startDate=2027-01-24&endDate=2027-01-25',
    );
    expect(chosen.html).toContain('id="f-startDate" name="startDate" type="date" value="2027-01-24"');
  });

  it('takes the days from the dates and searches from the chosen start, via the GET button', async () => {
    const unit = await unitAccount('quzhou');
    const page = await getPage(ctx, unit.session, '/unit/visits/new');
    expect(page.html).toMatch(
      /<button type="submit" class="secondary" formmethod="get" formaction="\/unit\/visits\/new"[^>]*>查找可用日期<\/button>/,
    );
    const submitted = await getPage(
      ctx,
      unit.session,
      '/unit/visits/new?regionId=nagqu&headcount=2&startDate=2027-01-15&endDate=2027-01-17&_csrf=x&idempotencyKey=y',
    );
    // The GET submission is answered with the same search minus the CSRF token and form key.
    expect(submitted.status).toBe(303);
    const location = submitted.headers.get('location') ?? '';
    expect(location).not.toMatch(/_csrf|idempotencyKey/);
    const found = await getPage(ctx, unit.session, location);
    const starts = [...found.html.matchAll(/data-slot-start="([^"]+)"/g)].map((m) => m[1]);
    expect(starts[0]).toBe('2027-01-24');
    // The links never carry the form's CSRF token or key.
    expect(found.html).not.toMatch(/href="[^"]*_csrf/);
  });

  it('offers nothing past the unit’s own caps', async () => {
    const unit = await unitAccount('jinhua');
    // 11 people break 2027's cap of 10 per batch; 2028 still has the shipped default of 20.
    const page = await getPage(ctx, unit.session, '/unit/visits/new?regionId=aksu&headcount=11&days=2');
    expect([...page.html.matchAll(/data-slot-start="([^"]+)"/g)].map((m) => m[1])[0]).toBe('2028-01-01');
    const tooMany = await getPage(ctx, unit.session, '/unit/visits/new?regionId=aksu&headcount=21&days=2');
    expect(tooMany.html).not.toContain('data-slot-start');
    expect(tooMany.html).toContain('一年内没有符合条件的日期。');
  });
});

describe('a condolence visit on the form', () => {
  it('asks for the cadres it visits (at least 1) and books it with the roster warning said in Chinese', async () => {
    const unit = await unitAccount('lishui');
    const condolence = form({
      kind: 'condolence',
      regionId: 'nagqu',
      startDate: '2027-07-01',
      endDate: '2027-07-01',
      consolationYuan: '1000',
    });
    const missing = await postForm(ctx, unit.session, '/unit/visits', { ...condolence, cadresVisited: '' });
    expect(missing.status).toBe(422);
    expect(missing.html).toContain('慰问考察须填写慰问干部人数(至少 1 人)');
    const booked = await postForm(ctx, unit.session, '/unit/visits', { ...condolence, cadresVisited: '2' });
    expect(booked.status).toBe(303);
    const list = await getPage(ctx, unit.session, booked.headers.get('location')!);
    expect(list.html).toContain('援派干部名册上没有本单位在该地区的干部');
  });
});
