// Who is calling: a bearer token (API clients) or the web session cookie (browser). Role, unit
// and region always come from the account, never from the request.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env.js';
import type { Actor } from '../domain/actor.js';
import { resolveSession } from '../services/sessions.js';
import type { Role } from '../domain/types.js';
import { AppError, forbidden } from '../services/errors.js';

export const SESSION_COOKIE = 'planner_session';

export interface ResolveUserOptions {
  /** Accept the session cookie for these methods (the API takes it for reads only, so a forged
   *  cross-site form can never write through the API; the web UI checks its own CSRF token). */
  cookieMethods: readonly string[];
}

export function resolveUser(options: ResolveUserOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('user', null);
    c.set('sessionCsrfToken', null);
    const bearer = bearerToken(c);
    if (bearer) {
      const session = await resolveSession(c.var.deps, bearer, 'api');
      c.set('user', session?.actor ?? null);
    } else if (options.cookieMethods.includes(c.req.method)) {
      const cookie = getCookie(c, SESSION_COOKIE);
      if (cookie) {
        const session = await resolveSession(c.var.deps, cookie, 'web');
        c.set('user', session?.actor ?? null);
        c.set('sessionCsrfToken', session?.csrfToken ?? null);
      }
    }
    await next();
  };
}

/** The bearer token the request sends, if any. */
export function bearerToken(c: Context): string | undefined {
  return c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
}

export function requireUser(c: Context<AppEnv>): Actor {
  const user = c.var.user;
  if (!user) throw new AppError('UNAUTHENTICATED', 'Log in and send the token as "Authorization: Bearer <token>".');
  return user;
}

export function requireRole(c: Context<AppEnv>, ...roles: Role[]): Actor {
  const user = requireUser(c);
  if (!roles.includes(user.role)) throw forbidden(`Only ${roles.join(' or ')} accounts may do this.`);
  return user;
}
