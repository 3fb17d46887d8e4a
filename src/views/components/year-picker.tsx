// The one way every page lets the reader change the year it shows: a plain GET form (works without
// JavaScript, needs no CSRF token) with the year, and links to the years before and after. Pages
// read the choice from `?year=`.
import type { PageContext } from '../layout.js';

export function YearPicker(props: { page: PageContext; action: string; year: number }) {
  const { t } = props.page;
  const id = `year-picker-${props.action.replace(/[^a-z0-9]+/gi, '-')}`;
  return (
    <form method="get" action={props.action} class="actions year-picker">
      <label for={id}>{t('年度', 'Year')}</label>
      <input id={id} class="year-input" name="year" type="number" min={2000} max={2999} value={String(props.year)} />
      <button type="submit" class="secondary">
        {t('查看', 'Show')}
      </button>
      <a href={`${props.action}?year=${props.year - 1}`}>{t('上一年', 'Previous year')}</a>
      <a href={`${props.action}?year=${props.year + 1}`}>{t('下一年', 'Next year')}</a>
    </form>
  );
}
