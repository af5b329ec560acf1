import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../lib/use-document-title';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <>
      <h1 tabIndex={-1}>{t('notFound.title')}</h1>
      <section className="card">
        <p>{t('notFound.body')}</p>
        <Link to="/">{t('notFound.back')}</Link>
      </section>
    </>
  );
}
