// The annual plan (docs/API.md, "Annual plan"): a plan request (a wish for a visit somewhere in a
// window), the solve options and the stored proposal. Shared by the plan routes, the office's plan
// page and services/plans.ts.
import { z } from 'zod';
import { MAX_VISIT_DAYS } from '../domain/types.js';
import { IdRefSchema, IsoDateSchema } from './common.js';
import { PageQueryShape } from './paging.js';
import { requiredMultilineText, requiredText } from './text.js';
import { VisitKindSchema, VisitSchema } from './visits.js';

export const PlanRequestStatusSchema = z.enum(['open', 'withdrawn', 'committed']);

export const NewPlanRequestBody = z
  .object({
    regionId: IdRefSchema.meta({ example: 'aksu' }),
    kind: VisitKindSchema,
    days: z.number().int().min(1).max(MAX_VISIT_DAYS).meta({ description: 'Inclusive days the visit lasts' }),
    headcount: z.number().int().min(1).max(10_000),
    earliest: IsoDateSchema.meta({ description: 'First day the visit may touch; in the plan year' }),
    latest: IsoDateSchema.meta({
      description:
        'Last day the visit may touch (inclusive); may run into the next year only as far as a visit starting on 31 December lasts',
      example: '2027-05-31',
    }),
    preferredStart: IsoDateSchema.nullish().meta({
      description: 'Within earliest..latest−days+1; without it the earliest start is preferred',
    }),
    priority: z.number().int().min(1).max(3).meta({ description: '1 is the most important (weight 3), 3 the least (weight 1)' }),
    leaderName: requiredText({ max: 100 }),
    purpose: requiredMultilineText({ max: 2000 }),
    cadresVisited: z
      .number()
      .int()
      .min(0)
      .max(100_000)
      .nullish()
      .meta({ description: 'Condolence requests: the cadres the visit consoles, at least 1; copied into the visit' }),
    consolationYuan: z.number().int().min(0).max(1_000_000_000).nullish().meta({ description: 'Condolence requests: the money, in yuan' }),
    unitId: IdRefSchema.optional().meta({ description: 'Office only (required then); a unit files for itself.' }),
  })
  .strict()
  .meta({ id: 'NewPlanRequest' });

export type PlanRequestInput = z.infer<typeof NewPlanRequestBody>;

export const PlanRequestSchema = z
  .object({
    id: z.string(),
    year: z.number().int(),
    unitId: z.string(),
    regionId: z.string(),
    kind: VisitKindSchema,
    days: z.number().int(),
    headcount: z.number().int(),
    earliest: z.string(),
    latest: z.string(),
    preferredStart: z.string().nullable(),
    priority: z.number().int(),
    leaderName: z.string(),
    purpose: z.string(),
    cadresVisited: z.number().int().nullable(),
    consolationYuan: z.number().int().nullable(),
    status: PlanRequestStatusSchema,
    visitId: z.string().nullable().meta({ description: 'The visit made from it, once committed' }),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PlanRequest' });

export const PlanRequestQuery = z.object({
  status: PlanRequestStatusSchema.optional(),
  regionId: z.string().max(64).optional(),
  unitId: z.string().max(64).optional(),
  ...PageQueryShape,
});

export type PlanRequestFilterInput = z.infer<typeof PlanRequestQuery>;

export const SolveBody = z
  .object({
    timeLimitMs: z.number().int().min(100).max(10_000).optional().meta({
      description:
        "The search's wall-time limit; default 2,000 ms. Results depend only on the data unless the limit cuts the search short.",
    }),
  })
  .strict()
  .meta({ id: 'SolvePlan' });

const PlacementSchema = z.object({
  requestId: z.string(),
  unitId: z.string(),
  regionId: z.string(),
  startDate: z.string(),
  endDate: z.string(),
});

export const ProposalSchema = z
  .object({
    id: z.string(),
    year: z.number().int(),
    status: z.enum(['open', 'committed']),
    createdAt: z.string(),
    committedAt: z.string().nullable(),
    placements: z.array(PlacementSchema).meta({ description: 'In request-id order' }),
    unplaced: z.array(
      z.object({
        requestId: z.string(),
        code: z.string().meta({ description: 'The rule that stops it: a visit rule code (BATCH_CAP_EXCEEDED, …) or WINDOW_TOO_NARROW' }),
      }),
    ),
    objective: z.object({
      placedWeight: z.number().meta({ description: 'Σ weight of placed requests (3, 2, 1 for priority 1, 2, 3)' }),
      totalDeviationDays: z.number().meta({ description: 'Σ |start − preferred start| (from earliest when none)' }),
      spreadPenalty: z.number().meta({ description: 'How unevenly arrivals spread over each region’s year; lower is more even' }),
    }),
    search: z.object({ iterations: z.number().int(), stoppedBy: z.enum(['iterations', 'stalled', 'time']), elapsedMs: z.number() }),
    requestIds: z.array(z.string()).meta({ description: 'The open requests the solver saw' }),
    upToDate: z.boolean().optional().meta({ description: 'GET only: false when requests, rules, visits or caps changed since the solve' }),
  })
  .meta({ id: 'PlanProposal' });

export const CommitResultSchema = z
  .object({
    proposalId: z.string(),
    visits: z.array(VisitSchema).meta({ description: 'The visits created, status submitted, earliest first' }),
  })
  .meta({ id: 'PlanCommit' });
