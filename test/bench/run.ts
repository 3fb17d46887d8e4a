// `npm run bench`: every measurement in one run on this machine, printed and written to
// BENCHMARKS.md as one table. Load only ever goes to 127.0.0.1, and every loop is bounded in
// count and time.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchBookingBreakdown, type BreakdownRow } from './booking-breakdown.js';
import { benchThroughput, type ThroughputResult } from './booking-throughput.js';
import { benchFeed, type FeedResult } from './feed.js';
import { benchNotificationLatency, type NotificationLatencyResult } from './notification-latency.js';
import { fmt, machine } from './lib/stats.js';
import { ANALYSIS } from './analysis.js';
import { benchEventLoop, type EventLoopResult } from './event-loop.js';
import { benchPagesAtScale } from './pages-at-scale.js';
import { pagesRows } from './pages-report.js';
import { benchRuleScaling, type ScalingResult } from './rule-scaling.js';
import { benchSlots, type SlotResult } from './slot-search.js';

interface Row {
  section: string;
  measure: string;
  value: string;
  target: string;
  met: string;
}

const QUICK = process.env.BENCH_QUICK === '1';
// BENCH_ONLY=feed,slot search: run only the sections whose names contain one of these words (for
// working on one of them); BENCHMARKS.md is then left alone, as with BENCH_QUICK.
const ONLY = (process.env.BENCH_ONLY ?? '')
  .split(',')
  .map((word) => word.trim())
  .filter(Boolean);
const PARTIAL = QUICK || ONLY.length > 0;
const rows: Row[] = [];
const notes: string[] = [];
const row = (section: string, measure: string, value: string, target = '', met: boolean | null = null) =>
  rows.push({ section, measure, value, target, met: met === null ? '' : met ? 'yes' : '**no**' });

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

async function section<T>(name: string, fn: () => Promise<T>): Promise<T | undefined> {
  if (ONLY.length > 0 && !ONLY.some((word) => name.includes(word))) return undefined;
  log(`${name}…`);
  const t0 = performance.now();
  try {
    const result = await fn();
    log(`${name} done in ${fmt((performance.now() - t0) / 1000, 1)} s`);
    return result;
  } catch (err) {
    log(`${name} FAILED: ${err instanceof Error ? err.stack : String(err)}`);
    row(name, 'failed', String(err instanceof Error ? err.message : err).slice(0, 200));
    return undefined;
  }
}

function throughputRows(t: ThroughputResult): void {
  const s = '1 booking throughput';
  const healthzPerSecond = (t.healthz.perSecond + t.healthzAfter.perSecond) / 2;
  const ratio = t.booking.perSecond / healthzPerSecond;
  row(
    s,
    'accepted POST /api/v1/visits per s (p50 / p99 ms)',
    `${fmt(t.booking.perSecond, 0)} /s (${fmt(t.booking.p50Ms, 1)} / ${fmt(t.booking.p99Ms, 1)})`,
  );
  row(
    s,
    'the same bookings, same server code, file at synchronous=NORMAL (the old setting; the two take turns): per s (p50 / p99 ms)',
    `${fmt(t.bookingNormalSync.perSecond, 0)} /s (${fmt(t.bookingNormalSync.p50Ms, 1)} / ${fmt(t.bookingNormalSync.p99Ms, 1)})`,
  );
  row(s, 'bookings at FULL ÷ at NORMAL (what FULL costs)', fmt(t.booking.perSecond / t.bookingNormalSync.perSecond, 3));
  row(
    s,
    'GET /healthz per s, before / after the POSTs (p50 ms)',
    `${fmt(t.healthz.perSecond, 0)} / ${fmt(t.healthzAfter.perSecond, 0)} /s (${fmt(t.healthz.p50Ms, 1)} / ${fmt(t.healthzAfter.p50Ms, 1)})`,
  );
  row(
    s,
    'authenticated POST /api/v1/visits refused by validation (422) per s (p50 / p99 ms)',
    `${fmt(t.refusedByValidation.perSecond, 0)} /s (${fmt(t.refusedByValidation.p50Ms, 1)} / ${fmt(t.refusedByValidation.p99Ms, 1)})`,
  );
  row(
    s,
    'raw libSQL INSERT per s, synchronous=NORMAL (p50 / p99 ms)',
    `${fmt(t.rawInsert.perSecond, 0)} /s (${fmt(t.rawInsert.p50Ms, 3)} / ${fmt(t.rawInsert.p99Ms, 3)})`,
  );
  row(
    s,
    'raw libSQL INSERT per s, synchronous=FULL (p50 / p99 ms)',
    `${fmt(t.rawInsertFull.perSecond, 0)} /s (${fmt(t.rawInsertFull.p50Ms, 3)} / ${fmt(t.rawInsertFull.p99Ms, 3)})`,
  );
  row(s, 'booking ÷ healthz (mean of before and after)', fmt(ratio, 3), '≥ 0.15', ratio >= 0.15);
  row(
    s,
    'refused-by-validation POST ÷ healthz (the ceiling for any authenticated JSON write)',
    fmt(t.refusedByValidation.perSecond / healthzPerSecond, 3),
  );
  row(s, 'booking ÷ refused-by-validation POST', fmt(t.booking.perSecond / t.refusedByValidation.perSecond, 3));
  row(
    s,
    'reference, a bare Hono app on the same Node wiring: POST /echo (the booking bodies) / GET /healthz per s',
    `${fmt(t.bareEcho.perSecond, 0)} / ${fmt(t.bareHealthz.perSecond, 0)} /s`,
  );
  row(s, 'reference: bare Hono JSON POST ÷ bare Hono GET', fmt(t.bareEcho.perSecond / t.bareHealthz.perSecond, 3));
  row(s, 'booking ÷ raw INSERT (NORMAL)', fmt(t.booking.perSecond / t.rawInsert.perSecond, 3));
  const refused = Object.entries(t.booking.statusCounts).filter(([code]) => !code.startsWith('2'));
  notes.push(
    `Booking load: ${t.booking.total} requests, ${t.booking.accepted} answered 2xx${refused.length ? `, others: ${refused.map(([c, n]) => `${n}×${c}`).join(', ')}` : ''}; ` +
      `${t.storedAfterBooking} visits stored afterwards (warm-up bookings included).`,
  );
}

