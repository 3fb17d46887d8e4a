// What the every-page browser test looks at: an office, an HQ (Aksu) and a unit (Hangzhou) with
// visits in every status, a reception with its list and a document, plan requests, a feed, a
// webhook and notifications; and the address of every page with real ids filled in.
import { expect } from 'vitest';
import { call, createUserAndLogin, loginAdmin } from '../helpers/api.js';
import type { TestContext } from '../helpers/app.js';
import { receptionBody } from '../helpers/records.js';

export type Role = 'office' | 'hq' | 'unit';

export interface SeededPages {
  emails: { hq: string; unit: string };
  /** Ids the pages' addresses need, by the route parameter they fill. */
  ids: {
    visit: string;
    editableVisit: string;
    reception: string;
    account: string;
    webhook: string;
  };
}

const REGIONS = ['aksu', 'alar', 'nagqu', 'haixi'] as const;
const UNITS = ['hangzhou', 'ningbo', 'wenzhou', 'jiaxing', 'huzhou'] as const;

async function ok(res: Promise<{ status: number; body: any }>, expected = 200) {
  const done = await res;
  expect(done.status, JSON.stringify(done.body)).toBe(expected);
  return done.body;
}

export async function seedEveryPage(ctx: TestContext, baseUrl: string): Promise<SeededPages> {
  const office = await loginAdmin(ctx);
  for (const region of REGIONS) {
    const rules = { maxConcurrentDelegations: 20, minGapDays: 0, blackouts: [] };
    await ok(call(ctx, 'PUT', `/api/v1/regions/${region}/rules`, { token: office, body: rules }));
  }
  const caps = { maxBatches: 40, maxHeadcountPerBatch: 20, maxPersonTrips: 600 };
  await ok(call(ctx, 'PUT', '/api/v1/quotas/2027', { token: office, body: caps }));
  const entries = UNITS.flatMap((unitId, i) => REGIONS.map((regionId) => ({ unitId, regionId, count: 2 + ((i + regionId.length) % 5) })));
  await ok(call(ctx, 'PUT', '/api/v1/cadres/2027', { token: office, body: { entries } }));
  const unit = await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'hangzhou' });
  const hq = await createUserAndLogin(ctx, office, { role: 'hq', regionId: 'aksu' });

  const visitIds: string[] = [];
  for (let i = 0; i < 40; i++) {
    const month = String(2 + (i % 10)).padStart(2, '0');
    const day = String(1 + ((i * 3) % 26)).padStart(2, '0');
    const condolence = i % 3 === 0;
    const body = {
      unitId: UNITS[i % UNITS.length],
      regionId: REGIONS[i % REGIONS.length],
      kind: condolence ? 'condolence' : 'inspection',
      startDate: `2027-${month}-${day}`,
      endDate: `2027-${month}-${String(Number(day) + 2).padStart(2, '0')}`,
      headcount: 3 + (i % 6),
      leaderName: `领队${i + 1}`,
      leaderTitle: '副市长',
      purpose: '考察援建项目进展情况,看望慰问援派干部人才,对接下一步产业合作',
      ...(condolence ? { cadresVisited: 3 + (i % 4), consolationYuan: 6000 + i * 500 } : {}),
    };
    visitIds.push((await ok(call(ctx, 'POST', '/api/v1/visits', { token: office, body }), 201)).id);
  }
  // Every status: the HQ agrees to most of Aksu's (without a word, or with one) and refuses a
  // few; the office approves, cancels and rejects some; the unit withdraws one.
  for (const [i, id] of visitIds.entries()) {
    if (REGIONS[i % REGIONS.length] !== 'aksu' || i > 30) continue;
    const body =
      i % 8 === 4
        ? { agree: false, opinion: '受援地同期接待任务重,请调整日期' }
        : { agree: true, opinion: i % 3 ? '同意,已与受援地对接' : null };
    await ok(call(ctx, 'POST', `/api/v1/visits/${id}/coordinate`, { token: hq.token, body }));
  }
  await ok(call(ctx, 'POST', `/api/v1/visits/${visitIds[0]}/approve`, { token: office }));
  await ok(call(ctx, 'POST', `/api/v1/visits/${visitIds[8]}/approve`, { token: office }));
  await ok(call(ctx, 'POST', `/api/v1/visits/${visitIds[8]}/cancel`, { token: office, body: { reason: '受援地临时安排重大活动' } }));
  await ok(
    call(ctx, 'POST', `/api/v1/visits/${visitIds[16]}/reject`, {
      token: office,
      body: { reason: '与本年度统筹计划冲突,请调整日期后重新提交' },
    }),
  );
  await ok(call(ctx, 'POST', `/api/v1/visits/${visitIds[5]}/withdraw`, { token: unit.token }));

  const receptionOver = {
    startDate: '2027-03-02',
    endDate: '2027-03-03',
    workMeal: { date: '2027-03-02', accompanyCount: 2, costPerPersonYuan: 100 },
    activities: [{ date: '2027-03-02', description: '考察数字经济产业园', place: '杭州市滨江区' }],
  };
  const reception = await ok(call(ctx, 'POST', '/api/v1/receptions', { token: unit.token, body: receptionBody(receptionOver) }), 201);
  // A scanned letter on the reception, through the real multipart upload.
  const form = new FormData();
  form.append('kind', 'official_letter');
  form.append('file', new Blob([Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')]), '阿地委函〔2027〕12号.pdf');
  const upload = await fetch(`${baseUrl}/api/v1/receptions/${reception.id}/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${unit.token}` },
    body: form,
  });
  expect(upload.status, await upload.clone().text()).toBe(201);

  const wish = { regionId: 'nagqu', kind: 'inspection', days: 4, headcount: 6, earliest: '2028-05-01', latest: '2028-06-30', priority: 1 };
  await ok(
    call(ctx, 'POST', '/api/v1/plans/2028/requests', { token: unit.token, body: { ...wish, leaderName: '赵六', purpose: '考察援藏项目' } }),
    201,
  );
  await ok(
    call(ctx, 'POST', '/api/v1/feeds', { token: hq.token, body: { scope: 'region', regionId: 'aksu', label: '阿克苏前指日历' } }),
    201,
  );
  const webhook = await ok(
    call(ctx, 'POST', '/api/v1/webhooks', {
      token: office,
      body: { url: 'https://oapi.dingtalk.com/robot/send?access_token=abc', kind: 'dingtalk', label: '省对口办钉钉群' },
    }),
    201,
  );

  const visits = (await ok(call(ctx, 'GET', '/api/v1/visits?status=submitted&limit=200', { token: unit.token }))).items as { id: string }[];
  return {
    emails: { hq: hq.email, unit: unit.email },
    ids: {
      visit: visitIds[0]!,
      editableVisit: visits[0]!.id,
      reception: reception.id,
      account: unit.id,
      webhook: webhook.id ?? webhook.webhook?.id,
    },
  };
}
