// Calendar feed subscriptions (CONTRACT.md, Calendar feeds): create, list, revoke. The feed
// itself is served outside /api/v1 by calendar.ts, because calendar apps send no bearer token.
import { createRoute, z } from '@hono/zod-openapi';
import { listActiveFeeds, revokeFeed } from '../db/repo/feeds.js';
import { requireUser } from '../http/auth.js';
import { notFound } from '../services/errors.js';
import { createFeed } from '../services/feeds.js';
import { bearerSecurity, createRouter, jsonBody, jsonContent, problemResponses } from './openapi.js';

const Id = z.string().min(1).max(64);

const NewFeedBody = z
  .object({
    scope: z.enum(['region', 'unit', 'all']).openapi({
      description:
        "region: a region's visits and the receptions of its guests; unit: a unit's visits and the receptions it hosts; all: everything",
    }),
    regionId: Id.optional().openapi({ description: 'scope region: the region (an HQ account may leave it out: its own region)' }),
    unitId: Id.optional().openapi({ description: 'scope unit: the unit (a unit account may leave it out: itself)' }),
    label: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: 'A name for the owner to tell feeds apart; not shown in the calendar' }),
  })
  .strict()
  .openapi('NewFeed');

const FeedSchema = z
  .object({
    id: z.string(),
    scope: z.enum(['region', 'unit', 'all']),
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

const FeedIdParam = z.object({ id: Id.openapi({ param: { name: 'id', in: 'path' } }) });

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
    const body = c.req.valid('json');
    const { feed, url } = await createFeed(c, user, body);
    // The body carries a secret: no cache may keep it.
    c.header('cache-control', 'no-store');
    return c.json({ ...feed, url }, 201);
  })
  .openapi(listFeedsRoute, async (c) => {
    const user = requireUser(c);
    return c.json({ items: await listActiveFeeds(c.var.db, user.id) }, 200);
  })
  .openapi(revokeFeedRoute, async (c) => {
    const user = requireUser(c);
    const revoked = await revokeFeed(c.var.db, { id: c.req.valid('param').id, ownerUserId: user.id, now: c.var.now() });
    if (!revoked) throw notFound('feed');
    return c.body(null, 204);
  });
