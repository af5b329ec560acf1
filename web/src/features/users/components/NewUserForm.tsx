import { useTranslation } from 'react-i18next';
import { FormCard } from '../../../components/FormCard';
import { FormField } from '../../../components/FormField';
import { useForm } from '../../../lib/use-form';
import { useCreateUser } from '../hooks/use-users';
import type { User, UserCreate } from '../types';
import { readUserErrors } from '../types/errors';
import { emptyNewUserDraft, MAX_USERNAME, MIN_PASSWORD, validateNewUser, type NewUserField } from '../types/form';
import { RoleScopeFields } from './RoleScopeFields';

const FIELDS: readonly NewUserField[] = ['username', 'display_name', 'role', 'scope', 'password', 'password_confirm'];

interface NewUserFormProps {
  onSaved: (user: User) => void;
  onCancel: () => void;
  searchDelayMs?: number;
}

/** A new account: username, name, role and where it applies, and the password to start with. */
export function NewUserForm({ onSaved, onCancel, searchDelayMs }: NewUserFormProps) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const form = useForm({
    initial: emptyNewUserDraft,
    validate: validateNewUser,
    send: (body: UserCreate, idempotencyKey) => create.mutateAsync({ body, idempotencyKey }),
    readErrors: (error) => readUserErrors(t, error, FIELDS),
    onSaved,
  });
  const { draft, setDraft, field, errorsFor } = form;

  return (
    <FormCard
      title={t('users.form.titleNew')}
      intro={<p className="muted">{t('users.form.introNew')}</p>}
      form={form}
      labels={{ submit: t('users.form.submitNew'), saving: t('users.form.saving'), cancel: t('users.form.cancel') }}
      onCancel={onCancel}
      testId="new-user-form"
    >
      <FormField
        label={t('common.required', { label: t('users.fields.username') })}
        hint={t('users.form.usernameHint', { max: MAX_USERNAME })}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        {...field('username')}
      />
      <FormField label={t('users.fields.displayName')} hint={t('users.form.displayNameHint')} autoComplete="off" {...field('display_name')} />
      <RoleScopeFields
        draft={draft}
        setDraft={setDraft}
        role={field('role')}
        scopeErrors={errorsFor('scope')}
        chooseRole={t('users.form.chooseRole')}
        {...(searchDelayMs !== undefined ? { searchDelayMs } : {})}
      />
      <FormField
        label={t('common.required', { label: t('users.fields.password') })}
        hint={t('users.form.passwordHint', { count: MIN_PASSWORD })}
        type="password"
        autoComplete="new-password"
        {...field('password')}
      />
      <FormField
        label={t('common.required', { label: t('users.fields.passwordConfirm') })}
        type="password"
        autoComplete="new-password"
        {...field('password_confirm')}
      />
    </FormCard>
  );
}
