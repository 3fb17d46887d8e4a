import { createRoute, z } from '@hono/zod-openapi';
import { findRegion, findUnit } from '../db/repo/reference.js';
import { createUser } from '../db/repo/users.js';
import { requireRole, requireUser } from '../http/auth.js';
import { AppError, validationFailed } from '../services/errors.js';
import { bearerSecurity, conflictResponse, createRouter, jsonBody, jsonContent, problemResponses } from './openapi.js';

export const RoleSchema = z.enum(['office', 'hq', 'unit']);

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: RoleSchema,
    unitId: z.string().nullable(),
    regionId: z.string().nullable(),
    displayName: z.string().nullable(),
  })
  .openapi('User');

const NewUserBody = z
  .object({
    email: z.string().trim().email().max(254),
    password: z.string().min(10, 'at least 10 characters').max(256),
    role: RoleSchema,
    unitId: z.string().min(1).max(64).optional(),
    regionId: z.string().min(1).max(64).optional(),
    displayName: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
  .openapi('NewUser');

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
  responses: { 200: jsonContent(UserSchema, 'The caller'), 401: problemResponses[401] },
});

export const userRoutes = createRouter()
  .openapi(createUserRoute, async (c) => {
    requireRole(c, 'office');
    const body = c.req.valid('json');
    // A unit account belongs to one unit, an HQ account to one region, the office to neither.
    if (body.role === 'unit' && !body.unitId) throw validationFailed([{ path: 'unitId', message: 'required for a unit account' }]);
    if (body.role === 'hq' && !body.regionId) throw validationFailed([{ path: 'regionId', message: 'required for an hq account' }]);
    const unitId = body.role === 'unit' ? body.unitId! : null;
    const regionId = body.role === 'hq' ? body.regionId! : null;
    if (unitId && !(await findUnit(c.var.db, unitId))) throw validationFailed([{ path: 'unitId', message: `unknown unit "${unitId}"` }]);
    if (regionId && !(await findRegion(c.var.db, regionId)))
      throw validationFailed([{ path: 'regionId', message: `unknown region "${regionId}"` }]);
    const user = await createUser(
      c.var.db,
      { email: body.email, password: body.password, role: body.role, unitId, regionId, displayName: body.displayName ?? null },
      c.var.now(),
    );
    if (!user) throw new AppError('EMAIL_TAKEN', 'An account with this e-mail already exists.');
    return c.json(user, 201);
  })
  .openapi(meRoute, (c) => c.json(requireUser(c), 200));
