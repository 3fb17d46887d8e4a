// Section 6's rows in the benchmark table: each page's p50 time and size at both sizes, the
// ratio, and whether it meets the targets (≤ 1.5 × its time at the smaller size and
// ≤ 300 ms p50 at the larger; HTML ≤ 300 KB; the API's first page ≤ 100 ms at 200,000 visits).
import type { PagesAtScaleResult } from './pages-at-scale.js';
import { fmt } from './lib/stats.js';

type AddRow = (section: string, measure: string, value: string, target?: string, met?: boolean | null) => void;

const SECTION = '6 pages at scale';
const MAX_RATIO = 1.5;
const MAX_P50_MS = 300;
const MAX_HTML_BYTES = 300 * 1024;
const MAX_HUGE_FIRST_PAGE_MS = 100;

const kb = (bytes: number) => fmt(bytes / 1024, 1);

export function pagesRows(r: PagesAtScaleResult, row: AddRow): { failed: string[] } {
  const failed: string[] = [];
  const [small, large] = r.sizes.map((n) => n.toLocaleString('en'));
  for (const p of r.rows) {
    const ratio = p.large.p50Ms / p.small.p50Ms;
    const ok =
      p.small.status === 200 &&
      p.large.status === 200 &&
      ratio <= MAX_RATIO &&
      p.large.p50Ms <= MAX_P50_MS &&
      (!p.html || p.large.bytes <= MAX_HTML_BYTES);
    if (!ok) failed.push(p.name);
    row(
      SECTION,
      `${p.name}: p50 and size, ${small} → ${large} visits`,
      `${fmt(p.small.p50Ms)} → ${fmt(p.large.p50Ms)} ms (× ${fmt(ratio)}); ${kb(p.small.bytes)} → ${kb(p.large.bytes)} KB` +
        (p.small.status !== 200 || p.large.status !== 200 ? `; status ${p.small.status} / ${p.large.status}` : ''),
      p.html ? '≤ 1.5 ×, ≤ 300 ms, ≤ 300 KB' : '≤ 1.5 ×, ≤ 300 ms',
      ok,
    );
  }
  if (r.huge) {
    const count = r.huge.count.toLocaleString('en');
    for (const h of r.huge.rows) {
      const first = h.name === 'office API /api/v1/visits';
      const ok = h.timing.status === 200 && (!first || h.timing.p50Ms <= MAX_HUGE_FIRST_PAGE_MS);
      if (!ok) failed.push(`${h.name} at ${count}`);
      row(
        SECTION,
        `${h.name} at ${count} visits: p50 and size`,
        `${fmt(h.timing.p50Ms)} ms; ${kb(h.timing.bytes)} KB`,
        first ? '≤ 100 ms' : '',
        first ? ok : null,
      );
    }
  }
  return { failed };
}
