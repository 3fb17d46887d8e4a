// Helpers every page handler uses: its PageContext, and rendering a problem in the user's language.
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { AppError, errorFields } from '../services/errors.js';
import type { Words } from '../domain/words.js';
import { YearParamSchema } from '../schemas/common.js';
import { detectLang, translator } from '../views/i18n.js';
import type { Flash, PageContext } from '../views/layout.js';
import { problemMessages } from '../views/problem-messages.js';
import { formBody } from './form-body.js';

export function pageContext(c: Context<AppEnv>): PageContext {
  const lang = detectLang(c);
  return {
    user: c.var.user,
    lang,
    t: translator(lang),
    csrf: c.var.sessionCsrfToken ?? '',
    path: c.req.path,
    unreadCount: c.var.unreadCount ?? null,
    badYear: invalidYearQuery(c),
  };
}

/**
 * `?year=` as typed when it is no year (2000..2999, four digits), else null. Every page that
 * shows a year reads it the same way: a bad one shows the default year, marks the year field with
 * 「请填写 2000 至 2999 之间的年份」 and answers 422 (YearPicker and the filter forms).
 */
export function invalidYearQuery(c: Context<AppEnv>): string | null {
  const raw = c.req.query('year');
  return raw === undefined || raw === '' || YearParamSchema.safeParse(raw).success ? null : raw;
}

/** The status of a GET page that shows a year: 422 when `?year=` was not one (see invalidYearQuery). */
export function yearPageStatus(c: Context<AppEnv>): 200 | 422 {
  return invalidYearQuery(c) === null ? 200 : 422;
}

/**
 * A Problem from a shared service as an error flash, with field errors by path for the form.
 * `statusWords` names the statuses of the record acted on, so a refused step says
 * 「当前状态(已批准)下…」 rather than the stored code (a visit's `submitted` is 待衔接, a
 * reception's is 待审批: only the page knows which record it acted on).
 */
export function problemFlash(
  error: unknown,
  page: PageContext,
  statusWords?: Readonly<Record<string, Words>>,
): { flash: Flash; fieldErrors: Record<string, string> } {
  if (!(error instanceof AppError)) throw error;
  const from = error.extra.from;
  const words = error.code === 'INVALID_TRANSITION' && typeof from === 'string' ? statusWords?.[from] : undefined;
  const shown = words ? new AppError(error.code, error.detail, { ...error.extra, from: page.t(words.zh, words.en) }) : error;
  const body = errorFields(shown) as { code: string; errors?: { path: string; message: string }[] };
  const fieldErrors: Record<string, string> = {};
  for (const e of body.errors ?? []) fieldErrors[e.path] ??= e.message;
  const lines = problemMessages(body, page.lang);
  return { flash: { kind: 'error', lines }, fieldErrors };
}

/** Form fields as strings (a missing field is ''). */
export async function formFields(c: Context<AppEnv>): Promise<Record<string, string>> {
  const body = await formBody(c);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    const first = Array.isArray(value) ? value[0] : value;
    out[key] = typeof first === 'string' ? first : '';
  }
  return out;
}

/** All values of a repeated form field (checkboxes). */
export async function formList(c: Context<AppEnv>, name: string): Promise<string[]> {
  const body = await formBody(c);
  const value = body[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((v): v is string => typeof v === 'string');
}

/** An optional whole number from a form field: '' → undefined, anything else must parse. */
export function formInt(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
}
