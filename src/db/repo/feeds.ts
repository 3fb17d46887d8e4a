// Calendar feeds: subscriptions with a secret URL, and the records a feed shows.
// Only the SHA-256 of a feed token is stored, so a leaked database cannot be used to read feeds.
import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { newId, newSecretToken, sha256Hex } from '../../lib/crypto.js';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client.js';
import { feeds, receptions, regions, units, visits } from '../schema.js';

export type FeedScope = (typeof feeds.$inferSelect)['scope'];

export interface FeedTarget {
  scope: FeedScope;
  /** Set for scope `region` only. */
  regionId: string | null;
  /** Set for scope `unit` only. */
  unitId: string | null;
}

const feedColumns = {
  id: feeds.id,
  scope: feeds.scope,
  regionId: feeds.regionId,
  unitId: feeds.unitId,
  label: feeds.label,
  createdAt: feeds.createdAt,
};

export type FeedView = {
  id: string;
  scope: FeedScope;
  regionId: string | null;
  unitId: string | null;
  label: string | null;
  createdAt: string;
};

/** Creates the feed and returns its token: the one moment the token exists outside the caller. */
export async function insertFeed(
  db: Db,
  args: { target: FeedTarget; label: string | null; ownerUserId: string; now: Date },
): Promise<{ feed: FeedView; token: string }> {
  const token = newSecretToken();
  const id = newId();
  const at = args.now.toISOString();
  const [inserted] = await db.batch([
    db
      .insert(feeds)
      .values({ id, tokenHash: await sha256Hex(token), ownerUserId: args.ownerUserId, ...args.target, label: args.label, createdAt: at })
      .returning(feedColumns),
    // The audit note names the scope, never the token.
    db.run(sql`INSERT INTO audit_log (entity, entity_id, at, actor_id, action, note)
      VALUES ('feed', ${id}, ${at}, ${args.ownerUserId}, 'create', ${describeTarget(args.target)})`),
  ]);
  const feed = inserted[0];
  if (!feed) throw new Error('feed insert returned no row');
  return { feed, token };
}

/** The caller's active feeds, newest first (rowid breaks ties between feeds made in one instant). */
export async function listActiveFeeds(db: Db, ownerUserId: string): Promise<FeedView[]> {
  return db
    .select(feedColumns)
    .from(feeds)
    .where(and(eq(feeds.ownerUserId, ownerUserId), isNull(feeds.revokedAt)))
    .orderBy(desc(feeds.createdAt), desc(sql`${feeds}.rowid`));
}

/**
 * Revokes the owner's active feed in one guarded statement; false when there is none (someone
 * else's, unknown, or already revoked). The token lookup filters on `revoked_at`, so the URL
 * stops answering with the next request.
 */
export async function revokeFeed(db: Db, args: { id: string; ownerUserId: string; now: Date }): Promise<boolean> {
  const at = args.now.toISOString();
  const [revoked] = await db.batch([
    db
      .update(feeds)
      .set({ revokedAt: at })
      .where(and(eq(feeds.id, args.id), eq(feeds.ownerUserId, args.ownerUserId), isNull(feeds.revokedAt)))
      .returning({ id: feeds.id }),
    db.run(sql`INSERT INTO audit_log (entity, entity_id, at, actor_id, action)
      SELECT 'feed', ${args.id}, ${at}, ${args.ownerUserId}, 'revoke' WHERE changes() = 1`),
  ]);
  return revoked.length === 1;
}

export interface ActiveFeed extends FeedTarget {
  id: string;
  regionName: string | null;
  unitName: string | null;
  /** Changes whenever anything the feed shows changes (see versionOf). */
  version: string;
}

/**
 * A version of everything a feed shows, from aggregates (no records leave the database), so a
 * conditional fetch is answered without reading them. It changes with every change a feed can
 * show: records are never deleted, every edit and transition bumps a record's `sequence` and
 * `updated_at` (docs/API.md), a record entering the scope raises the count or the newest
 * `updated_at`, one leaving lowers the count or the sequence sum, and unit and region names (in
 * summaries and titles) come along whole.
 */
function versionOf(table: typeof visits | typeof receptions, unitColumn: AnySQLiteColumn): SQL<string> {
  const inScope = sql`(${feeds.scope} = 'all'
      OR (${feeds.scope} = 'region' AND ${table.regionId} = ${feeds.regionId})
      OR (${feeds.scope} = 'unit' AND ${unitColumn} = ${feeds.unitId}))`;
  return sql<string>`(SELECT count(*) || ':' || coalesce(sum(${table.sequence}), 0) || ':' || coalesce(max(${table.updatedAt}), '')
    FROM ${table} WHERE ${inScope})`;
}

