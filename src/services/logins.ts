// Logging in and out. The API (bearer token) and the login page (session cookie) log in through
// the same function, so both count attempts the same way: each attempt is counted in its buckets
// before its password is checked (src/domain/login-throttle.ts says which buckets and why), and
// a full bucket answers 429 RATE_LIMITED without checking anything.
import { accountBucket, bucketsFor, retryAfterSeconds } from '../domain/login-throttle.js';
import { countLoginAttempt, settleLoginAttempt } from '../db/repo/login-throttle.js';
import { findAccountDevice, recordLogin } from '../db/repo/logins.js';
import { type AccountRow, endSession, findUserForLogin, normaliseEmail } from '../db/repo/users.js';
import { addressKey } from '../lib/client-address.js';
import { hashPassword, needsRehash, verifyPassword } from '../lib/password-hash.js';
import type { ServiceDeps } from './deps.js';
import { AppError } from './errors.js';
import { dummyHash, passwordPolicyOf } from './passwords.js';

export interface LoginInput {
  email: string;
  password: string;
  /** `api`: a bearer token; `web`: a session cookie with its CSRF token. */
  kind: 'api' | 'web';
  /** The client's IP address as the runtime saw it (null when unknown): its own attempt limit. */
  clientAddress: string | null;
  /** The device token an earlier login of this account gave this client, if it sent one. */
  deviceToken?: string | null;
}

export interface LoggedIn {
  token: string;
  expiresAt: string;
  /** Web sessions only: the token every form POST must echo. */
  csrfToken: string | null;
  /** For the client to send with its next logins (the login page keeps it in a cookie). */
  deviceToken: string;
  user: AccountRow;
}

export const rateLimited = (retryAfter: number): AppError =>
  new AppError('RATE_LIMITED', `Too many login attempts; try again in ${retryAfter} s.`, { retryAfter });

/**
 * Checks the password and opens a session. Refusals: RATE_LIMITED {retryAfter} (seconds) when a
 * bucket of the attempt is full, before any password is checked; INVALID_CREDENTIALS for an
 * unknown address or a wrong password alike; ACCOUNT_DISABLED for a deactivated account's right
 * password. A stored hash weaker than the policy is replaced in the same batch as the session.
 */
export async function logIn(deps: ServiceDeps, input: LoginInput): Promise<LoggedIn> {
  const { db } = deps;
  const now = deps.now();
  const email = normaliseEmail(input.email);
  const deviceTokenHash = input.deviceToken ? await findAccountDevice(db, { token: input.deviceToken, email, now }) : null;
  const buckets = bucketsFor({ email, deviceTokenHash, address: addressKey(input.clientAddress) });
  const retryAfter = retryAfterSeconds(await countLoginAttempt(db, buckets, now), now);
  if (retryAfter > 0) throw rateLimited(retryAfter);

  const user = await findUserForLogin(db, email);
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash(deps)));
  if (!user || !valid) throw new AppError('INVALID_CREDENTIALS', 'Wrong e-mail or password.');
  const disabled = () => new AppError('ACCOUNT_DISABLED', 'This account is deactivated; the office can reactivate it.');
  if (!user.active) throw disabled();

  const policy = passwordPolicyOf(deps);
  const rehash = needsRehash(user.passwordHash, policy)
    ? { from: user.passwordHash, to: await hashPassword(input.password, policy) }
    : null;
  const opened = await recordLogin(db, {
    userId: user.id,
    kind: input.kind,
    now,
    deviceToken: deviceTokenHash ? (input.deviceToken ?? null) : null,
    rehash,
    settle: settleLoginAttempt(buckets),
  });
  if (!opened) throw disabled();
  const { passwordHash: _hash, ...account } = user;
  return { ...opened, user: { ...account, lastLoginAt: now.toISOString() } };
}

/** Ends the session behind the token (a token that matches none changes nothing). */
export async function logOut(deps: ServiceDeps, token: string): Promise<void> {
  await endSession(deps.db, token);
}

/** The bucket an account's failures from unknown clients fill, for the office's unlock. */
export const accountBucketKey = (email: string): string => accountBucket(normaliseEmail(email)).key;
