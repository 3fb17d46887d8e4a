// Condolence balance (CONTRACT.md, "Condolence balance"; the 2013 notice's 确保相对平衡,避免相互攀比):
// seconded-cadre rosters, the office's thresholds, and the per-region report.
import { createRoute, z } from '@hono/zod-openapi';
import {
  BalanceThresholdsSchema,
  currentBalanceThresholds,
  listCadres,
  saveBalanceThresholds,
  type BalanceScope,
} from '../db/repo/balance.js';
import type { Actor } from '../domain/actor.js';
import { requireRole, requireUser } from '../http/auth.js';
import { balanceReport } from '../services/balance-report.js';
import { saveCadreRoster } from '../services/cadre-roster.js';
import { bearerSecurity, createRouter, jsonBody, jsonContent, problemResponses, YearParamSchema } from './openapi.js';

const TAGS = ['Condolence balance'];

const CadreEntrySchema = z
  .object({
    unitId: z.string().min(1).max(64).openapi({ example: 'hangzhou' }),
    regionId: z.string().min(1).max(64).openapi({ example: 'aksu' }),
    count: z.number().int().min(0).max(100_000).openapi({ description: 'Seconded cadres; 0 is the same as no entry' }),
  })
  .strict()
  .openapi('CadreEntry');

// Units × regions bounds a real roster; 1000 rows leaves room for many departments.
export const CadreRosterBody = z
  .object({ entries: z.array(CadreEntrySchema).max(1000) })
  .strict()
  .openapi('CadreRosterInput');
const CadreRosterSchema = z.object({ year: z.number().int(), entries: z.array(CadreEntrySchema) }).openapi('CadreRoster');

const MetricSchema = z.enum(['consolationPerCadre', 'visitsPerCadre']);
const BalanceReportSchema = z
  .object({
    year: z.number().int(),
    overRatio: z.number(),
    underRatio: z.number(),
    regions: z.array(
      z.object({
        regionId: z.string(),
        median: z.object({ consolationPerCadre: z.number(), visitsPerCadre: z.number() }),
        units: z.array(
          z.object({
            unitId: z.string(),
            cadres: z.number().int(),
            condolenceVisits: z.number().int(),
            consolationYuan: z.number().int(),
            consolationPerCadre: z.number().nullable().openapi({ description: 'null for a unit with no cadres in the region' }),
            visitsPerCadre: z.number().nullable(),
            flags: z.array(z.object({ metric: MetricSchema, level: z.enum(['over', 'under']) })),
          }),
        ),
      }),
    ),
  })
  .openapi('BalanceReport');

const YearParam = z.object({ year: YearParamSchema.openapi({ param: { name: 'year', in: 'path' } }) });

const putCadresRoute = createRoute({
  method: 'put',
  path: '/cadres/{year}',
  tags: TAGS,
  summary: "Replace the year's roster of seconded cadres per unit and region (office)",
  description:
    'The whole roster of the year: entries left out are removed. Unknown units or regions, and a unit–region pair given twice, are 422.',
  security: bearerSecurity,
  request: { params: YearParam, ...jsonBody(CadreRosterBody) },
  responses: { 200: jsonContent(CadreRosterSchema, 'The roster as stored'), ...problemResponses },
});

const getCadresRoute = createRoute({
  method: 'get',
  path: '/cadres/{year}',
  tags: TAGS,
  summary: "The year's roster (office: all; hq: its region's entries; unit: its own entries)",
  security: bearerSecurity,
  request: { params: YearParam },
  responses: { 200: jsonContent(CadreRosterSchema, 'Entries by region, then unit'), ...problemResponses },
});

const getStandardsRoute = createRoute({
  method: 'get',
  path: '/standards/balance',
  tags: TAGS,
  summary: 'The balance thresholds in force (any logged-in account)',
  security: bearerSecurity,
  responses: { 200: jsonContent(BalanceThresholdsSchema, 'The thresholds in force'), 401: problemResponses[401] },
});

const putStandardsRoute = createRoute({
  method: 'put',
  path: '/standards/balance',
  tags: TAGS,
  summary: 'Set the balance thresholds (office)',
  description: 'Applies at once to the report and to the warnings visits carry; each change is recorded in the audit log.',
  security: bearerSecurity,
  request: jsonBody(BalanceThresholdsSchema),
  responses: { 200: jsonContent(BalanceThresholdsSchema, 'The thresholds now in force'), ...problemResponses },
});

const reportRoute = createRoute({
  method: 'get',
  path: '/reports/balance',
  tags: TAGS,
  summary: "Per region, each unit's condolence visits and money per seconded cadre against the region's median",
  description: [
    'Counted: condolence visits of the year (by start date) in status submitted, coordinated or approved.',
    'Medians are over the units with cadres in the region; a unit with visits but no cadres there is listed with null per-cadre values and no flags.',
    'Office: every region (or `regionId`). HQ: its own region only (another `regionId` is 403). Unit: every region (or `regionId`) with the medians and its own row only.',
  ].join(' '),
  security: bearerSecurity,
  request: { query: z.object({ year: YearParamSchema, regionId: z.string().min(1).max(64).optional() }) },
  responses: { 200: jsonContent(BalanceReportSchema, 'The balance report'), ...problemResponses },
});

function rosterScope(user: Actor): BalanceScope {
  if (user.role === 'hq') return { regionId: user.regionId ?? '' };
  if (user.role === 'unit') return { unitId: user.unitId ?? '' };
  return {};
}

export const balanceRoutes = createRouter()
  .openapi(putCadresRoute, async (c) => {
    const actor = requireRole(c, 'office');
    const { year } = c.req.valid('param');
    const { entries } = c.req.valid('json');
    await saveCadreRoster(c.var.db, { year, entries, actorId: actor.id, now: c.var.now() });
    return c.json({ year, entries: await listCadres(c.var.db, year) }, 200);
  })
  .openapi(getCadresRoute, async (c) => {
    const user = requireUser(c);
    const { year } = c.req.valid('param');
    return c.json({ year, entries: await listCadres(c.var.db, year, rosterScope(user)) }, 200);
  })
  .openapi(getStandardsRoute, async (c) => {
    requireUser(c);
    return c.json(await currentBalanceThresholds(c.var.db), 200);
  })
  .openapi(putStandardsRoute, async (c) => {
    const actor = requireRole(c, 'office');
    const value = c.req.valid('json');
    await saveBalanceThresholds(c.var.db, { value, actorId: actor.id, now: c.var.now() });
    return c.json(value, 200);
  })
  .openapi(reportRoute, async (c) => {
    const user = requireUser(c);
    return c.json(await balanceReport(c.var.db, user, c.req.valid('query')), 200);
  });
