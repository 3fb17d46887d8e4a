// Login attempts per bucket (src/domain/login-throttle.ts says which buckets and limits). Each
// attempt is counted before its password is checked, all its buckets in one batch, so under
// any concurrency no more attempts are checked than the limits allow.
import { sql } from 'drizzle-orm';
import { type CountedBucket, expiredBefore, type LoginBucket } from '../../domain/login-throttle.js';
import type { Db } from '../client.js';
import { render, runBatch } from '../statements.js';

/**
 * Counts one attempt in each bucket and answers each bucket's count, this attempt included.
 * A bucket whose window has passed starts a new one; rows of windows long over are deleted in
 * the same batch, so the table holds only the last fifteen minutes.
 */
export async function countLoginAttempt(db: Db, buckets: LoginBucket[], now: Date): Promise<CountedBucket[]> {
  const nowIso = now.toISOString();
  const over = expiredBefore(now).toISOString();
  const results = await runBatch(db, [
    render(sql`DELETE FROM login_attempts WHERE window_started_at <= ${over}`),
    ...buckets.map((bucket) =>
      render(sql`INSERT INTO login_attempts (bucket, attempts, window_started_at) VALUES (${bucket.key}, 1, ${nowIso})
        ON CONFLICT (bucket) DO UPDATE SET
          attempts = CASE WHEN window_started_at <= ${over} THEN 1 ELSE attempts + 1 END,
          window_started_at = CASE WHEN window_started_at <= ${over} THEN ${nowIso} ELSE window_started_at END
        RETURNING attempts, window_started_at AS windowStartedAt`),
    ),
  ]);
  return buckets.map((bucket, i) => {
    const row = results[i + 1]?.[0] ?? {};
    return { bucket, attempts: Number(row.attempts), windowStartedAt: String(row.windowStartedAt) };
  });
}

/**
 * The statements that settle a successful attempt: its account or device bucket starts afresh,
 * and its address gets the attempt back (a login that succeeds is no guess). For the login batch.
 */
export function settleLoginAttempt(buckets: LoginBucket[]) {
  return buckets.map((bucket) =>
    bucket.kind === 'address'
      ? render(sql`UPDATE login_attempts SET attempts = max(attempts - 1, 0) WHERE bucket = ${bucket.key}`)
      : render(sql`DELETE FROM login_attempts WHERE bucket = ${bucket.key}`),
  );
}

/** Empties an account's buckets: its own and those of the devices it logged in from (the office's unlock). */
export async function clearAccountAttempts(db: Db, args: { userId: string; accountKey: string }): Promise<void> {
  await runBatch(db, [
    render(sql`DELETE FROM login_attempts WHERE bucket = ${args.accountKey}
      OR bucket IN (SELECT 'device:' || token_hash FROM login_devices WHERE user_id = ${args.userId})`),
  ]);
}