function breakdownRows(r: BreakdownRow[]): void {
  for (const b of r) row('1 booking throughput', `CPU per call, in process: ${b.step}`, `${fmt(b.cpuMicros, 0)} µs`);
}

function scalingRows(r: ScalingResult): void {
  const s = '2 rule-check scaling';
  row(
    s,
    `booking through the app, ${r.small.stored.toLocaleString('en')} visits stored: p50 / mean / p99 ms`,
    `${fmt(r.small.p50Ms)} / ${fmt(r.small.meanMs)} / ${fmt(r.small.p99Ms)}`,
  );
  row(
    s,
    `booking through the app, ${r.large.stored.toLocaleString('en')} visits stored: p50 / mean / p99 ms`,
    `${fmt(r.large.p50Ms)} / ${fmt(r.large.meanMs)} / ${fmt(r.large.p99Ms)}`,
  );
  const ratio = r.large.p50Ms / r.small.p50Ms;
  row(s, 'large ÷ small (p50)', fmt(ratio), '≤ 1.3', ratio <= 1.3);
  row(s, 'large ÷ small (mean)', fmt(r.large.meanMs / r.small.meanMs));
  row(s, 'CPU time per booking, small / large: p50 ms', `${fmt(r.small.cpu.p50Ms)} / ${fmt(r.large.cpu.p50Ms)}`);
  row(s, 'large ÷ small (CPU time p50)', fmt(r.large.cpu.p50Ms / r.small.cpu.p50Ms));
  notes.push(
    `Rule scaling: ${r.small.n} bookings per size, alternating between the databases; seeding both took ${fmt(r.seedSeconds, 1)} s.`,
  );
}

function feedRows(r: FeedResult | { skipped: string }): void {
  const s = '3 feed';
  if ('skipped' in r) {
    row(s, 'not measured', r.skipped);
    return;
  }
  row(s, `GET /cal/{token}.ics, ${r.events} events, ${fmt(r.bytes / 1024, 0)} KiB: p50 ms`, fmt(r.full.p50Ms, 1));
  row(s, 'buildFeed (ical-generator) in process, same events: p50 ms', fmt(r.inProcess.p50Ms, 1));
  row(s, 'GET with If-None-Match → 304: p50 ms', fmt(r.notModified.p50Ms, 2));
  const ratio = r.full.p50Ms / r.inProcess.p50Ms;
  row(s, 'served ÷ in-process', fmt(ratio), '≤ 2', ratio <= 2);
  const cheaper = r.full.p50Ms / r.notModified.p50Ms;
  row(s, 'full ÷ 304 (how many times cheaper)', fmt(cheaper, 1), '≥ 50', cheaper >= 50);
}

