import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { Alert } from '../../../components/Alert';
import { FormField } from '../../../components/FormField';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { LoadingScreen } from '../../../components/LoadingScreen';
import { fieldMessages, problemMessage } from '../../../lib/problem-messages';
import { bindFields } from '../../../lib/use-form';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useAuth } from '../hooks/use-auth';

export function LoginPage() {
  const { t } = useTranslation();
  const { status, signedOutReason, login } = useAuth();
  const [draft, setDraft] = useState({ username: '', password: '' });
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<{ username: boolean; password: boolean }>({
    username: false,
    password: false,
  });
  useDocumentTitle(t('login.title'));

  if (status === 'loading') return <LoadingScreen />;
  if (status === 'authenticated') return <Navigate to="/" replace />;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const nowMissing = { username: draft.username.trim() === '', password: draft.password === '' };
    setMissing(nowMissing);
    if (nowMissing.username || nowMissing.password) return;
    setSubmitting(true);
    setError(null);
    try {
      await login({ username: draft.username.trim(), password: draft.password });
      // The status change re-renders this page into a redirect to "/".
    } catch (caught) {
      setError(caught);
      setSubmitting(false);
    }
  }

  const whenMissing = { username: t('login.usernameRequired'), password: t('login.passwordRequired') } as const;
  const field = bindFields(
    'login',
    draft,
    (name, value) => setDraft((d) => ({ ...d, [name]: value })),
    (name: 'username' | 'password') => [...(missing[name] ? [whenMissing[name]] : []), ...fieldMessages(t, error, name)],
  );

  return (
    <div className="login">
      <div className="login__top">
        <span className="brand brand--large">{t('app.name')}</span>
        <LanguageSwitch />
      </div>
      <main className="login__card card" id="main">
        <h1>{t('login.title')}</h1>
        <p className="muted">{t('login.intro')}</p>
        {signedOutReason === 'expired' && !error ? (
          <Alert tone="info">{t('login.sessionExpired')}</Alert>
        ) : null}
        {signedOutReason === 'logged-out' && !error ? (
          <Alert tone="info">{t('login.loggedOut')}</Alert>
        ) : null}
        {error ? (
          <Alert tone="error" testId="login-error">
            {problemMessage(t, error)}
          </Alert>
        ) : null}
        <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={submitting}>
          <FormField
            label={t('login.username')}
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            required
            {...field('username')}
          />
          <FormField label={t('login.password')} type="password" autoComplete="current-password" required {...field('password')} />
          <button type="submit" className="button button--primary button--block" disabled={submitting}>
            {submitting ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
