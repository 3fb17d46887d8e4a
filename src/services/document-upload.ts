// Adding a document to a visit or a reception from a multipart upload, streamed: the file's bytes
// go to the store's staging area as they arrive, hashed on the way, and reading stops at the
// first byte over the limit (413), so an oversized upload is never held in memory. Then the bytes
// decide what it is (document-content.ts), the file is kept, synced, and only then is the row
// that names it written.
import { insertDocument } from '../db/repo/documents.js';
import type { Actor } from '../domain/actor.js';
import { DOCUMENT_FORMATS, type DocumentKind, MAX_DOCUMENT_BYTES, safeFilename } from '../domain/documents.js';
import { type FilePartInfo, type MultipartProblem, MultipartRefusal, readMultipart } from '../lib/multipart-stream.js';
import { zodIssues } from '../schemas/common.js';
import { DocumentKindSchema } from '../schemas/documents.js';
import type { FileStaging, StagedFile } from '../storage/file-store.js';
import type { ServiceDeps } from './deps.js';
import { documentFormatOf } from './document-content.js';
import { assertMayUpload, type DocumentView, documentView, type RecordRef } from './documents.js';
import { AppError, validationFailed } from './errors.js';

/** The whole multipart body: the file plus room for the form's other fields and part headers. */
export const MAX_UPLOAD_BODY_BYTES = MAX_DOCUMENT_BYTES + 64 * 1024;
const MAX_PARTS = 8;
const MAX_FIELD_BYTES = 8 * 1024;

export interface DocumentUpload {
  record: RecordRef;
  /** The request's Content-Type, boundary included. */
  contentType: string;
  /** The declared Content-Length, if any: a body declared too large is refused before it is read. */
  contentLength: number | null;
  body: ReadableStream<Uint8Array> | null;
  /** Checks the fields that came before the file (a web form's token) and throws to refuse. */
  beforeFile?: (fields: Readonly<Record<string, string>>) => void;
}

export interface UploadedDocument {
  document: DocumentView;
  /** Every text field of the form, for the page that posted it (e.g. where to go back to). */
  fields: Record<string, string>;
}

const tooLarge = () =>
  new AppError('PAYLOAD_TOO_LARGE', `A document may be at most ${MAX_DOCUMENT_BYTES} bytes (10 MB).`, { limit: MAX_DOCUMENT_BYTES });

const MULTIPART_PROBLEMS: Record<MultipartProblem, () => AppError> = {
  'not-multipart': () =>
    new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the document as multipart/form-data with the fields "file" and "kind".'),
  malformed: () => validationFailed([{ path: '', message: 'the multipart body is malformed or cut short' }]),
  'too-many-parts': () => validationFailed([{ path: '', message: `at most ${MAX_PARTS} form fields` }]),
  'field-too-large': () => validationFailed([{ path: '', message: `a text field may be at most ${MAX_FIELD_BYTES} bytes` }]),
};

export async function uploadDocument(deps: ServiceDeps, actor: Actor, upload: DocumentUpload): Promise<UploadedDocument> {
  // Who may upload is settled before a byte of the body is read.
  await assertMayUpload(deps, actor, upload.record);
  if (upload.contentLength !== null && upload.contentLength > MAX_UPLOAD_BODY_BYTES) throw tooLarge();

  let part: FilePartInfo | undefined;
  let staging: FileStaging | undefined;
  let received = 0;
  let fields: Record<string, string>;
  try {
    fields = await readMultipart({
      body: upload.body,
      contentType: upload.contentType,
      maxParts: MAX_PARTS,
      maxFieldBytes: MAX_FIELD_BYTES,
      onFile(info, before) {
        upload.beforeFile?.(before);
        if (info.field !== 'file' || part) throw validationFailed([{ path: info.field, message: 'send one file, in the field "file"' }]);
        part = info;
        const sink = deps.files.stage();
        staging = sink;
        return {
          async write(chunk) {
            received += chunk.byteLength;
            if (received > MAX_DOCUMENT_BYTES) throw tooLarge();
            await sink.write(chunk);
          },
        };
      },
    });
  } catch (error) {
    await staging?.abort();
    if (error instanceof MultipartRefusal) throw MULTIPART_PROBLEMS[error.problem]();
    throw error;
  }
  upload.beforeFile?.(fields);

  const kind = DocumentKindSchema.safeParse(fields.kind);
  if (!part || !staging || (part.filename === '' && received === 0) || !kind.success) {
    await staging?.abort();
    const issues = kind.success ? [] : zodIssues(kind.error).map((issue) => ({ ...issue, path: 'kind' }));
    if (!part || (part.filename === '' && received === 0)) issues.unshift({ path: 'file', message: 'choose a file to upload' });
    throw validationFailed(issues);
  }
  const staged = await staging.finish();
  const document = await keepAndRecord(deps, actor, { upload, staged, filename: part.filename, kind: kind.data });
  return { document, fields };
}

async function keepAndRecord(
  deps: ServiceDeps,
  actor: Actor,
  input: { upload: DocumentUpload; staged: StagedFile; filename: string; kind: DocumentKind },
): Promise<DocumentView> {
  const { staged } = input;
  try {
    const format = await documentFormatOf(staged);
    // Durable first (file and folder synced): the row below must never name missing bytes.
    await staged.keep();
    const row = await insertDocument(deps.db, {
      document: {
        recordType: input.upload.record.type,
        recordId: input.upload.record.id,
        kind: input.kind,
        filename: safeFilename(input.filename),
        contentType: DOCUMENT_FORMATS[format],
        size: staged.size,
        sha256: staged.sha256,
      },
      actorId: actor.id,
      now: deps.now(),
    });
    return documentView(row);
  } catch (error) {
    // A kept file is never removed (another row may name the same bytes); discarding after keep is a no-op.
    await staged.discard();
    throw error;
  }
}
