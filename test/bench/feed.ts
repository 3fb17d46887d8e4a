// Section 3: a 5,000-event feed served through GET /cal/{token}.ics against ical-generator
// (buildFeed) serialising the same events in process, and a 304 (If-None-Match) against a
// full response.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildFeed, type FeedEvent } from '../../src/ical/feed.js';
import { benchApp } from './lib/app.js';
import { seedVisits } from './lib/seed.js';
import { summarise, timeLoop, type Summary } from './lib/stats.js';

export interface FeedResult {
  events: number;
  bytes: number;
  full: Summary;
  notModified: Summary;
  inProcess: Summary;
}

export const feedRouteLanded = (): boolean => existsSync(fileURLToPath(new URL('../../src/routes/calendar.ts', import.meta.url)));

export async function benchFeed(options: { runs: number }): Promise<FeedResult | { skipped: string }> {
  if (!feedRouteLanded()) return { skipped: 'the feed route (src/routes/calendar.ts) has not landed' };
  const bench = await benchApp();
  try {
    const events = 5_000;
    await seedVisits(bench.database.client, {
      count: events,
      unitIds: ['hangzhou', 'ningbo', 'wenzhou', 'jiaxing'],
      fromYear: 2027,
      toYear: 2028,
      actorId: bench.officeId,
      seed: 5,
    });
    const created = await bench.request('POST', '/api/v1/feeds', { token: bench.officeToken, body: { scope: 'all', label: '全部' } });
    if (created.status !== 201) return { skipped: `POST /api/v1/feeds answered ${created.status}` };
    const path = new URL(created.body.url).pathname;
    const first = await bench.request('GET', path);
    if (first.status !== 200) throw new Error(`feed: ${first.status} ${first.text.slice(0, 300)}`);
    const etag = first.headers.get('etag');
    if (!etag) throw new Error('feed: no ETag');
    const served = (first.text.match(/BEGIN:VEVENT/g) ?? []).length;
    if (served !== events) throw new Error(`feed: ${served} events served, ${events} expected`);

    // The same events the route serialises, built once outside the timing.
    const calendar = await import('../../src/services/feed-calendar.js');
    const feedRepo = await import('../../src/db/repo/feeds.js');
    const active = await feedRepo.findActiveFeedByToken(bench.database.db, path.slice('/cal/'.length, -'.ics'.length));
    if (!active) throw new Error('feed: token not found in process');
    const feedEvents: FeedEvent[] = calendar.feedEvents(await feedRepo.feedRecords(bench.database.db, active));
    const name = '对口支援考察慰问 · 全部';

    // Full answers and in-process builds alternate, so background load weighs on both alike.
    const full: number[] = [];
    const inProcess: number[] = [];
    const deadline = performance.now() + 60_000;
    for (let i = 0; i < options.runs && performance.now() < deadline; i++) {
      let t0 = performance.now();
      const res = await bench.app.request(path);
      if (res.status !== 200) throw new Error(`feed ${res.status}`);
      await res.text();
      full.push(performance.now() - t0);
      t0 = performance.now();
      buildFeed(feedEvents, { calendarName: name });
      inProcess.push(performance.now() - t0);
    }
    const notModified = await timeLoop(
      async () => {
        const res = await bench.app.request(path, { headers: { 'if-none-match': etag } });
        if (res.status !== 304) throw new Error(`feed conditional ${res.status}`);
        await res.text();
      },
      { count: options.runs * 10, maxMs: 15_000 },
    );
    return {
      events: served,
      bytes: Buffer.byteLength(first.text),
      full: summarise(full),
      notModified: summarise(notModified),
      inProcess: summarise(inProcess),
    };
  } finally {
    bench.close();
  }
}
