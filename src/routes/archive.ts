// GET /api/v1/archive/{year}.zip (docs/API.md, office): the year's archive as one streamed
// ZIP. Hono cannot name a parameter followed by ".zip" in an OpenAPI-style path, so the handler is
// a plain route and its documentation is registered beside it.
import { z } from '@hono/zod-openapi';
import { requireUser } from '../http/auth.js';
import { withKnownLength } from '../lib/known-length.js';
import { YearParamSchema } from '../schemas/common.js';
import { yearArchive } from '../services/archive.js';
import { validationFailed } from '../services/errors.js';
import { bearerSecurity, createRouter, problemResponses } from './openapi.js';

export const archiveRoutes = createRouter();

archiveRoutes.openAPIRegistry.registerPath({
  method: 'get',
  path: '/archive/{year}.zip',
  tags: ['Documents and archive'],
  summary: "The year's archive (档案) as a ZIP (office)",
  description: [
    'visits.csv (the visits counting in the year), receptions.csv (those starting in it), history.csv (every history entry about them,',
    'and every other entry made in the year), reception-lists/<receptionId>.csv (each reception list, 接待清单),',
    'documents/<recordId>/<file> (every document of those records, withdrawn ones included) and manifest.json listing every other',
    'file with its SHA-256 and size (documents with their metadata). CSVs as the reports write them (UTF-8 with BOM, formula-like',
    'cells neutralised). Streamed: documents are read from storage as the download proceeds; Content-Length is exact.',
  ].join(' '),
  security: bearerSecurity,
  request: { params: z.object({ year: YearParamSchema.openapi({ param: { name: 'year', in: 'path' } }) }) },
  responses: {
    200: { description: 'The ZIP', content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } } },
    401: problemResponses[401],
    403: problemResponses[403],
    422: problemResponses[422],
  },
});

archiveRoutes.get('/archive/:file{[^/]+\\.zip}', async (c) => {
  const actor = requireUser(c);
  const parsed = YearParamSchema.safeParse(c.req.param('file').slice(0, -'.zip'.length));
  if (!parsed.success) throw validationFailed([{ path: 'year', message: 'must be a year as four digits, 2000..2999' }]);
  const archive = await yearArchive(c.var.deps, actor, parsed.data);
  return c.body(withKnownLength(archive.body, archive.size), 200, {
    'content-type': 'application/zip',
    'content-length': String(archive.size),
    'content-disposition': `attachment; filename="${archive.filename}"`,
    'cache-control': 'private, no-store',
  });
});
