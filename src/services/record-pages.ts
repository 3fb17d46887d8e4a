// What a record's page shows (/visits/{id}, /receptions/{id}): the record if the caller may see
// it, the names of its unit and region, its warnings, and its history with who acted (name and
// role). A fixed handful of queries whatever the history's length.
import { auditHistoryWithActors } from '../db/repo/audit-log.js';
import { findRegion, findUnit } from '../db/repo/reference.js';
import type { Actor } from '../domain/actor.js';
import type { Role } from '../domain/types.js';
import type { ServiceDeps } from './deps.js';
import { type DocumentView, mayManageRecordDocuments, type RecordRef, recordDocuments } from './documents.js';
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

/** The record's current documents (a first page) and whether the viewer may add or withdraw them. */
export interface RecordDocumentsView {
  items: DocumentView[];
  more: boolean;
  mayManage: boolean;
}

async function documentsOf(deps: ServiceDeps, actor: Actor, record: RecordRef): Promise<RecordDocumentsView> {
  const [listed, mayManage] = await Promise.all([
    recordDocuments(deps, actor, { record, page: { limit: DOCUMENTS_SHOWN } }),
    mayManageRecordDocuments(deps, actor, record),
  ]);
  return { items: listed.items, more: listed.nextCursor !== null, mayManage };
}

/** A record page lists this many documents; the API pages through the rest. */
const DOCUMENTS_SHOWN = 200;

export interface VisitRecord {
  visit: VisitRow;
  unitName: string;
  regionName: string;
  regionNameEn: string;
  warnings: VisitWarning[];
  history: HistoryEntry[];
  documents: RecordDocumentsView;
}

export async function visitRecord(deps: ServiceDeps, actor: Actor, id: string): Promise<VisitRecord> {
  const visit = await visibleVisit(deps, actor, id);
  const [unit, region, warnings, history, documents] = await Promise.all([
    findUnit(deps.db, visit.unitId),
    findRegion(deps.db, visit.regionId),
    visitWarnings(deps, visit),
    auditHistoryWithActors(deps.db, 'visit', visit.id),
    documentsOf(deps, actor, { type: 'visit', id: visit.id }),
  ]);
  return {
    visit,
    unitName: unit?.name ?? visit.unitId,
    regionName: region?.name ?? visit.regionId,
    regionNameEn: region?.nameEn ?? visit.regionId,
    warnings,
    history,
    documents,
  };
}

export interface ReceptionRecord {
  reception: ReceptionView;
  unitName: string;
  regionName: string;
  regionNameEn: string;
  history: HistoryEntry[];
  documents: RecordDocumentsView;
}

export async function receptionRecord(deps: ServiceDeps, actor: Actor, id: string): Promise<ReceptionRecord> {
  const reception = await visibleReception(deps, actor, id);
  const [unit, region, history, documents] = await Promise.all([
    findUnit(deps.db, reception.hostUnitId),
    findRegion(deps.db, reception.regionId),
    auditHistoryWithActors(deps.db, 'reception', reception.id),
    documentsOf(deps, actor, { type: 'reception', id: reception.id }),
  ]);
  return {
    reception,
    unitName: unit?.name ?? reception.hostUnitId,
    regionName: region?.name ?? reception.regionId,
    regionNameEn: region?.nameEn ?? reception.regionId,
    history,
    documents,
  };
}
