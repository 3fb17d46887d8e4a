// Accounts (docs/API.md, Accounts): the office creates, lists and changes them;
// every account can ask who it is and change its own password.
import { createRoute, z } from '@hono/zod-openapi';
import { bearerToken, requireRole, requireUser } from '../http/auth.js';
import { problemResponse } from '../http/problem.js';
import { NewUserBody, OwnPasswordBody, PasswordResetBody, UserListQuery, UserPatchBody, UserSchema } from '../schemas/accounts.js';
import { MePatchBody, MeSchema } from '../schemas/notifications.js';
import { pageSchema } from '../schemas/paging.js';
import {
  accountById,
  accountList,
  changeOwnPassword,
  createAccount,
  resetPassword,
  unlockAccount,
  updateAccount,
} from '../services/accounts.js';
import { AppError } from '../services/errors.js';
import { myAccount, updateMyAccount } from '../services/me.js';
import { bearerSecurity, conflictResponse, createRouter, jsonBody, jsonContent, problemResponses } from './openapi.js';

const TAGS = ['Accounts'];
const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const done = { 204: { description: 'Done' } };

const createUserRoute = createRoute({
  method: 'post',
  path: '/users',
  tags: TAGS,
  summary: 'Create an account (office)',
  security: bearerSecurity,
  request: jsonBody(NewUserBody),
  responses: {
    201: jsonContent(UserSchema, 'The new account'),
    ...problemResponses,
    ...conflictResponse('EMAIL_TAKEN: an account with this e-mail exists'),
  },
});

const listUsersRoute = createRoute({
  method: 'get',
  path: '/users',
  tags: TAGS,
  summary: 'The accounts, in e-mail order (office)',
  security: bearerSecurity,
  request: { query: UserListQuery },
  responses: { 200: jsonContent(pageSchema(UserSchema), 'A page of accounts'), ...problemResponses },
});

const getUserRoute = createRoute({
  method: 'get',
  path: '/users/{id}',
  tags: TAGS,
  summary: 'One account (office)',
  security: bearerSecurity,
  request: { params: IdParam },
  responses: { 200: jsonContent(UserSchema, 'The account'), ...problemResponses },
});

const patchUserRoute = createRoute({
  method: 'patch',
  path: '/users/{id}',
  tags: TAGS,
  summary: 'Rename, deactivate or reactivate an account (office)',
  description:
    '`active: false` ends every session of the account at once (its tokens answer 401 from the next request on) and its logins with the right password answer 403 ACCOUNT_DISABLED. The last active office account cannot be deactivated: 409 LAST_OFFICE_ACCOUNT.',
  security: bearerSecurity,
  request: { params: IdParam, ...jsonBody(UserPatchBody) },
  responses: {
    200: jsonContent(UserSchema, 'The account as it now is'),
    ...problemResponses,
    ...conflictResponse('LAST_OFFICE_ACCOUNT'),
  },
});

const resetPasswordRoute = createRoute({
  method: 'post',
  path: '/users/{id}/password',
  tags: TAGS,
  summary: "Set an account's password (office); ends every session of the account",
  security: bearerSecurity,
  request: { params: IdParam, ...jsonBody(PasswordResetBody) },
  responses: { ...done, ...problemResponses },
});

const unlockRoute = createRoute({
  method: 'post',
  path: '/users/{id}/unlock',
  tags: TAGS,
  summary: "Clear an account's failed logins (office)",
  security: bearerSecurity,
  request: { params: IdParam },
  responses: { ...done, ...problemResponses },
});

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  tags: TAGS,
  summary: 'The calling account',
  security: bearerSecurity,
  responses: { 200: jsonContent(MeSchema, 'The caller, with its e-mail notification setting'), 401: problemResponses[401] },
});

const patchMeRoute = createRoute({
  method: 'patch',
  path: '/me',
  tags: TAGS,
  summary: "Change the caller's own settings: `emailNotifications:false` stops e-mail (the inbox still fills)",
  security: bearerSecurity,
  request: jsonBody(MePatchBody),
  responses: { 200: jsonContent(MeSchema, 'The caller as changed'), ...problemResponses },
});

const ownPasswordRoute = createRoute({
  method: 'post',
  path: '/me/password',
  tags: TAGS,
  summary: 'Change your own password; ends every other session of your account',
  description:
    'A wrong current password answers 403 INVALID_CREDENTIALS (not 401: the token itself is fine). Five wrong ones per session in 15 minutes, then 429.',
  security: bearerSecurity,
  request: jsonBody(OwnPasswordBody),
  responses: {
    ...done,
    ...problemResponses,
    ...conflictResponse('CONFLICT: the password was changed meanwhile'),
    429: { description: 'RATE_LIMITED: see Retry-After' },
  },
});

export const userRoutes = createRouter()
  .openapi(createUserRoute, async (c) => {
    const actor = requireRole(c, 'office');
    return c.json(await createAccount(c.var.deps, actor, c.req.valid('json')), 201);
  })
  .openapi(listUsersRoute, async (c) => {
    const actor = requireRole(c, 'office');
    return c.json(await accountList(c.var.deps, actor, c.req.valid('query')), 200);
  })
  .openapi(getUserRoute, async (c) => {
    const actor = requireRole(c, 'office');
    return c.json(await accountById(c.var.deps, actor, c.req.valid('param').id), 200);
  })
  .openapi(patchUserRoute, async (c) => {
    const actor = requireRole(c, 'office');
    return c.json(await updateAccount(c.var.deps, actor, { id: c.req.valid('param').id, patch: c.req.valid('json') }), 200);
  })
  .openapi(resetPasswordRoute, async (c) => {
    const actor = requireRole(c, 'office');
    await resetPassword(c.var.deps, actor, { id: c.req.valid('param').id, newPassword: c.req.valid('json').newPassword });
    return c.body(null, 204);
  })
  .openapi(unlockRoute, async (c) => {
    const actor = requireRole(c, 'office');
    await unlockAccount(c.var.deps, actor, c.req.valid('param').id);
    return c.body(null, 204);
  })
  .openapi(meRoute, async (c) => c.json(await myAccount(c.var.deps, requireUser(c)), 200))
  .openapi(patchMeRoute, async (c) => c.json(await updateMyAccount(c.var.deps, requireUser(c), c.req.valid('json')), 200))
  .openapi(ownPasswordRoute, async (c) => {
    const actor = requireUser(c);
    const body = c.req.valid('json');
    try {
      await changeOwnPassword(c.var.deps, actor, { ...body, sessionToken: bearerToken(c) ?? '' });
    } catch (error) {
      // docs/API.md: a wrong current password is 403, so a client does not take it for an expired token.
      if (error instanceof AppError && error.code === 'INVALID_CREDENTIALS') return problemResponse(error, {}, 403);
      throw error;
    }
    return c.body(null, 204);
  });
