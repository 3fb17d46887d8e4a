// Accounts and sessions. Tokens are random; only their SHA-256 is stored.
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Actor } from '../../domain/actor.js';
import type { Role } from '../../domain/types.js';
import { hashPassword, newId, newSecretToken, sha256Hex } from '../../lib/crypto.js';
import type { Db } from '../client.js';
import { preparedPerDb } from '../prepared.js';
import { sessions, users } from '../schema.js';

const userColumns = {
  id: users.id,
  email: users.email,
  role: users.role,
  unitId: users.unitId,
  regionId: users.regionId,
  displayName: users.displayName,
};

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserForLogin(db: Db, email: string) {
  return db.query.users.findFirst({ where: eq(users.email, normaliseEmail(email)) });
}

export async function findUserById(db: Db, id: string): Promise<Actor | undefined> {
  const [row] = await db.select(userColumns).from(users).where(eq(users.id, id));
  return row;
}

export interface NewUser {
  email: string;
  password: string;
  role: Role;
  unitId: string | null;
  regionId: string | null;
  displayName: string | null;
}

/** Creates the account, or returns null when the e-mail is taken. */
export async function createUser(db: Db, input: NewUser, now: Date): Promise<Actor | null> {
  const passwordHash = await hashPassword(input.password);
  const [row] = await db
    .insert(users)
    .values({ ...input, id: newId(), email: normaliseEmail(input.email), passwordHash, createdAt: now.toISOString() })
    .onConflictDoNothing({ target: users.email })
    .returning(userColumns);
  return row ?? null;
}

/** The first office account, created only while no account exists (so restarts change nothing). */
export async function bootstrapAdmin(db: Db, email: string, password: string, now: Date): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  const rows = await db.all<{ id: string }>(sql`
    INSERT INTO users (id, email, password_hash, role, display_name, created_at)
    SELECT ${newId()}, ${normaliseEmail(email)}, ${passwordHash}, 'office', '省对口支援办', ${now.toISOString()}
    WHERE NOT EXISTS (SELECT 1 FROM users)
    RETURNING id`);
  return rows.length > 0;
}

export const SESSION_TTL_MS = { api: 12 * 3600_000, web: 12 * 3600_000 } as const;

export async function createSession(db: Db, userId: string, kind: 'api' | 'web', now: Date) {
  const token = newSecretToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS[kind]).toISOString();
  const csrfToken = kind === 'web' ? newSecretToken() : null;
  await db.insert(sessions).values({
    tokenHash: await sha256Hex(token),
    userId,
    kind,
    csrfToken,
    expiresAt,
    createdAt: now.toISOString(),
  });
  return { token, expiresAt, csrfToken };
}

// Every authenticated request looks its session up (see prepared.ts).
const sessionQuery = preparedPerDb((db) =>
  db
    .select({ user: userColumns, csrfToken: sessions.csrfToken })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        eq(sessions.kind, sql.placeholder('kind')),
        gt(sessions.expiresAt, sql.placeholder('now')),
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
