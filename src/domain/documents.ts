// Documents on visits and receptions (档案): the official letter's scan (公函扫描件) and other
// papers. The rules that need no I/O: what may be uploaded, who may, and how a file name from a
// client becomes one that is safe to show, to send back and to put in an archive.
import type { Actor } from './actor.js';

export const DOCUMENT_KINDS = ['official_letter', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_RECORD_TYPES = ['visit', 'reception'] as const;
export type DocumentRecordType = (typeof DOCUMENT_RECORD_TYPES)[number];

/** 10 MiB: a scanned letter of a few pages fits many times over. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** The formats accepted, each with the one content type it is stored and served as. */
export const DOCUMENT_FORMATS = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  // GB/T 33190-2016 names no media type; application/ofd is what Chinese OFD readers register.
  ofd: 'application/ofd',
} as const;
export type DocumentFormat = keyof typeof DOCUMENT_FORMATS;

/** Who may add or withdraw a record's documents: the office, or the unit the record belongs to. */
export function mayManageDocuments(actor: Actor, ownerUnitId: string): boolean {
  return actor.role === 'office' || (actor.role === 'unit' && actor.unitId === ownerUnitId);
}

const MAX_NAME_LENGTH = 200;
// C0 and C1 controls and DEL; bidirectional overrides and isolates, which can make
// "report\u202Efdp.exe" read as "reportexe.pdf".
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The file name as the client gave it (Chinese and all), made harmless: no control or
 * direction-changing characters, no folder separators (`../x` becomes `.._x`), not blank and not
 * only dots, at most 200 characters with the extension kept. It is shown and sent back, never
 * used as a path: stored files are named by their SHA-256.
 */
export function safeFilename(given: string): string {
  const cleaned = given.normalize('NFC').replace(UNSAFE_CHARACTERS, '').replace(/[/\\]/g, '_').trim();
  if (/^[.\s]*$/.test(cleaned)) return 'document';
  const characters = Array.from(cleaned);
  if (characters.length <= MAX_NAME_LENGTH) return cleaned;
  const extension = /\.[^.]{1,10}$/.exec(cleaned)?.[0] ?? '';
  return characters.slice(0, MAX_NAME_LENGTH - extension.length).join('') + extension;
}

/**
 * A name for the file inside one record's folder of the archive that no other document of that
 * record has taken yet: "公函.pdf", then "公函 (2).pdf". `taken` is updated.
 */
export function uniqueName(filename: string, taken: Set<string>): string {
  let name = filename;
  const dot = filename.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [filename.slice(0, dot), filename.slice(dot)] : [filename, ''];
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem} (${n})${extension}`;
  taken.add(name.toLowerCase());
  return name;
}
