// Compiled statements bind each named placeholder where it stands, and runBatch applies a
// batch whole or not at all on the embedded database.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, render, runBatch } from '../../src/db/statements.js';
import { createTestApp, type TestContext } from '../helpers/app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
  await ctx.database.client.execute('CREATE TABLE scratch (k TEXT PRIMARY KEY, v INTEGER NOT NULL)');
});
afterAll(() => ctx.database.client.close());

describe('compile', () => {
  it('fills every occurrence of a placeholder, in order, and keeps literal parameters', () => {
    const statement = compile(sql`SELECT ${sql.placeholder('a')}, ${7}, ${sql.placeholder('b')}, ${sql.placeholder('a')}`);
    expect(statement({ a: 'x', b: null })).toEqual({ sql: 'SELECT ?, ?, ?, ?', args: ['x', 7, null, 'x'] });
    expect(statement({ a: 1, b: 2 }).args).toEqual([1, 7, 2, 1]);
  });

  it('refuses to run with a placeholder left unbound', () => {
    const statement = compile(sql`SELECT ${sql.placeholder('a')}, ${sql.placeholder('b')}`);
    expect(() => statement({ a: 1 } as never)).toThrow(/no value for placeholder "b"/);
  });

  it('renders a template as drizzle itself does', () => {
    const template = sql`SELECT ${1} WHERE ${'a'} = ${'b'}`;
    expect(render(template)).toEqual({ sql: 'SELECT ? WHERE ? = ?', args: [1, 'a', 'b'] });
  });
});

describe('runBatch', () => {
  it('returns each statement’s rows by column name', async () => {
    const [inserted, read] = await runBatch(ctx.database.db, [
      { sql: 'INSERT INTO scratch (k, v) VALUES (?, ?), (?, ?) RETURNING k, v', args: ['a', 1, 'b', 2] },
      { sql: 'SELECT sum(v) AS total FROM scratch', args: [] },
    ]);
    expect(inserted).toEqual([expect.objectContaining({ k: 'a', v: 1 }), expect.objectContaining({ k: 'b', v: 2 })]);
    expect(read![0]!.total).toBe(3);
  });

  it('applies nothing when a later statement fails', async () => {
    await expect(
      runBatch(ctx.database.db, [
        { sql: 'INSERT INTO scratch (k, v) VALUES (?, ?)', args: ['c', 3] },
        { sql: 'INSERT INTO scratch (k, v) VALUES (?, ?)', args: ['d', null] },
      ]),
    ).rejects.toThrow();
    const rows = (await ctx.database.client.execute('SELECT k FROM scratch ORDER BY k')).rows.map((r) => r.k);
    expect(rows).toEqual(['a', 'b']);
  });
});
