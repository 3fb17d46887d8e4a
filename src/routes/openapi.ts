// Shared pieces for every /api/v1 router: the router factory with one validation hook, and the
// OpenAPI pieces that recur (problem responses, JSON bodies, security). Input schemas live in
// src/schemas/.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { zodIssues } from '../schemas/common.js';
import { validationFailed } from '../services/errors.js';

export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationFailed(zodIssues(result.error));
    },
  });
}

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().openapi({ example: 'VALIDATION_FAILED' }),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .catchall(z.unknown())
  .openapi('Problem');

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** Error responses most routes can give; spread into a route's `responses`. */
export const problemResponses = {
  401: problem('UNAUTHENTICATED: no or expired token'),
  403: problem('FORBIDDEN: the account may not do this'),
  404: problem('NOT_FOUND: no such record, or not visible to the caller'),
  413: problem('PAYLOAD_TOO_LARGE: body over 64 KiB'),
  415: problem('UNSUPPORTED_MEDIA_TYPE: send application/json'),
  422: problem('VALIDATION_FAILED: errors[] names each bad field'),
} as const;

export const conflictResponse = (codes: string) => ({ 409: problem(codes) });

export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { content: { 'application/json': { schema } }, required: true } };
}

export const bearerSecurity = [{ bearerAuth: [] }];
