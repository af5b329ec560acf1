import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { FormField } from '../../../components/FormField';
import { isApiError } from '../../../lib/api-client';
import { fieldMessages, problemMessage } from '../../../lib/problem-messages';
import { bindFields } from '../../../lib/use-form';
import { useChangePassword } from '../hooks/use-change-password';
import { isLongEnough, MIN_PASSWORD_LENGTH } from '../types';

interface PasswordDraft {
  current_password: string;
  new_password: string;
  confirm_password: string;
}

const EMPTY: PasswordDraft = { current_password: '', new_password: '', confirm_password: '' };
const NO_ERRORS: Record<keyof PasswordDraft, string[]> = { current_password: [], new_password: [], confirm_password: [] };

/** `username` goes into a hidden field so password managers know whose password changes. */
export function ChangePasswordForm({ username }: { username: string }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(EMPTY);
  const [local, setLocal] = useState(NO_ERRORS);
  const { submitting, error: serverError, done, submit, reset } = useChangePassword();
  const set = <K extends keyof PasswordDraft>(name: K, value: PasswordDraft[K]) => setDraft((d) => ({ ...d, [name]: value }));
  // The server names the current and the new password; the repetition is the form's own.
  const errorsFor = (name: keyof PasswordDraft) => [...local[name], ...fieldMessages(t, serverError, name)];
  const field = bindFields('password', draft, set, errorsFor);

  function validate({ current_password: current, new_password: next, confirm_password: confirm }: PasswordDraft) {
    return {
      current_password: current === '' ? [t('fieldErrorsByField.current_password.required')] : [],
      new_password:
        next === ''
          ? [t('fieldErrorsByField.new_password.required')]
          : isLongEnough(next)
            ? []
            : [t('password.tooShort', { count: MIN_PASSWORD_LENGTH })],
      confirm_password: next !== '' && confirm !== next ? [t('password.mismatch')] : [],
    };
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    const errors = validate(draft);
    setLocal(errors);
    if (Object.values(errors).some((messages) => messages.length > 0)) return;
    if (await submit({ current_password: draft.current_password, new_password: draft.new_password })) setDraft(EMPTY);
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
        <FormField label={t('password.current')} type="password" autoComplete="current-password" {...field('current_password')} />
        <FormField
          label={t('password.new')}
          hint={t('password.hint')}
          type="password"
          autoComplete="new-password"
          minLength={MIN_PASSWORD_LENGTH}
          {...field('new_password')}
        />
        <FormField label={t('password.confirm')} type="password" autoComplete="new-password" {...field('confirm_password')} />
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? t('password.submitting') : t('password.submit')}
        </button>
      </form>
    </section>
  );
}
