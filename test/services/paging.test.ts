// Keyset cursors: what a page gives out comes back as the same key; anything else is a 422.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/services/errors.js';
import { decodeCursor, encodeCursor, pageFrom, pageSize } from '../../src/services/paging.js';

describe('cursors', () => {
  it('round-trip a key of dates, ids and numbers, Chinese included', () => {
    const key = ['2027-05-01', 'a1b2-c3', 42, '张三'];
    expect(decodeCursor(encodeCursor(key), ['string', 'string', 'number', 'string'])).toEqual(key);
  });

  it.each([
    ['not base64url', '!!!'],
    ['not JSON', encodeCursor(['x']).slice(0, -2)],
    ['wrong length', encodeCursor(['2027-05-01'])],
    ['wrong type', encodeCursor([5, 'id'])],
  ])('refuses a cursor that is %s with VALIDATION_FAILED on cursor', (_why, cursor) => {
    let thrown: unknown;
    try {
      decodeCursor(cursor, ['string', 'string']);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('VALIDATION_FAILED');
    expect((thrown as AppError).extra.errors).toEqual([expect.objectContaining({ path: 'cursor' })]);
  });

  it('is absent for the first page', () => {
    expect(decodeCursor(undefined, ['string'])).toBeNull();
  });
});

describe('pageFrom', () => {
  const rows = [1, 2, 3, 4].map((n) => ({ id: `v${n}` }));
  it('shows `size` rows and points past the last one when a further row was read', () => {
    const page = pageFrom(rows, 3, (r) => [r.id]);
    expect(page.items.map((r) => r.id)).toEqual(['v1', 'v2', 'v3']);
    expect(decodeCursor(page.nextCursor ?? undefined, ['string'])).toEqual(['v3']);
  });
  it('has no next cursor on the last page', () => {
    expect(pageFrom(rows, 4, (r) => [r.id]).nextCursor).toBeNull();
  });
  it('defaults to 50 and caps at 200', () => {
    expect(pageSize({})).toBe(50);
    expect(pageSize({ limit: 500 })).toBe(200);
  });
});
