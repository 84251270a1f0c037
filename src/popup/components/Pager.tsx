/** Previous / next over a paged list, with "41–80 of 10 000". */
import { t } from '../../shared/i18n.ts';
import { showNumber } from '../format.ts';

export function Pager({ offset, limit, total, onOffset, label }: {
  offset: number; limit: number; total: number; onOffset: (offset: number) => void; label: string;
}) {
  if (total <= limit && offset === 0) return null;
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(total, offset + limit);
  return (
    <nav class="pager" aria-label={label}>
      <button type="button" class="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))}>
        {t('popup_pagePrevious')}
      </button>
      <span class="pager__range" aria-live="polite">{t('popup_pageRange', showNumber(from), showNumber(to), showNumber(total))}</span>
      <button type="button" class="button" disabled={to >= total} onClick={() => onOffset(offset + limit)}>
        {t('popup_pageNext')}
      </button>
    </nav>
  );
}
