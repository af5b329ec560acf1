import { useTranslation } from 'react-i18next';
import { FormCard } from '../../../components/FormCard';
import { FormField } from '../../../components/FormField';
import { useForm } from '../../../lib/use-form';
import { useUpdateUser } from '../hooks/use-users';
import type { User } from '../types';
import { readUserErrors } from '../types/errors';
import { accessPatch, draftFromUser, validateAccess, type AccessField, type AccessInput } from '../types/form';
import { RoleScopeFields } from './RoleScopeFields';

const FIELDS: readonly AccessField[] = ['display_name', 'role', 'scope'];

interface AccessFormProps {
  user: User;
  /** Names of stakeholders and groups already known, so the chosen one shows by name. */
  names: ReadonlyMap<string, string>;
  /** The signed-in admin's own account: her role stays (she would lock herself out of this page). */
  self: boolean;
  onSaved: (user: User) => void;
  onCancel: () => void;
  searchDelayMs?: number;
}

/** Changes an account's name, role and scope; only what changed is sent. */
export function AccessForm({ user, names, self, onSaved, onCancel, searchDelayMs }: AccessFormProps) {
  const { t } = useTranslation();
  const update = useUpdateUser(user);
  const form = useForm({
    initial: () => draftFromUser(user, names),
    validate: validateAccess,
    send: (input: AccessInput) => update.mutateAsync(accessPatch(user, input)),
    readErrors: (error) => readUserErrors(t, error, FIELDS),
    onSaved,
  });
  const { draft, setDraft, field, errorsFor } = form;

  return (
    <FormCard
      title={t('users.form.titleEdit')}
      form={form}
      labels={{ submit: t('users.form.submitEdit'), saving: t('users.form.saving'), cancel: t('users.form.cancel') }}
      onCancel={onCancel}
      testId="access-form"
    >
      <FormField label={t('common.required', { label: t('users.fields.displayName') })} autoComplete="off" {...field('display_name')} />
      <RoleScopeFields
        draft={draft}
        setDraft={setDraft}
        role={field('role')}
        scopeErrors={errorsFor('scope')}
        ownAccount={self}
        {...(searchDelayMs !== undefined ? { searchDelayMs } : {})}
      />
    </FormCard>
  );
}
