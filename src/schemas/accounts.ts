// Accounts and login (docs/API.md, Accounts): who an account is, creating,
// listing and changing one, passwords, logging in. Shared by the API, the pages and
// services/accounts.ts.
import { z } from 'zod';
import { IdRefSchema } from './common.js';
import { PageQueryShape } from './paging.js';
import { optionalText, requiredText } from './text.js';

export const RoleSchema = z.enum(['office', 'hq', 'unit']);

export const MIN_PASSWORD_LENGTH = 10;

/** A new password: at least 10 characters (docs/API.md); 256 at most, so hashing stays bounded. */
export const NewPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(256)
  .meta({ description: `At least ${MIN_PASSWORD_LENGTH} characters`, format: 'password' });

/** A password as typed at login: any text (it is only compared); its own format, not free text. */
const TypedPasswordSchema = z.string().min(1).max(1024).meta({ format: 'password' });

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: RoleSchema,
    unitId: z.string().nullable(),
    regionId: z.string().nullable(),
    displayName: z.string().nullable(),
    active: z.boolean().meta({ description: 'false: deactivated; it cannot log in and has no sessions' }),
    createdAt: z.string(),
    lastLoginAt: z.string().nullable(),
  })
  .meta({ id: 'User' });

export const EmailSchema = z.string().trim().email().max(254);

export const NewUserBody = z
  .object({
    email: EmailSchema,
    password: NewPasswordSchema,
    role: RoleSchema,
    unitId: IdRefSchema.optional().meta({ description: 'Required for a unit account' }),
    regionId: IdRefSchema.optional().meta({ description: 'Required for an hq account' }),
    displayName: optionalText({ max: 100 }),
  })
  .strict()
  .meta({ id: 'NewUser' });

export type NewUserInput = z.infer<typeof NewUserBody>;

export const UserPatchBody = z
  .object({
    displayName: optionalText({ max: 100 }).meta({ description: 'null or blank clears it' }),
    active: z.boolean().optional().meta({
      description: 'false ends every session of the account at once; the last active office account cannot be deactivated (409)',
    }),
  })
  .strict()
  .meta({ id: 'UserPatch' });

export type UserPatchInput = z.infer<typeof UserPatchBody>;

export const PasswordResetBody = z.object({ newPassword: NewPasswordSchema }).strict().meta({ id: 'PasswordReset' });

export const OwnPasswordBody = z
  .object({ currentPassword: TypedPasswordSchema, newPassword: NewPasswordSchema })
  .strict()
  .meta({ id: 'PasswordChange' });

export const UserListQuery = z.object({
  role: RoleSchema.optional(),
  unitId: IdRefSchema.optional(),
  regionId: IdRefSchema.optional(),
  active: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .meta({ description: 'true: active accounts only; false: deactivated ones only' }),
  q: optionalText({ max: 100 }).meta({ description: 'A piece of the e-mail or the display name, any case' }),
  ...PageQueryShape,
});

export type UserListQueryInput = z.infer<typeof UserListQuery>;

export const DeviceTokenSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\w-]+$/, 'must be a deviceToken as a login answered it')
  .meta({ description: 'The deviceToken an earlier login of this account answered: failed logins from elsewhere do not lock it out' });

export const LoginBody = z
  .object({ email: requiredText({ max: 254 }), password: TypedPasswordSchema, deviceToken: DeviceTokenSchema.optional() })
  .meta({ id: 'LoginRequest' });

export const LoginResult = z
  .object({
    token: z.string(),
    expiresAt: z.string(),
    user: UserSchema,
    deviceToken: z.string().meta({ description: 'Send it with the next logins of this account (see LoginRequest)' }),
  })
  .meta({ id: 'LoginResult' });
