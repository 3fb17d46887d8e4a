// Logging in and out through the API (docs/API.md, Accounts): a bearer token for
// `Authorization: Bearer`, ended by POST /auth/logout.
import { createRoute } from '@hono/zod-openapi';
import { bearerToken, requireUser } from '../http/auth.js';
import { clientAddress } from '../http/client-address.js';
import { LoginBody, LoginResult } from '../schemas/accounts.js';
import { logIn, logOut } from '../services/logins.js';
import { bearerSecurity, createRouter, jsonBody, jsonContent, problemResponses } from './openapi.js';

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['Accounts'],
  summary: 'Log in and get a bearer token',
  description: [
    'Every attempt is counted before the password is checked. An account takes 5 attempts in 15 minutes from clients it does not',
    'know, and 5 from each client that logged in to it before and sends the `deviceToken` it was given; one client address takes 20',
    'in 15 minutes. Beyond that: 429 RATE_LIMITED with Retry-After, whatever the password. A deactivated account with the right',
    'password: 403 ACCOUNT_DISABLED.',
  ].join(' '),
  request: jsonBody(LoginBody),
  responses: {
    200: jsonContent(LoginResult, 'A bearer token for `Authorization: Bearer <token>`'),
    401: problemResponses[401],
    403: problemResponses[403],
    422: problemResponses[422],
    429: { description: 'RATE_LIMITED: too many login attempts for this account or from this address; see Retry-After' },
  },
});

const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['Accounts'],
  summary: 'End the bearer token (it answers 401 from then on)',
  security: bearerSecurity,
  responses: { 204: { description: 'The token is ended' }, 401: problemResponses[401] },
});

export const authRoutes = createRouter()
  .openapi(login, async (c) => {
    const { email, password, deviceToken } = c.req.valid('json');
    const {
      token,
      expiresAt,
      user,
      deviceToken: nextDevice,
    } = await logIn(c.var.deps, {
      email,
      password,
      kind: 'api',
      clientAddress: clientAddress(c),
      deviceToken,
    });
    return c.json({ token, expiresAt, user, deviceToken: nextDevice }, 200);
  })
  .openapi(logout, async (c) => {
    requireUser(c);
    await logOut(c.var.deps, bearerToken(c) ?? '');
    return c.body(null, 204);
  });
