// Every error leaves the API as application/problem+json (RFC 9457) with a stable `code`.
// Handlers throw `Problem` to stop; app.ts's onError is the one place that renders it.

export const PROBLEM_TITLES: Record<string, string> = {
  UNAUTHENTICATED: 'Authentication required',
  INVALID_CREDENTIALS: 'Wrong e-mail or password',
  FORBIDDEN: 'Not allowed for this account',
  NOT_FOUND: 'Not found',
  PAYLOAD_TOO_LARGE: 'Request body too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported media type',
  VALIDATION_FAILED: 'The request is not valid',
  RATE_LIMITED: 'Too many attempts',
  CONFLICT: 'Conflict with the current state',
  INVALID_TRANSITION: 'Not possible in the current status',
  BATCH_CAP_EXCEEDED: 'Annual batch cap reached',
  HEADCOUNT_CAP_EXCEEDED: 'Delegation larger than the cap per batch',
  PERSON_TRIPS_CAP_EXCEEDED: 'Annual person-trips cap reached',
  REGION_CAPACITY_EXCEEDED: 'The region is full on some of these days',
  REGION_SPACING_VIOLATION: 'Too close to another arrival in the region',
  BLACKOUT_CONFLICT: 'The dates touch a blackout period',
  RECEPTION_STANDARD_VIOLATED: 'The reception breaks the reception standards',
  PLAN_STALE: 'The proposal no longer fits',
  INTERNAL_ERROR: 'Internal server error',
};

export interface ValidationIssue {
  path: string;
  message: string;
}

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(`${status} ${code}: ${detail}`);
  }

  toJSON(): Record<string, unknown> {
    return {
      type: `/problems/${this.code.toLowerCase().replace(/_/g, '-')}`,
      title: PROBLEM_TITLES[this.code] ?? this.code,
      status: this.status,
      code: this.code,
      detail: this.detail,
      ...this.extra,
    };
  }
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem.toJSON()), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...headers },
  });
}

export const notFound = (what = 'resource'): Problem => new Problem(404, 'NOT_FOUND', `No such ${what}.`);
export const forbidden = (detail = 'This account may not do that.'): Problem => new Problem(403, 'FORBIDDEN', detail);

export function validationFailed(errors: ValidationIssue[]): Problem {
  const detail = errors.map((e) => `${e.path || '(body)'}: ${e.message}`).join('; ');
  return new Problem(422, 'VALIDATION_FAILED', detail || 'The request is not valid.', { errors });
}
