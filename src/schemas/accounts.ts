// Accounts and login (CONTRACT.md, Accounts): who an account is, creating one, logging in.
// Shared by the API, the login page and services/accounts.ts.
import { z } from 'zod';

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
  .meta({ id: 'User' });

export const NewUserBody = z
  .object({
    email: z.string().trim().email().max(254),
    password: z.string().min(10, 'at least 10 characters').max(256),
    role: RoleSchema,
    unitId: z.string().min(1).max(64).optional(),
    regionId: z.string().min(1).max(64).optional(),
    displayName: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
  .meta({ id: 'NewUser' });

export type NewUserInput = z.infer<typeof NewUserBody>;

export const LoginBody = z
  .object({ email: z.string().min(1).max(254), password: z.string().min(1).max(1024) })
  .meta({ id: 'LoginRequest' });

export const LoginResult = z.object({ token: z.string(), expiresAt: z.string(), user: UserSchema }).meta({ id: 'LoginResult' });
