import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';

interface PaginationProps {
  total: number;
  limit: number;
  offset: number;
  onChange: (offset: number) => void;
  /** Names the navigation landmark when a page has more than one list. */
  label?: string;
  /** The list is the page: after a move the focus goes to the page's heading, where reading starts again. */
  focusHeading?: boolean;
  /** The list goes on past `total` (the server counted no further): "dari lebih dari 10.000", no page count. */
  totalCapped?: boolean;
}

/** "1–25 dari 14.579" with big previous/next buttons; nothing when everything fits on one page. */
export function Pagination({ total, limit, offset, onChange, label, focusHeading = false, totalCapped = false }: PaginationProps) {
  const { t, i18n } = useTranslation();
  if (total <= limit && offset === 0) return null;
  const move = (to: number) => {
    onChange(to);
    if (focusHeading) document.querySelector<HTMLElement>('#main h1')?.focus();
  };
  const language = i18n.resolvedLanguage;
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <nav className="pagination" aria-label={label ?? t('pagination.label')}>
      <button
        type="button"
        className="button button--secondary"
        disabled={offset <= 0}
        onClick={() => move(Math.max(0, offset - limit))}
      >
        {t('pagination.previous')}
      </button>
      <p className="pagination__status" aria-live="polite">
        {t(totalCapped ? 'pagination.rangeCapped' : 'pagination.range', {
          first: formatNumber(first, language),
          last: formatNumber(last, language),
          total: formatNumber(total, language),
        })}
        <span className="pagination__page">
          {totalCapped
            ? t('pagination.pageOnly', { page: formatNumber(page, language) })
            : t('pagination.page', { page: formatNumber(page, language), pages: formatNumber(pages, language) })}
        </span>
      </p>
      <button
        type="button"
        className="button button--secondary"
        disabled={offset + limit >= total}
        onClick={() => move(offset + limit)}
      >
        {t('pagination.next')}
      </button>
    </nav>
  );
}
