// The office's reception standards (接待标准): work-meal cost per person and lodging rate per
// night per rank. Until the office sets them, the shipped placeholders apply.
import { createRoute } from '@hono/zod-openapi';
import { requireRole, requireUser } from '../http/auth.js';
import { ReceptionStandardsInputSchema, ReceptionStandardsSchema } from '../schemas/reception-standards.js';
import { currentReceptionStandards, saveReceptionStandards } from '../services/reception-standards.js';
import { bearerSecurity, createRouter, jsonBody, jsonContent, problemResponses } from './openapi.js';

const getRoute = createRoute({
  method: 'get',
  path: '/standards/reception',
  tags: ['Official receptions'],
  summary: 'The reception standards in force (any logged-in account)',
  description: 'The shipped defaults are placeholders; the office is expected to set the real amounts with PUT.',
  security: bearerSecurity,
  responses: { 200: jsonContent(ReceptionStandardsSchema, 'The standards in force'), 401: problemResponses[401] },
});

const putRoute = createRoute({
  method: 'put',
  path: '/standards/reception',
  tags: ['Official receptions'],
  summary: 'Set the reception standards (office)',
  description: 'Applies to receptions created or approved from now on; each change is recorded in the audit log.',
  security: bearerSecurity,
  request: jsonBody(ReceptionStandardsInputSchema),
  responses: {
    200: jsonContent(ReceptionStandardsSchema, 'The standards now in force'),
    401: problemResponses[401],
    403: problemResponses[403],
    413: problemResponses[413],
    415: problemResponses[415],
    422: problemResponses[422],
  },
});

export const receptionStandardsRoutes = createRouter()
  .openapi(getRoute, async (c) => {
    requireUser(c);
    return c.json((await currentReceptionStandards(c.var.deps)).standards, 200);
  })
  .openapi(putRoute, async (c) => {
    const actor = requireRole(c, 'office');
    return c.json(await saveReceptionStandards(c.var.deps, actor, c.req.valid('json')), 200);
  });
