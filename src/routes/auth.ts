import { createRoute, z } from '@hono/zod-openapi';
import { clearFailedLogins, loginRetryAfterSeconds, recordFailedLogin } from '../db/repo/login-throttle.js';
import { createSession, findUserForLogin, normaliseEmail } from '../db/repo/users.js';
import { verifyPassword } from '../lib/crypto.js';
import { AppError } from '../services/errors.js';
import { createRouter, jsonBody, jsonContent, problemResponses } from './openapi.js';
import { UserSchema } from './users.js';

const LoginBody = z.object({ email: z.string().min(1).max(254), password: z.string().min(1).max(1024) }).openapi('LoginRequest');
const LoginResult = z.object({ token: z.string(), expiresAt: z.string(), user: UserSchema }).openapi('LoginResult');

// Answers a wrong e-mail as slowly as a wrong password, so timing does not reveal accounts.
const DUMMY_HASH = 'pbkdf2-sha256$100000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['Accounts'],
  summary: 'Log in and get a bearer token',
  request: jsonBody(LoginBody),
  responses: {
    200: jsonContent(LoginResult, 'A bearer token for `Authorization: Bearer <token>`'),
    401: problemResponses[401],
    422: problemResponses[422],
    429: { description: 'RATE_LIMITED: too many failed logins for this e-mail; see Retry-After' },
  },
});

export const authRoutes = createRouter().openapi(login, async (c) => {
  const { db } = c.var;
  const now = c.var.now();
  const body = c.req.valid('json');
  const email = normaliseEmail(body.email);
  const retryAfter = await loginRetryAfterSeconds(db, email, now);
  if (retryAfter > 0) {
    throw new AppError('RATE_LIMITED', `Too many failed logins for this account; try again in ${retryAfter} s.`, { retryAfter });
  }
  const user = await findUserForLogin(db, email);
  const valid = await verifyPassword(body.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid) {
    await recordFailedLogin(db, email, now);
    throw new AppError('INVALID_CREDENTIALS', 'Wrong e-mail or password.');
  }
  await clearFailedLogins(db, email);
  const session = await createSession(db, user.id, 'api', now);
  return c.json(
    {
      token: session.token,
      expiresAt: session.expiresAt,
      user: {
        id: user.id,
        email: user.email,
        role: user.role,
        unitId: user.unitId,
        regionId: user.regionId,
        displayName: user.displayName,
      },
    },
    200,
  );
});
