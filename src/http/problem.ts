// The one place where a refusal becomes HTTP: each error code's status and title, and the
// application/problem+json body (RFC 9457) that carries it. Routes and pages throw or catch
// AppError; app.ts's onError renders it with problemResponse.
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, type ErrorCode } from '../services/errors.js';

const STATUS_AND_TITLE: Record<ErrorCode, [ContentfulStatusCode, string]> = {
  UNAUTHENTICATED: [401, 'Authentication required'],
  INVALID_CREDENTIALS: [401, 'Wrong e-mail or password'],
  ACCOUNT_DISABLED: [403, 'The account is deactivated'],
  FORBIDDEN: [403, 'Not allowed for this account'],
  CSRF_REJECTED: [403, 'The form expired or came from another site'],
  NOT_FOUND: [404, 'Not found'],
  PAYLOAD_TOO_LARGE: [413, 'Request body too large'],
  UNSUPPORTED_MEDIA_TYPE: [415, 'Unsupported media type'],
  VALIDATION_FAILED: [422, 'The request is not valid'],
  RATE_LIMITED: [429, 'Too many attempts'],
  CONFLICT: [409, 'Conflict with the current state'],
  INVALID_TRANSITION: [409, 'Not possible in the current status'],
  EMAIL_TAKEN: [409, 'An account with this e-mail exists'],
  UNIT_EXISTS: [409, 'A unit with this id exists'],
  LAST_OFFICE_ACCOUNT: [409, 'The last active office account cannot be deactivated'],
  BATCH_CAP_EXCEEDED: [409, 'Annual batch cap reached'],
  HEADCOUNT_CAP_EXCEEDED: [409, 'Delegation larger than the cap per batch'],
  PERSON_TRIPS_CAP_EXCEEDED: [409, 'Annual person-trips cap reached'],
  REGION_CAPACITY_EXCEEDED: [409, 'The region is full on some of these days'],
  REGION_SPACING_VIOLATION: [409, 'Too close to another arrival in the region'],
  BLACKOUT_CONFLICT: [409, 'The dates touch a blackout period'],
  RECEPTION_STANDARD_VIOLATED: [409, 'The reception breaks the reception standards'],
  OFFICIAL_LETTER_SCAN_REQUIRED: [409, "The official letter's scan is required before approval"],
  PLAN_STALE: [409, 'The proposal no longer fits'],
  INTERNAL_ERROR: [500, 'Internal server error'],
};

export function httpStatusOf(error: AppError): ContentfulStatusCode {
  return STATUS_AND_TITLE[error.code][0];
}

/** The problem body; `status` only where the contract gives one code another status (POST /me/password). */
export function problemBody(error: AppError, statusOverride?: ContentfulStatusCode): Record<string, unknown> {
  const [tableStatus, title] = STATUS_AND_TITLE[error.code];
  const status = statusOverride ?? tableStatus;
  return {
    type: `/problems/${error.code.toLowerCase().replace(/_/g, '-')}`,
    title,
    status,
    code: error.code,
    detail: error.detail,
    ...error.extra,
  };
}

export function problemResponse(error: AppError, headers: Record<string, string> = {}, statusOverride?: ContentfulStatusCode): Response {
  const retryAfter = error.extra.retryAfter;
  const extraHeaders: Record<string, string> = typeof retryAfter === 'number' ? { 'retry-after': String(retryAfter) } : {};
  return new Response(JSON.stringify(problemBody(error, statusOverride)), {
    status: statusOverride ?? httpStatusOf(error),
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...extraHeaders, ...headers },
  });
}

export const internalError = (detail = 'Something went wrong on our side; the request was not completed.'): AppError =>
  new AppError('INTERNAL_ERROR', detail);
