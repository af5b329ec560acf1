import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { Alert } from '../../../components/Alert';
import { FormField } from '../../../components/FormField';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { LoadingScreen } from '../../../components/LoadingScreen';
import { fieldMessages, problemMessage } from '../../../lib/problem-messages';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useAuth } from '../hooks/use-auth';

export function LoginPage() {
  const { t } = useTranslation();
  const { status, signedOutReason, login } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
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
    const nowMissing = { username: username.trim() === '', password: password === '' };
    setMissing(nowMissing);
    if (nowMissing.username || nowMissing.password) return;
    setSubmitting(true);
    setError(null);
    try {
      await login({ username: username.trim(), password });
      // The status change re-renders this page into a redirect to "/".
    } catch (caught) {
      setError(caught);
      setSubmitting(false);
    }
  }

  const usernameErrors = [
    ...(missing.username ? [t('login.usernameRequired')] : []),
    ...fieldMessages(t, error, 'username'),
  ];
  const passwordErrors = [
    ...(missing.password ? [t('login.passwordRequired')] : []),
    ...fieldMessages(t, error, 'password'),
  ];

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
            id="login-username"
            label={t('login.username')}
            errors={usernameErrors}
            name="username"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
          <FormField
            id="login-password"
            label={t('login.password')}
            errors={passwordErrors}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
          <button type="submit" className="button button--primary button--block" disabled={submitting}>
            {submitting ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
