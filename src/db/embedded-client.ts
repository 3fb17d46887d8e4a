// The embedded database file (`file:` URLs) behind @libsql/client's `Client` interface, on the
// same engine @libsql/client uses for files (the `libsql` package), with one difference: each
// SQL text is compiled once per connection and its prepared statement reused.
//
// @libsql/client compiles every statement anew, and a booking runs the same eight statements
// each time; a CPU profile of the booking path put compiling (`prepare`) and re-reading result
// columns at about a quarter of the database time. drizzle sends the same SQL text with bound
// parameters, so a cache keyed by the text hits on every hot path. The cache holds compiled
// SQL, never data: every read still goes to the file, so docs/ARCHITECTURE.md's "state lives in the
// database" holds. SQLite re-prepares a cached statement itself when the schema changes.
//
// Interactive transactions are not offered: every write here is one statement or one batch
// (docs/ARCHITECTURE.md), and a handed-out connection would bypass that rule.
import Database from 'libsql';
import {
  LibsqlBatchError,
  LibsqlError,
  type Client,
  type InArgs,
  type InStatement,
  type InValue,
  type Replicated,
  type ResultSet,
  type Row,
  type Transaction,
  type TransactionMode,
  type Value,
} from '@libsql/client';

type Statement = ReturnType<Database.Database['prepare']>;

/** A compiled statement with what is fixed at compile time: whether it returns rows, and their columns. */
interface Compiled {
  statement: Statement;
  columns: string[] | null;
  columnTypes: string[];
  /** Builds this statement's rows (see rowMaker). */
  makeRow: (values: SqliteValue[]) => Row;
}
type SqliteValue = null | number | bigint | string | Buffer;

/** Distinct SQL texts kept compiled per connection; the app has a few hundred at most. */
const STATEMENT_CACHE_SIZE = 500;
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

class EmbeddedResultSet implements ResultSet {
  constructor(
    readonly columns: string[],
    readonly columnTypes: string[],
    readonly rows: Row[],
    readonly rowsAffected: number,
    readonly lastInsertRowid: bigint | undefined,
  ) {}

  toJSON() {
    return {
      columns: this.columns,
      columnTypes: this.columnTypes,
      rows: this.rows.map((row) => Array.prototype.map.call(row, (v: Value) => (typeof v === 'bigint' ? `${v}` : v))),
      rowsAffected: this.rowsAffected,
      lastInsertRowid: this.lastInsertRowid === undefined ? null : `${this.lastInsertRowid}`,
    };
  }
}

/** `file:/path/db`, `file:relative.db` or `file::memory:` → what the engine opens. */
export function embeddedPath(url: string): string {
  const rest = url.slice('file:'.length);
  if (rest.startsWith(':memory:')) return url;
  return decodeURIComponent((rest.startsWith('//') ? rest.replace(/^\/\/(localhost)?/, '') : rest).split('?')[0] ?? '');
}

export class EmbeddedClient implements Client {
  closed = false;
  readonly protocol = 'file';
  #db: Database.Database;
  #statements = new Map<string, Compiled>();

  constructor(private readonly path: string) {
    this.#db = new Database(path);
  }

  async execute(stmtOrSql: InStatement | string, args?: InArgs): Promise<ResultSet> {
    this.#checkOpen();
    return this.#run(typeof stmtOrSql === 'string' ? { sql: stmtOrSql, args: args ?? [] } : stmtOrSql);
  }

