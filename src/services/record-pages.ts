// What a record's page shows (/visits/{id}, /receptions/{id}): the record if the caller may see
// it, the names of its unit and region, its warnings, and its history with who acted (name and
// role). A fixed handful of queries whatever the history's length.
import { auditHistoryWithActors } from '../db/repo/audit-log.js';
import { findRegion, findUnit } from '../db/repo/reference.js';
import type { Actor } from '../domain/actor.js';
import type { Role } from '../domain/types.js';
import type { ServiceDeps } from './deps.js';
import { visibleReception } from './receptions-shared.js';
import type { ReceptionView } from '../db/repo/receptions.js';
import { visibleVisit, type VisitRow } from './visit-reads.js';
import { visitWarnings, type VisitWarning } from './visit-warnings.js';

export interface HistoryEntry {
  at: string;
  actorId: string;
  actorName: string | null;
  actorRole: Role | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
}

export interface VisitRecord {
  visit: VisitRow;
  unitName: string;
  regionName: string;
  regionNameEn: string;
  warnings: VisitWarning[];
  history: HistoryEntry[];
}

export async function visitRecord(deps: ServiceDeps, actor: Actor, id: string): Promise<VisitRecord> {
  const visit = await visibleVisit(deps, actor, id);
  const [unit, region, warnings, history] = await Promise.all([
    findUnit(deps.db, visit.unitId),
    findRegion(deps.db, visit.regionId),
    visitWarnings(deps, visit),
    auditHistoryWithActors(deps.db, 'visit', visit.id),
  ]);
  return {
    visit,
    unitName: unit?.name ?? visit.unitId,
    regionName: region?.name ?? visit.regionId,
    regionNameEn: region?.nameEn ?? visit.regionId,
    warnings,
    history,
  };
}

export interface ReceptionRecord {
  reception: ReceptionView;
  unitName: string;
  regionName: string;
  regionNameEn: string;
  history: HistoryEntry[];
}

export async function receptionRecord(deps: ServiceDeps, actor: Actor, id: string): Promise<ReceptionRecord> {
  const reception = await visibleReception(deps, actor, id);
  const [unit, region, history] = await Promise.all([
    findUnit(deps.db, reception.hostUnitId),
    findRegion(deps.db, reception.regionId),
    auditHistoryWithActors(deps.db, 'reception', reception.id),
  ]);
  return {
    reception,
    unitName: unit?.name ?? reception.hostUnitId,
    regionName: region?.name ?? reception.regionId,
    regionNameEn: region?.nameEn ?? reception.regionId,
    history,
  };
}
