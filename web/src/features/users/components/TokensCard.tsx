import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { FormCard } from '../../../components/FormCard';
import { FormField } from '../../../components/FormField';
import { QueryStatus } from '../../../components/QueryStatus';
import { SectionCard } from '../../../components/SectionCard';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useForm } from '../../../lib/use-form';
import { useIssueToken, useRevokeToken, useUserTokens } from '../hooks/use-users';
import { sortTokens, type IssuedApiToken, type User } from '../types';
import { readUserErrors, userProblemMessage } from '../types/errors';
import { MAX_TOKEN_NAME, validateTokenName } from '../types/form';
import { OneTimeSecret } from './OneTimeSecret';

function TokenForm({ user, onIssued, onCancel }: { user: User; onIssued: (token: IssuedApiToken) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const issue = useIssueToken(user.id);
  const form = useForm({
    initial: { name: '' },
    validate: validateTokenName,
    send: (body: { name: string }, idempotencyKey) => issue.mutateAsync({ body, idempotencyKey }),
    readErrors: (error) => readUserErrors(t, error, ['name']),
    onSaved: (issued) => {
      onIssued(issued);
      // The page holds the secret now; the mutation forgets it.
      issue.reset();
    },
  });
  return (
    <FormCard
      title={t('users.tokens.formTitle')}
      form={form}
      labels={{ submit: t('users.tokens.submit'), saving: t('users.form.saving'), cancel: t('users.form.cancel') }}
      onCancel={onCancel}
      testId="token-form"
    >
      <FormField
        label={t('common.required', { label: t('users.tokens.name') })}
        hint={t('users.tokens.nameHint', { count: MAX_TOKEN_NAME })}
        autoComplete="off"
        maxLength={MAX_TOKEN_NAME}
        {...form.field('name')}
      />
    </FormCard>
  );
}

/**
 * The account's access tokens for other applications (integrations): issued here with the secret
 * shown once, revoked after a question. Revoked tokens stay listed, greyed, with their date.
 */
export function TokensCard({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const tokens = useUserTokens(user.id);
  const revoke = useRevokeToken(user.id);
  const [issued, setIssued] = useState<IssuedApiToken | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = sortTokens(tokens.data ?? []);
  const active = list.filter((token) => token.revoked_at === null).length;
  const name = user.display_name;

  return (
    <SectionCard
      title={t('users.tokens.title')}
      count={tokens.data ? t('users.tokens.activeCount', { count: active, formatted: formatNumber(active, language) }) : null}
      addLabel={t('users.tokens.add')}
      addTone="secondary"
      canAdd={!user.disabled && issued === null}
      onAdd={() => setNotice(null)}
      notice={notice}
      busy={tokens.isFetching}
      testId="tokens-card"
      intro={
        <>
          <p className="muted">{t('users.tokens.intro', { name })}</p>
          {user.disabled ? <p className="muted">{t('users.tokens.disabledUser')}</p> : null}
        </>
      }
      form={(close) => (
        <TokenForm
          user={user}
          onIssued={(token) => {
            close();
            setIssued(token);
          }}
          onCancel={close}
        />
      )}
    >
      {issued ? (
        <OneTimeSecret
          title={t('users.tokens.secretTitle', { name: issued.name })}
          label={t('users.tokens.secretLabel')}
          value={issued.token}
          warning={t('users.tokens.once')}
          onDone={() => setIssued(null)}
          testId="issued-token"
        >
          <p>{t('users.tokens.keepSafe', { name })}</p>
        </OneTimeSecret>
      ) : null}
      <QueryStatus query={tokens} problem={(e) => userProblemMessage(t, e)} loading={t('users.tokens.loading')} />
      {tokens.data && list.length === 0 ? <p className="muted">{t('users.tokens.empty')}</p> : null}
      {list.length > 0 ? (
        <ul className="record-list" data-testid="token-list">
          {list.map((token) => (
            <li
              key={token.id}
              className={token.revoked_at ? 'record-card record-card--revoked' : 'record-card'}
              data-testid={`token-${token.id}`}
            >
              <h3 className="record-card__title">{token.name}</h3>
              <p className="record-card__line">{t('users.tokens.created', { date: formatDateTime(token.created_at, language) })}</p>
              {token.revoked_at ? (
                <p className="record-card__badges">
                  <Badge tone="neutral">{t('users.tokens.revoked')}</Badge>{' '}
                  <span>{t('users.tokens.revokedOn', { date: formatDateTime(token.revoked_at, language) })}</span>
                </p>
              ) : (
                <>
                  <p className="record-card__badges">
                    <Badge tone="success">{t('users.tokens.active')}</Badge>
                  </p>
                  <ConfirmAction
                    label={t('users.tokens.revoke')}
                    accessibleLabel={t('users.tokens.revokeLabel', { name: token.name })}
                    question={t('users.tokens.revokeQuestion', { name: token.name })}
                    confirmLabel={t('users.tokens.revokeConfirm')}
                    tone="danger"
                    onConfirm={async () => {
                      setNotice(null);
                      await revoke.mutateAsync(token.id);
                      setNotice(t('users.tokens.revokedNotice', { name: token.name }));
                    }}
                    describeError={(error) => userProblemMessage(t, error)}
                    testId={`revoke-token-${token.id}`}
                  />
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </SectionCard>
  );
}
