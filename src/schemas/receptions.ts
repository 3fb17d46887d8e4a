// Request and response shapes of official receptions, shared by the API, the unit's form and the
// services. Format and consistency are checked here (422); the 2013 reception rules are not:
// breaking them is a 409 with every violation listed, so a missing letter, too many diners or a
// costly room must pass this layer.
import { z } from 'zod';
import { inclusiveDays, isValidIsoDate } from '../domain/dates.js';
import { MAX_RECEPTION_DAYS } from '../domain/types.js';
import { IsoDateSchema, YearParamSchema } from './common.js';
import { commaList, PageQueryShape, pageSchema, SearchQuerySchema } from './paging.js';

export { MAX_RECEPTION_DAYS };

const MAX_GUESTS = 1000;
/** Whole yuan. Far above any standard, so the rule (409) speaks for real overspending, this only for typos. */
const Yuan = z.number().int().min(0).max(10_000_000);
const Text = (max: number) => z.string().trim().min(1).max(max);

export const RankSchema = z
  .enum(['provincial', 'departmental', 'county', 'other'])
  .meta({ description: 'provincial 省部级, departmental 厅局级, county 县处级, other 其他' });

const GuestSchema = z
  .object({ name: Text(100), title: z.string().trim().max(100), rank: RankSchema })
  .strict()
  .meta({ id: 'ReceptionGuest' });

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

const ActivitySchema = z
  .object({ date: IsoDateSchema, description: Text(500), place: Text(200) })
  .strict()
  .meta({ id: 'ReceptionActivity' });

export const NewReceptionBody = z
  .object({
    regionId: z.string().min(1).max(64).meta({ example: 'aksu', description: "The guests' region" }),
    officialLetterRef: z.string().trim().max(200).nullish().meta({
      example: '阿地委函〔2027〕12号',
      description: 'The official letter (公函). Missing or blank is not a format error: it is refused with 409 OFFICIAL_LETTER_REQUIRED.',
    }),
    startDate: IsoDateSchema,
    endDate: IsoDateSchema,
    guestCount: z.number().int().min(1).max(MAX_GUESTS),
    leadRank: RankSchema,
    guests: z.array(GuestSchema).max(MAX_GUESTS).optional(),
    workMeal: WorkMealSchema.optional(),
    lodging: z.array(LodgingLineSchema).max(20).optional(),
    activities: z.array(ActivitySchema).max(200).optional(),
    venue: z.string().trim().max(200).optional(),
    dietaryNotes: z.string().trim().max(1000).optional(),
    giftsYuan: Yuan.optional().meta({
      description: 'Any amount above 0 is refused (GIFTS_FORBIDDEN); kept so the refusal can be explicit.',
    }),
    hostUnitId: z.string().min(1).max(64).optional().meta({
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
    if (body.guests && body.guests.length > body.guestCount) issue(['guests'], 'lists more guests than guestCount');
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

/** GET /api/v1/receptions and the web lists: filters, then the page (contract v1.1, "Lists"). */
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
  .object({ reason: z.string().trim().max(1000).optional() })
  .strict()
  .meta({ id: 'ReceptionReason' });
