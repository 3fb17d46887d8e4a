// What the server logs about an unexpected error. drizzle's query errors put the statement's
// parameters (password hashes, token hashes, personal data) in their message, so a query error is
// logged as its SQL text and its cause only, never its parameters.

export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const query = (err as { query?: unknown }).query;
  if (typeof query === 'string') {
    const cause = err.cause instanceof Error ? `${err.cause.name}: ${err.cause.message}` : 'no cause';
    return `${err.name} in query [${query}]: ${cause}`;
  }
  return err.stack ?? `${err.name}: ${err.message}`;
}
