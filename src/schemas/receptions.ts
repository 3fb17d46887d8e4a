// Request and response shapes of official receptions, shared by the API, the unit's form and the
// services. Format and consistency are checked here (422); the 2013 reception rules are not:
// breaking them is a 409 with every violation listed, so a missing letter, too many diners or a
// costly room must pass this layer.
import { z } from 'zod';
import { inclusiveDays, isValidIsoDate } from '../domain/dates.js';
import { MAX_RECEPTION_DAYS } from '../domain/types.js';
import { IdRefSchema, IsoDateSchema, YearParamSchema } from './common.js';
import { commaList, PageQueryShape, pageSchema, SearchQuerySchema } from './paging.js';
import { optionalMultilineText, optionalText, requiredText } from './text.js';

export { MAX_RECEPTION_DAYS };

const MAX_GUESTS = 1000;
/** Whole yuan. Far above any standard, so the rule (409) speaks for real overspending, this only for typos. */
const Yuan = z.number().int().min(0).max(10_000_000);

export const RankSchema = z
  .enum(['provincial', 'departmental', 'county', 'other'])
  .meta({ description: 'provincial 省部级, departmental 厅局级, county 县处级, other 其他' });

/** A guest's title may be left blank (stored as ''); no control characters either way. */
const GuestTitleSchema = optionalText({ max: 100 }).transform((title) => title ?? '');

const GuestInputSchema = z
  .object({ name: requiredText({ max: 100 }), title: GuestTitleSchema, rank: RankSchema })
  .strict()
  .meta({ id: 'ReceptionGuestInput' });

const GuestSchema = z.object({ name: z.string(), title: z.string(), rank: RankSchema }).meta({ id: 'ReceptionGuest' });

const WorkMealSchema = z
  .object({ date: IsoDateSchema, accompanyCount: z.number().int().min(0).max(MAX_GUESTS), costPerPersonYuan: Yuan })
  .strict()
  .meta({ id: 'WorkMeal', description: 'The one work meal (工作餐) the 2013 rules allow per reception.' });

const LodgingLineSchema = z
  .object({
    rank: RankSchema,
    rooms: z.number().int().min(1).max(MAX_GUESTS),
    nights: z.number().int().min(1).max(MAX_RECEPTION_DAYS),
    ratePerNightYuan: Yuan,
  })
  .strict()
  .meta({ id: 'LodgingLine' });

const ActivityInputSchema = z
  .object({ date: IsoDateSchema, description: requiredText({ max: 500 }), place: requiredText({ max: 200 }) })
  .strict()
  .meta({ id: 'ReceptionActivityInput' });

const ActivitySchema = z.object({ date: z.string(), description: z.string(), place: z.string() }).meta({ id: 'ReceptionActivity' });

