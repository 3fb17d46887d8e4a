// The reception list (接待清单) the 2013 rules require after the event: guests, activities,
// times, places and costs. JSON by default; `Accept: text/csv` gives a sheet that opens in Excel.
import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../http/auth.js';
import { ReceptionListSchema } from '../schemas/reception-list.js';
import { receptionListCsv, receptionListCsvHeaders, receptionListFor } from '../services/reception-list.js';
import { bearerSecurity, createRouter, problemResponses } from './openapi.js';
import { ReceptionIdParam } from './receptions-params.js';

// Kept importable from here, where the reception list's HTTP shape is defined.
export { RANK_LABELS } from '../services/reception-list.js';

const listRoute = createRoute({
  method: 'get',
  path: '/receptions/{id}/list',
  tags: ['Official receptions'],
  summary: 'The reception list (接待清单), as JSON or CSV',
  description:
    "Send `Accept: text/csv` for a CSV download (UTF-8 with BOM so Excel shows Chinese; cells that could start a formula are prefixed with `'`). " +
    'Sections in order: header facts, guests, activities, work meal, lodging, totals; each section is a title row and a header row, separated by blank rows.',
  security: bearerSecurity,
  request: { params: ReceptionIdParam },
  responses: {
    200: {
      description: 'The reception list',
      content: { 'application/json': { schema: ReceptionListSchema }, 'text/csv': { schema: z.string() } },
    },
    401: problemResponses[401],
    404: problemResponses[404],
  },
});

export const receptionListRoutes = createRouter().openapi(listRoute, async (c) => {
  const actor = requireUser(c);
  const list = await receptionListFor(c.var.deps, actor, c.req.valid('param').id);
  if (/\btext\/csv\b/i.test(c.req.header('accept') ?? '')) {
    return c.body(receptionListCsv(list), 200, receptionListCsvHeaders(list));
  }
  return c.json(list, 200);
});
