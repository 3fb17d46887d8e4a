// Who is behind a bearer token or a session cookie. The route layer asks here on every request;
// the account's role, unit and region come from the stored account, never from the request.
import { findSession } from '../db/repo/users.js';
import type { Actor } from '../domain/actor.js';
import type { ServiceDeps } from './deps.js';

/** How long a session lives, by kind; the web session cookie's max-age follows it. */
export { SESSION_TTL_MS } from '../db/repo/users.js';
/** How long a device token lives after its last login; the login page's device cookie follows it. */
export { DEVICE_TTL_MS } from '../db/repo/logins.js';

export interface ResolvedSession {
  actor: Actor;
  /** Web sessions only: the token every form POST must echo. */
  csrfToken: string | null;
}

export async function resolveSession(deps: ServiceDeps, token: string, kind: 'api' | 'web'): Promise<ResolvedSession | null> {
  const session = await findSession(deps.db, token, kind, deps.now());
  return session ? { actor: session.user, csrfToken: session.csrfToken } : null;
}
