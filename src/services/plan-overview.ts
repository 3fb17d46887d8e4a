// What the office's plan page (/office/plan) shows for a year: the regions and units, everything
// the solver reads about the year, and one proposal (the one asked for, else the latest) with
// whether the data moved since it was solved. Office only, like the proposals themselves.
import { findProposal, latestProposal, loadPlanYear, type PlanYearData, type ProposalRecord } from '../db/repo/plans.js';
import { listRegions, listUnits } from '../db/repo/reference.js';
import type { Actor } from '../domain/actor.js';
import { type ServiceDeps, todayOf } from './deps.js';
import { forbidden } from './errors.js';
import { inputFingerprint, planInputOf } from './plans.js';
import type { RegionView, UnitView } from './reference.js';

export interface ShownProposal {
  record: ProposalRecord;
  /** False when requests, rules, visits or caps changed since the solve. */
  upToDate: boolean;
}

export interface PlanOverview {
  regions: RegionView[];
  units: UnitView[];
  data: PlanYearData;
  /** The proposal asked for when it belongs to the year, else the year's latest; none before the first solve. */
  proposal?: ShownProposal;
}

export async function planOverview(deps: ServiceDeps, actor: Actor, args: { year: number; proposalId?: string }): Promise<PlanOverview> {
  requireOffice(actor);
  const { db } = deps;
  const { year, proposalId } = args;
  const [regions, units, data] = await Promise.all([listRegions(db), listUnits(db), loadPlanYear(db, year)]);
  const chosen = proposalId ? await findProposal(db, proposalId) : await latestProposal(db, year);
  const record = chosen?.year === year ? chosen : undefined;
  if (!record) return { regions, units, data };
  const fingerprint = await inputFingerprint(planInputOf(data, year, todayOf(deps)));
  return { regions, units, data, proposal: { record, upToDate: record.result.inputFingerprint === fingerprint } };
}

/** A proposal of any year by its id, or undefined (the page finds its year from it). */
export async function proposalById(deps: ServiceDeps, actor: Actor, id: string): Promise<ProposalRecord | undefined> {
  requireOffice(actor);
  return findProposal(deps.db, id);
}

function requireOffice(actor: Actor): void {
  if (actor.role !== 'office') throw forbidden('Only the office sees the annual plan.');
}
