// Is an upload a document we accept? Decided by its bytes alone (docs/API.md): PDF, PNG,
// JPEG, or OFD, the national format for official electronic documents (GB/T 33190), which is a
// ZIP package with OFD.xml at its root. An OFD is judged from its central directory, never
// unpacked, and a ZIP that could unpack into far more than it is (a "ZIP bomb") is refused.
import { DOCUMENT_FORMATS, type DocumentFormat } from '../domain/documents.js';
import { SNIFF_BYTES, sniffType } from '../lib/file-types.js';
import { readZipDirectory, type ZipEntry, ZipRefusal } from '../lib/zip-directory.js';
import type { StagedFile } from '../storage/file-store.js';
import { AppError } from './errors.js';

/** Far more parts than any OFD document of 10 MB has (a page is a handful of small files). */
const MAX_ZIP_ENTRIES = 10_000;
/** What all entries may unpack to together, at most, and at most this many times the package. */
const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;
const MAX_UNPACK_RATIO = 100;
const MAX_PATH_DEPTH = 16;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED = 0x1;
/** A local file header is at least this long before its name (APPNOTE 4.3.7). */
const LOCAL_HEADER_SIZE = 30;

const ACCEPTED = Object.values(DOCUMENT_FORMATS);

function refused(detail: string): AppError {
  return new AppError('UNSUPPORTED_MEDIA_TYPE', detail, { accepted: ACCEPTED });
}

/** The document's format, or 415 saying why the bytes are not one we accept. */
export async function documentFormatOf(file: StagedFile): Promise<DocumentFormat> {
  const sniffed = sniffType(await file.read(0, SNIFF_BYTES));
  if (sniffed === 'pdf' || sniffed === 'png' || sniffed === 'jpeg') return sniffed;
  if (sniffed !== 'zip') throw refused('The file is not a PDF, PNG, JPEG or OFD document (judged by its content, not its name).');
  let entries: ZipEntry[];
  let directoryOffset: number;
  try {
    ({ entries, directoryOffset } = await readZipDirectory(file, { maxEntries: MAX_ZIP_ENTRIES }));
  } catch (error) {
    if (error instanceof ZipRefusal) throw refused(`The ZIP package cannot be accepted as OFD (${error.problem}).`);
    throw error;
  }
  const problem = packageProblem(entries, directoryOffset, file.size);
  if (problem) throw refused(`The ZIP package cannot be accepted as OFD: ${problem}.`);
  if (!entries.some((entry) => entry.name === 'OFD.xml')) {
    throw refused('The ZIP package is not an OFD document: it has no OFD.xml at its root.');
  }
  return 'ofd';
}

/** What makes the package unsafe to unpack, or null. */
function packageProblem(entries: ZipEntry[], directoryOffset: number, packageSize: number): string | null {
  let unpacked = 0;
  for (const entry of entries) {
    const nameProblem = entryNameProblem(entry.name);
    if (nameProblem) return `entry "${entry.name.slice(0, 80)}" ${nameProblem}`;
    if (entry.flags & ENCRYPTED) return 'an entry is encrypted';
    if (entry.method !== STORED && entry.method !== DEFLATED) return `an entry uses compression method ${entry.method}`;
    unpacked += entry.uncompressedSize;
  }
  if (unpacked > MAX_UNPACKED_BYTES || unpacked > MAX_UNPACK_RATIO * packageSize) {
    return `its entries would unpack to ${unpacked} bytes from ${packageSize}`;
  }
  // Entries whose data overlap (many names for the same compressed bytes) are the trick of the
  // non-recursive ZIP bombs: each entry must end before the next one starts.
  const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  for (const [i, entry] of byOffset.entries()) {
    const end = entry.localHeaderOffset + LOCAL_HEADER_SIZE + entry.nameLength + entry.compressedSize;
    const next = byOffset[i + 1]?.localHeaderOffset ?? directoryOffset;
    if (end > next) return 'its entries overlap';
  }
  return null;
}

function entryNameProblem(name: string): string | null {
  if (name === '' || name.startsWith('/') || name.includes('\\') || /^[a-z]:/i.test(name)) return 'is not a relative path';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'has control characters';
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.some((s) => s === '..' || s === '.' || s === '')) return 'leaves its folder or has an empty part';
  if (segments.length > MAX_PATH_DEPTH) return 'is nested too deep';
  return null;
}
