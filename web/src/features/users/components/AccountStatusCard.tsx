import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { useUpdateUser } from '../hooks/use-users';
import type { User } from '../types';
import { userProblemMessage } from '../types/errors';
import { UserStatusBadge } from './labels';

/**
 * Whether the account may sign in. Disabling asks first and signs her out everywhere; enabling
 * asks too. An admin cannot disable herself (the server refuses it as well).
 */
export function AccountStatusCard({ user, self }: { user: User; self: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const update = useUpdateUser(user);
  const [notice, setNotice] = useState<string | null>(null);
  const name = user.display_name;

  async function setDisabled(disabled: boolean) {
    setNotice(null);
    await update.mutateAsync({ disabled });
    setNotice(disabled ? t('users.statusCard.disabledNotice', { name }) : t('users.statusCard.enabledNotice', { name }));
  }

  const describeError = (error: unknown) => userProblemMessage(t, error);
  // Disabling takes something away (the danger colour); enabling asks too, but gives it back.
  const toggle = user.disabled ? (
    <ConfirmAction
      label={t('users.statusCard.enable')}
      question={t('users.statusCard.enableQuestion', { name })}
      confirmLabel={t('users.statusCard.enableConfirm')}
      confirmTone="primary"
      onConfirm={() => setDisabled(false)}
      describeError={describeError}
      testId="enable-user"
    />
  ) : (
    <ConfirmAction
      label={t('users.statusCard.disable')}
      question={t('users.statusCard.disableQuestion', { name })}
      confirmLabel={t('users.statusCard.disableConfirm')}
      tone="danger"
      onConfirm={() => setDisabled(true)}
      describeError={describeError}
      testId="disable-user"
    />
  );

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="status-card">
      <div className="section-head">
        <h2 id={`${id}-title`}>{t('users.statusCard.title')}</h2>
        <UserStatusBadge disabled={user.disabled} />
      </div>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <p>{user.disabled ? t('users.statusCard.disabled', { name }) : t('users.statusCard.active', { name })}</p>
      {self ? <p className="muted">{t('users.statusCard.self')}</p> : toggle}
    </section>
  );
}
