import { useTranslation } from 'react-i18next';

/**
 * The group's rule that its books are open to its members, stated where every member sees it
 * (the summary and her own records), so that seeing each other's fees is a rule, not a surprise.
 */
export function OpenBooksNote() {
  const { t } = useTranslation();
  return (
    <p className="open-books" data-testid="open-books">
      <strong>{t('groups.mine.openBooksTitle')}</strong> {t('groups.mine.openBooks')}
    </p>
  );
}
