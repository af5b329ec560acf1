import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/SelectField';
import type { BoundField } from '../../../lib/use-form';
import { isRole, ROLES } from '../../../lib/user';
import { withRole, type AccessDraft } from '../types/form';
import { ScopeField } from './ScopeField';

interface RoleScopeFieldsProps<D extends AccessDraft> {
  draft: D;
  setDraft: Dispatch<SetStateAction<D>>;
  /** The form's binding of `role` (`field('role')`). */
  role: BoundField;
  scopeErrors: string[];
  /** A new account's empty choice ("Pilih peran"); an existing account always has a role. */
  chooseRole?: string;
  /** The signed-in admin's own account: her role stays (she would lock herself out). */
  ownAccount?: boolean;
  searchDelayMs?: number;
}

/**
 * An account's role and where it applies, as both account forms ask them: choosing another role
 * clears a scope that no longer fits it (withRole), and the scope picker follows the role.
 */
export function RoleScopeFields<D extends AccessDraft>({
  draft,
  setDraft,
  role,
  scopeErrors,
  chooseRole,
  ownAccount = false,
  searchDelayMs,
}: RoleScopeFieldsProps<D>) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField
        label={t('common.required', { label: t('users.fields.role') })}
        {...(chooseRole !== undefined ? { emptyLabel: chooseRole } : {})}
        options={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
        {...role}
        disabled={ownAccount}
        {...(ownAccount ? { hint: t('users.form.ownRole') } : {})}
        onChange={(e) => setDraft((d) => withRole(d, isRole(e.target.value) ? e.target.value : ''))}
      />
      <ScopeField
        role={draft.role}
        target={draft.target}
        programme={draft.programme}
        onTarget={(target) => setDraft((d) => ({ ...d, target }))}
        onProgramme={(programme) => setDraft((d) => ({ ...d, programme }))}
        errors={scopeErrors}
        {...(searchDelayMs !== undefined ? { searchDelayMs } : {})}
      />
    </>
  );
}
