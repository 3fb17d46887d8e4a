// Schemas every feature uses: calendar days, years, ids. Plain zod with `.meta()`, which the
// OpenAPI generator reads, so routes, pages and services share them without any HTTP import.
import { z } from 'zod';
import { isValidIsoDate } from '../domain/dates.js';
import type { ValidationIssue } from '../domain/types.js';

export const IsoDateSchema = z
  .string()
  .refine(isValidIsoDate, { message: 'must be a real calendar day as YYYY-MM-DD' })
  .meta({ example: '2027-05-10', format: 'date' });

// Four digits only: coercing any numeric text would read "0x7e3" or "2.019e3" as 2019 and write
// that year's caps or roster.
export const YearParamSchema = z
  .string()
  .regex(/^[0-9]{4}$/, 'must be a year as four digits')
  .pipe(z.coerce.number<string>().int().min(2000).max(2999))
  .meta({ example: 2027, description: 'A year, 2000..2999, as four digits' });

/**
 * A reference to a region, unit or record by its id, as a request names it. Ids are letters,
 * digits, `-` and `_` (seeded ids, department ids, UUIDs), so anything else is a 422 before it
 * is looked up.
 */
export const IdRefSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'must be an id: letters, digits, - and _');

/** A zod failure as the contract's `errors: [{ path, message }]`. */
export function zodIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}
