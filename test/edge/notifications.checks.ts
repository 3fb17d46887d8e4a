// Notifications on Workers: a booking's webhook goes out from the request's waitUntil, signed as
// Standard Webhooks; a failed one is sent again by the Cron Trigger (wrangler's /__scheduled);
// the HQ finds the booking in its inbox. The receiver is the test's own, on 127.0.0.1.
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type HttpReceiver, startHttpReceiver, waitFor } from '../helpers/receivers.js';
import type { EdgeSuite } from './helpers/suite.js';
import { day, visitBody, YEAR } from './helpers/visits.js';

export function notificationChecks(edge: EdgeSuite): void {
  let receiver: HttpReceiver;
  let secret: string;
  let unit: string;
  let hq: string;

  beforeAll(async () => {
    receiver = await startHttpReceiver();
    if (edge.startError !== undefined) return; // the checks below then fail with it
    // Room in the region whatever the checks before left in its rules.
    const rules = await edge.http.call('PUT', '/api/v1/regions/aksu/rules', {
      token: edge.adminToken,
      body: { maxConcurrentDelegations: 20, minGapDays: 0, blackouts: [] },
    });
    expect(rules.status).toBe(200);
    const caps = await edge.http.call('PUT', `/api/v1/quotas/${YEAR}/units/taizhou`, {
      token: edge.adminToken,
      body: { maxBatches: 20, maxHeadcountPerBatch: 50, maxPersonTrips: 500 },
    });
    expect(caps.status).toBe(200);
    const hook = await edge.http.call('POST', '/api/v1/webhooks', {
      token: edge.adminToken,
      body: { url: `${receiver.baseUrl}/hook`, kind: 'generic', regionId: 'aksu', events: ['visit.submitted'] },
    });
    expect(hook.status, JSON.stringify(hook.body)).toBe(201);
    secret = hook.body.secret;
    unit = (await edge.http.createUser(edge.adminToken, { role: 'unit', unitId: 'taizhou' })).token;
    hq = (await edge.http.createUser(edge.adminToken, { role: 'hq', regionId: 'aksu' })).token;
  });

  afterAll(() => receiver?.stop());

  it('sends a signed webhook right after the booking, and the HQ finds it in its inbox', async () => {
    const booked = await edge.http.call('POST', '/api/v1/visits', {
      token: unit,
      body: visitBody({ startDate: day('11-02'), endDate: day('11-03') }),
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    expect(await waitFor(() => receiver.calls.some((c) => c.json?.data?.recordId === booked.body.id), 10_000)).toBe(true);
    const call = receiver.calls.find((c) => c.json?.data?.recordId === booked.body.id)!;
    expect(call.json.event).toBe('visit.submitted');
    expect(call.json.data.link).toBe(`${edge.baseUrl}/visits/${booked.body.id}`);
    const ts = String(call.headers['webhook-timestamp']);
    expect(new Webhook(secret).sign(String(call.headers['webhook-id']), new Date(Number(ts) * 1000), call.body)).toBe(
      call.headers['webhook-signature'],
    );
    const inbox = await edge.http.call('GET', '/api/v1/notifications?unread=true', { token: hq });
    expect(inbox.body.items.map((n: { recordId: string }) => n.recordId)).toContain(booked.body.id);
  });

  it('sends a failed webhook again from the Cron Trigger, under the same webhook-id', async () => {
    let refuse = true;
    receiver.respond = () => (refuse ? { status: 503, body: 'down' } : { status: 200, body: '{}' });
    const booked = await edge.http.call('POST', '/api/v1/visits', {
      token: unit,
      body: visitBody({ startDate: day('11-09'), endDate: day('11-10') }),
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const ofVisit = () => receiver.calls.filter((c) => c.json?.data?.recordId === booked.body.id);
    expect(await waitFor(() => ofVisit().length === 1, 10_000)).toBe(true);
    refuse = false;
    // Due again after the first backoff (0.5 s here); only the cron sends it now.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(ofVisit()).toHaveLength(1);
    const cron = await fetch(`${edge.baseUrl}/__scheduled?cron=${encodeURIComponent('* * * * *')}`);
    expect(cron.status).toBe(200);
    expect(await waitFor(() => ofVisit().length === 2, 10_000)).toBe(true);
    const [first, second] = ofVisit();
    expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
  });
}
