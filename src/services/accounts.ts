// Accounts (docs/API.md, Accounts): the office creates, lists, renames, deactivates and
// reactivates accounts, resets their passwords and unlocks them; everyone changes their own
// password. Logging in and out: logins.ts.
import { changeAccount, changePassword } from '../db/repo/account-writes.js';
import { listAccounts } from '../db/repo/account-list.js';
import { clearAccountAttempts, countLoginAttempt, settleLoginAttempt } from '../db/repo/login-throttle.js';
import { findRegion, findUnit } from '../db/repo/reference.js';
import { type AccountRow, createUser, findAccount, passwordHashOf } from '../db/repo/users.js';
import type { Actor } from '../domain/actor.js';
import { retryAfterSeconds, sessionBucket } from '../domain/login-throttle.js';
import { sha256Hex } from '../lib/crypto.js';
import { verifyPassword } from '../lib/password-hash.js';
import type { NewUserInput, UserListQueryInput, UserPatchInput } from '../schemas/accounts.js';
import type { ServiceDeps } from './deps.js';
import { AppError, forbidden, notFound, validationFailed } from './errors.js';
import { accountBucketKey, rateLimited } from './logins.js';
import { decodeCursor, type Page, pageFrom, pageSize } from './paging.js';
import { hashNewPassword } from './passwords.js';

export type { AccountRow };

function requireOffice(actor: Actor): void {
  if (actor.role !== 'office') throw forbidden('Only the office manages accounts.');
}

async function existingAccount(deps: ServiceDeps, id: string): Promise<AccountRow> {
  const account = await findAccount(deps.db, id);
  if (!account) throw notFound('account');
  return account;
}

/** Creates an account (office). A unit account belongs to one unit, an HQ account to one region, the office to neither. */
export async function createAccount(deps: ServiceDeps, actor: Actor, input: NewUserInput): Promise<AccountRow> {
  requireOffice(actor);
  if (input.role === 'unit' && !input.unitId) throw validationFailed([{ path: 'unitId', message: 'required for a unit account' }]);
  if (input.role === 'hq' && !input.regionId) throw validationFailed([{ path: 'regionId', message: 'required for an hq account' }]);
  const unitId = input.role === 'unit' ? (input.unitId ?? null) : null;
  const regionId = input.role === 'hq' ? (input.regionId ?? null) : null;
  if (unitId && !(await findUnit(deps.db, unitId))) throw validationFailed([{ path: 'unitId', message: `unknown unit "${unitId}"` }]);
  if (regionId && !(await findRegion(deps.db, regionId)))
    throw validationFailed([{ path: 'regionId', message: `unknown region "${regionId}"` }]);
  const user = await createUser(
    deps.db,
    {
      email: input.email,
      passwordHash: await hashNewPassword(deps, input.password),
      role: input.role,
      unitId,
      regionId,
      displayName: input.displayName ?? null,
    },
    { actorId: actor.id, now: deps.now() },
  );
  if (!user) throw new AppError('EMAIL_TAKEN', 'An account with this e-mail already exists.');
  return user;
}

/** The account list (office), filtered and searched, in e-mail order, a page at a time. */
export async function accountList(deps: ServiceDeps, actor: Actor, query: UserListQueryInput): Promise<Page<AccountRow>> {
  requireOffice(actor);
  const { limit, cursor, q, ...filter } = query;
  const after = decodeCursor(cursor, ['string']);
  const size = pageSize({ limit });
  const rows = await listAccounts(
    deps.db,
    { ...filter, q: q ?? undefined },
    { after: (after?.[0] as string | undefined) ?? null, limit: size + 1 },
  );
  return pageFrom(rows, size, (row) => [row.email]);
}

/** One account (office). */
export async function accountById(deps: ServiceDeps, actor: Actor, id: string): Promise<AccountRow> {
  requireOffice(actor);
  return existingAccount(deps, id);
}

/** The caller's own account, as stored. */
export async function ownAccount(deps: ServiceDeps, actor: Actor): Promise<AccountRow> {
  return existingAccount(deps, actor.id);
}

/**
 * Renames, deactivates or reactivates an account (office). Deactivating ends every session of
 * the account in the same batch; the last active office account cannot be deactivated.
 */
export async function updateAccount(deps: ServiceDeps, actor: Actor, input: { id: string; patch: UserPatchInput }): Promise<AccountRow> {
  requireOffice(actor);
  const before = await existingAccount(deps, input.id);
  const { displayName, active } = input.patch;
  const landed = await changeAccount(deps.db, { id: before.id, displayName, active, actorId: actor.id, now: deps.now() });
  const after = await existingAccount(deps, input.id);
  if (!landed && active === false && after.active) {
    throw new AppError('LAST_OFFICE_ACCOUNT', 'This is the last active office account; make or reactivate another office account first.');
  }
  return after;
}

/** Sets a new password for an account (office) and ends every session of it. */
export async function resetPassword(deps: ServiceDeps, actor: Actor, input: { id: string; newPassword: string }): Promise<void> {
  requireOffice(actor);
  const account = await existingAccount(deps, input.id);
  const passwordHash = await hashNewPassword(deps, input.newPassword);
  await changePassword(deps.db, { id: account.id, passwordHash, action: 'password_reset', actorId: actor.id, now: deps.now() });
}

/** Clears an account's failed logins (office): from unknown clients and from its known devices. */
export async function unlockAccount(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  requireOffice(actor);
  const account = await existingAccount(deps, id);
  await clearAccountAttempts(deps.db, { userId: account.id, accountKey: accountBucketKey(account.email) });
}

export interface OwnPasswordInput {
  currentPassword: string;
  newPassword: string;
  /** The caller's own session token: it stays; every other session of the account ends. */
  sessionToken: string;
}

/**
 * Changes the caller's password after checking the current one. The check is counted first in
 * the session's own bucket, so a stolen session cannot try passwords without end and nobody
 * else can block it. Refusals: INVALID_CREDENTIALS (the route answers it 403), RATE_LIMITED.
 */
export async function changeOwnPassword(deps: ServiceDeps, actor: Actor, input: OwnPasswordInput): Promise<void> {
  const { db } = deps;
  const now = deps.now();
  const buckets = [sessionBucket(await sha256Hex(input.sessionToken))];
  const retryAfter = retryAfterSeconds(await countLoginAttempt(db, buckets, now), now);
  if (retryAfter > 0) throw rateLimited(retryAfter);
  const stored = await passwordHashOf(db, actor.id);
  if (!stored || !(await verifyPassword(input.currentPassword, stored))) {
    throw new AppError('INVALID_CREDENTIALS', 'The current password is wrong.');
  }
  const passwordHash = await hashNewPassword(deps, input.newPassword);
  const changed = await changePassword(db, {
    id: actor.id,
    passwordHash,
    expectedHash: stored,
    keepToken: input.sessionToken,
    action: 'password_change',
    actorId: actor.id,
    now,
    settle: settleLoginAttempt(buckets),
  });
  if (!changed) throw new AppError('CONFLICT', 'The password was changed meanwhile; log in again with the new one.');
}