function slotRows(r: SlotResult): void {
  const s = '4 slot search';
  row(
    s,
    `GET /api/v1/plan/slots, one year, ${r.visits} visits in the region: p50 / p99 ms`,
    `${fmt(r.route.p50Ms)} / ${fmt(r.route.p99Ms)} (${r.route.slots} slots found)`,
  );
  row(s, 'route: visits per ms (p50)', fmt(r.visits / r.route.p50Ms, 0));
  row(s, 'pure findSlots, same input: p50 / p99 ms', `${fmt(r.pure.p50Ms, 3)} / ${fmt(r.pure.p99Ms, 3)}`);
  row(s, 'pure: visits per ms (p50)', fmt(r.visits / r.pure.p50Ms, 0));
}

function notificationRows(r: NotificationLatencyResult): void {
  const s = '8 booking with channels down';
  row(
    s,
    `POST /api/v1/visits, no channel configured: p50 / p99 ms (${r.bookings} bookings)`,
    `${fmt(r.none.p50Ms)} / ${fmt(r.none.p99Ms)}`,
  );
  row(
    s,
    'same, SMTP unreachable and 3 webhooks failing (500, closed port, no answer): p50 / p99 ms',
    `${fmt(r.allDown.p50Ms)} / ${fmt(r.allDown.p99Ms)}`,
  );
  const ratio = r.allDown.p50Ms / r.none.p50Ms;
  row(s, 'channels down ÷ none (p50)', fmt(ratio), '≤ 1.25 (the same within noise)', ratio <= 1.25);
  row(s, 'channels down ÷ none (mean)', fmt(r.allDown.meanMs / r.none.meanMs));
  row(s, 'failed webhook attempts logged meanwhile (at least)', String(r.failedAttempts));
}

async function plannerRows(): Promise<void> {
  const file = fileURLToPath(new URL('./planner-bench.ts', import.meta.url));
  const s = '5 annual planner';
  if (!existsSync(file)) {
    row(s, 'not measured', 'test/bench/planner-bench.ts is not there yet');
    return;
  }
  const mod = (await import(pathToFileURL(file).href)) as { benchPlanner?: () => Promise<unknown> };
  if (typeof mod.benchPlanner !== 'function') {
    row(s, 'not measured', 'planner-bench.ts exports no benchPlanner()');
    return;
  }
  const result = await mod.benchPlanner();
  const cases = (Array.isArray(result) ? result : [result]) as Record<string, any>[];
  cases.forEach((c, i) => {
    const tag = cases.length > 1 ? ` (case ${i + 1})` : '';
    if (typeof c.requests === 'number' && typeof c.placedShare === 'number' && c.objective) {
      row(s, `requests${tag}`, String(c.requests));
      row(s, `placed (share)${tag}`, `${c.placed ?? Math.round(c.placedShare * c.requests)} (${fmt(c.placedShare * 100, 1)} %)`);
      row(s, `objective: placed weight / total deviation days${tag}`, `${c.objective.placedWeight} / ${c.objective.totalDeviationDays}`);
      if (typeof c.lpBound === 'number')
        row(s, `LP relaxation bound (HiGHS) / gap to it${tag}`, `${fmt(c.lpBound, 1)} / ${fmt(c.gapPercent ?? NaN, 2)} %`);
      row(
        s,
        `solve time${tag}`,
        `${fmt(c.ms, 0)} ms${c.timeLimitMs ? ` (limit ${c.timeLimitMs} ms${c.search?.stoppedBy ? `, stopped by ${c.search.stoppedBy}` : ''})` : ''}`,
      );
      if (c.lp?.ms) row(s, `LP bound computation${tag}`, `${fmt(c.lp.ms, 0)} ms (${c.lp.variables} variables, ${c.lp.rows} rows)`);
    } else {
      const entries = Object.entries(c ?? {}).map(
        ([k, v]) => `${k}: ${typeof v === 'number' ? (Number.isInteger(v) ? v : fmt(v, 3)) : JSON.stringify(v)}`,
      );
      row(s, `case ${i + 1}`, entries.join('; '));
    }
  });
}

