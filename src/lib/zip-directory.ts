// Reads a ZIP file's central directory (PKWARE APPNOTE.TXT 6.3.x, §4.3.12–4.3.16) from its end,
// without inflating anything: enough to know which files a package holds, how large they claim to
// be and where they lie, so a ZIP bomb is refused before anyone unpacks it. Strict on purpose:
// one disk, no ZIP64, no data before the first entry or between the directory and its end record.

export interface ByteSource {
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export interface ZipEntry {
  name: string;
  /** The name's length in bytes, as stored. */
  nameLength: number;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Where the central directory starts: every entry's data lies before it. */
  directoryOffset: number;
}

export type ZipProblem = 'not-zip' | 'zip64' | 'multi-disk' | 'too-many-entries' | 'bad-directory';

export class ZipRefusal extends Error {
  constructor(readonly problem: ZipProblem) {
    super(`ZIP refused: ${problem}`);
    this.name = 'ZipRefusal';
  }
}

const END_RECORD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const DIRECTORY_ENTRY_SIZE = 46;
/** Bit 11 of the general purpose flags: the name is UTF-8 (else code page 437). */
const UTF8_NAME = 0x800;

export async function readZipDirectory(source: ByteSource, limits: { maxEntries: number }): Promise<ZipDirectory> {
  if (source.size < END_RECORD_SIZE) throw new ZipRefusal('not-zip');
  const tailStart = Math.max(0, source.size - END_RECORD_SIZE - MAX_COMMENT);
  const tail = await source.read(tailStart, source.size - tailStart);
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  const at = findEndRecord(view);
  if (at < 0) throw new ZipRefusal('not-zip');

  if (at >= 20 && view.getUint32(at - 20, true) === ZIP64_LOCATOR) throw new ZipRefusal('zip64');
  const disk = view.getUint16(at + 4, true);
  const directoryDisk = view.getUint16(at + 6, true);
  const entriesHere = view.getUint16(at + 8, true);
  const entryCount = view.getUint16(at + 10, true);
  const directorySize = view.getUint32(at + 12, true);
  const directoryOffset = view.getUint32(at + 16, true);
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) throw new ZipRefusal('zip64');
  if (disk !== 0 || directoryDisk !== 0 || entriesHere !== entryCount) throw new ZipRefusal('multi-disk');
  if (entryCount > limits.maxEntries) throw new ZipRefusal('too-many-entries');
  // The directory must end exactly where the end record begins.
  if (directoryOffset + directorySize !== tailStart + at) throw new ZipRefusal('bad-directory');

  const directory = await source.read(directoryOffset, directorySize);
  return { entries: parseEntries(directory, entryCount), directoryOffset };
}

/** The last end record whose comment length reaches exactly to the end of the file. */
function findEndRecord(view: DataView): number {
  for (let i = view.byteLength - END_RECORD_SIZE; i >= 0; i--) {
    if (view.getUint32(i, true) === END_RECORD && i + END_RECORD_SIZE + view.getUint16(i + 20, true) === view.byteLength) return i;
  }
  return -1;
}

function parseEntries(bytes: Uint8Array, count: number): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + DIRECTORY_ENTRY_SIZE > bytes.byteLength || view.getUint32(at, true) !== DIRECTORY_ENTRY) throw new ZipRefusal('bad-directory');
    const flags = view.getUint16(at + 8, true);
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localHeaderOffset = view.getUint32(at + 42, true);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      throw new ZipRefusal('zip64');
    }
    const end = at + DIRECTORY_ENTRY_SIZE + nameLength + extraLength + commentLength;
    if (end > bytes.byteLength) throw new ZipRefusal('bad-directory');
    const nameBytes = bytes.subarray(at + DIRECTORY_ENTRY_SIZE, at + DIRECTORY_ENTRY_SIZE + nameLength);
    entries.push({
      name: flags & UTF8_NAME ? new TextDecoder('utf-8').decode(nameBytes) : latin1(nameBytes),
      nameLength,
      flags,
      method: view.getUint16(at + 10, true),
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    });
    at = end;
  }
  if (at !== bytes.byteLength) throw new ZipRefusal('bad-directory');
  return entries;
}

// Code page 437 and Latin-1 agree on ASCII, which is all the checks of a name look at.
function latin1(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => String.fromCharCode(b)).join('');
}
