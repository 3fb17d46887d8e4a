// Where uploaded documents live: one interface, two homes. Node keeps them as files under
// FILES_DIR (node-file-store.ts), Workers in the R2 bucket bound as FILES (r2-file-store.ts).
// Files are content-addressed by their SHA-256, so the same scan uploaded twice is kept once, and
// nothing here ever deletes a kept file: a withdrawn document stays for the archive.

/** Bytes on their way in: written as they arrive, hashed as they go, not yet kept. */
export interface FileStaging {
  write(chunk: Uint8Array): Promise<void>;
  /** All bytes are in: the staged file, its size and SHA-256 known. */
  finish(): Promise<StagedFile>;
  /** Throws the bytes away (a refused or broken upload). */
  abort(): Promise<void>;
}

/** A complete upload waiting for a decision: keep it, or discard it. */
export interface StagedFile {
  readonly size: number;
  /** Lower-case hex. */
  readonly sha256: string;
  /** Up to `length` bytes from `offset` (fewer at the end): for telling the type by content. */
  read(offset: number, length: number): Promise<Uint8Array>;
  /**
   * Makes the bytes durable under their SHA-256 (once, however often they are uploaded). It
   * resolves only when they are safely stored, so a database row naming them may follow.
   */
  keep(): Promise<void>;
  discard(): Promise<void>;
}

export interface StoredFile {
  size: number;
  /** The bytes, read as the consumer pulls them: a large file is never held in memory whole. */
  body: ReadableStream<Uint8Array>;
}

export interface FileStore {
  stage(): FileStaging;
  /** A kept file by its SHA-256, or null when the store has no such file. */
  open(sha256: string): Promise<StoredFile | null>;
}

/** A SHA-256 as the stores name files: 64 lower-case hex digits, nothing a path could abuse. */
export function isSha256Hex(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value);
}
