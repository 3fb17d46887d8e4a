// What the coordination desk shows: the region's submitted visits with their balance warnings,
// the visits it coordinated that still lie ahead, and receptions waiting for the office.
// Scoping comes from the services (an HQ sees its own region only).
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { Actor } from '../../domain/actor.js';
import { todayOf } from '../../services/deps.js';
import { listVisibleReceptions, type ReceptionView } from '../../services/receptions.js';
import { referenceNames } from '../../services/reference.js';
import { visibleVisits, visibleVisitsWithWarnings, type VisitRow, type VisitWithWarnings } from '../../services/visit-reads.js';
import { regionNameIn } from './labels.js';

/** How many coordinated visits the desk lists below the queue. */
const RECENT_LIMIT = 20;

export type QueuedVisit = VisitWithWarnings;

export interface CoordinationDesk {
  regionName: string;
  unitNames: Map<string, string>;
  queue: QueuedVisit[];
  recent: VisitRow[];
  receptions: ReceptionView[];
}

export async function loadCoordinationDesk(c: Context<AppEnv>, user: Actor): Promise<CoordinationDesk> {
  const { deps } = c.var;
  const [queue, decided, receptions, { regions, units }] = await Promise.all([
    // Visits come by start date: the earliest arrival is coordinated first.
    visibleVisitsWithWarnings(deps, user, { status: ['submitted'] }),
    // Visits not over yet: what the HQ coordinated and must still prepare for.
    visibleVisits(deps, user, {
      status: ['coordinated', 'approved', 'rejected'],
      overlapping: { startDate: todayOf(deps), endDate: '9999-12-31' },
    }),
    listVisibleReceptions(deps, user, { status: 'submitted' }),
    referenceNames(deps),
  ]);
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
