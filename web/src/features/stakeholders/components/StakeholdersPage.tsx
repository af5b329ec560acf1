import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { QueryStatus } from '../../../components/QueryStatus';
import { SearchForm } from '../../../components/SearchForm';
import { can } from '../../../lib/permissions';
import { formatPlacePath, type RegionPickerSlot } from '../../../lib/places';
import { problemMessage } from '../../../lib/problem-messages';
import { useDocumentTitle } from '../../../lib/use-document-title';
import type { Role } from '../../../lib/user';
import { useStakeholders } from '../hooks/use-stakeholders';
import { groupByHelix, type Stakeholder } from '../types';
import { StakeholderForm } from './StakeholderForm';

interface StakeholdersPageProps {
  role: Role;
  RegionPicker: RegionPickerSlot;
}

/** Stakeholders grouped by helix with kind, region and contact; an admin adds and edits them. */
export function StakeholdersPage({ role, RegionPicker }: StakeholdersPageProps) {
  const { t } = useTranslation();
  useDocumentTitle(t('stakeholders.title'));
  const [query, setQuery] = useState('');
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Stakeholder | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useStakeholders(q);
  const admin = can(role, 'stakeholders.write');

  function onSearch() {
    const text = query.trim();
    setQ([...text].length >= 2 ? text : '');
  }

  function onSaved(created: boolean) {
    setEditing(null);
    setNotice(created ? t('stakeholders.form.created') : t('stakeholders.form.saved'));
  }

  const groups = groupByHelix(list.data ?? []);

  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1}>{t('stakeholders.title')}</h1>
        {admin && editing === null ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setNotice(null);
              setEditing('new');
            }}
          >
            {t('stakeholders.add')}
          </button>
        ) : null}
      </div>
      <p className="muted">{t('stakeholders.intro')}</p>

      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {admin && editing !== null ? (
        <StakeholderForm
          key={editing === 'new' ? 'new' : editing.id}
          original={editing === 'new' ? null : editing}
          RegionPicker={RegionPicker}
          onSaved={onSaved}
          onCancel={() => setEditing(null)}
        />
      ) : null}

      <SearchForm
        className="card filters__search"
        id="stakeholder-q"
        label={t('stakeholders.search')}
        hint={t('stakeholders.searchHint')}
        value={query}
        onChange={setQuery}
        onSearch={onSearch}
      />

      <QueryStatus query={list} problem={(e) => problemMessage(t, e)} loading={t('stakeholders.loading')} />

      {list.data
        ? groups.map((group) => (
            <section key={group.helix} className="card" aria-labelledby={`helix-${group.helix}`} data-testid={`helix-${group.helix}`}>
              <h2 id={`helix-${group.helix}`}>
                {t(`stakeholders.helices.${group.helix}`)}{' '}
                <span className="muted heading-count">{`(${t('stakeholders.count', { count: group.items.length })})`}</span>
              </h2>
              {group.items.length === 0 ? (
                <p className="muted">{t('stakeholders.emptyGroup')}</p>
              ) : (
                <ul className="record-list">
                  {group.items.map((stakeholder) => (
                    <li key={stakeholder.id} className="record-card">
                      <h3 className="record-card__title">{stakeholder.name}</h3>
                      <p className="record-card__line">{t(`stakeholders.kinds.${stakeholder.kind}`)}</p>
                      <p className="record-card__line muted">
                        {stakeholder.region ? formatPlacePath(stakeholder.region) : t('stakeholders.noRegion')}
                      </p>
                      <p className="record-card__line record-card__contact">
                        {stakeholder.contact ?? <span className="muted">{t('stakeholders.noContact')}</span>}
                      </p>
                      {admin ? (
                        <button
                          type="button"
                          className="button button--secondary"
                          aria-label={t('stakeholders.editLabel', { name: stakeholder.name })}
                          onClick={() => {
                            setNotice(null);
                            setEditing(stakeholder);
                          }}
                        >
                          {t('stakeholders.edit')}
                        </button>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))
        : null}
    </>
  );
}
