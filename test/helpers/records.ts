// A visit and a reception of unit hangzhou in region aksu, made through the API, for the tests
// of what hangs off a record (documents, the archive). The reception keeps every rule of v1.1
// (guests listed, guestCount equal to their number, lodging ranks held by guests).
import { call } from './api.js';
import type { TestContext } from './app.js';
import { mayVisitBody } from './visits.js';

export const receptionBody = (over: Record<string, unknown> = {}) => ({
  regionId: 'aksu',
  officialLetterRef: '阿地委函〔2027〕12号',
  startDate: '2027-05-10',
  endDate: '2027-05-11',
  guestCount: 2,
  leadRank: 'departmental',
  guests: [
    { name: '艾力·买买提', title: '副专员', rank: 'departmental' },
    { name: '王芳', title: '处长', rank: 'county' },
  ],
  lodging: [{ rank: 'departmental', rooms: 1, nights: 1, ratePerNightYuan: 450 }],
  ...over,
});

export async function newVisit(ctx: TestContext, token: string, over: Record<string, unknown> = {}): Promise<string> {
  const res = await call(ctx, 'POST', '/api/v1/visits', { token, body: mayVisitBody(over) });
  if (res.status !== 201) throw new Error(`visit: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export async function newReception(ctx: TestContext, token: string, over: Record<string, unknown> = {}): Promise<string> {
  const res = await call(ctx, 'POST', '/api/v1/receptions', { token, body: receptionBody(over) });
  if (res.status !== 201) throw new Error(`reception: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}
