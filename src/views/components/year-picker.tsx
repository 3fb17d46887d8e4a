// The one way every page lets the reader change the year it shows: a plain GET form (works without
// JavaScript, needs no CSRF token) with the year, and links to the years before and after. Pages
// read the choice from `?year=`.
import type { PageContext } from '../layout.js';

export const YEAR_ERROR = { zh: '请填写 2000 至 2999 之间的年份', en: 'Enter a year between 2000 and 2999' };

export function YearPicker(props: { page: PageContext; action: string; year: number }) {
  const { t, badYear } = props.page;
  const id = `year-picker-${props.action.replace(/[^a-z0-9]+/gi, '-')}`;
  const errorId = `${id}-error`;
  return (
    <form method="get" action={props.action} class="actions year-picker">
      <label for={id}>{t('年度', 'Year')}</label>
      <input
        id={id}
        class="year-input"
        name="year"
        type="number"
        min={2000}
        max={2999}
        value={badYear ?? String(props.year)}
        aria-invalid={badYear ? 'true' : undefined}
        aria-describedby={badYear ? errorId : undefined}
      />
      <button type="submit" class="secondary">
        {t('查看', 'Show')}
      </button>
      <a href={`${props.action}?year=${props.year - 1}`}>{t('上一年', 'Previous year')}</a>
      <a href={`${props.action}?year=${props.year + 1}`}>{t('下一年', 'Next year')}</a>
      {badYear && (
        <p class="field-error" id={errorId}>
          {t(`${YEAR_ERROR.zh}(已显示 ${props.year} 年)`, `${YEAR_ERROR.en} (showing ${props.year})`)}
        </p>
      )}
    </form>
  );
}
