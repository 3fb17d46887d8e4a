// The real Node server (src/server.ts) is SIGKILLed while it is sending (a slow mail server and
// a slow webhook receiver keep messages in flight), then started again on the same database:
// every message arrives, and a message sent twice (its first outcome unknown when the process
// died) carries the same Message-ID / webhook-id both times. Only 127.0.0.1 is contacted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('the server killed mid-delivery', () => {
  it('sends every message after the restart; duplicates share their ids', async () => {
    // A lease shorter than the default, so what the dead process held is free again soon.
    const run = scenario({ smtpPort: smtp.port, leaseSeconds: 3 });
    server = await run.start();
    const actors = await setUp(server.baseUrl, `${http.baseUrl}/hook`);
    // Slow receivers: each message takes 300 ms to be taken, so many are in flight at once.
    smtp.delayMs = 300;
    http.delayMs = 300;
    const expected = await bookAndCoordinate(server.baseUrl, actors, 12);

    // Killed while messages are on the wire: some arrived, and the receivers hold others unanswered.
    const midway = await waitFor(
      () => arrivedMails(smtp).length + arrivedCalls(http).length >= 5 && smtp.inFlight + http.inFlight > 0,
      20_000,
      5,
    );
    expect(midway).toBe(true);
    await server.kill();
    const atKill = new Set(arrivedMails(smtp)).size + new Set(arrivedCalls(http)).size;
    // Killed mid-delivery: some messages had arrived, not all.
    expect(atKill).toBeLessThan(expected.mails.length + expected.calls.length);

    server = await run.start();
    const all = await waitFor(
      () => new Set(arrivedMails(smtp)).size >= expected.mails.length && new Set(arrivedCalls(http)).size >= expected.calls.length,
      60_000,
      200,
    );
    expect(
      all,
      `mails ${new Set(arrivedMails(smtp)).size}/${expected.mails.length}, calls ${new Set(arrivedCalls(http)).size}/${expected.calls.length}`,
    ).toBe(true);
    expect([...new Set(arrivedMails(smtp))].sort()).toEqual([...expected.mails].sort());
    expect([...new Set(arrivedCalls(http))].sort()).toEqual([...expected.calls].sort());
    const { problems, mailDuplicates, callDuplicates } = duplicatesShareIds(smtp, http);
    expect(problems).toEqual([]);
    console.log(`crash test: ${atKill} messages before the kill, ${mailDuplicates} mail and ${callDuplicates} webhook duplicates after`);
    // What was on the wire at the kill had an unknown outcome: it went out again, under the same id.
    expect(mailDuplicates + callDuplicates).toBeGreaterThan(0);
    expect(unverifiedCalls(http, actors.webhookSecret)).toBe(0);
  }, 180_000);
});
