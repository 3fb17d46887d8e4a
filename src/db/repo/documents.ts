// Documents of visits and receptions: adding one with its history entry, listing a record's
// current ones by key, withdrawing one (guarded, with its history entry). The bytes are in the
// file store; these rows only name them by SHA-256. Nothing is deleted.
import { and, asc, eq, getTableColumns, isNull, sql, type SQL } from 'drizzle-orm';
import type { DocumentKind, DocumentRecordType } from '../../domain/documents.js';
import { newId } from '../../lib/crypto.js';
import type { Db } from '../client.js';
import { documents, users } from '../schema.js';

export type DocumentRow = typeof documents.$inferSelect;
/** A document as lists show it: with who uploaded it, by name (read in the same query). */
export type ListedDocumentRow = DocumentRow & { uploaderName: string | null };

export interface NewDocument {
  recordType: DocumentRecordType;
  recordId: string;
  kind: DocumentKind;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** What the history of the record says about a document: its kind, name and id. */
const historyNote = sql`${documents.kind} || ': ' || ${documents.filename} || ' [' || ${documents.id} || ']'`;

/**
 * The row and the record's history entry, in one batch: the entry is selected from the row
 * just inserted, so neither exists without the other.
 */
export async function insertDocument(db: Db, args: { document: NewDocument; actorId: string; now: Date }): Promise<DocumentRow> {
  const at = args.now.toISOString();
  const id = newId();
  const [inserted] = await db.batch([
    db
      .insert(documents)
      .values({ id, ...args.document, uploadedBy: args.actorId, uploadedAt: at, lastOpId: newId() })
      .returning(),
    db.run(sql`INSERT INTO audit_log (entity, entity_id, at, actor_id, action, note)
      SELECT ${documents.recordType}, ${documents.recordId}, ${at}, ${args.actorId}, 'document_upload', ${historyNote}
      FROM ${documents} WHERE ${documents.id} = ${id}`),
  ]);
  const row = inserted[0];
  if (!row) throw new Error('document insert returned no row');
  return row;
}

export async function findDocument(db: Db, id: string): Promise<DocumentRow | undefined> {
  const [row] = await db.select().from(documents).where(eq(documents.id, id));
  return row;
}

/** A record's current (not withdrawn) documents in upload order, `limit` of them after `after`. */
export async function listCurrentDocuments(
  db: Db,
  args: { recordType: DocumentRecordType; recordId: string; after: [uploadedAt: string, id: string] | null; limit: number },
): Promise<ListedDocumentRow[]> {
  const after = args.after ? sql`(${documents.uploadedAt}, ${documents.id}) > (${args.after[0]}, ${args.after[1]})` : undefined;
  return db
    .select({ ...getTableColumns(documents), uploaderName: sql<string | null>`coalesce(${users.displayName}, ${users.email})` })
    .from(documents)
    .leftJoin(users, eq(users.id, documents.uploadedBy))
    .where(and(eq(documents.recordType, args.recordType), eq(documents.recordId, args.recordId), isNull(documents.withdrawnAt), after))
    .orderBy(asc(documents.uploadedAt), asc(documents.id))
    .limit(args.limit);
}

/**
 * Marks a current document withdrawn, and adds the record's history entry only if this update
 * landed (selected through the fresh last_op_id). False: it was already withdrawn.
 */
export async function withdrawDocument(db: Db, args: { id: string; actorId: string; now: Date }): Promise<boolean> {
  const at = args.now.toISOString();
  const opId = newId();
  const [updated] = await db.batch([
    db
      .update(documents)
      .set({ withdrawnAt: at, withdrawnBy: args.actorId, lastOpId: opId })
      .where(and(eq(documents.id, args.id), isNull(documents.withdrawnAt)))
      .returning({ id: documents.id }),
    db.run(sql`INSERT INTO audit_log (entity, entity_id, at, actor_id, action, note)
      SELECT ${documents.recordType}, ${documents.recordId}, ${at}, ${args.actorId}, 'document_withdraw', ${historyNote}
      FROM ${documents} WHERE ${documents.id} = ${args.id} AND ${documents.lastOpId} = ${opId}`),
  ]);
  return updated.length === 1;
}

/**
 * A WHERE fragment for a reception's guarded approval: a current official-letter scan is on
 * file at the moment the UPDATE runs, so a withdrawal racing the approval cannot slip past it.
 */
export function officialLetterOnFile(receptionId: string): SQL {
  return sql`EXISTS (SELECT 1 FROM ${documents} WHERE ${documents.recordType} = 'reception' AND ${documents.recordId} = ${receptionId}
    AND ${documents.kind} = 'official_letter' AND ${documents.withdrawnAt} IS NULL)`;
}

export async function hasOfficialLetter(db: Db, receptionId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: documents.id })
    .from(documents)
    .where(
      and(
        eq(documents.recordType, 'reception'),
        eq(documents.recordId, receptionId),
        eq(documents.kind, 'official_letter'),
        isNull(documents.withdrawnAt),
      ),
    )
    .limit(1);
  return row !== undefined;
}