export const NewReceptionBody = z
  .object({
    regionId: IdRefSchema.meta({ example: 'aksu', description: "The guests' region" }),
    officialLetterRef: optionalText({ max: 200 }).meta({
      example: '阿地委函〔2027〕12号',
      description: 'The official letter (公函). Missing or blank is not a format error: it is refused with 409 OFFICIAL_LETTER_REQUIRED.',
    }),
    startDate: IsoDateSchema,
    endDate: IsoDateSchema,
    guestCount: z.number().int().min(1).max(MAX_GUESTS).meta({ description: 'Must equal the number of guests listed' }),
    leadRank: RankSchema,
    guests: z
      .array(GuestInputSchema)
      .min(1)
      .max(MAX_GUESTS)
      .meta({ description: 'Every guest (the reception list names each one); guestCount is its length' }),
    workMeal: WorkMealSchema.optional(),
    lodging: z.array(LodgingLineSchema).max(20).optional(),
    activities: z.array(ActivityInputSchema).max(200).optional(),
    venue: optionalText({ max: 200 }),
    dietaryNotes: optionalMultilineText({ max: 1000 }),
    giftsYuan: Yuan.optional().meta({
      description: 'Any amount above 0 is refused (GIFTS_FORBIDDEN); kept so the refusal can be explicit.',
    }),
    hostUnitId: IdRefSchema.optional().meta({
      description:
        "Office: required, the hosting unit. Unit accounts host as their own unit: leave it out (or send their own id); another unit's id → 403.",
    }),
  })
  .strict()
  .superRefine((body, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    // zod runs this even after a date failed its own refinement; those already have an issue.
    if (!isValidIsoDate(body.startDate) || !isValidIsoDate(body.endDate)) return;
    if (body.endDate < body.startDate) {
      issue(['endDate'], 'must not be before startDate');
      return;
    }
    if (inclusiveDays(body.startDate, body.endDate) > MAX_RECEPTION_DAYS) {
      issue(['endDate'], `a reception lasts at most ${MAX_RECEPTION_DAYS} days`);
    }
    const withinDays = (date: string) => date >= body.startDate && date <= body.endDate;
    if (body.workMeal && !withinDays(body.workMeal.date)) issue(['workMeal', 'date'], 'must be one of the reception days');
    body.activities?.forEach((a, i) => {
      if (!withinDays(a.date)) issue(['activities', i, 'date'], 'must be one of the reception days');
    });
    // The accompanying-diner limit follows the guest count, so it is the list's, not a declared number.
    const listed = body.guests?.length;
    if (listed !== undefined && listed !== body.guestCount) issue(['guestCount'], `must equal the number of guests listed (${listed})`);
    body.lodging?.forEach((line, i) => {
      // Guests only: more rooms than guests, or more nights than days (one allowed for the eve of
      // arrival), cannot describe this reception.
      if (line.rooms > body.guestCount) issue(['lodging', i, 'rooms'], 'more rooms than guests');
      if (line.nights > inclusiveDays(body.startDate, body.endDate)) issue(['lodging', i, 'nights'], 'more nights than reception days');
    });
  })
  .meta({ id: 'NewReception' });

export type NewReceptionInput = z.infer<typeof NewReceptionBody>;

export const ReceptionStatusSchema = z.enum(['submitted', 'approved', 'rejected', 'cancelled']);

/** GET /api/v1/receptions and the web lists: filters, then the page (docs/API.md, "Lists"). */
export const ReceptionListQuery = z
  .object({
    year: YearParamSchema.optional().meta({ description: "The start date's year" }),
    regionId: z.string().min(1).max(64).optional(),
    hostUnitId: z.string().min(1).max(64).optional(),
    status: commaList(ReceptionStatusSchema.options).optional(),
    from: IsoDateSchema.optional().meta({ description: 'Receptions with a day on or after this one (they overlap from..to)' }),
    to: IsoDateSchema.optional().meta({ description: 'Receptions with a day on or before this one' }),
    q: SearchQuerySchema.meta({ description: "A substring of the official letter's reference, the venue or the host unit's name" }),
    ...PageQueryShape,
  })
  .superRefine((query, ctx) => {
    if (query.from && query.to && query.to < query.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  });
export type ReceptionListQueryInput = z.infer<typeof ReceptionListQuery>;

export const ReceptionSchema = z
  .object({
    id: z.string(),
    hostUnitId: z.string(),
    regionId: z.string(),
    officialLetterRef: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    guestCount: z.number().int(),
    leadRank: RankSchema,
    guests: z.array(GuestSchema),
    workMeal: WorkMealSchema.nullable(),
    lodging: z.array(LodgingLineSchema),
    activities: z.array(ActivitySchema),
    venue: z.string().nullable(),
    dietaryNotes: z.string().nullable(),
    giftsYuan: z.number().int(),
    status: ReceptionStatusSchema,
    sequence: z.number().int().meta({ description: 'Bumped by every change (the iCal SEQUENCE).' }),
    hqOpinion: z.null().meta({ description: 'Receptions are not coordinated by an HQ: always null (as on visits, for one shape)' }),
    decisionReason: z.string().nullable().meta({ description: 'The reason given when the reception was rejected or cancelled' }),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Reception' });

export const ReceptionPageSchema = pageSchema(ReceptionSchema).meta({ id: 'ReceptionPage' });

export const HistorySchema = z
  .object({
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
  })
  .meta({ id: 'ReceptionHistory' });

/** The optional reason of a reject or cancel (the office's own form asks for one). */
export const ReasonBody = z
  .object({ reason: optionalMultilineText({ max: 1000 }) })
  .strict()
  .meta({ id: 'ReceptionReason' });
