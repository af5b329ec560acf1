import { useTranslation } from 'react-i18next';
import { useMembers } from '../hooks/use-group-queries';
import type { SettingChange } from '../types';
import { changeText } from '../types/changes';

interface SettingChangeLineProps {
  groupId: number;
  change: SettingChange;
  /** What the line is: "Bila disepakati", "Perubahan yang berlaku". */
  label: string;
  testId?: string;
}

/** A change to a group setting in one line: "Bila disepakati: Iuran Rp 15.000 per bulan mulai Januari 2027". */
export function SettingChangeLine({ groupId, change, label, testId = 'setting-change' }: SettingChangeLineProps) {
  const { t, i18n } = useTranslation();
  // A market area names its member: members who left since are named too.
  const members = useMembers(groupId, true, change.setting === 'market_area');
  const nameOf = (id: number) => members.data?.find((member) => member.id === id)?.person.name ?? null;
  const text = changeText(change, i18n.resolvedLanguage, nameOf);
  return (
    <p className="setting-change" data-testid={testId}>
      <span className="setting-change__label">{`${label}: `}</span>
      {t(text.key, text.values)}
    </p>
  );
}
