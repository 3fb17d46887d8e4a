// Repeated failed logins for one e-mail address are refused for a while (CONTRACT.md: 429).
// Kept in the database so the limit holds across restarts, processes and Worker isolates.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { loginThrottle } from '../schema.js';

export const MAX_FAILED_LOGINS = 5;
export const FAILED_LOGIN_WINDOW_MS = 15 * 60_000;

/** Seconds until the address may try again, or 0 when it may try now. */
export async function loginRetryAfterSeconds(db: Db, email: string, now: Date): Promise<number> {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.email, email));
  if (!row || row.failures < MAX_FAILED_LOGINS) return 0;
  const reopensAt = Date.parse(row.windowStartedAt) + FAILED_LOGIN_WINDOW_MS;
  return Math.max(0, Math.ceil((reopensAt - now.getTime()) / 1000));
}

/** One more failure; a window older than the limit starts afresh. One statement, so concurrent failures all count. */
export async function recordFailedLogin(db: Db, email: string, now: Date): Promise<void> {
  const nowIso = now.toISOString();
  const windowOpenedAfter = new Date(now.getTime() - FAILED_LOGIN_WINDOW_MS).toISOString();
  await db.run(sql`
    INSERT INTO login_throttle (email, failures, window_started_at) VALUES (${email}, 1, ${nowIso})
    ON CONFLICT (email) DO UPDATE SET
      failures = CASE WHEN window_started_at < ${windowOpenedAfter} THEN 1 ELSE failures + 1 END,
      window_started_at = CASE WHEN window_started_at < ${windowOpenedAfter} THEN ${nowIso} ELSE window_started_at END`);
}

export async function clearFailedLogins(db: Db, email: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.email, email));
}
