// What the coordination desk shows: the region's submitted visits with their balance warnings,
// the visits it coordinated that still lie ahead, and receptions waiting for the office.
// Scoping comes from the repositories (an HQ sees its own region only).
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { Actor } from '../../domain/actor.js';
import { listReceptions, type ReceptionRow } from '../../db/repo/receptions.js';
import { listRegions, listUnits } from '../../db/repo/reference.js';
import { regionNameIn } from './labels.js';
import { visitWarnings, type VisitWarning } from '../../db/repo/visit-warnings.js';
import { listVisits, type VisitRow } from '../../db/repo/visits.js';
import { todayOf } from '../../services/visits.js';

/** How many coordinated visits the desk lists below the queue. */
const RECENT_LIMIT = 20;

export interface QueuedVisit {
  visit: VisitRow;
  warnings: VisitWarning[];
}

export interface CoordinationDesk {
  regionName: string;
  unitNames: Map<string, string>;
  queue: QueuedVisit[];
  recent: VisitRow[];
  receptions: ReceptionRow[];
}

export async function loadCoordinationDesk(c: Context<AppEnv>, user: Actor): Promise<CoordinationDesk> {
  const db = c.var.db;
  const [submitted, decided, receptions, regions, units] = await Promise.all([
    // listVisits orders by start date: the earliest arrival is coordinated first.
    listVisits(db, user, { status: ['submitted'] }),
    // Visits not over yet: what the HQ coordinated and must still prepare for.
    listVisits(db, user, {
      status: ['coordinated', 'approved', 'rejected'],
      overlapping: { startDate: todayOf(c), endDate: '9999-12-31' },
    }),
    listReceptions(db, user, { status: 'submitted' }),
    listRegions(db),
    listUnits(db),
  ]);
  // Only condolence visits can carry a warning; visitWarnings answers [] for the rest at no cost.
  const queue = await Promise.all(submitted.map(async (visit) => ({ visit, warnings: await visitWarnings(db, visit) })));
  const recent = decided
    // An office rejection without the HQ's word is not the HQ's decision.
    .filter((v) => v.coordinationOpinion !== null)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, RECENT_LIMIT);
  return {
    regionName:
      regionNameIn(
        c,
        regions.find((r) => r.id === user.regionId),
      ) ??
      user.regionId ??
      '',
    unitNames: new Map(units.map((u) => [u.id, u.name])),
    queue,
    recent,
    receptions,
  };
}
