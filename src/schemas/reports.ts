// Reports (docs/API.md, "Reports"): the usage report and the monthly inquiry (月询) as the API
// sends them, and the month parameter the API and the office's pages both read.
import { z } from 'zod';
import { ReceptionStatusSchema } from './receptions.js';

/** `YYYY-MM` with a real month; the year within what the rest of the API accepts. */
export const MONTH_PATTERN = /^(2\d{3})-(0[1-9]|1[0-2])$/;

export const MonthParamSchema = z
  .string()
  .regex(MONTH_PATTERN, 'must be a month as YYYY-MM')
  .meta({ example: '2027-03', description: 'The month as YYYY-MM; defaults to the current month in Asia/Shanghai' });

const Usage = z.object({ batches: z.number().int(), personTrips: z.number().int() });

export const UsageReportSchema = z
  .object({
    year: z.number().int(),
    items: z.array(
      z.object({
        unitId: z.string(),
        unitName: z.string(),
        kind: z.enum(['city', 'department']),
        limits: z.object({ maxBatches: z.number().int(), maxHeadcountPerBatch: z.number().int(), maxPersonTrips: z.number().int() }),
        overridden: z
          .boolean()
          .meta({ description: "true when the unit has its own caps for the year, false when the year's default applies" }),
        used: Usage,
        remaining: Usage,
      }),
    ),
  })
  .meta({ id: 'UsageReport' });

// The visit vocabulary as the report shows it (the same enums as the visit routes').
const VisitKindSchema = z.enum(['inspection', 'condolence']);
const VisitStatusSchema = z.enum(['submitted', 'coordinated', 'approved', 'rejected', 'withdrawn', 'cancelled']);

export const MonthlyReportSchema = z
  .object({
    month: z.string().meta({ example: '2027-03' }),
    regions: z.array(
      z.object({
        regionId: z.string(),
        regionName: z.string(),
        visits: z.array(
          z.object({
            id: z.string(),
            unitId: z.string(),
            unitName: z.string(),
            kind: VisitKindSchema,
            startDate: z.string(),
            endDate: z.string(),
            headcount: z.number().int(),
            leaderName: z.string(),
            purpose: z.string(),
            status: VisitStatusSchema,
          }),
        ),
        receptions: z.array(
          z.object({
            id: z.string(),
            hostUnitId: z.string(),
            hostUnitName: z.string(),
            startDate: z.string(),
            endDate: z.string(),
            guestCount: z.number().int(),
            status: ReceptionStatusSchema,
          }),
        ),
        totals: z.object({
          visits: z.number().int(),
          delegates: z.number().int().meta({ description: "Sum of the visits' headcounts" }),
          receptions: z.number().int(),
          guests: z.number().int().meta({ description: "Sum of the receptions' guest counts" }),
        }),
      }),
    ),
  })
  .meta({ id: 'MonthlyReport' });
