import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/Alert';
import { type Column, DataTable } from '../../../components/DataTable';
import { Pagination } from '../../../components/Pagination';
import { SearchForm } from '../../../components/SearchForm';
import { SectionCard } from '../../../components/SectionCard';
import { SelectField } from '../../../components/SelectField';
import { formatNumber } from '../../../lib/format';
import { useAdminTexts } from '../../../lib/i18n/admin';
import { useAddressFilters } from '../../../lib/use-address-filters';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { isRole, ROLES } from '../../../lib/user';
import { useScopeNames, useUserList } from '../hooks/use-users';
import { userProblemMessage } from '../types/errors';
import {
  filterUsers,
  filtersFromSearchParams,
  filtersToSearchParams,
  isUserStatus,
  MAX_Q,
  PAGE_SIZE,
  pageOf,
  USER_STATUSES,
} from '../types/filters';
import { userPath } from '../types/paths';
import { scopeText, UserStatusBadge } from './labels';
import { NewUserForm } from './NewUserForm';

const COLUMNS: readonly Column[] = [
  { label: 'users.fields.username' },
  { label: 'users.fields.displayName' },
  { label: 'users.fields.role' },
  { label: 'users.fields.scope' },
  { label: 'users.fields.status' },
];

/** Every account of gotong: search by name, filter by role and status, add one. Admin only. */
export function UsersPage({ searchDelayMs }: { searchDelayMs?: number }) {
  useAdminTexts();
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('users.title'));
  const language = i18n.resolvedLanguage;
  const { filters, setFilters, apply, searchBox } = useAddressFilters(filtersFromSearchParams, filtersToSearchParams);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useUserList();
  const all = list.data ?? [];
  const matching = filterUsers(all, filters);
  const shown = pageOf(matching, filters.offset);
  const names = useScopeNames(shown.items);
  const filtered = filters.q !== '' || filters.role !== null || filters.status !== null;

  return (
    <>
      <h1 tabIndex={-1}>{t('users.title')}</h1>
      <p className="muted">{t('users.intro')}</p>
      <SectionCard
        title={t('users.list.title')}
        count={list.data ? t('users.list.count', { count: all.length, formatted: formatNumber(all.length, language) }) : null}
        addLabel={t('users.add')}
        canAdd
        onAdd={() => setNotice(null)}
        notice={notice}
        busy={list.isFetching}
        testId="users"
        form={(close) => (
          <NewUserForm
            onSaved={(user) => {
              close();
              setNotice(t('users.form.created', { username: user.username }));
            }}
            onCancel={close}
            {...(searchDelayMs !== undefined ? { searchDelayMs } : {})}
          />
        )}
      >
        <div className="user-filters">
          <SearchForm
            id="user-q"
            label={t('users.list.search')}
            hint={t('users.list.searchHint')}
            {...searchBox}
            maxLength={MAX_Q}
          />
          <div className="filters__grid">
            <SelectField
              id="user-role"
              name="role"
              label={t('users.fields.role')}
              emptyLabel={t('users.list.allRoles')}
              options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
              value={filters.role ?? ''}
              onChange={(e) => apply({ role: isRole(e.target.value) ? e.target.value : null })}
            />
            <SelectField
              id="user-status"
              name="status"
              label={t('users.fields.status')}
              emptyLabel={t('users.list.allStatuses')}
              options={USER_STATUSES.map((status) => ({ value: status, label: t(`users.status.${status}`) }))}
              value={filters.status ?? ''}
              onChange={(e) => apply({ status: isUserStatus(e.target.value) ? e.target.value : null })}
            />
          </div>
        </div>

        {list.isError ? <Alert tone="error">{userProblemMessage(t, list.error)}</Alert> : null}
        <p className="lead" role="status" data-testid="user-total">
          {list.isFetching && !list.data
            ? t('users.list.loading')
            : list.data && filtered
              ? t('users.list.matching', { count: matching.length, formatted: formatNumber(matching.length, language) })
              : null}
        </p>
        {list.data && matching.length === 0 ? <p>{filtered ? t('users.list.noMatch') : t('users.list.empty')}</p> : null}
        {shown.items.length > 0 ? (
          <DataTable columns={COLUMNS} caption={t('users.list.title')} className="data-table--stack" testId="user-table">
            {shown.items.map((user) => (
              <tr key={user.id} data-testid={`user-row-${user.username}`}>
                <th scope="row" data-label={t('users.fields.username')}>
                  <Link to={userPath(user.id)} className="table-link">
                    {user.username}
                  </Link>
                </th>
                <td data-label={t('users.fields.displayName')}>{user.display_name}</td>
                <td data-label={t('users.fields.role')}>{t(`roles.${user.role}`)}</td>
                <td data-label={t('users.fields.scope')} className="cell-wrap">
                  {scopeText(t, user, names)}
                </td>
                <td data-label={t('users.fields.status')}>
                  <UserStatusBadge disabled={user.disabled} />
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
        <Pagination
          total={matching.length}
          limit={PAGE_SIZE}
          offset={shown.offset}
          onChange={(offset) => setFilters({ ...filters, offset })}
          focusHeading
        />
      </SectionCard>
    </>
  );
}
