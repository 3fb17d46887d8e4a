// Visits (docs/API.md, Visits): what a booking, an edit, a workflow step and a list query may
// send, and the visit as answered. Shared by the API routes, the pages (the booking form checks
// its fields with NewVisitBody) and the services.
import { z } from 'zod';
import { IdRefSchema, IsoDateSchema, YearParamSchema } from './common.js';
import { commaList, PageQueryShape, pageSchema, SearchQuerySchema } from './paging.js';
import { optionalMultilineText, optionalText, requiredMultilineText, requiredText } from './text.js';

export const VisitKindSchema = z.enum(['inspection', 'condolence']);
export const VisitStatusSchema = z.enum(['submitted', 'coordinated', 'approved', 'rejected', 'withdrawn', 'cancelled']);

const visitFieldShape = {
  regionId: IdRefSchema.meta({ example: 'aksu' }),
  kind: VisitKindSchema,
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
  headcount: z.number().int().min(1).max(10_000),
  leaderName: requiredText({ max: 100 }),
  leaderTitle: optionalText({ max: 100 }),
  purpose: requiredMultilineText({ max: 2000 }),
  cadresVisited: z.number().int().min(0).max(100_000).nullish(),
  consolationYuan: z.number().int().min(0).max(1_000_000_000).nullish(),
};

export const NewVisitBody = z
  .object({
    ...visitFieldShape,
    unitId: IdRefSchema.optional().meta({ description: 'Office only; a unit books for itself.' }),
  })
  .strict()
  .meta({ id: 'NewVisit' });

export const VisitPatchBody = z.object(visitFieldShape).partial().strict().meta({ id: 'VisitPatch' });

export type NewVisitInput = z.infer<typeof NewVisitBody>;
export type VisitPatchInput = z.infer<typeof VisitPatchBody>;
/** A visit's own fields as a booking gives them (the unit comes from the account, or unitId for the office). */
export type VisitFieldsInput = Omit<NewVisitInput, 'unitId'>;

/** GET /api/v1/visits and the web lists: filters, then the page (docs/API.md, "Lists"). */
export const VisitListQuery = z
  .object({
    year: YearParamSchema.optional().meta({ description: "The year the visit counts in (its start date's year)" }),
    regionId: z.string().max(64).optional(),
    unitId: z.string().max(64).optional(),
    kind: VisitKindSchema.optional(),
    status: commaList(VisitStatusSchema.options).optional(),
    from: IsoDateSchema.optional().meta({ description: 'Visits with a day on or after this one (they overlap from..to)' }),
    to: IsoDateSchema.optional().meta({ description: 'Visits with a day on or before this one' }),
    q: SearchQuerySchema.meta({ description: "A substring of the leader's name, the purpose or the unit's name" }),
    ...PageQueryShape,
  })
  .superRefine((query, ctx) => {
    if (query.from && query.to && query.to < query.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  });
export type VisitListQueryInput = z.infer<typeof VisitListQuery>;

/**
 * The HQ's coordination (衔接): whether it agrees, and its opinion. Agreeing needs no words;
 * disagreeing sends the visit back, so the unit must be told why (the service refuses it
 * without an opinion: services/visits.ts).
 */
export const CoordinateBody = z
  .object({
    opinion: optionalMultilineText({ max: 2000 })
      .nullish()
      .meta({ description: 'The coordination opinion (衔接意见): optional when agreeing, required when disagreeing' }),
    agree: z.boolean(),
  })
  .strict()
  .meta({ id: 'Coordination' });

export const ReasonBody = z
  .object({ reason: requiredMultilineText({ max: 2000 }) })
  .strict()
  .meta({ id: 'Reason' });

export const OptionalReasonBody = z.object({ reason: optionalMultilineText({ max: 2000 }) }).strict();

export const WarningSchema = z
  .object({ code: z.string(), metric: z.string().optional(), value: z.number().optional(), median: z.number().optional() })
  .meta({ id: 'Warning' });

export const VisitSchema = z
  .object({
    id: z.string(),
    unitId: z.string(),
    regionId: z.string(),
    kind: VisitKindSchema,
    startDate: z.string(),
    endDate: z.string(),
    year: z.number().int(),
    headcount: z.number().int(),
    leaderName: z.string(),
    leaderTitle: z.string().nullable(),
    purpose: z.string(),
    cadresVisited: z.number().int().nullable(),
    consolationYuan: z.number().int().nullable(),
    status: VisitStatusSchema,
    sequence: z.number().int(),
    coordinationOpinion: z.string().nullable(),
    hqOpinion: z.string().nullable().meta({ description: "The frontline HQ's coordination opinion (衔接意见)" }),
    decisionReason: z
      .string()
      .nullable()
      .meta({ description: 'The reason given when the visit was rejected by the office or cancelled; null otherwise' }),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Visit' });

// An intersection, not VisitSchema.extend(): the OpenAPI document shows it as Visit plus warnings
// (allOf with a $ref), which .extend() only gives through @hono/zod-openapi's own .openapi().
export const VisitWithWarningsSchema = z
  .intersection(VisitSchema, z.object({ warnings: z.array(WarningSchema) }))
  .meta({ id: 'VisitWithWarnings' });

export const VisitListSchema = pageSchema(VisitSchema).meta({ id: 'VisitPage' });

export const VisitHistorySchema = z.object({
  items: z.array(
    z.object({
      at: z.string(),
      actorId: z.string(),
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
});
