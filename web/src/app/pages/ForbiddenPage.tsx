import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../features/auth/hooks/use-auth';
import { useDocumentTitle } from '../../lib/use-document-title';
import { navItemsFor } from '../nav';

/**
 * A page the signed-in role may not use: says so in words, and offers the pages the role can
 * open (its own navigation), so the way back is one tap on a phone too.
 */
export function ForbiddenPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  useDocumentTitle(t('forbidden.title'));
  if (!user) return null;
  return (
    <>
      <h1 tabIndex={-1}>{t('forbidden.title')}</h1>
      <section className="card" data-testid="forbidden" aria-labelledby="forbidden-reachable">
        <p>{t('forbidden.body', { role: t(`roles.${user.role}`) })}</p>
        <h2 id="forbidden-reachable">{t('forbidden.reachable')}</h2>
        <ul className="plain-list" data-testid="forbidden-links">
          {navItemsFor(user.role).map((item) => (
            <li key={item.path} className="plain-list__item">
              <Link to={item.path} className="plain-list__link">
                {t(item.labelKey)}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
