import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/SelectField';
import { GROUP_KINDS, GROUP_STATUSES, isGroupKind, isGroupStatus, type GroupKind, type GroupStatus } from '../types';

interface GroupSelectsProps {
  /** What the selects' ids start with (then -status, -kind). */
  idPrefix: string;
  filters: { status: GroupStatus | null; kind: GroupKind | null };
  /** The status select's choice for no status in particular. */
  allStatuses: string;
  /** A choice made: the filter it changes. */
  onChange: (change: { status: GroupStatus | null } | { kind: GroupKind | null }) => void;
}

/** A list of groups filtered by status and by kind, each a select ("all" for none). */
export function GroupSelects({ idPrefix, filters, allStatuses, onChange }: GroupSelectsProps) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField
        id={`${idPrefix}-status`}
        label={t('groups.status')}
        emptyLabel={allStatuses}
        options={GROUP_STATUSES.map((status) => ({ value: status, label: t(`groups.statuses.${status}`) }))}
        name="status"
        value={filters.status ?? ''}
        onChange={(e) => onChange({ status: isGroupStatus(e.target.value) ? e.target.value : null })}
      />
      <SelectField
        id={`${idPrefix}-kind`}
        label={t('groups.kind')}
        emptyLabel={t('groups.allKinds')}
        options={GROUP_KINDS.map((kind) => ({ value: kind, label: t(`groups.kinds.${kind}`) }))}
        name="kind"
        value={filters.kind ?? ''}
        onChange={(e) => onChange({ kind: isGroupKind(e.target.value) ? e.target.value : null })}
      />
    </>
  );
}
