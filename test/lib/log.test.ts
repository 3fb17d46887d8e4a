import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createLibsqlDb } from '../../src/db/client.js';
import { describeError } from '../../src/lib/log.js';

describe('describeError', () => {
  it('logs a failed query without its parameters', async () => {
    const { db, client } = createLibsqlDb('file::memory:');
    const secret = 'pbkdf2-sha256$100000$SECRET-HASH';
    const failure = await db.run(sql`INSERT INTO no_such_table (x) VALUES (${secret})`).catch((e: unknown) => e);
    client.close();
    const logged = describeError(failure);
    expect(logged).toContain('no_such_table');
    expect(logged).not.toContain(secret);
  });

  it('keeps the stack of any other error', () => {
    expect(describeError(new RangeError('bad day'))).toMatch(/RangeError: bad day\n\s+at /);
  });
});
