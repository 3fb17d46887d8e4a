// Accounts and sessions. Tokens are random; only their SHA-256 is stored. Writes that change an
// account together with its sessions: account-writes.ts; logging in: logins.ts.
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Actor } from '../../domain/actor.js';
import type { Role } from '../../domain/types.js';
import { newId, sha256Hex } from '../../lib/crypto.js';
import type { Db } from '../client.js';
import { preparedPerDb } from '../prepared.js';
import { render, runBatch } from '../statements.js';
import { sessions, users } from '../schema.js';

const actorColumns = {
  id: users.id,
  email: users.email,
  role: users.role,
  unitId: users.unitId,
  regionId: users.regionId,
  displayName: users.displayName,
};

/** An account as the office and its owner see it (never its password hash). */
export const accountColumns = { ...actorColumns, active: users.active, createdAt: users.createdAt, lastLoginAt: users.lastLoginAt };

export interface AccountRow extends Actor {
  active: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserForLogin(db: Db, email: string) {
  return db.query.users.findFirst({ where: eq(users.email, normaliseEmail(email)) });
}

export async function findAccount(db: Db, id: string): Promise<AccountRow | undefined> {
  const [row] = await db.select(accountColumns).from(users).where(eq(users.id, id));
  return row;
}

/** The stored password hash of an account, for checking a password it must confirm. */
export async function passwordHashOf(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, id));
  return row?.passwordHash;
}

export interface NewUser {
  email: string;
  passwordHash: string;
  role: Role;
  unitId: string | null;
  regionId: string | null;
  displayName: string | null;
}

/** Creates the account with its audit row, or returns null when the e-mail is taken. */
export async function createUser(db: Db, input: NewUser, audit: { actorId: string; now: Date }): Promise<AccountRow | null> {
  const id = newId();
  const at = audit.now.toISOString();
  const [created] = await runBatch(db, [
    render(sql`INSERT INTO users (id, email, password_hash, role, unit_id, region_id, display_name, created_at)
      VALUES (${id}, ${normaliseEmail(input.email)}, ${input.passwordHash}, ${input.role}, ${input.unitId}, ${input.regionId},
        ${input.displayName}, ${at})
      ON CONFLICT (email) DO NOTHING RETURNING id`),
    render(sql`INSERT INTO audit_log (entity, entity_id, at, actor_id, action, to_status, note)
      SELECT 'user', id, ${at}, ${audit.actorId}, 'create', 'active', role FROM users WHERE id = ${id}`),
  ]);
  return created?.length ? ((await findAccount(db, id)) ?? null) : null;
}

/** The first office account, created only while no account exists (so restarts change nothing). */
export async function bootstrapAdmin(db: Db, email: string, passwordHash: string, now: Date): Promise<boolean> {
  const rows = await db.all<{ id: string }>(sql`
    INSERT INTO users (id, email, password_hash, role, display_name, created_at)
    SELECT ${newId()}, ${normaliseEmail(email)}, ${passwordHash}, 'office', '省对口支援办', ${now.toISOString()}
    WHERE NOT EXISTS (SELECT 1 FROM users)
    RETURNING id`);
  return rows.length > 0;
}

export const SESSION_TTL_MS = { api: 12 * 3600_000, web: 12 * 3600_000 } as const;

// Every authenticated request looks its session up (see prepared.ts). A deactivated account's
// sessions are deleted with the deactivation; requiring `active` here as well means no request
// of it is served even if one were left.
const sessionQuery = preparedPerDb((db) =>
  db
    .select({ user: actorColumns, csrfToken: sessions.csrfToken })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        eq(sessions.kind, sql.placeholder('kind')),
        gt(sessions.expiresAt, sql.placeholder('now')),
        eq(users.active, true),
      ),
    )
    .prepare(),
);

export async function findSession(db: Db, token: string, kind: 'api' | 'web', now: Date) {
  return sessionQuery(db).get({ tokenHash: await sha256Hex(token), kind, now: now.toISOString() });
}

export async function endSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, await sha256Hex(token)));
}

/** Whether the user receives notifications by e-mail too. */
export async function emailNotificationsOf(db: Db, userId: string): Promise<boolean | undefined> {
  const [row] = await db.select({ on: users.emailNotifications }).from(users).where(eq(users.id, userId));
  return row?.on;
}

export async function setEmailNotifications(db: Db, userId: string, on: boolean): Promise<void> {
  await db.update(users).set({ emailNotifications: on }).where(eq(users.id, userId));
}
