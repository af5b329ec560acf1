import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../lib/use-document-title';

export function ForbiddenPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('forbidden.title'));
  return (
    <>
      <h1 tabIndex={-1}>{t('forbidden.title')}</h1>
      <section className="card" data-testid="forbidden">
        <p>{t('forbidden.body')}</p>
        <Link to="/">{t('forbidden.back')}</Link>
      </section>
    </>
  );
}
