import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { BackLink } from '../../../components/BackLink';
import { DetailRow } from '../../../components/DetailRow';
import { Pending } from '../../../components/Pending';
import { SectionCard } from '../../../components/SectionCard';
import { formatDateTime } from '../../../lib/format';
import { useAdminTexts } from '../../../lib/i18n/admin';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useScopeNames, useUser } from '../hooks/use-users';
import { userProblemMessage } from '../types/errors';
import { parseUserId, userAuditPath, USERS_PATH } from '../types/paths';
import { AccessForm } from './AccessForm';
import { AccountStatusCard } from './AccountStatusCard';
import { scopeText, UserStatusBadge } from './labels';
import { PasswordResetCard } from './PasswordResetCard';
import { TokensCard } from './TokensCard';

interface UserPageProps {
  /** The signed-in admin's own id: her own account cannot be disabled or reset from here. */
  selfId: number;
  searchDelayMs?: number;
}

/** One account: who she is and where her role applies (changeable), sign-in, password, access tokens. */
export function UserPage({ selfId, searchDelayMs }: UserPageProps) {
  useAdminTexts();
  const { t, i18n } = useTranslation();
  const params = useParams();
  const userId = parseUserId(params.id);
  const query = useUser(userId);
  const user = query.data;
  const names = useScopeNames(user ? [user] : []);
  const [notice, setNotice] = useState<string | null>(null);
  useDocumentTitle(user ? user.display_name : t('users.title'));

  const back = <BackLink to={USERS_PATH}>{t('users.back')}</BackLink>;
  if (!user) {
    const problem = userId === null ? t('errors.notFound') : query.isError ? userProblemMessage(t, query.error) : null;
    return (
      <>
        {back}
        <h1 tabIndex={-1}>{t('users.title')}</h1>
        <Pending problem={problem} loading={t('users.loadingOne')} />
      </>
    );
  }
  const self = user.id === selfId;

  return (
    <>
      {back}
      <div className="page-head">
        <h1 tabIndex={-1}>{user.display_name}</h1>
        <div className="page-head__badges">
          <UserStatusBadge disabled={user.disabled} />
          {self ? <span className="muted">{t('users.you')}</span> : null}
        </div>
      </div>
      <SectionCard
        title={t('users.detail.title')}
        addLabel={t('users.detail.edit')}
        addTone="secondary"
        canAdd
        onAdd={() => setNotice(null)}
        notice={notice}
        testId="account-card"
        form={(close) => (
          <AccessForm
            user={user}
            names={names}
            self={self}
            onSaved={() => {
              close();
              setNotice(t('users.form.saved'));
            }}
            onCancel={close}
            {...(searchDelayMs !== undefined ? { searchDelayMs } : {})}
          />
        )}
      >
        <dl className="details" data-testid="user-details">
          <DetailRow label={t('users.fields.username')}>{user.username}</DetailRow>
          <DetailRow label={t('users.fields.displayName')}>{user.display_name}</DetailRow>
          <DetailRow label={t('users.fields.role')} testId="user-detail-role">
            {t(`roles.${user.role}`)}
          </DetailRow>
          <DetailRow label={t('users.fields.scope')} testId="user-detail-scope">
            {scopeText(t, user, names)}
          </DetailRow>
          <DetailRow label={t('users.fields.createdAt')}>{formatDateTime(user.created_at, i18n.resolvedLanguage)}</DetailRow>
        </dl>
        <p>
          <Link to={userAuditPath(user.id)}>{t('users.detail.audit')}</Link>
        </p>
      </SectionCard>
      <AccountStatusCard user={user} self={self} />
      <PasswordResetCard user={user} self={self} />
      <TokensCard user={user} />
    </>
  );
}
