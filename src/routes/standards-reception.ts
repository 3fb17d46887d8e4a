// The office's reception standards (接待标准): work-meal cost per person and lodging rate per
// night per rank. Until the office sets them, the shipped placeholders apply.
import { createRoute, z } from '@hono/zod-openapi';
import type { Db } from '../db/client.js';
import { findStandard, saveStandard } from '../db/repo/standards.js';
import { DEFAULT_RECEPTION_STANDARDS, type ReceptionStandards } from '../domain/reception-rules.js';
import { requireRole, requireUser } from '../middleware/auth.js';
import { bearerSecurity, createRouter, jsonBody, jsonContent, problemResponses } from './openapi.js';

export const RECEPTION_STANDARDS_NAME = 'reception';

/** Whole yuan; a million a night or a head is far beyond any real standard, so it is a typo. */
const YuanLimit = z.number().int().min(0).max(1_000_000);

export const ReceptionStandardsSchema = z
  .object({
    workMealPerPersonYuan: YuanLimit,
    lodgingPerNightYuan: z
      .object({ provincial: YuanLimit, departmental: YuanLimit, county: YuanLimit, other: YuanLimit })
      .strict()
      .openapi({ description: 'Per room and night, by the guest rank the line is for: 省部级, 厅局级, 县处级, 其他' }),
  })
  .strict()
  .openapi('ReceptionStandards', {
    description: `Defaults until the office sets its own (placeholders, not official amounts): ${JSON.stringify(DEFAULT_RECEPTION_STANDARDS)}`,
  });

export interface CurrentReceptionStandards {
  standards: ReceptionStandards;
  /** The stored text the standards came from, null while the defaults apply (a write guard's version). */
  valueJson: string | null;
}

export async function currentReceptionStandards(db: Db): Promise<CurrentReceptionStandards> {
  const stored = await findStandard(db, RECEPTION_STANDARDS_NAME);
  if (!stored) return { standards: DEFAULT_RECEPTION_STANDARDS, valueJson: null };
  // Only this router writes the row, through the same schema: a mismatch is a bug, hence a throw.
  return { standards: ReceptionStandardsSchema.parse(stored.value), valueJson: stored.valueJson };
}

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
  request: jsonBody(ReceptionStandardsSchema),
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
    return c.json((await currentReceptionStandards(c.var.db)).standards, 200);
  })
  .openapi(putRoute, async (c) => {
    const actor = requireRole(c, 'office');
    const value = c.req.valid('json');
    await saveStandard(c.var.db, { name: RECEPTION_STANDARDS_NAME, value, actorId: actor.id, now: c.var.now() });
    return c.json(value, 200);
  });
