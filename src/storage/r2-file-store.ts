// Documents on Workers: objects in the R2 bucket bound as FILES, keyed by their SHA-256. A
// Worker has no disk to stage on, so an upload (at most MAX_DOCUMENT_BYTES, refused beyond it
// by the caller) is gathered in memory, hashed, and put with its SHA-256 for R2 to verify. A put
// resolves once R2 has stored the object durably, before the database row that names it.
import { type FileStaging, type FileStore, isSha256Hex, type StagedFile } from './file-store.js';

const keyOf = (sha256: string) => `sha256/${sha256}`;

export function r2FileStore(bucket: R2Bucket): FileStore {
  return {
    stage: () => stageInMemory(bucket),
    async open(sha256) {
      if (!isSha256Hex(sha256)) return null;
      const object = await bucket.get(keyOf(sha256));
      return object ? { size: object.size, body: object.body } : null;
    },
  };
}

function stageInMemory(bucket: R2Bucket): FileStaging {
  let chunks: Uint8Array[] = [];
  let size = 0;
  return {
    async write(chunk) {
      // Copied: the caller may reuse the buffer it read into.
      chunks.push(chunk.slice());
      size += chunk.byteLength;
    },
    async finish() {
      const bytes = new Uint8Array(size);
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.byteLength;
      }
      chunks = [];
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
      const sha256 = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
      return stagedBytes(bucket, bytes, sha256);
    },
    async abort() {
      chunks = [];
    },
  };
}

function stagedBytes(bucket: R2Bucket, bytes: Uint8Array, sha256: string): StagedFile {
  return {
    size: bytes.byteLength,
    sha256,
    async read(offset, length) {
      return bytes.subarray(offset, Math.min(bytes.byteLength, offset + length));
    },
    async keep() {
      // The same bytes already stored: this upload adds a row, not a second copy.
      if (await bucket.head(keyOf(sha256))) return;
      await bucket.put(keyOf(sha256), bytes, { sha256 });
    },
    async discard() {},
  };
}
