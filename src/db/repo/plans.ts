// Annual-plan requests and proposals (统筹计划), and everything the solver reads about a year in
// a fixed handful of queries, however many units and requests there are. A request is a wish:
// nothing here counts it toward a cap. Turning a proposal into visits is plan-commit.ts.
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../domain/actor.js';
import { addDays } from '../../domain/dates.js';
import type { Placement, PlanObjective, SearchStats, Unplaced } from '../../domain/planner/index.js';
import {
  COUNTED_VISIT_STATUSES,
  MAX_VISIT_DAYS,
  type PlacedVisit,
  type QuotaLimits,
  type QuotaUsage,
  type RegionRules,
} from '../../domain/types.js';
import { newId } from '../../lib/crypto.js';
import type { Db } from '../client.js';
import { planProposals, planRequests, visits } from '../schema.js';
import { listRegions } from './reference.js';
import { usageRows } from './reports.js';

export type PlanRequestRow = typeof planRequests.$inferSelect;
export type PlanRequestStatus = PlanRequestRow['status'];

export type NewPlanRequest = Omit<PlanRequestRow, 'id' | 'status' | 'visitId' | 'createdBy' | 'createdAt' | 'updatedAt'>;

/** The request as the API shows it: every column is public. */
export function planRequestView(row: PlanRequestRow) {
  return {
    id: row.id,
    year: row.year,
    unitId: row.unitId,
    regionId: row.regionId,
    kind: row.kind,
    days: row.days,
    headcount: row.headcount,
    earliest: row.earliest,
    latest: row.latest,
    preferredStart: row.preferredStart,
    priority: row.priority,
    leaderName: row.leaderName,
    purpose: row.purpose,
    cadresVisited: row.cadresVisited,
    consolationYuan: row.consolationYuan,
    status: row.status,
    visitId: row.visitId,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export type PlanRequestView = ReturnType<typeof planRequestView>;

/** Who sees a request: the office all, an HQ its region's, a unit its own (as for visits). */
function planRequestScope(user: Actor): SQL | undefined {
  if (user.role === 'office') return undefined;
  if (user.role === 'hq') return eq(planRequests.regionId, user.regionId ?? '');
  return eq(planRequests.unitId, user.unitId ?? '');
}

export function canSeePlanRequest(user: Actor, row: { unitId: string; regionId: string }): boolean {
  if (user.role === 'office') return true;
  if (user.role === 'hq') return user.regionId === row.regionId;
  return user.unitId === row.unitId;
}

export async function insertPlanRequest(db: Db, args: { request: NewPlanRequest; actorId: string; now: Date }): Promise<PlanRequestRow> {
  const id = newId();
  const at = args.now.toISOString();
  const [inserted] = await db.batch([
    db
      .insert(planRequests)
      .values({ ...args.request, id, status: 'open', visitId: null, createdBy: args.actorId, createdAt: at, updatedAt: at })
      .returning(),
    db.run(sql`INSERT INTO audit_log (entity, entity_id, at, actor_id, action, from_status, to_status)
      VALUES ('plan_request', ${id}, ${at}, ${args.actorId}, 'create', NULL, 'open')`),
  ]);
  return inserted[0]!;
}

export async function findPlanRequest(db: Db, id: string): Promise<PlanRequestRow | undefined> {
  const [row] = await db.select().from(planRequests).where(eq(planRequests.id, id));
  return row;
}

export interface PlanRequestFilter {
  status?: PlanRequestStatus;
  regionId?: string;
  unitId?: string;
}

/** A request's place in the list's order: region, earliest day, when it was filed, id. */
export type PlanRequestKey = readonly [string, string, string, string];

/**
 * One page of the year's requests the caller may see, in the list's order (region, earliest day,
 * filed, id): `size + 1` rows at most, after `after` when given, one index range
 * (plan_requests_year_order) whatever the year holds.
 */
export async function planRequestPage(
  db: Db,
  user: Actor,
  args: { year: number; filter: PlanRequestFilter; size: number; after: PlanRequestKey | null },
): Promise<PlanRequestRow[]> {
  const { filter, after } = args;
  return db
    .select()
    .from(planRequests)
    .where(
      and(
        eq(planRequests.year, args.year),
        planRequestScope(user),
        filter.status ? eq(planRequests.status, filter.status) : undefined,
        filter.regionId ? eq(planRequests.regionId, filter.regionId) : undefined,
        filter.unitId ? eq(planRequests.unitId, filter.unitId) : undefined,
        after === null
          ? undefined
          : sql`(${planRequests.regionId}, ${planRequests.earliest}, ${planRequests.createdAt}, ${planRequests.id}) > (${after[0]}, ${after[1]}, ${after[2]}, ${after[3]})`,
      ),
    )
    .orderBy(asc(planRequests.regionId), asc(planRequests.earliest), asc(planRequests.createdAt), asc(planRequests.id))
    .limit(args.size + 1);
}

/** Withdraws an open request; undefined when it was not open (any more) at the moment of the write. */
export async function withdrawPlanRequest(db: Db, args: { id: string; actorId: string; now: Date }): Promise<PlanRequestRow | undefined> {
  const at = args.now.toISOString();
  const [updated] = await db.batch([
    db
      .update(planRequests)
      .set({ status: 'withdrawn', updatedAt: at })
      .where(and(eq(planRequests.id, args.id), eq(planRequests.status, 'open')))
      .returning(),
    // changes() is the UPDATE's row count: the audit row exists only if the withdrawal landed.
    db.run(sql`INSERT INTO audit_log (entity, entity_id, at, actor_id, action, from_status, to_status)
      SELECT 'plan_request', ${args.id}, ${at}, ${args.actorId}, 'withdraw', 'open', 'withdrawn' WHERE changes() = 1`),
  ]);
  return updated[0];
}

/** What a solve produced, as stored in plan_proposals.result_json. */
export interface StoredProposal {
  placements: Placement[];
  unplaced: Unplaced[];
  objective: PlanObjective;
  search: SearchStats;
  /** The open requests the solver saw. */
  requestIds: string[];
  /** SHA-256 of the solver's input without `today` and the search budget: tells whether the data moved since. */
  inputFingerprint: string;
  today: string;
}

export interface ProposalRecord {
  id: string;
  year: number;
  status: 'open' | 'committed';
  createdBy: string;
  createdAt: string;
  committedAt: string | null;
  result: StoredProposal;
}

function proposalRecord(row: typeof planProposals.$inferSelect): ProposalRecord {
  // Written only by insertProposal below, from a StoredProposal.
  const result = JSON.parse(row.resultJson) as StoredProposal;
  return {
    id: row.id,
    year: row.year,
    status: row.status,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    committedAt: row.committedAt,
    result,
  };
}

export async function insertProposal(
  db: Db,
  args: { year: number; result: StoredProposal; actorId: string; now: Date },
): Promise<ProposalRecord> {
  const id = newId();
  const at = args.now.toISOString();
  const [inserted] = await db.batch([
    db
      .insert(planProposals)
      .values({
        id,
        year: args.year,
        resultJson: JSON.stringify(args.result),
        status: 'open',
        createdBy: args.actorId,
        createdAt: at,
        committedAt: null,
      })
      .returning(),
    db.run(sql`INSERT INTO audit_log (entity, entity_id, at, actor_id, action, to_status, note)
      VALUES ('plan_proposal', ${id}, ${at}, ${args.actorId}, 'solve', 'open', ${`${args.result.placements.length} placed, ${args.result.unplaced.length} unplaced`})`),
  ]);
  return proposalRecord(inserted[0]!);
}

export async function findProposal(db: Db, id: string): Promise<ProposalRecord | undefined> {
  const [row] = await db.select().from(planProposals).where(eq(planProposals.id, id));
  return row ? proposalRecord(row) : undefined;
}

/** The year's most recent proposal (the one the office page shows by default). */
export async function latestProposal(db: Db, year: number): Promise<ProposalRecord | undefined> {
  const [row] = await db
    .select()
    .from(planProposals)
    .where(eq(planProposals.year, year))
    .orderBy(desc(planProposals.createdAt), desc(planProposals.id))
    .limit(1);
  return row ? proposalRecord(row) : undefined;
}

/** Everything the solver and the commit re-check read about a plan year. */
export interface PlanYearData {
  /** Every request of the year, whatever its status (the re-check names withdrawn ones). */
  requests: PlanRequestRow[];
  regions: Record<string, RegionRules>;
  /** Counted visits that can touch a visit starting in the year, by capacity or spacing. */
  existingVisits: PlacedVisit[];
  limitsByUnit: Record<string, QuotaLimits>;
  usageByUnit: Record<string, QuotaUsage>;
}

export async function loadPlanYear(db: Db, year: number): Promise<PlanYearData> {
  const [requests, regionViews, usage] = await Promise.all([
    db.select().from(planRequests).where(eq(planRequests.year, year)).orderBy(asc(planRequests.id)),
    listRegions(db),
    // Limits (the year's default or the unit's override) and counted usage: four queries in all.
    usageRows(db, year),
  ]);
  const regions = Object.fromEntries(regionViews.map((r) => [r.id, r.rules]));
  // A visit from the previous December can still be in the region on 1 January or arrive within
  // the gap of an early placement; one starting late in the year can run into next January, where
  // next year's early arrivals sit. So: every counted visit starting within a visit's length plus
  // the widest gap either side of the year.
  const margin = MAX_VISIT_DAYS + Math.max(0, ...regionViews.map((r) => r.rules.minGapDays));
  const existing = await db
    .select({
      id: visits.id,
      unitId: visits.unitId,
      regionId: visits.regionId,
      startDate: visits.startDate,
      endDate: visits.endDate,
      headcount: visits.headcount,
    })
    .from(visits)
    .where(
      and(
        inArray(visits.status, [...COUNTED_VISIT_STATUSES]),
        sql`${visits.startDate} >= ${addDays(`${year}-01-01`, -margin)} AND ${visits.startDate} <= ${addDays(`${year}-12-31`, margin)}`,
      ),
    )
    .orderBy(asc(visits.startDate), asc(visits.id));
  return {
    requests,
    regions,
    existingVisits: existing,
    limitsByUnit: Object.fromEntries(usage.map((u) => [u.unitId, u.limits])),
    usageByUnit: Object.fromEntries(usage.map((u) => [u.unitId, u.used])),
  };
}
