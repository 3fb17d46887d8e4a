// Calendar feed subscriptions, shared by the JSON API (/api/v1/feeds) and the feeds page so both
// apply the same permission rules: an HQ subscribes to its own region only, a unit to itself
// only, the office to anything. Each account lists and revokes its own feeds only. The feed's
// calendar itself is feed-calendar.ts.
import { insertFeed, listActiveFeeds, revokeFeed, type FeedScope, type FeedTarget, type FeedView } from '../db/repo/feeds.js';
import { findRegion, findUnit } from '../db/repo/reference.js';
import type { Actor } from '../domain/actor.js';
import type { ServiceDeps } from './deps.js';
import { forbidden, notFound, validationFailed } from './errors.js';

export type { FeedScope, FeedTarget, FeedView };

export interface FeedRequest {
  scope: FeedScope;
  regionId?: string;
  unitId?: string;
  label?: string | null;
}

export interface CreatedFeed {
  feed: FeedView;
  /** The secret subscription URL: exists only in this answer, the database keeps its hash. */
  url: string;
}

/** What the account may subscribe to, decided from the account (never trusted from the request). */
export function feedTargetFor(user: Actor, request: FeedRequest): FeedTarget {
  if (user.role === 'hq') {
    if (request.scope !== 'region') throw forbidden('An HQ account may create feeds for its own region only.');
    if (request.regionId !== undefined && request.regionId !== user.regionId)
      throw forbidden('An HQ account may create feeds for its own region only.');
    rejectStrayId(request);
    if (!user.regionId) throw forbidden('This HQ account has no region.');
    return { scope: 'region', regionId: user.regionId, unitId: null };
  }
  if (user.role === 'unit') {
    if (request.scope !== 'unit') throw forbidden('A unit account may create feeds for itself only.');
    if (request.unitId !== undefined && request.unitId !== user.unitId) throw forbidden('A unit account may create feeds for itself only.');
    rejectStrayId(request);
    if (!user.unitId) throw forbidden('This unit account has no unit.');
    return { scope: 'unit', regionId: null, unitId: user.unitId };
  }
  rejectStrayId(request);
  if (request.scope === 'region') {
    if (!request.regionId) throw validationFailed([{ path: 'regionId', message: 'required for scope "region"' }]);
    return { scope: 'region', regionId: request.regionId, unitId: null };
  }
  if (request.scope === 'unit') {
    if (!request.unitId) throw validationFailed([{ path: 'unitId', message: 'required for scope "unit"' }]);
    return { scope: 'unit', regionId: null, unitId: request.unitId };
  }
  return { scope: 'all', regionId: null, unitId: null };
}

// A unitId on a region feed (or any id on an "all" feed) would be silently ignored; refusing it
// saves the caller from subscribing to something other than what they asked for.
function rejectStrayId(request: FeedRequest): void {
  if (request.scope !== 'region' && request.regionId !== undefined)
    throw validationFailed([{ path: 'regionId', message: `not used with scope "${request.scope}"` }]);
  if (request.scope !== 'unit' && request.unitId !== undefined)
    throw validationFailed([{ path: 'unitId', message: `not used with scope "${request.scope}"` }]);
}

/** Checks the permission and the named region or unit, stores the feed, and returns its URL once. */
export async function createFeed(deps: ServiceDeps, actor: Actor, request: FeedRequest): Promise<CreatedFeed> {
  const target = feedTargetFor(actor, request);
  if (target.regionId !== null && !(await findRegion(deps.db, target.regionId))) {
    throw validationFailed([{ path: 'regionId', message: `unknown region "${target.regionId}"` }]);
  }
  if (target.unitId !== null && !(await findUnit(deps.db, target.unitId))) {
    throw validationFailed([{ path: 'unitId', message: `unknown unit "${target.unitId}"` }]);
  }
  const { feed, token } = await insertFeed(deps.db, { target, label: request.label ?? null, ownerUserId: actor.id, now: deps.now() });
  return { feed, url: `${deps.config.publicUrl}/cal/${token}.ics` };
}

/** The caller's own active feeds, newest first (never anyone else's, never a URL). */
export function ownActiveFeeds(deps: ServiceDeps, actor: Actor): Promise<FeedView[]> {
  return listActiveFeeds(deps.db, actor.id);
}

/** Revokes one of the caller's active feeds; another account's, an unknown or a revoked one is "not found". */
export async function revokeOwnFeed(deps: ServiceDeps, actor: Actor, feedId: string): Promise<void> {
  const revoked = await revokeFeed(deps.db, { id: feedId, ownerUserId: actor.id, now: deps.now() });
  if (!revoked) throw notFound('feed');
}
