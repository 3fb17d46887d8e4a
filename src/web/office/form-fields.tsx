// Form pieces the office pages share: labelled inputs whose error is tied to the field
// (aria-invalid + aria-describedby → .field-error), zod issues told in the user's language,
// and number parsing from form text.
import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from '../../app-env.js';
import { YearParamSchema } from '../../schemas/common.js';
import { todayOf } from '../../services/deps.js';
import { errorAttributes, FieldError } from '../../views/components/field-error.js';
import type { Flash, PageContext } from '../../views/layout.js';
import type { Translate } from '../../views/i18n.js';

export type FieldErrors = Record<string, string>;

interface InputProps {
  id: string;
  name: string;
  label: string;
  value: string | number;
  error?: string;
  type?: 'text' | 'number' | 'date' | 'password' | 'email';
  autocomplete?: string;
  min?: number;
  max?: number;
  step?: string;
  required?: boolean;
  maxlength?: number;
  /** The id of a form elsewhere on the page this input belongs to (forms cannot nest in tables' rows). */
  form?: string;
  /** A label only screen readers read, where a table header already names the column. */
  hiddenLabel?: boolean;
}

export function Input(props: InputProps) {
  const errorId = `${props.id}-error`;
  return (
    <div>
      <label for={props.id} class={props.hiddenLabel ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      <input
        id={props.id}
        name={props.name}
        type={props.type ?? 'text'}
        value={String(props.value)}
        min={props.min}
        max={props.max}
        step={props.step}
        required={props.required}
        maxlength={props.maxlength}
        form={props.form}
        autocomplete={props.autocomplete}
        inputmode={props.type === 'number' && props.step === undefined ? 'numeric' : undefined}
        {...errorAttributes(errorId, props.error)}
      />
      <FieldError id={errorId} error={props.error} />
    </div>
  );
}

/** A whole number typed into a form: '' → undefined (the schema says "required"), a fraction
 *  stays a fraction (the schema says "whole number"), junk → NaN. */
export function formWholeNumber(value: string | undefined): number | undefined {
  return formDecimal(value);
}

/** A decimal typed into a form (ratios): '' → undefined, junk → NaN. */
export function formDecimal(value: string | undefined): number | undefined {
  const text = (value ?? '').trim();
  if (text === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

/** Parses form input with an API schema, keeping each issue's input so a missing value ("required")
 *  is told apart from a wrong one. */
export function checkForm<T extends z.ZodType>(schema: T, data: unknown) {
  return schema.safeParse(data, { reportInput: true });
}

/** One message per field path (the first issue wins), in the user's language. */
export function localIssues(error: z.ZodError, t: Translate): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    out[path] ??= issueMessage(issue, t);
  }
  return out;
}

function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return t('请填写整数', 'Enter a whole number');
      if (issue.expected === 'number') return issue.input === undefined ? t('必填', 'Required') : t('请填写数字', 'Enter a number');
      return t('必填', 'Required');
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? t('必填', 'Required') : t(`至少 ${min} 个字`, `At least ${min} characters`);
      return issue.inclusive ? t(`不能小于 ${min}`, `Must be at least ${min}`) : t(`必须大于 ${min}`, `Must be more than ${min}`);
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return t(`最多 ${max} 个字`, `At most ${max} characters`);
      if (issue.origin === 'array') return t(`最多 ${max} 项`, `At most ${max} entries`);
      return issue.inclusive ? t(`不能大于 ${max}`, `Must be at most ${max}`) : t(`必须小于 ${max}`, `Must be less than ${max}`);
    }
    default:
      // Custom refinements (dates) carry an English message of their own.
      if (/before startDate/.test(issue.message)) return t('结束日期不能早于开始日期', 'The end date must not be before the start date');
      if (/calendar day/.test(issue.message)) return t('请填写有效日期(YYYY-MM-DD)', 'Enter a real date (YYYY-MM-DD)');
      if (/control characters/.test(issue.message)) return t('不能包含控制字符', 'Must not contain control characters');
      if (/visible characters/.test(issue.message)) return t('请填写看得见的文字', 'Enter visible text');
      return t(`填写有误:${issue.message}`, issue.message);
  }
}

/** The year a settings page shows: `?year=` when it is a sensible year, else this year. */
export function yearFromQuery(c: Context<AppEnv>): number {
  const parsed = YearParamSchema.safeParse(c.req.query('year'));
  return parsed.success ? parsed.data : Number(todayOf(c.var.deps).slice(0, 4));
}

/** The confirmation after a successful POST → 303 (the target carries `?saved=1`). */
export function savedFlash(c: Context<AppEnv>, page: PageContext): Flash[] {
  return c.req.query('saved') ? [{ kind: 'ok', lines: [page.t('已保存。', 'Saved.')] }] : [];
}

export const CHECK_FORM_FLASH = (t: Translate): Flash => ({
  kind: 'error',
  lines: [t('请检查标出的内容。', 'Please check the marked fields.')],
});

/** Names by id, for tables that show units and regions. */
export function namesById(rows: readonly { id: string; name: string }[]): (id: string) => string {
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return (id) => names.get(id) ?? id;
}
