// "An acknowledged booking is never lost" must hold through power loss and OS crashes too, not
// only process crashes: in WAL mode SQLite's synchronous=NORMAL may lose the last commits then
// (https://www.sqlite.org/pragma.html#pragma_synchronous), FULL syncs the WAL at every commit.
// Its cost is measured by `npm run bench` (BENCHMARKS.md, booking throughput).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from '../../src/db/setup.js';

it('opens the embedded file in WAL mode with synchronous = FULL', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'planner-durability-'));
  const { client } = await openDatabase(`file:${join(dir, 'db.sqlite')}`);
  try {
    expect((await client.execute('PRAGMA journal_mode')).rows[0]![0]).toBe('wal');
    // 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA
    expect((await client.execute('PRAGMA synchronous')).rows[0]![0]).toBe(2);
  } finally {
    client.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
