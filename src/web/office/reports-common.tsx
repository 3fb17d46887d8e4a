// Pieces every office report page shares: the tabs between reports, reading the period from the
// query string (a bad value is shown on its field, never silently replaced), number formatting.
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { yearOf } from '../../domain/dates.js';
import { invalidYearQuery } from '../page.js';
import { YEAR_ERROR } from '../../views/components/year-picker.js';
import { MONTH_PATTERN } from '../../schemas/reports.js';
import { todayOf } from '../../services/deps.js';
import { errorAttributes, FieldError } from '../../views/components/field-error.js';
import type { PageContext } from '../../views/layout.js';

const TABS = [
  { href: '/office/reports/usage', zh: '年度额度使用', en: 'Cap usage' },
  { href: '/office/reports/monthly', zh: '月询', en: 'Monthly outlook' },
  { href: '/office/reports/balance', zh: '慰问平衡', en: 'Condolence balance' },
  { href: '/office/reports/archive', zh: '年度档案', en: 'Yearly archive' },
];

export function ReportTabs(props: { page: PageContext }) {
  const { page } = props;
  return (
    <nav class="report-tabs" aria-label={page.t('报表', 'Reports')}>
      {TABS.map((tab) => (
        <a href={tab.href} aria-current={page.path === tab.href ? 'page' : undefined}>
          {page.t(tab.zh, tab.en)}
        </a>
      ))}
    </nav>
  );
}

/** A query parameter read for a page: the value to use, what was typed, and why it was refused. */
export interface QueryValue<T> {
  value: T;
  raw: string;
  error?: string;
}

export function yearQuery(c: Context<AppEnv>, page: PageContext): QueryValue<number> {
  const raw = c.req.query('year') ?? '';
  const fallback = yearOf(todayOf(c.var.deps));
  if (raw === '') return { value: fallback, raw: String(fallback) };
  if (invalidYearQuery(c) === null) return { value: Number(raw), raw };
  return { value: fallback, raw, error: page.t(YEAR_ERROR.zh, YEAR_ERROR.en) };
}

export function monthQuery(c: Context<AppEnv>, page: PageContext): QueryValue<string> {
  const raw = c.req.query('month') ?? '';
  const fallback = todayOf(c.var.deps).slice(0, 7);
  if (raw === '') return { value: fallback, raw: fallback };
  if (MONTH_PATTERN.test(raw)) return { value: raw, raw };
  return { value: fallback, raw, error: page.t('请按 YYYY-MM 填写月份,如 2027-03', 'Enter the month as YYYY-MM, e.g. 2027-03') };
}

/** A labelled input of a GET filter form, its error tied to it for screen readers. */
export function FilterField(props: { id: string; label: string; type: string; value: string; error?: string; hint?: string }) {
  const errorId = `${props.id}-error`;
  return (
    <div>
      <label for={props.id}>
        {props.label}
        {props.hint && <span class="hint"> {props.hint}</span>}
      </label>
      <input id={props.id} name={props.id} type={props.type} value={props.value} {...errorAttributes(errorId, props.error)} />
      <FieldError id={errorId} error={props.error} />
    </div>
  );
}

/** A number as people read it: grouped thousands, at most two decimals. */
export function formatNumber(value: number, page: PageContext): string {
  return value.toLocaleString(page.lang === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: 2 });
}
