// A successful login in one batch: its session, the account's last login, a stronger password
// hash when the stored one is weak, the device token it may use next time, and the settling of
// the attempt it was counted as (login-throttle.ts). Nothing of it lands without the rest.
import { sql } from 'drizzle-orm';
import { newSecretToken, sha256Hex } from '../../lib/crypto.js';
import type { Db } from '../client.js';
import { type BoundStatement, render, runBatch } from '../statements.js';
import { SESSION_TTL_MS } from './users.js';

/** A device token lives this long after its last login; each login from it extends it. */
export const DEVICE_TTL_MS = 90 * 24 * 3600_000;
/** An account keeps its most recently used devices only, so scripts that never send theirs add no rows without end. */
export const MAX_DEVICES_PER_ACCOUNT = 20;

/** The device's token hash when the token belongs to the account with this e-mail and has not expired. */
export async function findAccountDevice(db: Db, args: { token: string; email: string; now: Date }): Promise<string | null> {
  const tokenHash = await sha256Hex(args.token);
  const rows = await db.all<{ tokenHash: string }>(sql`
    SELECT d.token_hash AS tokenHash FROM login_devices d JOIN users u ON u.id = d.user_id
    WHERE d.token_hash = ${tokenHash} AND u.email = ${args.email} AND d.expires_at > ${args.now.toISOString()}`);
  return rows[0]?.tokenHash ?? null;
}

export interface LoginRecord {
  userId: string;
  kind: 'api' | 'web';
  now: Date;
  /** The device token the client sent and that belongs to this account, or null: a new one is made. */
  deviceToken: string | null;
  /** The stored hash and its replacement, when the stored one is weaker than the policy. */
  rehash: { from: string; to: string } | null;
  /** What settles the counted attempt (settleLoginAttempt). */
  settle: BoundStatement[];
}

export interface OpenedSession {
  token: string;
  expiresAt: string;
  csrfToken: string | null;
  deviceToken: string;
}

/**
 * Opens the session, or answers null when the account was deactivated meanwhile: the session is
 * inserted only for an active account, in the same batch as the rest.
 */
export async function recordLogin(db: Db, args: LoginRecord): Promise<OpenedSession | null> {
  const at = args.now.toISOString();
  const token = newSecretToken();
  const expiresAt = new Date(args.now.getTime() + SESSION_TTL_MS[args.kind]).toISOString();
  const csrfToken = args.kind === 'web' ? newSecretToken() : null;
  const deviceToken = args.deviceToken ?? newSecretToken();
  const [tokenHash, deviceHash] = await Promise.all([sha256Hex(token), sha256Hex(deviceToken)]);
  const deviceExpires = new Date(args.now.getTime() + DEVICE_TTL_MS).toISOString();
  const { userId } = args;
  const [opened] = await runBatch(db, [
    render(sql`INSERT INTO sessions (token_hash, user_id, kind, csrf_token, expires_at, created_at)
      SELECT ${tokenHash}, id, ${args.kind}, ${csrfToken}, ${expiresAt}, ${at} FROM users WHERE id = ${userId} AND active = 1
      RETURNING token_hash`),
    render(sql`UPDATE users SET last_login_at = ${at} WHERE id = ${userId} AND active = 1`),
    ...(args.rehash
      ? [render(sql`UPDATE users SET password_hash = ${args.rehash.to} WHERE id = ${userId} AND password_hash = ${args.rehash.from}`)]
      : []),
    render(sql`INSERT INTO login_devices (token_hash, user_id, created_at, last_used_at, expires_at)
      SELECT ${deviceHash}, id, ${at}, ${at}, ${deviceExpires} FROM users WHERE id = ${userId} AND active = 1
      ON CONFLICT (token_hash) DO UPDATE SET last_used_at = excluded.last_used_at, expires_at = excluded.expires_at`),
    render(sql`DELETE FROM login_devices WHERE expires_at <= ${at} OR (user_id = ${userId} AND token_hash NOT IN
      (SELECT token_hash FROM login_devices WHERE user_id = ${userId} ORDER BY last_used_at DESC LIMIT ${MAX_DEVICES_PER_ACCOUNT}))`),
    // Expired sessions of this account go too, so the table does not grow with every login.
    render(sql`DELETE FROM sessions WHERE user_id = ${userId} AND expires_at <= ${at}`),
    ...args.settle,
  ]);
  if (!opened?.length) return null;
  return { token, expiresAt, csrfToken, deviceToken };
}
