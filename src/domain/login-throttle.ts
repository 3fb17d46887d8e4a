// How many password checks a login may trigger, and who shares a limit (docs/API.md,
// Accounts). Every attempt is counted in its buckets BEFORE the password is checked, so a burst
// of simultaneous guesses is refused from its sixth attempt on, not after all were hashed.
//
// Buckets, each a fixed 15-minute window that starts with its first attempt:
// - `account:<e-mail>`: attempts on an account from browsers and clients it has never logged
//   in from; 5. Anyone can fill it, so it cannot be what keeps the owner out:
// - `device:<token hash>`: attempts from a browser or client that logged in to this account
//   before and carries its device token (OWASP "device cookies"); 5, its own. An outsider who
//   fills the account bucket locks out other outsiders, never the owner's known devices.
// - `address:<client address>`: every attempt from one client address without a device token;
//   20, so one address cannot keep the server hashing passwords (an IPv6 client counts by /64).
// - `session:<token hash>`: a logged-in session confirming its current password before changing
//   it; 5, so a stolen session cannot guess the password without end.
// A successful login empties the bucket it was counted in (and gives its address slot back);
// the office can empty an account's buckets at once (POST /api/v1/users/{id}/unlock).

export const LOGIN_WINDOW_MS = 15 * 60_000;

export const LOGIN_LIMITS = { account: 5, device: 5, address: 20, session: 5 } as const;

export type LoginBucketKind = keyof typeof LOGIN_LIMITS;

export interface LoginBucket {
  kind: LoginBucketKind;
  key: string;
}

export const accountBucket = (email: string): LoginBucket => ({ kind: 'account', key: `account:${email}` });
export const deviceBucket = (tokenHash: string): LoginBucket => ({ kind: 'device', key: `device:${tokenHash}` });
export const addressBucket = (address: string): LoginBucket => ({ kind: 'address', key: `address:${address}` });
export const sessionBucket = (tokenHash: string): LoginBucket => ({ kind: 'session', key: `session:${tokenHash}` });

/**
 * The buckets one attempt counts in: a known device's own bucket alone; otherwise the account's
 * and, when the client's address is known, the address's.
 */
export function bucketsFor(attempt: { email: string; deviceTokenHash: string | null; address: string | null }): LoginBucket[] {
  if (attempt.deviceTokenHash) return [deviceBucket(attempt.deviceTokenHash)];
  return attempt.address ? [accountBucket(attempt.email), addressBucket(attempt.address)] : [accountBucket(attempt.email)];
}

export interface CountedBucket {
  bucket: LoginBucket;
  /** Attempts in the current window, this one included. */
  attempts: number;
  windowStartedAt: string;
}

/**
 * Seconds until every full bucket has a free attempt again, or 0 when the attempt may be
 * checked. A bucket over its limit refuses; the wait is the longest of the full ones.
 */
export function retryAfterSeconds(counted: CountedBucket[], now: Date): number {
  let wait = 0;
  for (const c of counted) {
    if (c.attempts <= LOGIN_LIMITS[c.bucket.kind]) continue;
    const reopensAt = Date.parse(c.windowStartedAt) + LOGIN_WINDOW_MS;
    wait = Math.max(wait, Math.ceil((reopensAt - now.getTime()) / 1000), 1);
  }
  return wait;
}

/** The start of the oldest window still running: a bucket that started at or before it is over. */
export function expiredBefore(now: Date): Date {
  return new Date(now.getTime() - LOGIN_WINDOW_MS);
}
