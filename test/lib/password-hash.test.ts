// Password hashing (issue: PBKDF2-SHA256 at 100,000 iterations where OWASP asks 600,000): Node
// hashes with scrypt at OWASP's parameters, old PBKDF2 hashes still verify and are replaced at
// the owner's next successful login; a Worker keeps PBKDF2 at its cap (test/edge checks it there).
import { describe, expect, it } from 'vitest';
import { readNodeConfig, readWorkerConfig } from '../../src/env.js';
import { hashPassword, needsRehash, NODE_PASSWORD_POLICY, verifyPassword, WORKERS_PASSWORD_POLICY } from '../../src/lib/password-hash.js';
import { call } from '../helpers/api.js';
import { createTestApp } from '../helpers/app.js';

/** Made by the previous implementation (PBKDF2-SHA256, 100,000 iterations) for "old-password-123". */
const OLD_HASH = 'pbkdf2-sha256$100000$fwRMEyxL84gbUvO32D5_9Q$FJJ3aSEyg5y0pl_t3vyzz9NwUksjd64b1fqH4iaD4kw';

describe('password hashing', () => {
  it('uses scrypt N=2^15, r=8, p=3 on Node and PBKDF2-SHA256 100,000 on Workers', () => {
    expect(readNodeConfig({}).passwordPolicy).toEqual({ scheme: 'scrypt', N: 32768, r: 8, p: 3 });
    expect(readWorkerConfig({}).passwordPolicy).toEqual({ scheme: 'pbkdf2-sha256', iterations: 100_000 });
  });

  it('makes and checks an scrypt hash at the production parameters', async () => {
    const hash = await hashPassword('correct horse battery', NODE_PASSWORD_POLICY);
    expect(hash).toMatch(/^scrypt\$32768\$8\$3\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await hashPassword('correct horse battery', NODE_PASSWORD_POLICY)).not.toBe(hash);
  }, 20_000);

  it('still verifies hashes the previous implementation stored, and makes PBKDF2 ones for Workers', async () => {
    expect(await verifyPassword('old-password-123', OLD_HASH)).toBe(true);
    expect(await verifyPassword('old-password-124', OLD_HASH)).toBe(false);
    const pbkdf2 = await hashPassword('worker-password', WORKERS_PASSWORD_POLICY);
    expect(pbkdf2).toMatch(/^pbkdf2-sha256\$100000\$/);
    expect(await verifyPassword('worker-password', pbkdf2)).toBe(true);
  });

  it('refuses hashes it cannot read rather than throwing', async () => {
    for (const stored of ['', 'plain', 'scrypt$x$8$1$a$b', 'pbkdf2-sha256$0$a$b', 'md5$abc', 'scrypt$1024$8$1$@@$@@']) {
      expect(await verifyPassword('anything', stored)).toBe(false);
    }
  });

  it.each([
    ['an old PBKDF2 hash on Node', OLD_HASH, NODE_PASSWORD_POLICY, true],
    ['a lighter scrypt hash on Node', 'scrypt$1024$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAA', NODE_PASSWORD_POLICY, true],
    ['less memory, more passes on Node', 'scrypt$16384$8$6$AAAAAAAAAAAAAAAAAAAAAA$AAAA', NODE_PASSWORD_POLICY, true],
    ['the policy itself on Node', 'scrypt$32768$8$3$AAAAAAAAAAAAAAAAAAAAAA$AAAA', NODE_PASSWORD_POLICY, false],
    ['a stronger scrypt hash on Node', 'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAA', NODE_PASSWORD_POLICY, false],
    ['PBKDF2 at the cap on Workers', OLD_HASH, WORKERS_PASSWORD_POLICY, false],
    ['PBKDF2 below the cap on Workers', 'pbkdf2-sha256$50000$AAAAAAAAAAAAAAAAAAAAAA$AAAA', WORKERS_PASSWORD_POLICY, true],
    ['scrypt on Workers (nothing stronger to make)', 'scrypt$32768$8$3$AAAAAAAAAAAAAAAAAAAAAA$AAAA', WORKERS_PASSWORD_POLICY, false],
  ] as const)('needsRehash: %s → %s', (_label, stored, policy, expected) => {
    expect(needsRehash(stored, policy)).toBe(expected);
  });
});

describe('re-hashing at login', () => {
  it('replaces a weaker stored hash at the next successful login, and only then', async () => {
    const ctx = await createTestApp();
    const email = 'old-account@test.local';
    // An account as the previous version stored it.
    await ctx.database.client.execute({
      sql: `INSERT INTO users (id, email, password_hash, role, unit_id, created_at) VALUES ('old-1', ?, ?, 'unit', 'hangzhou', '2026-01-01T00:00:00.000Z')`,
      args: [email, OLD_HASH],
    });
    const storedHash = async () => {
      const fresh = ctx.freshConnection();
      const rows = (await fresh.client.execute({ sql: 'SELECT password_hash AS h FROM users WHERE id = ?', args: ['old-1'] })).rows;
      fresh.client.close();
      return String(rows[0]!.h);
    };
    expect((await call(ctx, 'POST', '/api/v1/auth/login', { body: { email, password: 'wrong-password-1' } })).status).toBe(401);
    expect(await storedHash()).toBe(OLD_HASH);
    expect((await call(ctx, 'POST', '/api/v1/auth/login', { body: { email, password: 'old-password-123' } })).status).toBe(200);
    const upgraded = await storedHash();
    expect(upgraded).toMatch(/^scrypt\$1024\$8\$1\$/); // the test app's policy (test/helpers/app.ts)
    expect(await verifyPassword('old-password-123', upgraded)).toBe(true);
    expect((await call(ctx, 'POST', '/api/v1/auth/login', { body: { email, password: 'old-password-123' } })).status).toBe(200);
    expect(await storedHash()).toBe(upgraded);
    ctx.database.client.close();
  });
});
