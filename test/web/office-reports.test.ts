// The office's report pages through the real login form and a real libSQL file: the usage table
// with meters, sorting and the CSV download; the monthly outlook; the balance chart, whose SVG
// geometry is checked against numbers worked out by hand. User text is always escaped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, type TestContext } from '../helpers/app.js';
import { call, createUserAndLogin, loginAdmin } from '../helpers/api.js';
import { createWebUser, getPage, webLogin, type WebSession } from '../helpers/web.js';

const XSS = '<script>alert(1)</script>';
const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;';

let ctx: TestContext;
let office: string;
let web: WebSession;
const unit: Record<string, string> = {};

async function book(unitId: string, body: Record<string, unknown>) {
  const res = await call(ctx, 'POST', '/api/v1/visits', {
    token: unit[unitId],
    body: { kind: 'inspection', leaderName: '张三', purpose: '考察产业合作项目', ...body },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

beforeAll(async () => {
  ctx = await createTestApp();
  office = await loginAdmin(ctx);
  const put = async (path: string, body: unknown) => expect((await call(ctx, 'PUT', path, { token: office, body })).status).toBe(200);
  await put('/api/v1/quotas/2027', { maxBatches: 5, maxHeadcountPerBatch: 10, maxPersonTrips: 40 });
  await put('/api/v1/quotas/2027/units/hangzhou', { maxBatches: 3, maxHeadcountPerBatch: 8, maxPersonTrips: 20 });
  for (const region of ['aksu', 'alar'])
    await put(`/api/v1/regions/${region}/rules`, { maxConcurrentDelegations: 10, minGapDays: 0, blackouts: [] });
  for (const unitId of ['hangzhou', 'ningbo', 'wenzhou', 'jiaxing'])
    unit[unitId] = (await createUserAndLogin(ctx, office, { role: 'unit', unitId })).token;
  expect(
    (await call(ctx, 'POST', '/api/v1/units', { token: office, body: { id: 'dept-xss', name: XSS, kind: 'department' } })).status,
  ).toBe(201);

  // 2027: hangzhou 2 batches / 11 person-trips (one across February and March), ningbo 1 / 7.
  await book('hangzhou', { regionId: 'aksu', startDate: '2027-02-27', endDate: '2027-03-02', headcount: 5, purpose: XSS });
  await book('hangzhou', { regionId: 'aksu', startDate: '2027-03-10', endDate: '2027-03-12', headcount: 6 });
  await book('ningbo', { regionId: 'alar', startDate: '2027-03-15', endDate: '2027-03-16', headcount: 7 });

  // 2028 balance in Aksu: per cadre hangzhou 1000/2 = 500, ningbo 200/2 = 100, wenzhou 2000/1 = 2000,
  // so the median is 500 and the band [0.5 × 500, 1.5 × 500] = [250, 750]; jiaxing has no cadres.
  await put('/api/v1/cadres/2028', {
    entries: [
      { unitId: 'hangzhou', regionId: 'aksu', count: 2 },
      { unitId: 'ningbo', regionId: 'aksu', count: 2 },
      { unitId: 'wenzhou', regionId: 'aksu', count: 1 },
    ],
  });
  const condolence = (startDate: string, consolationYuan: number) => ({
    regionId: 'aksu',
    kind: 'condolence',
    startDate,
    endDate: startDate,
    headcount: 3,
    cadresVisited: 1,
    consolationYuan,
  });
  await book('hangzhou', condolence('2028-04-01', 1000));
  await book('ningbo', condolence('2028-04-03', 200));
  await book('wenzhou', condolence('2028-04-05', 2000));
  await book('jiaxing', condolence('2028-04-07', 300));

  web = await webLogin(ctx, ADMIN.email, ADMIN.password);
});

afterAll(() => ctx.database.client.close());

/** The HTML of the element opened by `<tag … data-unit="id"…>` up to its closing tag. */
function rowOf(html: string, tag: string, unitId: string): string {
  const match = html.match(new RegExp(`<${tag}[^>]*data-unit="${unitId}"[^>]*>([\\s\\S]*?)</${tag}>`));
  expect(match, `${tag} for ${unitId}`).not.toBeNull();
  return match![0];
}

function sectionOf(html: string, regionId: string): string {
  const match = html.match(new RegExp(`<section[^>]*data-region="${regionId}"[\\s\\S]*?</section>`));
  expect(match, `section for ${regionId}`).not.toBeNull();
  return match![0];
}

const unitOrder = (html: string) => [...html.matchAll(/<tr data-unit="([^"]+)"/g)].map((m) => m[1]);

describe('/office/reports/usage', () => {
  it('shows every unit with used / limit, meters, what remains and where the caps come from', async () => {
    const res = await getPage(ctx, web, '/office/reports/usage?year=2027');
    expect(res.status).toBe(200);
    expect(res.html).toContain('2027 年度额度使用');
    const hangzhou = rowOf(res.html, 'tr', 'hangzhou');
    expect(hangzhou).toContain('杭州市');
    expect(hangzhou).toMatch(/2 \/ 3[\s\S]*<meter min="0" max="3" value="2"/);
    expect(hangzhou).toMatch(/11 \/ 20[\s\S]*<meter min="0" max="20" value="11"/);
    expect(hangzhou).toContain('<td class="num" data-label="剩余批次">1</td>');
    expect(hangzhou).toContain('<td class="num" data-label="剩余人次">9</td>');
    expect(hangzhou).toContain('单独设定');
    const ningbo = rowOf(res.html, 'tr', 'ningbo');
    expect(ningbo).toMatch(/1 \/ 5[\s\S]*7 \/ 40/);
    expect(ningbo).toContain('<td class="num" data-label="剩余人次">33</td>');
    expect(ningbo).toContain('年度默认');
  });

  it('sorts by a query parameter, without JavaScript', async () => {
    const byName = await getPage(ctx, web, '/office/reports/usage?year=2027');
    expect(unitOrder(byName.html).slice(0, 2)).toEqual(['hangzhou', 'huzhou']);
    const byTrips = await getPage(ctx, web, '/office/reports/usage?year=2027&sort=used-trips');
    expect(unitOrder(byTrips.html).slice(0, 2)).toEqual(['hangzhou', 'ningbo']);
    expect(byTrips.html).toMatch(
      /<th scope="col" aria-sort="descending"><a href="\/office\/reports\/usage\?year=2027&amp;sort=used-trips">/,
    );
  });

  it('speaks English on request', async () => {
    const res = await getPage(ctx, web, '/office/reports/usage?year=2027', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(res.html).toContain('Cap usage 2027');
    expect(rowOf(res.html, 'tr', 'hangzhou')).toContain('Own caps');
    expect(res.html).toContain('Download CSV');
  });

  it('escapes unit names', async () => {
    const res = await getPage(ctx, web, '/office/reports/usage?year=2027');
    expect(res.html).toContain(ESCAPED);
    expect(res.html).not.toContain(XSS);
  });

  it('links a CSV download that is the API’s CSV byte for byte', async () => {
    const page = await getPage(ctx, web, '/office/reports/usage?year=2027');
    expect(page.html).toContain('href="/office/reports/usage.csv?year=2027"');
    expect(page.html).toContain('下载 CSV');
    const download = await ctx.app.request('/office/reports/usage.csv?year=2027', { headers: { cookie: web.cookie } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="usage-2027.csv"');
    const api = await ctx.app.request('/api/v1/reports/usage?year=2027', {
      headers: { authorization: `Bearer ${office}`, accept: 'text/csv' },
    });
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.equals(Buffer.from(await api.arrayBuffer()))).toBe(true);
    expect(bytes.toString('utf8')).toContain('杭州市');
  });

  it('shows a bad year on its field instead of a report', async () => {
    const res = await getPage(ctx, web, '/office/reports/usage?year=20x7');
    expect(res.status).toBe(422);
    expect(res.html).toMatch(/<input id="year" name="year" type="number" value="20x7" aria-invalid="true" aria-describedby="year-error"/);
    expect(res.html).toContain('<p class="field-error" id="year-error">请填写 2000 至 2999 之间的年份</p>');
    expect(res.html).not.toContain('data-unit=');
  });

  it('is for the office only', async () => {
    const unitWeb = (await createWebUser(ctx, office, { role: 'unit', unitId: 'lishui' })).web;
    expect((await getPage(ctx, unitWeb, '/office/reports/usage')).status).toBe(403);
    expect((await ctx.app.request('/office/reports/usage.csv', { headers: { cookie: unitWeb.cookie } })).status).toBe(403);
  });
});

describe('/office/reports/monthly', () => {
  it("shows each region's visits and receptions of the month with totals and links to the months around", async () => {
    const res = await getPage(ctx, web, '/office/reports/monthly?month=2027-03');
    expect(res.status).toBe(200);
    expect(res.html).toContain('2027-03 月询');
    // The term is explained where it is used, and statuses are said as everywhere else.
    expect(res.html).toContain('月询:每月初,省对口支援办向各前方指挥部通报并主动询问当月的考察慰问和来访接待安排');
    expect(res.html).not.toContain('已提交');
    const aksu = sectionOf(res.html, 'aksu');
    expect(aksu).toContain('阿克苏地区');
    expect(aksu).toContain('考察慰问团 2 批、11 人;来访接待 0 批、0 人');
    expect(aksu).toContain('2027-02-27 – 2027-03-02');
    expect(aksu).toContain(ESCAPED);
    expect(res.html).not.toContain(XSS);
    const alar = sectionOf(res.html, 'alar');
    expect(alar).toContain('考察慰问团 1 批、7 人');
    expect(res.html).toContain('href="/office/reports/monthly?month=2027-02"');
    expect(res.html).toContain('href="/office/reports/monthly?month=2027-04"');
    expect(res.html).toContain('href="/office/reports/monthly.csv?month=2027-03"');
  });

  it('crosses the year at December', async () => {
    const res = await getPage(ctx, web, '/office/reports/monthly?month=2027-12');
    expect(res.html).toContain('href="/office/reports/monthly?month=2027-11"');
    expect(res.html).toContain('href="/office/reports/monthly?month=2028-01"');
  });

  it('shows a bad month on its field', async () => {
    const res = await getPage(ctx, web, '/office/reports/monthly?month=2027-13');
    expect(res.status).toBe(422);
    expect(res.html).toContain('aria-describedby="month-error"');
    expect(res.html).toContain('请按 YYYY-MM 填写月份');
  });
});

describe('/office/reports/balance', () => {
  const aksuSection = async (query = 'year=2028') => {
    const res = await getPage(ctx, web, `/office/reports/balance?${query}`);
    expect(res.status).toBe(200);
    return { html: res.html, aksu: sectionOf(res.html, 'aksu') };
  };

  it('draws a bar per unit with cadres, scaled so the largest value fills the plot', async () => {
    const { aksu } = await aksuSection();
    const svg = aksu.match(/<svg[\s\S]*?<\/svg>/)![0];
    expect(svg).toMatch(
      /^<svg class="balance-chart" viewBox="0 0 660 \d+" role="img" aria-label="阿克苏地区:各单位人均慰问金\(元\/人\),中位数 500,合理区间 250–750"/,
    );
    expect([...svg.matchAll(/<rect class="bar (\w+)"/g)].map((m) => m[1])).toEqual(['normal', 'under', 'over']);
    // Plot 400 wide from x = 150; the scale tops out at wenzhou's 2000.
    expect(rowOf(svg, 'g', 'hangzhou')).toMatch(
      /<rect class="bar normal" x="150" y="\d+" width="100" height="18"><title>杭州市:人均慰问金 500 元<\/title>/,
    );
    expect(rowOf(svg, 'g', 'ningbo')).toMatch(
      /<rect class="bar under" x="150" y="\d+" width="20" height="18"><title>宁波市:人均慰问金 100 元 ▼偏低<\/title>/,
    );
    expect(rowOf(svg, 'g', 'wenzhou')).toMatch(/<rect class="bar over" x="150" y="\d+" width="400" height="18">/);
    expect(svg).not.toContain('data-unit="jiaxing"');
  });

  it('marks the median with a line and the band with a shaded rectangle', async () => {
    const { aksu } = await aksuSection();
    expect(aksu).toMatch(/<line class="median" x1="250" x2="250" y1="22" y2="118">/);
    expect(aksu).toMatch(/<rect class="band" x="200" y="22" width="100" height="96">/);
    expect(aksu).toContain('▲偏高:高于中位数 × 1.5');
    expect(aksu).toContain('▼偏低:低于中位数 × 0.5');
  });

  it('lists the numbers in a table too, units without cadres included', async () => {
    const { aksu } = await aksuSection();
    const wenzhou = rowOf(aksu, 'tr', 'wenzhou');
    expect(wenzhou).toMatch(
      /温州市[\s\S]*<td class="num" data-label="派驻干部">1<\/td><td class="num" data-label="慰问批次">1<\/td><td class="num" data-label="慰问金\(元\)">2,000<\/td><td class="num" data-label="人均慰问金\(元\)">2,000<\/td>/,
    );
    expect(wenzhou).toContain('人均慰问金偏高');
    expect(rowOf(aksu, 'tr', 'jiaxing')).toContain('无派驻干部,不比较');
  });

  it('narrows to one region and refuses an unknown one on its field', async () => {
    const one = await getPage(ctx, web, '/office/reports/balance?year=2028&regionId=alar');
    expect(one.html).toContain('data-region="alar"');
    expect(one.html).not.toContain('data-region="aksu"');
    const bad = await getPage(ctx, web, '/office/reports/balance?year=2028&regionId=mars');
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('aria-describedby="regionId-error"');
    expect(bad.html).toContain('请选择列表中的地区');
  });
});
