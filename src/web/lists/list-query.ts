// Reading a list page's filters and page position from its URL (filters live in the URL, so a
// list can be bookmarked, shared and reloaded). The page parses with the same schema as the API
// list, so both accept and refuse the same values; a refused value is shown on its field.
import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from '../../app-env.js';
import { YEAR_ERROR } from '../../views/components/year-picker.js';
import { fieldMessage } from '../unit/field-messages.js';
import { pageContext } from '../page.js';

/** The URL query of a list page: what was typed, what it means, and what is wrong with it. */
export interface ListQuery<T> {
  /** Values as typed, for refilling the filter form and for building links (status values joined by commas). */
  values: Record<string, string>;
  /** The parsed query, with `before` (a web page's "previous" position, which the API has not); null when a value was refused. */
  parsed: (T & { before?: string }) | null;
  /** Messages by field name, in the reader's language. */
  errors: Record<string, string>;
}

/** A value the form sends empty when the user left it blank: not a filter at all. */
const present = (entries: [string, string][]) => entries.filter(([, value]) => value.trim() !== '');

/**
 * The query parameters named by `fields` (plus `limit`, `cursor` and `before`), parsed with the list's schema
 * after `defaults` fill what the URL leaves out; `status` may repeat (checkboxes) or be a comma list.
 */
export function readListQuery<Schema extends z.ZodType>(
  c: Context<AppEnv>,
  schema: Schema,
  fields: readonly string[],
  defaults: Record<string, string> = {},
): ListQuery<z.output<Schema>> {
  const raw: [string, string][] = [...fields, 'limit', 'cursor', 'before'].map((name) => [
    name,
    name === 'status' ? (c.req.queries('status') ?? []).join(',') : (c.req.query(name) ?? ''),
  ]);
  const values = { ...defaults, ...Object.fromEntries(present(raw)) };
  const result = schema.safeParse(values);
  if (result.success) return { values, parsed: Object.assign({}, result.data, { before: values.before }), errors: {} };
  const { lang } = pageContext(c);
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    // A year is refused in the same words on every page (src/web/page.ts#invalidYearQuery).
    errors[path] ??= path === 'year' ? (lang === 'zh' ? YEAR_ERROR.zh : YEAR_ERROR.en) : fieldMessage(issue.message, lang);
  }
  return { values, parsed: null, errors };
}

/** A link to the same list with some parameters changed (undefined removes one): filters stay. */
export function listHref(path: string, values: Record<string, string>, change: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...values, ...change })) if (value !== undefined && value !== '') query.set(key, value);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
