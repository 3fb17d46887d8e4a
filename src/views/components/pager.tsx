// The links under a paged list: the first page, the page before and the page after. Pages are
// cut by key (the position of the first or last record shown), so following a link costs the
// same on page 500 as on page 1 and a record added meanwhile shifts nothing.
import type { Translate } from '../i18n.js';

export interface PagerProps {
  t: Translate;
  /** The link to the first page, and to the pages before and after this one (undefined: none). */
  first?: string;
  previous?: string;
  next?: string;
  /** Names the list for screen readers when a page has several ("coordinated visits"). */
  label?: string;
  /** A list paged forward only (no `previous`) says here that this is not its first page. */
  later?: boolean;
}

export function Pager(props: PagerProps) {
  const { t } = props;
  const showFirst = Boolean(props.first && (props.previous || props.later));
  if (!props.previous && !props.next && !showFirst) return null;
  return (
    <nav class="pager actions no-print" aria-label={props.label ?? t('翻页', 'Pages')}>
      {showFirst && <a href={props.first}>{t('« 第一页', '« First page')}</a>}
      {props.previous && (
        <a class="button secondary" rel="prev" href={props.previous}>
          {t('‹ 上一页', '‹ Previous')}
        </a>
      )}
      {props.next && (
        <a class="button secondary" rel="next" href={props.next}>
          {t('下一页 ›', 'Next ›')}
        </a>
      )}
    </nav>
  );
}

/**
 * The pager's links for a page of a list at `path` with its filter `values`: `cursor` and `before`
 * (or the given names, when one page shows several lists) carry the position.
 */
export function pagerLinks(
  href: (change: Record<string, string | undefined>) => string,
  page: { nextCursor: string | null; prevCursor: string | null },
  names: { cursor: string; before: string } = { cursor: 'cursor', before: 'before' },
): Pick<PagerProps, 'first' | 'previous' | 'next'> {
  const clear = { [names.cursor]: undefined, [names.before]: undefined };
  return {
    first: href(clear),
    previous: page.prevCursor ? href({ ...clear, [names.before]: page.prevCursor }) : undefined,
    next: page.nextCursor ? href({ ...clear, [names.cursor]: page.nextCursor }) : undefined,
  };
}