  /** All statements in one transaction: every one applies, or none (rolled back on the first error). */
  async batch(stmts: Array<InStatement | [string, InArgs?]>, mode: TransactionMode = 'deferred'): Promise<ResultSet[]> {
    this.#checkOpen();
    return this.#inTransaction(
      mode,
      stmts.map((s) => (Array.isArray(s) ? { sql: s[0], args: s[1] ?? [] } : s)),
    );
  }

  /** drizzle's migrator: like batch, with foreign keys off while the schema changes. */
  async migrate(stmts: InStatement[]): Promise<ResultSet[]> {
    this.#checkOpen();
    this.#run('PRAGMA foreign_keys=off');
    try {
      return this.#inTransaction('deferred', stmts);
    } finally {
      this.#run('PRAGMA foreign_keys=on');
      this.#statements.clear();
    }
  }

  async transaction(): Promise<Transaction> {
    throw new LibsqlError(
      'Interactive transactions are not used here: write with one guarded statement or one batch (docs/ARCHITECTURE.md).',
      'TRANSACTION_NOT_SUPPORTED',
    );
  }

  async executeMultiple(sql: string): Promise<void> {
    this.#checkOpen();
    try {
      this.#db.exec(sql);
    } catch (err) {
      throw toLibsqlError(err);
    } finally {
      if (this.#db.inTransaction) this.#run('ROLLBACK');
      this.#statements.clear();
    }
  }

  async sync(): Promise<Replicated> {
    throw new LibsqlError('An embedded file has no remote replica to sync with.', 'SYNC_NOT_SUPPORTED');
  }

  reconnect(): void {
    if (!this.closed) this.#db.close();
    this.#statements.clear();
    this.#db = new Database(this.path);
    this.closed = false;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.#statements.clear();
    this.#db.close();
  }

  #inTransaction(mode: TransactionMode, stmts: InStatement[]): ResultSet[] {
    const db = this.#db;
    try {
      this.#run(mode === 'write' ? 'BEGIN IMMEDIATE' : mode === 'read' ? 'BEGIN TRANSACTION READONLY' : 'BEGIN DEFERRED');
      const results = stmts.map((stmt, i) => {
        if (!db.inTransaction) throw new LibsqlBatchError('The transaction has been rolled back', i, 'TRANSACTION_CLOSED');
        try {
          return this.#run(stmt);
        } catch (err) {
          if (err instanceof LibsqlError && !(err instanceof LibsqlBatchError)) {
            throw new LibsqlBatchError(
              err.message,
              i,
              err.code,
              err.extendedCode,
              err.rawCode,
              err.cause instanceof Error ? err.cause : undefined,
            );
          }
          throw err;
        }
      });
      this.#run('COMMIT');
      return results;
    } finally {
      if (db.inTransaction) this.#run('ROLLBACK');
    }
  }

  #run(stmt: InStatement): ResultSet {
    const { sql, args } = typeof stmt === 'string' ? { sql: stmt, args: [] as InArgs } : stmt;
    try {
      const { statement, columns, columnTypes, makeRow } = this.#prepare(sql);
      const bound = toSqlArgs(args ?? []);
      if (columns) {
        const rows = (statement.all(bound) as SqliteValue[][]).map(makeRow);
        return new EmbeddedResultSet(columns, columnTypes, rows, 0, undefined);
      }
      const info = statement.run(bound);
      return new EmbeddedResultSet([], [], [], info.changes, BigInt(info.lastInsertRowid));
    } catch (err) {
      throw toLibsqlError(err);
    }
  }

  #prepare(sql: string): Compiled {
    const cached = this.#statements.get(sql);
    if (cached) {
      // Most recently used last, so the oldest is the first key when the cache is full.
      this.#statements.delete(sql);
      this.#statements.set(sql, cached);
      return cached;
    }
    const statement = this.#db.prepare(sql);
    statement.safeIntegers(true);
    let compiled: Compiled = { statement, columns: null, columnTypes: [], makeRow: rowMaker([]) };
    if (statement.reader) {
      statement.raw(true);
      const columns = statement.columns();
      const names = columns.map((c) => c.name);
      compiled = { statement, columns: names, columnTypes: columns.map((c) => c.type ?? ''), makeRow: rowMaker(names) };
    }
    // A statement that changes the schema is not kept, and running one empties the cache: the
    // columns kept with a `SELECT *` would be stale. Only migrations change the schema, and they
    // run through this connection (migrate/executeMultiple) before the app serves.
    if (/^\s*(CREATE|DROP|ALTER)\b/i.test(sql)) {
      this.#statements.clear();
      return compiled;
    }
    if (this.#statements.size >= STATEMENT_CACHE_SIZE) this.#statements.delete(this.#statements.keys().next().value!);
    this.#statements.set(sql, compiled);
    return compiled;
  }

  #checkOpen(): void {
    if (this.closed) throw new LibsqlError('The client is closed', 'CLIENT_CLOSED');
  }
}

