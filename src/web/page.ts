// Helpers every page handler uses: its PageContext, and rendering a problem in the user's language.
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { AppError, errorFields } from '../services/errors.js';
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
  };
}

/** A Problem from a shared service as an error flash, with field errors by path for the form. */
export function problemFlash(error: unknown, page: PageContext): { flash: Flash; fieldErrors: Record<string, string> } {
  if (!(error instanceof AppError)) throw error;
  const body = errorFields(error) as { code: string; errors?: { path: string; message: string }[] };
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
