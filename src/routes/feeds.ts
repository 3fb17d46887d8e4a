// Calendar feed subscriptions (docs/API.md, Calendar feeds): create, list, revoke. The feed
// itself is served outside /api/v1 by calendar.ts, because calendar apps send no bearer token.
import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../http/auth.js';
import { FeedIdSchema, FeedScopeSchema, NewFeedBody } from '../schemas/feeds.js';
import { createFeed, ownActiveFeeds, revokeOwnFeed } from '../services/feeds.js';
import { bearerSecurity, createRouter, jsonBody, jsonContent, problemResponses } from './openapi.js';

// The answers' shapes stay here: CreatedFeed extends Feed (allOf in the OpenAPI document), which
// only @hono/zod-openapi's extend writes.
const FeedSchema = z
  .object({
    id: z.string(),
    scope: FeedScopeSchema,
    regionId: z.string().nullable(),
    unitId: z.string().nullable(),
    label: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Feed');

const CreatedFeedSchema = FeedSchema.extend({
  url: z.string().openapi({
    example: 'https://planner.example/cal/3q2Xo…Vb0.ics',
    description: 'The secret subscription URL. Shown only in this response; store it like a password.',
  }),
}).openapi('CreatedFeed');

const FeedIdParam = z.object({ id: FeedIdSchema.openapi({ param: { name: 'id', in: 'path' } }) });

const CALENDAR_DESCRIPTION =
  'The feed is served at `GET /cal/{token}.ics` (outside /api/v1, no Authorization header: the URL is the secret). ' +
  'It answers `200 text/calendar; charset=utf-8` with a strong `ETag`, `Cache-Control: private, max-age=300` and ' +
  '`Referrer-Policy: no-referrer`; `If-None-Match` with the current ETag → 304. A revoked or unknown token → 404. ' +
  'One all-day VEVENT per visit and reception in scope, in every status: TENTATIVE (submitted, coordinated), ' +
  'CONFIRMED (approved), CANCELLED (rejected, withdrawn, cancelled — kept so subscribed calendars drop them). ' +
  "UIDs are `visit-<id>@visit-planner` and `reception-<id>@visit-planner`, SEQUENCE is the record's. " +
  'Feeds carry no money and no guest names.';

const createFeedRoute = createRoute({
  method: 'post',
  path: '/feeds',
  tags: ['Calendar feeds'],
  summary: 'Create a calendar feed (hq: its region; unit: itself; office: any scope)',
  description:
    'An HQ account may create `region` feeds for its own region only, a unit account `unit` feeds for itself only ' +
    '(any other scope or id → 403). The office may create any scope; `region` needs a known `regionId`, `unit` a known ' +
    '`unitId` (→ 422 otherwise); an id that does not belong to the scope → 422. The token has 256 random bits and is ' +
    'stored only as its SHA-256. ' +
    CALENDAR_DESCRIPTION,
  security: bearerSecurity,
  request: jsonBody(NewFeedBody),
  responses: { 201: jsonContent(CreatedFeedSchema, 'The feed with its subscription URL (the only time it is shown)'), ...problemResponses },
});

const listFeedsRoute = createRoute({
  method: 'get',
  path: '/feeds',
  tags: ['Calendar feeds'],
  summary: "The caller's active feeds, newest first",
  description: 'Only feeds the caller created and has not revoked; revoked feeds are not listed. URLs and tokens are never shown again.',
  security: bearerSecurity,
  responses: { 200: jsonContent(z.object({ items: z.array(FeedSchema) }), 'Active feeds'), 401: problemResponses[401] },
});

const revokeFeedRoute = createRoute({
  method: 'delete',
  path: '/feeds/{id}',
  tags: ['Calendar feeds'],
  summary: 'Revoke one of your feeds; its URL answers 404 from then on',
  description: "Another account's feed, an unknown id, or a feed already revoked → 404.",
  security: bearerSecurity,
  request: { params: FeedIdParam },
  responses: { 204: { description: 'Revoked' }, 401: problemResponses[401], 404: problemResponses[404] },
});

export const feedRoutes = createRouter()
  .openapi(createFeedRoute, async (c) => {
    const user = requireUser(c);
    const { feed, url } = await createFeed(c.var.deps, user, c.req.valid('json'));
    // The body carries a secret: no cache may keep it.
    c.header('cache-control', 'no-store');
    return c.json({ ...feed, url }, 201);
  })
  .openapi(listFeedsRoute, async (c) => {
    const user = requireUser(c);
    return c.json({ items: await ownActiveFeeds(c.var.deps, user) }, 200);
  })
  .openapi(revokeFeedRoute, async (c) => {
    const user = requireUser(c);
    await revokeOwnFeed(c.var.deps, user, c.req.valid('param').id);
    return c.body(null, 204);
  });
