// The caller's own account: who they are, and whether notifications also come by e-mail
// (PATCH /api/v1/me {emailNotifications}; the inbox fills either way).
import { emailNotificationsOf, setEmailNotifications } from '../db/repo/users.js';
import type { Actor } from '../domain/actor.js';
import { type AccountRow, ownAccount } from './accounts.js';
import type { ServiceDeps } from './deps.js';
import { unauthenticated } from './errors.js';

export type Me = AccountRow & { emailNotifications: boolean };

export async function myAccount(deps: ServiceDeps, actor: Actor): Promise<Me> {
  const [account, emailNotifications] = await Promise.all([ownAccount(deps, actor), emailNotificationsOf(deps.db, actor.id)]);
  if (emailNotifications === undefined) throw unauthenticated();
  return { ...account, emailNotifications };
}

export async function updateMyAccount(deps: ServiceDeps, actor: Actor, patch: { emailNotifications: boolean }): Promise<Me> {
  await setEmailNotifications(deps.db, actor.id, patch.emailNotifications);
  return myAccount(deps, actor);
}
