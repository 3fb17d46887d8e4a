// The mail server and the webhook receiver are down for 60 s while 20 visits are booked and
// coordinated through the real Node server (src/server.ts): the bookings are not slowed, and when
// both come back every message arrives — none lost, any duplicate under the same Message-ID or
// webhook-id. Only 127.0.0.1 is contacted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpOk } from '../bench/lib/http.js';
import type { ServerProcess } from '../bench/lib/server-process.js';
import { type HttpReceiver, type SmtpReceiver, startHttpReceiver, startSmtpReceiver, waitFor } from '../helpers/receivers.js';
import {
  arrivedCalls,
  arrivedMails,
  bookAndCoordinate,
  duplicatesShareIds,
  scenario,
  setUp,
  unverifiedCalls,
} from './helpers/notified-server.js';

const OUTAGE_MS = 60_000;

let smtp: SmtpReceiver;
let http: HttpReceiver;
let server: ServerProcess | undefined;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  http = await startHttpReceiver();
});

afterAll(async () => {
  await server?.stop();
  await smtp.stop();
  await http.stop();
});

describe('a mail server and a webhook receiver down for 60 s', () => {
  it('loses nothing: every message of 20 booked and coordinated visits arrives once they are back', async () => {
    const run = scenario({ smtpPort: smtp.port, leaseSeconds: 30 });
    const running = await run.start();
    server = running;
    const actors = await setUp(running.baseUrl, `${http.baseUrl}/hook`);

    await smtp.stop();
    await http.stop();
    const downSince = Date.now();
    const started = performance.now();
    const expected = await bookAndCoordinate(server.baseUrl, actors, 20);
    const bookingMs = performance.now() - started;
    expect(expected.mails).toHaveLength(60);
    // 40 requests while every channel is down: each answered at once, none waits for a channel.
    expect(bookingMs / 40).toBeLessThan(500);
    expect(arrivedMails(smtp)).toHaveLength(0);

    // The failures were recorded and are due again (the server keeps trying while they are down).
    await new Promise((r) => setTimeout(r, Math.max(0, OUTAGE_MS - (Date.now() - downSince))));
    await smtp.start();
    await http.start();

    const all = await waitFor(
      () => new Set(arrivedMails(smtp)).size >= expected.mails.length && new Set(arrivedCalls(http)).size >= expected.calls.length,
      60_000,
      200,
    );
    expect(all, `mails ${new Set(arrivedMails(smtp)).size}/60, calls ${new Set(arrivedCalls(http)).size}/40`).toBe(true);
    expect([...new Set(arrivedMails(smtp))].sort()).toEqual([...expected.mails].sort());
    expect([...new Set(arrivedCalls(http))].sort()).toEqual([...expected.calls].sort());
    const { problems } = duplicatesShareIds(smtp, http);
    expect(problems).toEqual([]);
    expect(unverifiedCalls(http, actors.webhookSecret)).toBe(0);
    // While it was down the receiver was tried and failed (no answer), and the log says so (the
    // sender records an attempt just after the receiver answered it: wait for the last ones).
    const deliveries = () =>
      httpOk(running.baseUrl, 'GET', `/api/v1/webhooks/${actors.webhookId}/deliveries?limit=200`, { token: actors.office });
    const allLogged = async () => (await deliveries()).items.filter((a: { status: string }) => a.status === 'sent').length >= 40;
    expect(await waitFor(allLogged, 10_000, 200)).toBe(true);
    const log = await httpOk(server.baseUrl, 'GET', `/api/v1/webhooks/${actors.webhookId}/deliveries?limit=200`, { token: actors.office });
    expect(log.items.some((a: any) => a.status === 'failed' && a.responseStatus === null)).toBe(true);
    expect(log.items.filter((a: any) => a.status === 'sent').length).toBeGreaterThanOrEqual(40);
  }, 180_000);
});
