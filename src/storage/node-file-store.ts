// Documents on Node: files under FILES_DIR, named by their SHA-256 (`ab/abcdef…`). An upload is
// written to `.staging/` while it is hashed, synced, then renamed into place and its folder
// synced, so a file is durable before the database row that names it is written (docs/ARCHITECTURE.md:
// nothing acknowledged may be lost). The name comes from the hash, never from the uploader.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { type FileStaging, type FileStore, isSha256Hex, type StagedFile, type StoredFile } from './file-store.js';

const STAGING = '.staging';
/** Bytes handed to a reader per pull: small enough that memory stays flat whatever the file's size. */
const READ_CHUNK = 64 * 1024;
/** Staged files older than this at start-up belong to no running upload (a crash left them). */
const STALE_STAGING_MS = 60 * 60 * 1000;

export async function openNodeFileStore(root: string, now = Date.now()): Promise<FileStore> {
  await mkdir(join(root, STAGING), { recursive: true });
  await sweepStaging(join(root, STAGING), now - STALE_STAGING_MS);
  return {
    stage: () => stageFile(root),
    open: (sha256) => openKept(root, sha256),
  };
}

async function sweepStaging(dir: string, olderThan: number): Promise<void> {
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (info && info.mtimeMs < olderThan) await unlink(path).catch(() => undefined);
  }
}

function keptPath(root: string, sha256: string): { dir: string; file: string } {
  const dir = join(root, sha256.slice(0, 2));
  return { dir, file: join(dir, sha256) };
}

function stageFile(root: string): FileStaging {
  const path = join(root, STAGING, `${randomUUID()}.part`);
  const hash = createHash('sha256');
  let size = 0;
  let handle: FileHandle | undefined;
  const opened = open(path, 'wx+', 0o600).then((h) => (handle = h));
  // Awaited by write/finish; a failed open must not also surface as an unhandled rejection.
  opened.catch(() => undefined);
  const drop = async () => {
    await opened.catch(() => undefined);
    await handle?.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
  };
  return {
    async write(chunk) {
      const h = await opened;
      let written = 0;
      while (written < chunk.byteLength) {
        const { bytesWritten } = await h.write(chunk, written, chunk.byteLength - written);
        written += bytesWritten;
      }
      hash.update(chunk);
      size += chunk.byteLength;
    },
    async finish() {
      const h = await opened;
      await h.sync();
      return stagedFile(root, { path, handle: h, size, sha256: hash.digest('hex') });
    },
    abort: drop,
  };
}

function stagedFile(root: string, staged: { path: string; handle: FileHandle; size: number; sha256: string }): StagedFile {
  const { path, handle, size, sha256 } = staged;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return {
    size,
    sha256,
    async read(offset, length) {
      const wanted = Math.max(0, Math.min(length, size - offset));
      const buffer = new Uint8Array(wanted);
      let got = 0;
      while (got < wanted) {
        const { bytesRead } = await handle.read(buffer, got, wanted - got, offset + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return buffer.subarray(0, got);
    },
    async keep() {
      await close();
      const target = keptPath(root, sha256);
      await mkdir(target.dir, { recursive: true });
      if (await exists(target.file)) {
        // The same bytes are already kept: this upload adds a row, not a second copy.
        await unlink(path);
      } else {
        await rename(path, target.file);
      }
      // The rename (and a new fan-out folder) is durable only once the folders are synced.
      await syncDirectory(target.dir);
      await syncDirectory(root);
    },
    async discard() {
      await close().catch(() => undefined);
      await unlink(path).catch(() => undefined);
    },
  };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return false;
      throw err;
    },
  );
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch (err) {
    // Some platforms cannot fsync a folder (Windows: EPERM; some file systems: EINVAL); Linux can.
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'EINVAL' && code !== 'EISDIR') throw err;
  } finally {
    await handle.close();
  }
}

async function openKept(root: string, sha256: string): Promise<StoredFile | null> {
  if (!isSha256Hex(sha256)) return null;
  let handle: FileHandle;
  try {
    handle = await open(keptPath(root, sha256).file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const { size } = await handle.stat();
  let position = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const buffer = new Uint8Array(READ_CHUNK);
        const { bytesRead } = await handle.read(buffer, 0, READ_CHUNK, position);
        if (bytesRead === 0) {
          await handle.close();
          controller.close();
          return;
        }
        position += bytesRead;
        controller.enqueue(buffer.subarray(0, bytesRead));
      } catch (err) {
        await handle.close().catch(() => undefined);
        controller.error(err);
      }
    },
    async cancel() {
      await handle.close();
    },
  });
  return { size, body };
}
