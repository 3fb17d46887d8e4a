// Keyset pagination: a page is "the next `limit` rows after this key" in a stable order, so page
// 500 costs what page 1 costs (OFFSET would read and drop every earlier row). The cursor is the
// last row's sort key, base64url-encoded JSON: opaque to clients, checked on the way back in so a
// tampered cursor is a 422, never a query error.
import type { KeysetRequest } from '../db/repo/keyset.js';
import { base64urlToText, textToBase64url } from '../lib/base64url.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../schemas/paging.js';
import { validationFailed } from './errors.js';

export interface PageRequest {
  limit?: number;
  cursor?: string;
  /** Web pages only: the page that ends just before this cursor's key (the "previous" link). */
  before?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type CursorKey = (string | number)[];
export type CursorShape = readonly ('string' | 'number')[];

export function pageSize(request: PageRequest): number {
  return Math.min(Math.max(request.limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
}

export function encodeCursor(key: CursorKey): string {
  return textToBase64url(JSON.stringify(key));
}

/** The key a cursor carries, of the given shape; null for the first page; 422 for anything else. */
export function decodeCursor(cursor: string | undefined, shape: CursorShape): CursorKey | null {
  if (cursor === undefined) return null;
  let key: unknown;
  try {
    key = JSON.parse(base64urlToText(cursor) ?? '');
  } catch {
    key = undefined;
  }
  const fits =
    Array.isArray(key) &&
    key.length === shape.length &&
    key.every((part, i) => typeof part === shape[i] && (typeof part !== 'string' || part.length <= 200));
  if (!fits) throw validationFailed([{ path: 'cursor', message: 'not a cursor this list gave out; start again without one' }]);
  return key as CursorKey;
}

/**
 * The page from rows read with `LIMIT size + 1`: the extra row only tells that another page
 * exists, and the cursor is the key of the last row shown.
 */
export function pageFrom<T>(rows: T[], size: number, keyOf: (row: T) => CursorKey): Page<T> {
  const items = rows.slice(0, size);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > size && last !== undefined ? encodeCursor(keyOf(last)) : null };
}

/** A page the web lists show: the API's page plus a cursor back to the page before it. */
export interface TwoWayPage<T> extends Page<T> {
  /** For `before`: the page ending just before this one; null on the first page. */
  prevCursor: string | null;
}

export type DateIdKey = readonly [string, string];
const DATE_ID: CursorShape = ['string', 'string'];

/** The (startDate, id) position a list request asks for: after `cursor`, before `before`, or the first page. */
export function dateIdKeyset(request: PageRequest): KeysetRequest {
  const before = request.before === undefined ? null : (decodeCursor(request.before, DATE_ID) as [string, string]);
  const after = before === null ? (decodeCursor(request.cursor, DATE_ID) as [string, string] | null) : null;
  return { size: pageSize(request), after, before };
}

/**
 * The page from rows read for a keyset request (size + 1 at most, in the request's direction):
 * items in list order, the cursor to the next page and, for web pages, the one to the page before.
 */
export function keysetPage<T>(rows: T[], request: KeysetRequest, keyOf: (row: T) => CursorKey): TwoWayPage<T> {
  const more = rows.length > request.size;
  const shown = rows.slice(0, request.size);
  if (request.before !== null) {
    const items = shown.reverse();
    const first = items[0];
    const last = items[items.length - 1];
    return {
      items,
      // Reading backwards from a page means that page comes next.
      nextCursor: last === undefined ? null : encodeCursor(keyOf(last)),
      prevCursor: more && first !== undefined ? encodeCursor(keyOf(first)) : null,
    };
  }
  const first = shown[0];
  const last = shown[shown.length - 1];
  return {
    items: shown,
    nextCursor: more && last !== undefined ? encodeCursor(keyOf(last)) : null,
    // A page reached through a cursor has one before it (or had, when it was read).
    prevCursor: request.after !== null && first !== undefined ? encodeCursor(keyOf(first)) : null,
  };
}