const namesVersion = sql<string>`(SELECT group_concat(id || '=' || name, '|') FROM (SELECT id, name FROM ${units} ORDER BY id))
  || '#' || (SELECT group_concat(id || '=' || name, '|') FROM (SELECT id, name FROM ${regions} ORDER BY id))`;

/** The active feed behind a token, with the names its calendar title needs and its data's version; one statement. */
export async function findActiveFeedByToken(db: Db, token: string): Promise<ActiveFeed | undefined> {
  const [row] = await db
    .select({
      id: feeds.id,
      scope: feeds.scope,
      regionId: feeds.regionId,
      unitId: feeds.unitId,
      regionName: regions.name,
      unitName: units.name,
      visitsVersion: versionOf(visits, visits.unitId),
      receptionsVersion: versionOf(receptions, receptions.hostUnitId),
      namesVersion,
    })
    .from(feeds)
    .leftJoin(regions, eq(regions.id, feeds.regionId))
    .leftJoin(units, eq(units.id, feeds.unitId))
    .where(and(eq(feeds.tokenHash, await sha256Hex(token)), isNull(feeds.revokedAt)));
  if (!row) return undefined;
  const { visitsVersion, receptionsVersion, namesVersion: names, ...feed } = row;
  return { ...feed, version: JSON.stringify([visitsVersion, receptionsVersion, names]) };
}

// Only the columns a feed may show are read: money, guests, meals and lodging never leave the
// database on this path, so no later edit of the feed text can leak them.
const visitFeedColumns = {
  id: visits.id,
  kind: visits.kind,
  status: visits.status,
  sequence: visits.sequence,
  startDate: visits.startDate,
  endDate: visits.endDate,
  updatedAt: visits.updatedAt,
  headcount: visits.headcount,
  leaderName: visits.leaderName,
  leaderTitle: visits.leaderTitle,
  purpose: visits.purpose,
  unitName: units.name,
  regionName: regions.name,
};

const receptionFeedColumns = {
  id: receptions.id,
  status: receptions.status,
  sequence: receptions.sequence,
  startDate: receptions.startDate,
  endDate: receptions.endDate,
  updatedAt: receptions.updatedAt,
  guestCount: receptions.guestCount,
  leadRank: receptions.leadRank,
  venue: receptions.venue,
  hostUnitName: units.name,
  regionName: regions.name,
};

/**
 * Every visit and reception in the feed's scope, in every status (cancelled ones must reach
 * subscribers so their calendars drop the event). Two queries whatever the number of events,
 * sent as one batch so both see the same snapshot.
 */
export async function feedRecords(db: Db, target: FeedTarget) {
  const [visitRows, receptionRows] = await db.batch([
    db
      .select(visitFeedColumns)
      .from(visits)
      .innerJoin(units, eq(units.id, visits.unitId))
      .innerJoin(regions, eq(regions.id, visits.regionId))
      .where(scopeFilter(target, visits.regionId, visits.unitId))
      .orderBy(asc(visits.startDate), asc(visits.id)),
    db
      .select(receptionFeedColumns)
      .from(receptions)
      .innerJoin(units, eq(units.id, receptions.hostUnitId))
      .innerJoin(regions, eq(regions.id, receptions.regionId))
      .where(scopeFilter(target, receptions.regionId, receptions.hostUnitId))
      .orderBy(asc(receptions.startDate), asc(receptions.id)),
  ]);
  return { visits: visitRows, receptions: receptionRows };
}

/** Region: everything in or from the region. Unit: the unit's own visits and the receptions it hosts. */
function scopeFilter(target: FeedTarget, regionColumn: AnySQLiteColumn, unitColumn: AnySQLiteColumn): SQL | undefined {
  if (target.scope === 'region') return eq(regionColumn, target.regionId ?? '');
  if (target.scope === 'unit') return eq(unitColumn, target.unitId ?? '');
  return undefined;
}

export type FeedRecords = Awaited<ReturnType<typeof feedRecords>>;

function describeTarget(target: FeedTarget): string {
  if (target.scope === 'region') return `region:${target.regionId}`;
  if (target.scope === 'unit') return `unit:${target.unitId}`;
  return 'all';
}
