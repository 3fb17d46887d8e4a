// Logging in through the API (CONTRACT.md, Accounts): a bearer token for `Authorization: Bearer`.
import { createRoute } from '@hono/zod-openapi';
import { LoginBody, LoginResult } from '../schemas/accounts.js';
import { logIn } from '../services/accounts.js';
import { createRouter, jsonBody, jsonContent, problemResponses } from './openapi.js';

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
  const { email, password } = c.req.valid('json');
  const { token, expiresAt, user } = await logIn(c.var.deps, { email, password, kind: 'api' });
  return c.json({ token, expiresAt, user }, 200);
});
