// A calendar feed as its subscribers see it (docs/API.md, Calendar feeds): the feed behind a
// secret token, a version tag (ETag) that changes whenever its bytes would, and the iCalendar
// text. A few queries per fetch, whatever the number of events; the tag is computed from
// aggregates, without reading the records or serialising the feed, so a conditional fetch costs
// one statement.
import { feedRecords, findActiveFeedByToken, type ActiveFeed, type FeedRecords, type FeedTarget } from '../db/repo/feeds.js';
import { buildFeed, receptionSummary, visitSummary, type FeedEvent } from '../ical/feed.js';
import { sha256Hex } from '../lib/crypto.js';
import type { ServiceDeps } from './deps.js';
import { notFound } from './errors.js';

const CALENDAR_TITLE = '对口支援考察慰问';

export interface OpenedFeed {
  target: FeedTarget;
  calendarName: string;
  /** A strong ETag, quoted: one tag always means the same bytes. */
  etag: string;
}

const VISIT_STATUS_LABEL: Record<FeedRecords['visits'][number]['status'], string> = {
  submitted: '已报送,待前方指挥部衔接',
  coordinated: '已衔接,待审批',
  approved: '已批准',
  rejected: '未获同意',
  withdrawn: '已撤回',
  cancelled: '已取消',
};

const RECEPTION_STATUS_LABEL: Record<FeedRecords['receptions'][number]['status'], string> = {
  submitted: '已报送,待审批',
  approved: '已批准',
  rejected: '未获批准',
  cancelled: '已取消',
};

const RANK_LABEL: Record<FeedRecords['receptions'][number]['leadRank'], string> = {
  provincial: '省部级',
  departmental: '厅局级',
  county: '县处级',
  other: '其他',
};

/** Feed text only from columns that carry neither money nor guests' names (see feedRecords). */
export function feedEvents(records: FeedRecords): FeedEvent[] {
  const visitEvents = records.visits.map(
    (v): FeedEvent => ({
      uid: `visit-${v.id}@visit-planner`,
      kind: 'visit',
      status: v.status,
      sequence: v.sequence,
      startDate: v.startDate,
      endDate: v.endDate,
      updatedAt: v.updatedAt,
      summary: visitSummary({ unitName: v.unitName, kind: v.kind, headcount: v.headcount, regionName: v.regionName }),
      description: [
        `带队:${v.leaderName}${v.leaderTitle ? `(${v.leaderTitle})` : ''}`,
        `事由:${v.purpose}`,
        `状态:${VISIT_STATUS_LABEL[v.status]}`,
      ].join('\n'),
      location: v.regionName,
    }),
  );
  const receptionEvents = records.receptions.map(
    (r): FeedEvent => ({
      uid: `reception-${r.id}@visit-planner`,
      kind: 'reception',
      status: r.status,
      sequence: r.sequence,
      startDate: r.startDate,
      endDate: r.endDate,
      updatedAt: r.updatedAt,
      summary: receptionSummary({ hostUnitName: r.hostUnitName, regionName: r.regionName, guestCount: r.guestCount }),
      description: [
        `公务接待:${r.regionName}来访${r.guestCount}人,带队级别${RANK_LABEL[r.leadRank]}`,
        `状态:${RECEPTION_STATUS_LABEL[r.status]}`,
      ].join('\n'),
      location: r.venue ?? r.hostUnitName,
    }),
  );
  return [...visitEvents, ...receptionEvents];
}

function calendarName(feed: ActiveFeed): string {
  if (feed.scope === 'region') return `${CALENDAR_TITLE} · ${feed.regionName ?? feed.regionId}`;
  if (feed.scope === 'unit') return `${CALENDAR_TITLE} · ${feed.unitName ?? feed.unitId}`;
  return `${CALENDAR_TITLE} · 全部`;
}

/**
 * The ETag hashes what decides the bytes without producing them: the data's version
 * (read with the feed), the calendar's name, and this fingerprint of the builder, its output for a fixed
 * sample event. buildFeed is deterministic, so one tag always means the same bytes and it stays
 * strong; a new ical-generator or a change in buildFeed changes the fingerprint, and with it every
 * ETag, so no client keeps bytes of an older format through a 304.
 */
let builderFingerprintPromise: Promise<string> | undefined;
function builderFingerprint(): Promise<string> {
  builderFingerprintPromise ??= sha256Hex(
    buildFeed(
      [
        {
          uid: 'fingerprint@visit-planner',
          kind: 'visit',
          status: 'approved',
          sequence: 1,
          startDate: '2027-03-30',
          endDate: '2027-04-01',
          updatedAt: '2027-01-10T02:00:00.000Z',
          summary: '杭州市 考察 5人 · 阿克苏, ; \\ "长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长"',
          description: '带队:张三\n事由:考察',
          location: '阿克苏',
        },
      ],
      { calendarName: 'fingerprint' },
    ),
  );
  return builderFingerprintPromise;
}

/**
 * The active feed behind a token and its ETag; NOT_FOUND for a revoked or unknown token. The
 * version was read with the feed, before the records: if something changes in between, the tag is
 * older than the bytes and the next fetch is a full one again, never a wrong 304.
 */
export async function openFeed(deps: ServiceDeps, token: string): Promise<OpenedFeed> {
  const feed = await findActiveFeedByToken(deps.db, token);
  if (!feed) throw notFound('feed');
  const options = { calendarName: calendarName(feed) };
  const target: FeedTarget = { scope: feed.scope, regionId: feed.regionId, unitId: feed.unitId };
  const etag = `"${await sha256Hex(JSON.stringify([await builderFingerprint(), options, target, feed.version]))}"`;
  return { target, calendarName: options.calendarName, etag };
}

/** The feed's iCalendar text: every visit and reception in scope, in every status. */
export async function feedCalendarText(deps: ServiceDeps, feed: OpenedFeed): Promise<string> {
  const events = feedEvents(await feedRecords(deps.db, feed.target));
  return buildFeed(events, { calendarName: feed.calendarName });
}
