// Keyset pages of records in (start_date, id) order: visits and receptions. A page is "the next
// `size` rows after (or before) this key", read as one short index range per status and merged:
// a status filter of three values reads at most 3 × (size + 1) index entries, however many rows
// match, where `status IN (…) ORDER BY …` would sort every match first. The indexes that make
// each range short are (status | region, status | unit, status, start_date, id) in schema.ts.
import { sql, type SQL } from 'drizzle-orm';
import { addDays } from '../../domain/dates.js';

/** A page's position: after a key (forward, the API's cursor), before one (a page back), or the first page. */
export interface KeysetRequest {
  size: number;
  after: readonly [string, string] | null;
  before: readonly [string, string] | null;
}

export interface KeysetQuery {
  /** `visits` or `receptions`: both order by start_date, then id, and have a status column. */
  table: 'visits' | 'receptions';
  /** One index range each; the caller has already left out statuses the filter excludes. */
  statuses: readonly string[];
  /** Everything else the rows must match (scope, region, unit, kind, search, end date). */
  where: SQL | undefined;
  /** Inclusive bounds on start_date that narrow every range (a year, a date window). */
  startFrom?: string;
  startTo?: string;
  page: KeysetRequest;
}

/**
 * `id IN (…)`: the ids of the requested page plus one (the extra row only tells that another page
 * exists), for a `WHERE` of the main select. Rows come back in any order; the caller sorts.
 */
export function keysetPageIds(query: KeysetQuery): SQL {
  const { page } = query;
  const backward = page.before !== null;
  const direction = sql.raw(backward ? 'DESC' : 'ASC');
  const limit = page.size + 1;
  const key = page.before ?? page.after;
  const conditions: SQL[] = [];
  if (query.where) conditions.push(query.where);
  if (query.startFrom !== undefined) conditions.push(sql`start_date >= ${query.startFrom}`);
  if (query.startTo !== undefined) conditions.push(sql`start_date <= ${query.startTo}`);
  if (key) {
    const [startDate, id] = key;
    // Written as a range on start_date plus a tie-break, so the index range starts at the key.
    conditions.push(
      backward
        ? sql`start_date <= ${startDate} AND (start_date < ${startDate} OR id < ${id})`
        : sql`start_date >= ${startDate} AND (start_date > ${startDate} OR id > ${id})`,
    );
  }
  const filter = sql.join(conditions, sql` AND `);
  const table = sql.raw(query.table);
  const members = query.statuses.map(
    (status) =>
      sql`SELECT * FROM (SELECT id, start_date FROM ${table} WHERE status = ${status}${conditions.length ? sql` AND ${filter}` : sql``}
        ORDER BY start_date ${direction}, id ${direction} LIMIT ${limit})`,
  );
  if (members.length === 0) return sql`0`;
  return sql`id IN (SELECT id FROM (${compound(members)} ORDER BY start_date ${direction}, id ${direction} LIMIT ${limit}))`;
}

/** D1 allows at most this many terms in one compound SELECT (SQLite's default is 500). */
const MAX_COMPOUND_TERMS = 5;

/** `a UNION ALL b …`, nested in groups so no compound has more terms than D1 allows. */
function compound(members: SQL[]): SQL {
  if (members.length <= MAX_COMPOUND_TERMS) return sql.join(members, sql` UNION ALL `);
  const groups: SQL[] = [];
  const size = Math.ceil(members.length / Math.ceil(members.length / MAX_COMPOUND_TERMS));
  for (let i = 0; i < members.length; i += size) groups.push(sql`SELECT * FROM (${compound(members.slice(i, i + size))})`);
  return compound(groups);
}

/**
 * `column` contains `text` (ASCII letters in any case). instr, not LIKE: nothing in the text is a
 * wildcard, and D1 refuses LIKE patterns over 50 bytes (17 Chinese characters).
 */
export function contains(column: SQL, text: string): SQL {
  return sql`instr(lower(${column}), lower(${text})) > 0`;
}

/** Two text columns searched as one (a separator no search can hold keeps them apart): one parameter. */
export function eitherContains(a: SQL, b: SQL, text: string): SQL {
  return contains(sql`coalesce(${a}, '') || char(31) || coalesce(${b}, '')`, text);
}

/** The period a list is narrowed to: a start year, and records touching from..to. */
export interface PeriodFilter {
  year?: number;
  from?: string;
  to?: string;
}

/**
 * Bounds on start_date that every record the period lets through keeps, so each index range is
 * only as long as the period: a record touching `from` started at most `maxDays - 1` days before.
 * The caller still checks `end_date >= from`.
 */
export function startBounds(period: PeriodFilter, maxDays: number): { startFrom?: string; startTo?: string } {
  const lower = [period.year === undefined ? undefined : `${period.year}-01-01`];
  if (period.from !== undefined) lower.push(addDays(period.from, -(maxDays - 1)));
  const upper = [period.year === undefined ? undefined : `${period.year}-12-31`, period.to];
  const defined = (values: (string | undefined)[]) => values.filter((v): v is string => v !== undefined).sort();
  return { startFrom: defined(lower).at(-1), startTo: defined(upper)[0] };
}
