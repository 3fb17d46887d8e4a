// Reports (CONTRACT.md, "Reports"): every unit's caps and usage for a year, and the monthly
// inquiry (月询). JSON by default; `Accept: text/csv` gives the same report as a sheet that opens
// in Excel. The balance report lives with the rest of the condolence balance (balance.ts).
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { yearOf } from '../domain/dates.js';
import { toCsv, type CsvCell } from '../lib/csv.js';
import { requireUser } from '../http/auth.js';
import { MONTH_PATTERN, monthlyCsvRows, monthlyReport, usageCsvRows, usageReport } from '../services/reports.js';
import { todayOf } from '../services/visits.js';
import { bearerSecurity, createRouter, problemResponses, YearParamSchema } from './openapi.js';
import { VisitKindSchema, VisitStatusSchema } from './visit-schemas.js';
import { ReceptionStatusSchema } from './receptions-schemas.js';

const TAGS = ['Reports'];
const Usage = z.object({ batches: z.number().int(), personTrips: z.number().int() });

const UsageReportSchema = z
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
          .openapi({ description: "true when the unit has its own caps for the year, false when the year's default applies" }),
        used: Usage,
        remaining: Usage,
      }),
    ),
  })
  .openapi('UsageReport');

const MonthlyReportSchema = z
  .object({
    month: z.string().openapi({ example: '2027-03' }),
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
          delegates: z.number().int().openapi({ description: "Sum of the visits' headcounts" }),
          receptions: z.number().int(),
          guests: z.number().int().openapi({ description: "Sum of the receptions' guest counts" }),
        }),
      }),
    ),
  })
  .openapi('MonthlyReport');

const CSV_NOTE =
  'Send `Accept: text/csv` for a CSV download (UTF-8 with BOM so Excel shows Chinese; headers in Chinese with English in parentheses; ' +
  "cells that could start a formula are prefixed with `'`).";

const csvOrJson = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema }, 'text/csv': { schema: z.string() } },
});

export const MonthParamSchema = z
  .string()
  .regex(MONTH_PATTERN, 'must be a month as YYYY-MM')
  .openapi({ example: '2027-03', description: 'The month as YYYY-MM; defaults to the current month in Asia/Shanghai' });

const usageRoute = createRoute({
  method: 'get',
  path: '/reports/usage',
  tags: TAGS,
  summary: "Every unit's annual caps, counted usage and what remains",
  description: [
    'Counted: visits of the year (by start date) in status submitted, coordinated or approved, as for the caps themselves.',
    "Limits are the unit's own for the year when the office set them (`overridden: true`), else the year's default.",
    'Office and HQ: every unit (HQs plan with it; read-only). Unit: its own row only.',
    '`year` defaults to the current year in Asia/Shanghai.',
    CSV_NOTE,
  ].join(' '),
  security: bearerSecurity,
  request: { query: z.object({ year: YearParamSchema.optional() }) },
  responses: { 200: csvOrJson(UsageReportSchema, 'Units by kind, then id'), 401: problemResponses[401], 422: problemResponses[422] },
});

const monthlyRoute = createRoute({
  method: 'get',
  path: '/reports/monthly',
  tags: TAGS,
  summary: "The monthly inquiry (月询): per region, the month's visits and receptions",
  description: [
    'Records that touch the month: a visit from 30 January to 2 February appears in January and in February.',
    'Visits in a counted status (submitted, coordinated, approved); receptions submitted or approved (rejected, withdrawn and cancelled ones will not happen).',
    'Office: every region. HQ: its own region only. Unit: every region, with its own visits and the receptions it hosts only.',
    'Totals per region: visits, delegates (sum of headcounts), receptions, guests (sum of guest counts).',
    CSV_NOTE,
    'The CSV has one row per visit or reception.',
  ].join(' '),
  security: bearerSecurity,
  request: { query: z.object({ month: MonthParamSchema.optional() }) },
  responses: {
    200: csvOrJson(MonthlyReportSchema, 'Regions by id, records by start date'),
    401: problemResponses[401],
    422: problemResponses[422],
  },
});

/** A CSV download: the shared rows, served as an attachment (API and the office's download link). */
export function csvDownload(c: Context<AppEnv>, rows: CsvCell[][], filename: string) {
  return c.body(toCsv(rows), 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename}"`,
  });
}

const wantsCsv = (c: Context<AppEnv>) => /\btext\/csv\b/i.test(c.req.header('accept') ?? '');

export const reportRoutes = createRouter()
  .openapi(usageRoute, async (c) => {
    const user = requireUser(c);
    const year = c.req.valid('query').year ?? yearOf(todayOf(c));
    const report = await usageReport(c.var.db, user, year);
    if (wantsCsv(c)) return csvDownload(c, usageCsvRows(report), `usage-${year}.csv`);
    return c.json(report, 200);
  })
  .openapi(monthlyRoute, async (c) => {
    const user = requireUser(c);
    const month = c.req.valid('query').month ?? todayOf(c).slice(0, 7);
    const report = await monthlyReport(c.var.db, user, month);
    if (wantsCsv(c)) return csvDownload(c, monthlyCsvRows(report), `monthly-${month}.csv`);
    return c.json(report, 200);
  });