function eventLoopRows(r: EventLoopResult): void {
  const s = '7 event loop';
  const stats = (x: { p50Ms: number; p99Ms: number; maxMs: number }) => `${fmt(x.p50Ms, 1)} / ${fmt(x.p99Ms, 1)} / ${fmt(x.maxMs, 1)}`;
  row(s, 'GET /healthz on the idle server: p50 / p99 / max ms', stats(r.idle));
  row(
    s,
    `GET /healthz during POST /plans/{year}/solve, ${r.solve.requests} requests, timeLimitMs 10,000 (the solve took ${fmt(r.solve.workMs / 1000, 1)} s, placed ${r.solve.placed}; ${r.solve.answered} answers): p50 / p99 / max ms`,
    stats(r.solve),
    'max ≤ 100 ms',
    r.solve.maxMs <= 100,
  );
  row(
    s,
    `GET /healthz while monthly and usage CSV exports over 20,000 visits run back to back (${r.exports.runs} of each in ${fmt(r.exports.workMs / 1000, 1)} s; ${r.exports.answered} answers): p50 / p99 / max ms`,
    stats(r.exports),
    'max ≤ 100 ms',
    r.exports.maxMs <= 100,
  );
}

async function main(): Promise<void> {
  const m = machine();
  const startedAt = new Date();
  const loadBefore = loadavg()[0]!;
  log(`Node ${m.node}, ${m.cpuCount} × ${m.cpuModel}${QUICK ? ' (BENCH_QUICK=1: shortened)' : ''}`);

  const throughput = await section('booking throughput', () => benchThroughput({ seconds: QUICK ? 2 : 5, connections: 10 }));
  if (throughput) throughputRows(throughput);
  const breakdown = await section('booking breakdown', () => benchBookingBreakdown({ calls: QUICK ? 200 : 1_000 }));
  if (breakdown) breakdownRows(breakdown);
  const scaling = await section('rule-check scaling', () =>
    benchRuleScaling({ bookings: QUICK ? 60 : 300, largeCount: QUICK ? 20_000 : 200_000, smallCount: 200 }),
  );
  if (scaling) scalingRows(scaling);
  const feed = await section('feed', () => benchFeed({ runs: QUICK ? 3 : 10 }));
  if (feed) feedRows(feed);
  const slots = await section('slot search', () => benchSlots({ runs: QUICK ? 20 : 100 }));
  if (slots) slotRows(slots);
  await section('annual planner', plannerRows);
  const notifications = await section('booking with channels down', () => benchNotificationLatency({ bookings: QUICK ? 100 : 400 }));
  if (notifications) notificationRows(notifications);
  const pages = await section('pages at scale', () =>
    benchPagesAtScale({ runs: QUICK ? 5 : 51, small: 2_000, large: 20_000, huge: QUICK ? 50_000 : 200_000 }),
  );
  if (pages) {
    const { failed } = pagesRows(pages, row);
    notes.push(
      `Pages at scale: seeding both databases took ${fmt(pages.seedSeconds, 1)} s; ${pages.rows.length} pages and lists, ${failed.length} missing a target${failed.length ? ` (${failed.join('; ')})` : ''}.`,
    );
  }
  const loop = await section('event loop', () => benchEventLoop({ exportRuns: QUICK ? 20 : 100 }));
  if (loop) eventLoopRows(loop);
  const loadAfter = loadavg()[0]!;

  const table = [
    '| section | measurement | value | target | met |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.section} | ${r.measure} | ${r.value} | ${r.target} | ${r.met} |`),
  ].join('\n');
  const doc = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` (test/bench/run.ts) on ${startedAt.toISOString()}: one run, one machine.`,
    '',
    `- Node ${m.node}, ${m.platform}, ${m.cpuCount} CPUs: ${m.cpuModel}`,
    `- 1-minute load average: ${fmt(loadBefore, 2)} before, ${fmt(loadAfter, 2)} after (anything above 0 means other work shared the CPUs).`,
    `- Throughput: the real Node server (\`src/server.ts\`) as a child process with a temp database file; autocannon from this process to 127.0.0.1, 10 connections, ${QUICK ? 2 : 5} s per measurement after a 1 s warm-up (bookings: the server at synchronous=FULL and one at NORMAL take turns, twice ${QUICK ? 1 : 3} s each). Only 2xx answers count as accepted bookings.`,
    "- Other sections time single requests through `app.request()` in process (temp database file, the server's pragmas: WAL, synchronous=FULL, busy_timeout), one after another.",
    '',
    table,
    '',
    ...notes.map((n) => `- ${n}`),
    '',
    ANALYSIS,
  ].join('\n');
  process.stdout.write(`${doc}\n`);
  if (!PARTIAL) {
    const file = fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url));
    writeFileSync(file, doc);
    // CI checks the formatting of every file, this table's column widths included.
    spawnSync('npx', ['--no-install', 'biome', 'format', '--write', file], { stdio: 'ignore' });
  } else log('BENCH_QUICK or BENCH_ONLY: BENCHMARKS.md left as it was');
}

await main();