const VALUES = Symbol('row values');

/**
 * Rows as @libsql/client gives them: values by column name (enumerable, first of equal names
 * wins) and by index, plus `length` (neither enumerable). The index accessors and length live
 * on one prototype per statement, so a row costs one object and its named fields.
 */
function rowMaker(names: string[]): (values: SqliteValue[]) => Row {
  const proto: object = {};
  Object.defineProperty(proto, 'length', { value: names.length });
  for (let i = 0; i < names.length; i++) {
    Object.defineProperty(proto, i, {
      get(this: { [VALUES]: Value[] }) {
        return this[VALUES][i];
      },
    });
  }
  // As in @libsql/client: a name that repeats an earlier one, or that is `length` or an index,
  // is reachable by index only.
  const isIndex = (name: string) => /^(0|[1-9]\d*)$/.test(name) && Number(name) < names.length;
  const named = names.map((name, i) => (names.indexOf(name) === i && name !== 'length' && !isIndex(name) ? name : null));
  return (raw) => {
    const values = raw.map(fromSql);
    const row = Object.create(proto) as Record<string | symbol, unknown>;
    Object.defineProperty(row, VALUES, { value: values });
    for (let i = 0; i < values.length; i++) {
      const name = named[i];
      if (name !== null && name !== undefined) row[name] = values[i];
    }
    return row as unknown as Row;
  };
}

function fromSql(value: SqliteValue): Value {
  if (typeof value === 'bigint') {
    if (value < MIN_SAFE || value > MAX_SAFE)
      throw new RangeError('Received integer which cannot be safely represented as a JavaScript number');
    return Number(value);
  }
  if (Buffer.isBuffer(value)) return value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength) as ArrayBuffer;
  return value as string | number | null;
}

function toSqlArgs(args: InArgs): unknown[] | Record<string, unknown> {
  if (Array.isArray(args)) return args.map(toSql);
  const named: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(args)) named[/^[@$:]/.test(name) ? name.slice(1) : name] = toSql(value);
  return named;
}

function toSql(value: InValue): unknown {
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new RangeError('Only finite numbers (not Infinity or NaN) can be passed as arguments');
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Date) return value.valueOf();
  if (value === undefined) throw new TypeError('undefined cannot be passed as argument to the database');
  return value;
}

/** The engine's errors as @libsql/client reports them (code, extended code), so callers see no difference. */
function toLibsqlError(err: unknown): unknown {
  if (err instanceof LibsqlError || !(err instanceof Database.SqliteError)) return err;
  const e = err as Error & { code: string; rawCode?: number };
  return new LibsqlError(e.message, baseCode(e.rawCode), e.code, e.rawCode, e);
}

const BASE_CODES: Record<number, string> = {
  1: 'SQLITE_ERROR',
  2: 'SQLITE_INTERNAL',
  3: 'SQLITE_PERM',
  4: 'SQLITE_ABORT',
  5: 'SQLITE_BUSY',
  6: 'SQLITE_LOCKED',
  7: 'SQLITE_NOMEM',
  8: 'SQLITE_READONLY',
  9: 'SQLITE_INTERRUPT',
  10: 'SQLITE_IOERR',
  11: 'SQLITE_CORRUPT',
  12: 'SQLITE_NOTFOUND',
  13: 'SQLITE_FULL',
  14: 'SQLITE_CANTOPEN',
  15: 'SQLITE_PROTOCOL',
  16: 'SQLITE_EMPTY',
  17: 'SQLITE_SCHEMA',
  18: 'SQLITE_TOOBIG',
  19: 'SQLITE_CONSTRAINT',
  20: 'SQLITE_MISMATCH',
  21: 'SQLITE_MISUSE',
  22: 'SQLITE_NOLFS',
  23: 'SQLITE_AUTH',
  24: 'SQLITE_FORMAT',
  25: 'SQLITE_RANGE',
  26: 'SQLITE_NOTADB',
};

function baseCode(rawCode: number | undefined): string {
  if (rawCode === undefined) return 'SQLITE_UNKNOWN';
  return BASE_CODES[rawCode & 0xff] ?? `SQLITE_UNKNOWN_${rawCode & 0xff}`;
}
