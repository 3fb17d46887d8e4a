// Request and response shapes for visits, shared by the visit routes and the OpenAPI document.
import { z } from '@hono/zod-openapi';
import { IsoDateSchema } from './openapi.js';

export const VisitKindSchema = z.enum(['inspection', 'condolence']);
export const VisitStatusSchema = z.enum(['submitted', 'coordinated', 'approved', 'rejected', 'withdrawn', 'cancelled']);

const visitFieldShape = {
  regionId: z.string().min(1).max(64).openapi({ example: 'aksu' }),
  kind: VisitKindSchema,
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
  headcount: z.number().int().min(1).max(10_000),
  leaderName: z.string().trim().min(1).max(100),
  leaderTitle: z.string().trim().max(100).nullish(),
  purpose: z.string().trim().min(1).max(2000),
  cadresVisited: z.number().int().min(0).max(100_000).nullish(),
  consolationYuan: z.number().int().min(0).max(1_000_000_000).nullish(),
};

export const NewVisitBody = z
  .object({
    ...visitFieldShape,
    unitId: z.string().min(1).max(64).optional().openapi({ description: 'Office only; a unit books for itself.' }),
  })
  .strict()
  .openapi('NewVisit');

export const VisitPatchBody = z.object(visitFieldShape).partial().strict().openapi('VisitPatch');

export const WarningSchema = z
  .object({ code: z.string(), metric: z.string().optional(), value: z.number().optional(), median: z.number().optional() })
  .openapi('Warning');

export const VisitSchema = z
  .object({
    id: z.string(),
    unitId: z.string(),
    regionId: z.string(),
    kind: VisitKindSchema,
    startDate: z.string(),
    endDate: z.string(),
    year: z.number().int(),
    headcount: z.number().int(),
    leaderName: z.string(),
    leaderTitle: z.string().nullable(),
    purpose: z.string(),
    cadresVisited: z.number().int().nullable(),
    consolationYuan: z.number().int().nullable(),
    status: VisitStatusSchema,
    sequence: z.number().int(),
    coordinationOpinion: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Visit');

export const VisitWithWarningsSchema = VisitSchema.extend({ warnings: z.array(WarningSchema) }).openapi('VisitWithWarnings');
