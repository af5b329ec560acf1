import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { FormField } from '../../../components/FormField';
import { isApiError } from '../../../lib/api-client';
import { fieldMessages, problemMessage } from '../../../lib/problem-messages';
import { useChangePassword } from '../hooks/use-change-password';
import { isLongEnough, MIN_PASSWORD_LENGTH } from '../types';

interface LocalErrors {
  current: string[];
  next: string[];
  confirm: string[];
}

const NO_ERRORS: LocalErrors = { current: [], next: [], confirm: [] };

/** `username` goes into a hidden field so password managers know whose password changes. */
export function ChangePasswordForm({ username }: { username: string }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [local, setLocal] = useState<LocalErrors>(NO_ERRORS);
  const { submitting, error: serverError, done, submit, reset } = useChangePassword();

  function validate(): LocalErrors {
    return {
      current: current === '' ? [t('fieldErrorsByField.current_password.required')] : [],
      next:
        next === ''
          ? [t('fieldErrorsByField.new_password.required')]
          : isLongEnough(next)
            ? []
            : [t('password.tooShort', { count: MIN_PASSWORD_LENGTH })],
      confirm: next !== '' && confirm !== next ? [t('password.mismatch')] : [],
    };
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    const errors = validate();
    setLocal(errors);
    if (errors.current.length + errors.next.length + errors.confirm.length > 0) return;
    if (await submit({ current_password: current, new_password: next })) {
      setCurrent('');
      setNext('');
      setConfirm('');
    }
  }

  const currentServer = fieldMessages(t, serverError, 'current_password');
  const nextServer = fieldMessages(t, serverError, 'new_password');
  // A problem that names neither field (or is not a field problem at all) is shown above the form.
  const showGeneral =
    serverError !== null &&
    !(isApiError(serverError) && serverError.slug === 'invalid-input' && currentServer.length + nextServer.length > 0);

  return (
    <section className="card" aria-labelledby="change-password-title">
      <h2 id="change-password-title">{t('password.title')}</h2>
      {done ? <Alert tone="success">{t('password.success')}</Alert> : null}
      {showGeneral ? <Alert tone="error">{problemMessage(t, serverError)}</Alert> : null}
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={submitting}>
        <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
        <FormField
          id="current-password"
          label={t('password.current')}
          errors={[...local.current, ...currentServer]}
          name="current_password"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <FormField
          id="new-password"
          label={t('password.new')}
          hint={t('password.hint')}
          errors={[...local.next, ...nextServer]}
          name="new_password"
          type="password"
          autoComplete="new-password"
          minLength={MIN_PASSWORD_LENGTH}
          value={next}
          onChange={(e) => setNext(e.target.value)}
        />
        <FormField
          id="confirm-password"
          label={t('password.confirm')}
          errors={local.confirm}
          name="confirm_password"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
        />
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? t('password.submitting') : t('password.submit')}
        </button>
      </form>
    </section>
  );
}
