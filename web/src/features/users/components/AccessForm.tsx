import { useTranslation } from 'react-i18next';
import { FormCard } from '../../../components/FormCard';
import { FormField } from '../../../components/FormField';
import { SelectField } from '../../../components/SelectField';
import { useForm } from '../../../lib/use-form';
import { isRole, ROLES } from '../../../lib/user';
import { useUpdateUser } from '../hooks/use-users';
import type { User } from '../types';
import { readUserErrors } from '../types/errors';
import { accessPatch, draftFromUser, validateAccess, withRole, type AccessField, type AccessInput } from '../types/form';
import { ScopeField } from './ScopeField';

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
  const { draft, set, setDraft, field, errorsFor } = form;

  return (
    <FormCard
      title={t('users.form.titleEdit')}
      form={form}
      labels={{ submit: t('users.form.submitEdit'), saving: t('users.form.saving'), cancel: t('users.form.cancel') }}
      onCancel={onCancel}
      testId="access-form"
    >
      <FormField label={t('common.required', { label: t('users.fields.displayName') })} autoComplete="off" {...field('display_name')} />
      <SelectField
        label={t('common.required', { label: t('users.fields.role') })}
        options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        {...field('role')}
        disabled={self}
        {...(self ? { hint: t('users.form.ownRole') } : {})}
        onChange={(e) => setDraft((d) => withRole(d, isRole(e.target.value) ? e.target.value : ''))}
      />
      <ScopeField
        role={draft.role}
        target={draft.target}
        programme={draft.programme}
        onTarget={(target) => set('target', target)}
        onProgramme={(programme) => set('programme', programme)}
        errors={errorsFor('scope')}
        {...(searchDelayMs !== undefined ? { searchDelayMs } : {})}
      />
    </FormCard>
  );
}
