import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../../lib/use-document-title';
import type { User } from '../../../lib/user';
import { ChangePasswordForm } from './ChangePasswordForm';

/** The signed-in user's own page: who they are in gotong, and a password change. */
export function AccountPage({ user }: { user: User }) {
  const { t } = useTranslation();
  useDocumentTitle(t('account.title'));
  const scope = user.scope ? t(`scope.${user.scope.kind}`, { id: user.scope.id }) : t('scope.none');
  return (
    <>
      <h1 tabIndex={-1}>{t('account.title')}</h1>
      <section className="card" aria-labelledby="profile-title">
        <h2 id="profile-title">{t('account.profile')}</h2>
        <dl className="details" data-testid="account-details">
          <dt>{t('account.username')}</dt>
          <dd>{user.username}</dd>
          <dt>{t('account.displayName')}</dt>
          <dd>{user.display_name}</dd>
          <dt>{t('account.role')}</dt>
          <dd>{t(`roles.${user.role}`)}</dd>
          <dt>{t('account.scope')}</dt>
          <dd>{scope}</dd>
        </dl>
      </section>
      <ChangePasswordForm username={user.username} />
    </>
  );
}
