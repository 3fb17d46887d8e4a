// Calendar feed subscriptions (docs/API.md, Calendar feeds): what a caller asks to subscribe to.
// The answer's shapes (Feed, CreatedFeed) stay in routes/feeds.ts: CreatedFeed extends Feed in
// the OpenAPI document, which only the route layer's zod extension writes.
import { z } from 'zod';
import { IdRefSchema } from './common.js';
import { optionalText } from './text.js';

export const FeedIdSchema = IdRefSchema;

export const FeedScopeSchema = z.enum(['region', 'unit', 'all']);

export const NewFeedBody = z
  .object({
    scope: FeedScopeSchema.meta({
      description:
        "region: a region's visits and the receptions of its guests; unit: a unit's visits and the receptions it hosts; all: everything",
    }),
    regionId: FeedIdSchema.optional().meta({ description: 'scope region: the region (an HQ account may leave it out: its own region)' }),
    unitId: FeedIdSchema.optional().meta({ description: 'scope unit: the unit (a unit account may leave it out: itself)' }),
    label: optionalText({ max: 100 }).meta({ description: 'A name for the owner to tell feeds apart; not shown in the calendar' }),
  })
  .strict()
  .meta({ id: 'NewFeed' });
