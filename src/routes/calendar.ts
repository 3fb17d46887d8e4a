// The public feed, GET /cal/{token}.ics (docs/API.md, Calendar feeds). Calendar apps send no
// credentials, so the URL's token is the only secret; it is mounted outside /api/v1 and its
// auth and JSON-only middleware. The feed and its ETag come from services/feed-calendar.ts; a
// 304 is answered from the tag alone, without reading the records or serialising the feed.
import { Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { feedCalendarText, openFeed } from '../services/feed-calendar.js';

/** Subscribers re-fetch often; a shared cache must never keep a feed, since its URL is a secret. */
const CACHE_CONTROL = 'private, max-age=300';

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): `W/` is ignored, `*` matches. */
function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

/**
 * Registered in app.ts before the app-wide secureHeaders, which overwrites Referrer-Policy on
 * the way out; running outside it gives this one the last word. A feed URL is a secret, so
 * no link followed from a calendar may carry it on as a referrer.
 */
export function calendarResponseHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.res.headers.set('referrer-policy', 'no-referrer');
  };
}

export const calendarRoutes = new Hono<AppEnv>().get('/:file{[A-Za-z0-9_-]{16,128}\\.ics}', async (c) => {
  const token = c.req.param('file').slice(0, -'.ics'.length);
  const feed = await openFeed(c.var.deps, token);
  const headers = { etag: feed.etag, 'cache-control': CACHE_CONTROL, 'x-robots-tag': 'noindex' };
  // A 304 costs the one lookup statement: no records are read and nothing is serialised.
  if (matchesIfNoneMatch(c.req.header('if-none-match'), feed.etag)) return c.body(null, 304, headers);
  return c.body(await feedCalendarText(c.var.deps, feed), 200, { ...headers, 'content-type': 'text/calendar; charset=utf-8' });
});
