// The one typed error every service throws when it refuses a request: a stable code (the
// contract's machine name), a sentence for people, and the numbers that explain it. Services know
// nothing of HTTP; src/http/problem.ts maps each code to its status and renders problem+json, and
// the pages say the same code in the user's words (src/views/problem-messages.ts).
import type { BookingRefusalCode, ValidationIssue } from '../domain/types.js';

/** Every code a caller can get back. A new code does not compile until every table keyed by it has it. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_DISABLED'
  | 'FORBIDDEN'
  | 'CSRF_REJECTED'
  | 'NOT_FOUND'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'VALIDATION_FAILED'
  | 'RATE_LIMITED'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  | 'EMAIL_TAKEN'
  | 'UNIT_EXISTS'
  | 'LAST_OFFICE_ACCOUNT'
  | BookingRefusalCode
  | 'RECEPTION_STANDARD_VIOLATED'
  | 'OFFICIAL_LETTER_SCAN_REQUIRED'
  | 'PLAN_STALE'
  | 'INTERNAL_ERROR';

export type { ValidationIssue };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    /** Extra fields of the answer: the numbers behind a refusal, `errors` of a validation failure. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(`${code}: ${detail}`);
    this.name = 'AppError';
  }
}

export const notFound = (what = 'resource'): AppError => new AppError('NOT_FOUND', `No such ${what}.`);
export const forbidden = (detail = 'This account may not do that.'): AppError => new AppError('FORBIDDEN', detail);
export const unauthenticated = (detail = 'Log in first.'): AppError => new AppError('UNAUTHENTICATED', detail);

export function validationFailed(errors: ValidationIssue[]): AppError {
  const detail = errors.map((e) => `${e.path || '(body)'}: ${e.message}`).join('; ');
  return new AppError('VALIDATION_FAILED', detail || 'The request is not valid.', { errors });
}

/** The error's fields as callers see them, without HTTP: code, detail and the extra numbers. */
export function errorFields(error: AppError): { code: ErrorCode; detail: string; [key: string]: unknown } {
  return { ...error.extra, code: error.code, detail: error.detail };
}
