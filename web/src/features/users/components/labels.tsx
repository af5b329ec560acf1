import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge';
import { scopeLabel, type User } from '../types';

/** Names of stakeholders and groups by scopeKey. */
type ScopeNames = ReadonlyMap<string, string>;

type ScopedUser = Pick<User, 'role' | 'scope'>;

/** A user's scope in words: "Lembaga: Dinas Koperasi Kota Batu", "Program nomor 3", "Semua data". */
export function scopeText(t: TFunction, user: ScopedUser, names: ScopeNames): string {
  const label = scopeLabel(user, names);
  switch (label.kind) {
    case 'all':
      return t('users.scopeLabel.all');
    case 'unset':
      return t('users.scopeLabel.unset');
    case 'named':
      return t('users.scopeLabel.named', { kind: t(`scope.kinds.${label.scopeKind}`), name: label.name });
    case 'numbered':
      return t(`scope.${label.scopeKind}`, { id: label.id });
  }
}

/** Active or disabled, in words and colour. */
export function UserStatusBadge({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  return disabled ? <Badge tone="danger">{t('users.status.disabled')}</Badge> : <Badge tone="success">{t('users.status.active')}</Badge>;
}
