// Documents of visits and receptions (docs/API.md, "Documents and the archive"): whoever may
// see the record may list and download its documents, and nobody else learns they exist (404);
// the office and the record's own unit may add and withdraw them. Uploads: document-upload.ts.
import { type DocumentRow, findDocument, type ListedDocumentRow, listCurrentDocuments, withdrawDocument } from '../db/repo/documents.js';
import type { Actor } from '../domain/actor.js';
import { type DocumentRecordType, mayManageDocuments } from '../domain/documents.js';
import type { StoredFile } from '../storage/file-store.js';
import type { ServiceDeps } from './deps.js';
import { AppError, forbidden, notFound } from './errors.js';
import { decodeCursor, type Page, type PageRequest, pageFrom, pageSize } from './paging.js';
import { visibleReception } from './receptions-shared.js';
import { visibleVisit } from './visit-reads.js';

export interface RecordRef {
  type: DocumentRecordType;
  id: string;
}

export function documentView(row: DocumentRow & { uploaderName?: string | null }) {
  return {
    id: row.id,
    recordType: row.recordType,
    recordId: row.recordId,
    kind: row.kind,
    filename: row.filename,
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256,
    uploadedAt: row.uploadedAt,
    uploadedBy: row.uploadedBy,
    uploadedByName: row.uploaderName ?? null,
    withdrawnAt: row.withdrawnAt,
  };
}

export type DocumentView = ReturnType<typeof documentView>;

/** The unit a record belongs to, if the caller may see it; 404 otherwise (its existence stays hidden). */
async function ownerOfVisibleRecord(deps: ServiceDeps, actor: Actor, record: RecordRef): Promise<string> {
  if (record.type === 'visit') return (await visibleVisit(deps, actor, record.id)).unitId;
  return (await visibleReception(deps, actor, record.id)).hostUnitId;
}

/** Whether the caller may add and withdraw the record's documents (404 if it may not even see it). */
export async function mayManageRecordDocuments(deps: ServiceDeps, actor: Actor, record: RecordRef): Promise<boolean> {
  return mayManageDocuments(actor, await ownerOfVisibleRecord(deps, actor, record));
}

/** 404 for a record the caller may not see, 403 for one it sees but may not add to. */
export async function assertMayUpload(deps: ServiceDeps, actor: Actor, record: RecordRef): Promise<void> {
  if (!(await mayManageRecordDocuments(deps, actor, record))) {
    throw forbidden("Only the office or the record's own unit may add documents to it.");
  }
}

const CURSOR_SHAPE = ['string', 'string'] as const;

/** The record's current documents in upload order, a page at a time. */
export async function recordDocuments(deps: ServiceDeps, actor: Actor, input: { record: RecordRef; page: PageRequest }) {
  await ownerOfVisibleRecord(deps, actor, input.record);
  const size = pageSize(input.page);
  const after = decodeCursor(input.page.cursor, CURSOR_SHAPE) as [string, string] | null;
  const rows = await listCurrentDocuments(deps.db, { recordType: input.record.type, recordId: input.record.id, after, limit: size + 1 });
  const page: Page<ListedDocumentRow> = pageFrom(rows, size, (row) => [row.uploadedAt, row.id]);
  return { items: page.items.map(documentView), nextCursor: page.nextCursor };
}

/**
 * A document the caller may see: one of a record it may see. A withdrawn document has left the
 * record; only the office, which keeps the archive, may still fetch it.
 */
async function visibleDocument(deps: ServiceDeps, actor: Actor, id: string): Promise<DocumentRow> {
  const row = await findDocument(deps.db, id);
  if (!row) throw notFound('document');
  try {
    await ownerOfVisibleRecord(deps, actor, { type: row.recordType, id: row.recordId });
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw notFound('document');
    throw error;
  }
  if (row.withdrawnAt !== null && actor.role !== 'office') throw notFound('document');
  return row;
}

export interface OpenedDocument {
  document: DocumentView;
  file: StoredFile;
}

/** The document and its bytes, streamed from the store. */
export async function openDocument(deps: ServiceDeps, actor: Actor, id: string): Promise<OpenedDocument> {
  const row = await visibleDocument(deps, actor, id);
  const file = await deps.files.open(row.sha256);
  // The row is written only after its bytes were stored: a missing file is a broken store.
  if (!file) throw new Error(`document ${row.id}: the file store has no ${row.sha256}`);
  return { document: documentView(row), file };
}

/** Takes a document off the record's list; it stays in the store and in the year's archive. */
export async function withdrawRecordDocument(deps: ServiceDeps, actor: Actor, id: string): Promise<DocumentView> {
  const row = await visibleDocument(deps, actor, id);
  if (!(await mayManageRecordDocuments(deps, actor, { type: row.recordType, id: row.recordId }))) {
    throw forbidden("Only the office or the record's own unit may withdraw its documents.");
  }
  const landed = await withdrawDocument(deps.db, { id, actorId: actor.id, now: deps.now() });
  const after = await findDocument(deps.db, id);
  if (!landed || !after) {
    throw new AppError('INVALID_TRANSITION', 'The document is already withdrawn.', { from: 'withdrawn', action: 'withdraw' });
  }
  return documentView(after);
}

/** The record a document belongs to (for a page to go back to), if the caller may see the document. */
export async function recordOfDocument(deps: ServiceDeps, actor: Actor, id: string): Promise<RecordRef> {
  const row = await visibleDocument(deps, actor, id);
  return { type: row.recordType, id: row.recordId };
}
