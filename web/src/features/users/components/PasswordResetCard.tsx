import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { useResetPassword } from '../hooks/use-users';
import type { User } from '../types';
import { userProblemMessage } from '../types/errors';
import { OneTimeSecret } from './OneTimeSecret';

/**
 * A forgotten password: the server sets a temporary one, answers it once and signs her out
 * everywhere. It is shown here once, to be handed over in private. Not for the admin's own account
 * (the server refuses it: she changes her own on the account page).
 */
export function PasswordResetCard({ user, self }: { user: User; self: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const reset = useResetPassword(user.id);
  const [temporary, setTemporary] = useState<string | null>(null);
  const name = user.display_name;

  async function onReset() {
    const answer = await reset.mutateAsync();
    // Held by this card alone until the admin closes it; the mutation forgets its answer now.
    setTemporary(answer.temporary_password);
    reset.reset();
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="password-card">
      <h2 id={`${id}-title`}>{t('users.passwordCard.title')}</h2>
      {self ? (
        <p>
          {t('users.passwordCard.self')} <Link to="/account">{t('users.passwordCard.selfLink')}</Link>
        </p>
      ) : temporary !== null ? (
        <OneTimeSecret
          title={t('users.passwordCard.secretTitle', { name })}
          label={t('users.passwordCard.secretLabel')}
          value={temporary}
          warning={t('users.passwordCard.once')}
          onDone={() => setTemporary(null)}
          testId="temporary-password"
        >
          <p data-testid="signed-out-note">{t('users.passwordCard.signedOut', { name })}</p>
          <p>{t('users.passwordCard.handOver', { name })}</p>
        </OneTimeSecret>
      ) : (
        <>
          <p>{t('users.passwordCard.intro', { name })}</p>
          <ConfirmAction
            label={t('users.passwordCard.reset')}
            question={t('users.passwordCard.question', { name })}
            confirmLabel={t('users.passwordCard.confirm')}
            onConfirm={onReset}
            describeError={(error) => userProblemMessage(t, error)}
            testId="reset-password"
          />
        </>
      )}
    </section>
  );
}
