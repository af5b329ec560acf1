import { useTranslation } from 'react-i18next';
import { useAuth } from '../../features/auth/hooks/use-auth';
import { RegionDemoCard } from '../../features/regions/components/RegionDemoCard';
import { useDocumentTitle } from '../../lib/use-document-title';

export function HomePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  useDocumentTitle(t('home.title'));
  return (
    <>
      <h1 tabIndex={-1}>{t('home.title')}</h1>
      <section className="card">
        <p className="lead">{t('home.welcome', { name: user?.display_name ?? '' })}</p>
        <p className="muted">{t('home.intro')}</p>
      </section>
      <RegionDemoCard />
    </>
  );
}
