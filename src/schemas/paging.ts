// `limit` and `cursor` on every list (docs/API.md, "Lists"): 50 by default, at most 200; the
// cursor is opaque to clients (src/services/paging.ts makes and reads it).
import { z } from 'zod';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export const PageQueryShape = {
  limit: z
    .string()
    .regex(/^[0-9]{1,3}$/, `must be a whole number from 1 to ${MAX_PAGE_SIZE}`)
    .pipe(z.coerce.number<string>().int().min(1).max(MAX_PAGE_SIZE))
    .optional()
    .meta({ description: `Items per page, 1..${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})`, example: 50 }),
  cursor: z
    .string()
    .min(1)
    .max(512)
    .optional()
    .meta({ description: "The previous page's `nextCursor`, as it came; absent for the first page" }),
};

/** `{ items, nextCursor }` around an item schema; nextCursor is null on the last page. */
export function pageSchema<Item extends z.ZodType>(item: Item) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/**
 * A comma-separated query value (`status=submitted,coordinated`) as a list of one enum's values,
 * each at most once; an unknown or empty value is a 422 naming the parameter.
 */
export function commaList<const Value extends string>(values: readonly Value[]) {
  const allowed = new Set<string>(values);
  return z
    .string()
    .max(500)
    .transform((text, ctx) => {
      const parts = [...new Set(text.split(',').map((part) => part.trim()))];
      const unknown = parts.filter((part) => !allowed.has(part));
      if (parts.length === 0 || unknown.length > 0) {
        ctx.addIssue({ code: 'custom', message: `comma-separated values from: ${values.join(', ')}` });
        return z.NEVER;
      }
      return parts as Value[];
    })
    .meta({ description: `One or more of ${values.join(', ')}, comma-separated`, example: values.slice(0, 2).join(',') });
}

/** A search text from a query: trimmed, at most 100 characters, no control characters; empty is no search. */
export const SearchQuerySchema = z
  .string()
  .trim()
  .max(100)
  .refine((value) => !/\p{Cc}/u.test(value), 'must not contain control characters')
  .transform((value) => value || undefined)
  .optional();
