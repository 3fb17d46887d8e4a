// Reports (docs/API.md, "Reports"): every unit's caps and usage for a year, and the monthly
// inquiry (月询). JSON by default; `Accept: text/csv` gives the same report as a sheet that opens
// in Excel. The balance report lives with the rest of the condolence balance (balance.ts).
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { yearOf } from '../domain/dates.js';
import { requireUser } from '../http/auth.js';
import { YearParamSchema } from '../schemas/common.js';
import { MonthlyReportSchema, MonthParamSchema, UsageReportSchema } from '../schemas/reports.js';
import { todayOf } from '../services/deps.js';
import { type CsvFile, csvFile, monthlyCsvRows, usageCsvRows } from '../services/report-csv.js';
import { monthlyReport, usageReport } from '../services/reports.js';
import { bearerSecurity, createRouter, problemResponses } from './openapi.js';

const TAGS = ['Reports'];

const CSV_NOTE =
  'Send `Accept: text/csv` for a CSV download (UTF-8 with BOM so Excel shows Chinese; headers in Chinese with English in parentheses; ' +
  "cells that could start a formula are prefixed with `'`).";

const csvOrJson = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema }, 'text/csv': { schema: z.string() } },
});

const usageRoute = createRoute({
  method: 'get',
  path: '/reports/usage',
  tags: TAGS,
  summary: "Every unit's annual caps, counted usage and what remains",
  description: [
    'Counted: visits of the year (by start date) in status submitted, coordinated or approved, as for the caps themselves.',
    "Limits are the unit's own for the year when the office set them (`overridden: true`), else the year's default.",
    'Office: every unit. Unit: its own row only. HQ: 403 (caps and usage are the office’s and each unit’s own).',
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

const csvDownload = (c: Context<AppEnv>, file: CsvFile) => c.body(file.body, 200, file.headers);

const wantsCsv = (c: Context<AppEnv>) => /\btext\/csv\b/i.test(c.req.header('accept') ?? '');

export const reportRoutes = createRouter()
  .openapi(usageRoute, async (c) => {
    const actor = requireUser(c);
    const year = c.req.valid('query').year ?? yearOf(todayOf(c.var.deps));
    const report = await usageReport(c.var.deps, actor, year);
    if (wantsCsv(c)) return csvDownload(c, csvFile(usageCsvRows(report), `usage-${year}.csv`));
    return c.json(report, 200);
  })
  .openapi(monthlyRoute, async (c) => {
    const actor = requireUser(c);
    const month = c.req.valid('query').month ?? todayOf(c.var.deps).slice(0, 7);
    const report = await monthlyReport(c.var.deps, actor, month);
    if (wantsCsv(c)) return csvDownload(c, csvFile(monthlyCsvRows(report), `monthly-${month}.csv`));
    return c.json(report, 200);
  });
