// The reception list (接待清单) the 2013 rules require after the event, as GET
// /api/v1/receptions/{id}/list sends it. services/reception-list.ts builds it (its ReceptionList
// type must match this shape: the route's c.json is typed against it).
import { z } from 'zod';
import { RankSchema, ReceptionStatusSchema } from './receptions.js';

const Named = z.object({ id: z.string(), name: z.string() });

export const ReceptionListSchema = z
  .object({
    receptionId: z.string(),
    status: ReceptionStatusSchema,
    hostUnit: Named,
    region: Named,
    officialLetterRef: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    venue: z.string().nullable(),
    guestCount: z.number().int(),
    leadRank: RankSchema,
    guests: z.array(z.object({ name: z.string(), title: z.string(), rank: RankSchema })),
    activities: z.array(z.object({ date: z.string(), description: z.string(), place: z.string() })),
    workMeal: z
      .object({
        date: z.string(),
        guests: z.number().int(),
        accompanying: z.number().int(),
        diners: z.number().int(),
        costPerPersonYuan: z.number().int(),
        costYuan: z.number().int(),
      })
      .nullable(),
    lodging: z.array(
      z.object({
        rank: RankSchema,
        rooms: z.number().int(),
        nights: z.number().int(),
        ratePerNightYuan: z.number().int(),
        costYuan: z.number().int(),
      }),
    ),
    totals: z.object({
      mealDiners: z.number().int(),
      mealCostYuan: z.number().int(),
      lodgingCostYuan: z.number().int(),
      totalYuan: z.number().int(),
    }),
  })
  .meta({ id: 'ReceptionList' });
