/** Previous / next over a paged list, with "41–80 of 10 000" (or "41–80" while the total is not known). */
import { t } from '../../shared/i18n.ts';
import { showNumber } from '../format.ts';

export function Pager({ offset, limit, shown, total, hasMore, onOffset, label }: {
  offset: number; limit: number; shown: number; total: number | null; hasMore: boolean; onOffset: (offset: number) => void; label: string;
}) {
  if (offset === 0 && !hasMore) return null;
  const from = shown === 0 ? 0 : offset + 1;
  const to = offset + shown;
  return (
    <nav class="pager" aria-label={label}>
      <button type="button" class="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))}>
        {t('popup_pagePrevious')}
      </button>
      <span class="pager__range" aria-live="polite">
        {total === null ? t('popup_pageRangeOpen', showNumber(from), showNumber(to)) : t('popup_pageRange', showNumber(from), showNumber(to), showNumber(total))}
      </span>
      <button type="button" class="button" disabled={!hasMore} onClick={() => onOffset(offset + limit)}>
        {t('popup_pageNext')}
      </button>
    </nav>
  );
}
