// Condolence balance (docs/API.md, "Condolence balance"; the 2013 notice's 确保相对平衡,避免相互攀比):
// seconded-cadre rosters, the office's thresholds, and the per-region report.
import { createRoute, z } from '@hono/zod-openapi';
import { requireRole, requireUser } from '../http/auth.js';
import { BalanceReportSchema, BalanceThresholdsSchema, CadreRosterBody, CadreRosterSchema } from '../schemas/balance.js';
import { YearParamSchema } from '../schemas/common.js';
import { balanceReport } from '../services/balance-report.js';
import { balanceThresholds, saveBalanceThresholds } from '../services/balance-thresholds.js';
import { cadreRoster, saveCadreRoster } from '../services/cadre-roster.js';
import { bearerSecurity, createRouter, jsonBody, jsonContent, problemResponses } from './openapi.js';

const TAGS = ['Condolence balance'];

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

export const balanceRoutes = createRouter()
  .openapi(putCadresRoute, async (c) => {
    const actor = requireRole(c, 'office');
    const { year } = c.req.valid('param');
    const { entries } = c.req.valid('json');
    return c.json(await saveCadreRoster(c.var.deps, actor, { year, entries }), 200);
  })
  .openapi(getCadresRoute, async (c) => {
    const actor = requireUser(c);
    return c.json(await cadreRoster(c.var.deps, actor, c.req.valid('param').year), 200);
  })
  .openapi(getStandardsRoute, async (c) => {
    requireUser(c);
    return c.json(await balanceThresholds(c.var.deps), 200);
  })
  .openapi(putStandardsRoute, async (c) => {
    const actor = requireRole(c, 'office');
    return c.json(await saveBalanceThresholds(c.var.deps, actor, c.req.valid('json')), 200);
  })
  .openapi(reportRoute, async (c) => {
    const actor = requireUser(c);
    return c.json(await balanceReport(c.var.deps, actor, c.req.valid('query')), 200);
  });
