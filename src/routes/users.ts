// Accounts (CONTRACT.md, Accounts): the office creates them; every account can ask who it is.
import { createRoute } from '@hono/zod-openapi';
import { requireRole, requireUser } from '../http/auth.js';
import { NewUserBody, UserSchema } from '../schemas/accounts.js';
import { MePatchBody, MeSchema } from '../schemas/notifications.js';
import { createAccount } from '../services/accounts.js';
import { myAccount, updateMyAccount } from '../services/me.js';
import { bearerSecurity, conflictResponse, createRouter, jsonBody, jsonContent, problemResponses } from './openapi.js';

const createUserRoute = createRoute({
  method: 'post',
  path: '/users',
  tags: ['Accounts'],
  summary: 'Create an account (office)',
  security: bearerSecurity,
  request: jsonBody(NewUserBody),
  responses: {
    201: jsonContent(UserSchema, 'The new account'),
    ...problemResponses,
    ...conflictResponse('EMAIL_TAKEN: an account with this e-mail exists'),
  },
});

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  tags: ['Accounts'],
  summary: 'The calling account',
  security: bearerSecurity,
  responses: { 200: jsonContent(MeSchema, 'The caller, with its e-mail notification setting'), 401: problemResponses[401] },
});

const patchMeRoute = createRoute({
  method: 'patch',
  path: '/me',
  tags: ['Accounts'],
  summary: "Change the caller's own settings: `emailNotifications:false` stops e-mail (the inbox still fills)",
  security: bearerSecurity,
  request: jsonBody(MePatchBody),
  responses: { 200: jsonContent(MeSchema, 'The caller as changed'), ...problemResponses },
});

export const userRoutes = createRouter()
  .openapi(createUserRoute, async (c) => {
    const actor = requireRole(c, 'office');
    return c.json(await createAccount(c.var.deps, actor, c.req.valid('json')), 201);
  })
  .openapi(meRoute, async (c) => c.json(await myAccount(c.var.deps, requireUser(c)), 200))
  .openapi(patchMeRoute, async (c) => c.json(await updateMyAccount(c.var.deps, requireUser(c), c.req.valid('json')), 200));
