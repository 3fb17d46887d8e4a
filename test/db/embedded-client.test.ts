// The embedded-file client keeps compiled statements; these check it still answers exactly as
// @libsql/client's own file client does, including after errors and schema changes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, LibsqlBatchError, type LibsqlError, type Client } from '@libsql/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddedClient, embeddedPath } from '../../src/db/embedded-client.js';

let dir: string;
let ours: Client;
let reference: Client;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'planner-embedded-'));
  ours = new EmbeddedClient(join(dir, 'ours.db'));
  reference = createClient({ url: `file:${join(dir, 'reference.db')}` });
  for (const client of [ours, reference]) {
    await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, n INTEGER, data BLOB)');
  }
});

afterEach(() => {
  ours.close();
  reference.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The same calls on both clients: what each returned, or the error it threw (name, code, message). */
async function both<T>(call: (client: Client) => Promise<T>): Promise<[unknown, unknown]> {
  const outcome = async (client: Client) => {
    try {
      return { value: JSON.parse(JSON.stringify(await call(client))) };
    } catch (err) {
      const e = err as LibsqlError & { statementIndex?: number };
      return { error: { name: e.name, code: e.code, extendedCode: e.extendedCode, statementIndex: e.statementIndex, message: e.message } };
    }
  };
  return [await outcome(ours), await outcome(reference)];
}

describe('EmbeddedClient', () => {
  it('answers reads, writes, named and positional arguments like @libsql/client', async () => {
    const calls: ((c: Client) => Promise<unknown>)[] = [
      (c) => c.execute({ sql: 'INSERT INTO t (name, n) VALUES (?, ?)', args: ['a', 1] }),
      (c) => c.execute({ sql: 'INSERT INTO t (name, n) VALUES (:name, $n)', args: { name: 'b', $n: 2n } }),
      (c) => c.execute({ sql: 'INSERT INTO t (name, n) VALUES (?, ?)', args: ['c', true] }),
      (c) => c.execute('SELECT id, name, n, n * 2 AS twice FROM t ORDER BY id'),
      (c) => c.execute({ sql: 'SELECT name FROM t WHERE n > ?', args: [1] }),
      (c) => c.execute({ sql: 'UPDATE t SET n = n + 10 WHERE n < ?', args: [5] }),
      (c) => c.execute('SELECT count(*) AS k, sum(n) AS s FROM t'),
      (c) => c.execute({ sql: 'INSERT INTO t (name, n) VALUES (?, ?) RETURNING id, name', args: ['d', 4] }),
    ];
    for (const call of calls) {
      const [a, b] = await both(call);
      expect(a).toEqual(b);
    }
  });

  it('gives rows by index and by column name, with the index and length not enumerable', async () => {
    await ours.execute({ sql: 'INSERT INTO t (name, n) VALUES (?, ?)', args: ['a', 7] });
    const [row] = (await ours.execute('SELECT name, n FROM t')).rows;
    expect(row![0]).toBe('a');
    expect(row!.n).toBe(7);
    expect(row!.length).toBe(2);
    expect(Object.keys(row!)).toEqual(['name', 'n']);
    expect(Array.prototype.slice.call(row)).toEqual(['a', 7]);
  });

  it('keeps the same keys as @libsql/client for repeated, index-like and `length` column names', async () => {
    const query = "SELECT 1 AS a, 2 AS a, 3 AS length, 4 AS '0', 5 AS '7', 6 AS b";
    const [ourRow] = (await ours.execute(query)).rows;
    const [theirRow] = (await reference.execute(query)).rows;
    expect(Object.keys(ourRow!)).toEqual(Object.keys(theirRow!));
    expect(Array.prototype.slice.call(ourRow)).toEqual(Array.prototype.slice.call(theirRow));
    expect(ourRow!.length).toBe(theirRow!.length);
    expect(ourRow!.a).toBe(theirRow!.a);
  });

  it('reports errors with the same codes, and a statement that failed works again afterwards', async () => {
    const insert = (c: Client, name: string) => c.execute({ sql: 'INSERT INTO t (name, n) VALUES (?, ?)', args: [name, 1] });
    await both((c) => insert(c, 'x'));
    const [a, b] = await both((c) => insert(c, 'x'));
    expect(a).toEqual(b);
    expect(a).toMatchObject({ error: { code: 'SQLITE_CONSTRAINT', extendedCode: 'SQLITE_CONSTRAINT_UNIQUE' } });
    // The same compiled statement, reused after its failure.
    await insert(ours, 'y');
    expect((await ours.execute('SELECT name FROM t ORDER BY name')).rows.map((r) => r.name)).toEqual(['x', 'y']);
    const [c1, c2] = await both((c) => c.execute('SELECT nope FROM t'));
    expect(c1).toEqual(c2);
  });

  it('applies a batch whole or not at all, naming the failing statement', async () => {
    const batch = (c: Client) =>
      c.batch(
        [
          { sql: 'INSERT INTO t (name) VALUES (?)', args: ['p'] },
          { sql: 'INSERT INTO t (name) VALUES (?)', args: [null] },
          "INSERT INTO t (name) VALUES ('q')",
        ],
        'write',
      );
    const [a, b] = await both(batch);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ error: { name: 'LibsqlBatchError', statementIndex: 1, code: 'SQLITE_CONSTRAINT' } });
    await expect(batch(ours)).rejects.toBeInstanceOf(LibsqlBatchError);
    expect((await ours.execute('SELECT count(*) AS k FROM t')).rows[0]!.k).toBe(0);
    // The connection is usable after the rollback, and a good batch lands whole.
    const results = await ours.batch([{ sql: 'INSERT INTO t (name) VALUES (?)', args: ['p'] }, 'SELECT name FROM t']);
    expect(results[1]!.rows.map((r) => r.name)).toEqual(['p']);
  });

  it('sees a column added by a schema change in a cached SELECT *', async () => {
    await ours.execute({ sql: 'INSERT INTO t (name) VALUES (?)', args: ['a'] });
    expect((await ours.execute('SELECT * FROM t')).columns).toEqual(['id', 'name', 'n', 'data']);
    await ours.execute("ALTER TABLE t ADD COLUMN extra TEXT DEFAULT 'e'");
    const after = await ours.execute('SELECT * FROM t');
    expect(after.columns).toEqual(['id', 'name', 'n', 'data', 'extra']);
    expect(after.rows[0]!.extra).toBe('e');
  });

  it('round-trips blobs and refuses what cannot be stored or read exactly', async () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    await ours.execute({ sql: 'INSERT INTO t (name, data) VALUES (?, ?)', args: ['b', bytes.buffer] });
    const data = (await ours.execute('SELECT data FROM t')).rows[0]!.data as ArrayBuffer;
    expect([...new Uint8Array(data)]).toEqual([...bytes]);
    await expect(ours.execute({ sql: 'SELECT ?', args: [Number.NaN] })).rejects.toThrow(RangeError);
    await expect(ours.execute({ sql: 'SELECT ?', args: [9007199254740993n] })).rejects.toThrow(RangeError);
  });

  it('refuses interactive transactions and use after close', async () => {
    await expect(ours.transaction()).rejects.toMatchObject({ code: 'TRANSACTION_NOT_SUPPORTED' });
    ours.close();
    await expect(ours.execute('SELECT 1')).rejects.toMatchObject({ code: 'CLIENT_CLOSED' });
  });

  it('opens the paths file: URLs name', () => {
    expect(embeddedPath('file:/tmp/a.db')).toBe('/tmp/a.db');
    expect(embeddedPath('file:data/planner.db?mode=rwc')).toBe('data/planner.db');
    expect(embeddedPath('file:///tmp/b%20c.db')).toBe('/tmp/b c.db');
    expect(embeddedPath('file::memory:')).toBe('file::memory:');
  });
});
