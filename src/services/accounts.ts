// Accounts: creating one (the office), logging in and out. The API (bearer token) and the login
// page (session cookie) log in through the same function, so both count failures the same way:
// after MAX_FAILED_LOGINS failures for one e-mail address it is refused for a while, even with
// the right password (db/repo/login-throttle.ts).
import { clearFailedLogins, loginRetryAfterSeconds, recordFailedLogin } from '../db/repo/login-throttle.js';
import { findRegion, findUnit } from '../db/repo/reference.js';
import { createSession, createUser, endSession, findUserForLogin, normaliseEmail } from '../db/repo/users.js';
import type { Actor } from '../domain/actor.js';
import { verifyPassword } from '../lib/crypto.js';
import type { NewUserInput } from '../schemas/accounts.js';
import type { ServiceDeps } from './deps.js';
import { AppError, forbidden, validationFailed } from './errors.js';

// Answers a wrong e-mail as slowly as a wrong password, so timing does not reveal accounts.
const DUMMY_HASH = 'pbkdf2-sha256$100000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export interface LoginInput {
  email: string;
  password: string;
  /** `api`: a bearer token; `web`: a session cookie with its CSRF token. */
  kind: 'api' | 'web';
}

export interface LoggedIn {
  token: string;
  expiresAt: string;
  /** Web sessions only: the token every form POST must echo. */
  csrfToken: string | null;
  user: Actor;
}

/** Creates an account (office). A unit account belongs to one unit, an HQ account to one region, the office to neither. */
export async function createAccount(deps: ServiceDeps, actor: Actor, input: NewUserInput): Promise<Actor> {
  if (actor.role !== 'office') throw forbidden('Only the office creates accounts.');
  if (input.role === 'unit' && !input.unitId) throw validationFailed([{ path: 'unitId', message: 'required for a unit account' }]);
  if (input.role === 'hq' && !input.regionId) throw validationFailed([{ path: 'regionId', message: 'required for an hq account' }]);
  const unitId = input.role === 'unit' ? (input.unitId ?? null) : null;
  const regionId = input.role === 'hq' ? (input.regionId ?? null) : null;
  if (unitId && !(await findUnit(deps.db, unitId))) throw validationFailed([{ path: 'unitId', message: `unknown unit "${unitId}"` }]);
  if (regionId && !(await findRegion(deps.db, regionId)))
    throw validationFailed([{ path: 'regionId', message: `unknown region "${regionId}"` }]);
  const user = await createUser(
    deps.db,
    { email: input.email, password: input.password, role: input.role, unitId, regionId, displayName: input.displayName ?? null },
    deps.now(),
  );
  if (!user) throw new AppError('EMAIL_TAKEN', 'An account with this e-mail already exists.');
  return user;
}

/**
 * Checks the password and opens a session. Refusals: RATE_LIMITED {retryAfter} (seconds) while
 * the address is locked out, checked before the password; INVALID_CREDENTIALS for an unknown
 * address or a wrong password alike.
 */
export async function logIn(deps: ServiceDeps, input: LoginInput): Promise<LoggedIn> {
  const { db } = deps;
  const now = deps.now();
  const email = normaliseEmail(input.email);
  const retryAfter = await loginRetryAfterSeconds(db, email, now);
  if (retryAfter > 0) {
    throw new AppError('RATE_LIMITED', `Too many failed logins for this account; try again in ${retryAfter} s.`, { retryAfter });
  }
  const user = await findUserForLogin(db, email);
  const valid = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid) {
    await recordFailedLogin(db, email, now);
    throw new AppError('INVALID_CREDENTIALS', 'Wrong e-mail or password.');
  }
  await clearFailedLogins(db, email);
  const session = await createSession(db, user.id, input.kind, now);
  return {
    ...session,
    user: {
      id: user.id,
      email: user.email,
      role: user.role,
      unitId: user.unitId,
      regionId: user.regionId,
      displayName: user.displayName,
    },
  };
}

/** Ends the session behind the token (a token that matches none changes nothing). */
export async function logOut(deps: ServiceDeps, token: string): Promise<void> {
  await endSession(deps.db, token);
}
