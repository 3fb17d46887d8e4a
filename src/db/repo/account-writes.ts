// Changes to an account that must land together with what they imply, each one batch (docs/ARCHITECTURE.md,
// "The one rule about writes"): deactivating ends every session of the account; a new password
// ends its other sessions; each leaves its audit row, never the password itself.
import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { type BoundStatement, render, runBatch } from '../statements.js';
import { sha256Hex } from '../../lib/crypto.js';

/**
 * Whether `:active` may be written: activating always; deactivating anything but an office
 * account; an office account only while another active office account remains. Checked inside
 * the one UPDATE (SQLite has one writer), so two office accounts deactivating each other at the
 * same moment cannot both succeed.
 */
function activeGuard(id: string, active: boolean) {
  return active
    ? sql`1`
    : sql`(role <> 'office' OR EXISTS (SELECT 1 FROM users other WHERE other.role = 'office' AND other.active = 1 AND other.id <> ${id}))`;
}

export interface AccountChange {
  id: string;
  /** undefined: unchanged; null: cleared. */
  displayName?: string | null;
  active?: boolean;
  actorId: string;
  now: Date;
}

/**
 * Applies the change; answers false when the last-office guard refused a deactivation (nothing
 * was written then). The audit row of a status change is written before the UPDATE under the
 * same conditions, so it exists exactly when the status really changed.
 */
export async function changeAccount(db: Db, change: AccountChange): Promise<boolean> {
  const { id, actorId } = change;
  const at = change.now.toISOString();
  const statements: BoundStatement[] = [];
  if (change.active !== undefined) {
    const active = change.active ? 1 : 0;
    const guard = activeGuard(id, change.active);
    const action = change.active ? 'reactivate' : 'deactivate';
    statements.push(
      render(sql`INSERT INTO audit_log (entity, entity_id, at, actor_id, action, from_status, to_status)
        SELECT 'user', id, ${at}, ${actorId}, ${action}, CASE active WHEN 1 THEN 'active' ELSE 'inactive' END, ${change.active ? 'active' : 'inactive'}
        FROM users WHERE id = ${id} AND active <> ${active} AND ${guard}`),
      render(sql`UPDATE users SET active = ${active} WHERE id = ${id} AND active <> ${active} AND ${guard} RETURNING id`),
      // Every session of a deactivated account ends with it: its tokens are refused from the next request on.
      render(sql`DELETE FROM sessions WHERE user_id = ${id} AND EXISTS (SELECT 1 FROM users WHERE id = ${id} AND active = 0)`),
    );
  }
  if (change.displayName !== undefined) {
    statements.push(
      render(sql`INSERT INTO audit_log (entity, entity_id, at, actor_id, action, note)
        SELECT 'user', id, ${at}, ${actorId}, 'rename', ${change.displayName} FROM users
        WHERE id = ${id} AND display_name IS NOT ${change.displayName}`),
      render(sql`UPDATE users SET display_name = ${change.displayName} WHERE id = ${id}`),
    );
  }
  if (statements.length === 0) return true;
  const results = await runBatch(db, statements);
  // The UPDATE of `active` is the second statement; no row back means the guard refused (or the
  // account already had that status, which the caller tells apart by reading it).
  return change.active === undefined || (results[1]?.length ?? 0) > 0;
}

export interface PasswordChange {
  id: string;
  passwordHash: string;
  /** Own change: only while the stored hash is still the one the current password was checked against. */
  expectedHash?: string;
  /** The session that stays (the caller's own, on an own change); every other session ends. */
  keepToken?: string;
  action: 'password_reset' | 'password_change';
  actorId: string;
  now: Date;
  /** Statements that must land with the change (settling the counted password check). */
  settle?: BoundStatement[];
}

/** Sets the password and ends the account's sessions (but `keepToken`'s); false when `expectedHash` no longer matched. */
export async function changePassword(db: Db, change: PasswordChange): Promise<boolean> {
  const at = change.now.toISOString();
  const { id, passwordHash } = change;
  const keepHash = change.keepToken ? await sha256Hex(change.keepToken) : '';
  const expected = change.expectedHash === undefined ? sql`1` : sql`password_hash = ${change.expectedHash}`;
  // The new hash has a fresh random salt, so "the stored hash is the new one" says the UPDATE landed.
  const landed = sql`EXISTS (SELECT 1 FROM users WHERE id = ${id} AND password_hash = ${passwordHash})`;
  const [updated] = await runBatch(db, [
    render(sql`UPDATE users SET password_hash = ${passwordHash} WHERE id = ${id} AND ${expected} RETURNING id`),
    render(sql`DELETE FROM sessions WHERE user_id = ${id} AND token_hash <> ${keepHash} AND ${landed}`),
    render(sql`INSERT INTO audit_log (entity, entity_id, at, actor_id, action)
      SELECT 'user', id, ${at}, ${change.actorId}, ${change.action} FROM users WHERE id = ${id} AND password_hash = ${passwordHash}`),
    ...(change.settle ?? []),
  ]);
  return (updated?.length ?? 0) > 0;
}
