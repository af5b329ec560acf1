import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldErrors, PickerSearchInput } from '../../../components/field-parts';
import { FormField } from '../../../components/FormField';
import { useDebounced } from '../../../lib/use-debounced';
import { useScopeTargets } from '../hooks/use-users';
import { isListable, scopeKindFor, type ListableScopeKind, type Role } from '../types';
import type { ScopePick } from '../types/form';
import { userProblemMessage } from '../types/errors';

interface ScopeFieldProps {
  role: Role | '';
  target: ScopePick | null;
  programme: string;
  onTarget: (target: ScopePick | null) => void;
  onProgramme: (programme: string) => void;
  errors: string[];
  /** Milliseconds to wait after typing before searching. */
  searchDelayMs?: number;
}

/** Finds a stakeholder or group by name and chooses it; the list shows the first ones before any typing. */
function TargetPicker({
  kind,
  value,
  onChange,
  errors,
  searchDelayMs,
}: {
  kind: ListableScopeKind;
  value: ScopePick | null;
  onChange: (target: ScopePick | null) => void;
  errors: string[];
  searchDelayMs: number;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const [changing, setChanging] = useState(false);
  const q = useDebounced(query.trim(), searchDelayMs);
  const searching = value === null || changing;
  const targets = useScopeTargets(kind, q);
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  const items = searching ? (targets.data?.items ?? []) : [];

  return (
    <fieldset className={errors.length > 0 ? 'scope-field field--invalid' : 'scope-field'} data-testid="scope-field">
      <legend className="field__label">{t(`users.scopeField.legend.${kind}`)}</legend>
      <p className="field__hint" id={`${id}-hint`}>
        {t(`users.scopeField.hint.${kind}`)}
      </p>
      {value ? (
        <div className="scope-field__chosen">
          <p className="scope-field__name" data-testid="scope-chosen">
            {value.name ?? t(`scope.${kind}`, { id: value.id })}
          </p>
          <div className="button-row">
            {!changing ? (
              <button type="button" className="button button--secondary" onClick={() => setChanging(true)}>
                {t(`users.scopeField.change.${kind}`)}
              </button>
            ) : null}
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setChanging(false);
                onChange(null);
              }}
            >
              {t('users.scopeField.clear')}
            </button>
          </div>
        </div>
      ) : (
        <p className="muted" data-testid="scope-chosen">
          {t('users.scopeField.none')}
        </p>
      )}
      {searching ? (
        <>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-q`}>
              {t(`users.scopeField.search.${kind}`)}
            </label>
            <PickerSearchInput id={`${id}-q`} value={query} onChange={setQuery} hintId={`${id}-hint`} errorId={errorId} />
          </div>
          <p className="region-picker__status" role="status" aria-live="polite">
            {targets.isFetching ? t('users.scopeField.searching') : null}
            {targets.isError ? userProblemMessage(t, targets.error) : null}
            {!targets.isFetching && targets.data && targets.data.total === 0 ? t('users.scopeField.noResults') : null}
            {!targets.isFetching && targets.data && targets.data.total > items.length
              ? t('users.scopeField.narrow', { shown: items.length, count: targets.data.total })
              : null}
          </p>
          {items.length > 0 ? (
            <ul className="pick-list" data-testid="scope-options">
              {items.map((target) => (
                <li key={target.id}>
                  <button
                    type="button"
                    className="pick-list__item"
                    aria-label={t('users.scopeField.choose', { name: target.name })}
                    aria-pressed={value?.id === target.id}
                    onClick={() => {
                      setChanging(false);
                      setQuery('');
                      onChange({ kind, id: target.id, name: target.name });
                    }}
                  >
                    <span className="pick-list__name">{target.name}</span>
                    {target.detail ? <span className="muted">{target.detail}</span> : null}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
      <FieldErrors id={errorId} messages={errors} live />
    </fieldset>
  );
}

/**
 * Where a user's role applies: nothing to choose for an admin; a stakeholder or group picked by
 * name; a programme by its number (the API has no list of programmes yet).
 */
export function ScopeField({ role, target, programme, onTarget, onProgramme, errors, searchDelayMs = 300 }: ScopeFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  if (role === '') {
    return <p className="muted scope-field__note">{t('users.scopeField.roleFirst')}</p>;
  }
  const kind = scopeKindFor(role);
  if (kind === null) {
    return (
      <p className="muted scope-field__note" data-testid="scope-field">
        {t('users.scopeField.admin')}
      </p>
    );
  }
  if (!isListable(kind)) {
    return (
      <FormField
        id={`${id}-programme`}
        name="programme"
        label={t('users.scopeField.programme')}
        hint={t('users.scopeField.programmeHint')}
        inputMode="numeric"
        autoComplete="off"
        value={programme}
        errors={errors}
        onChange={(e) => onProgramme(e.target.value)}
      />
    );
  }
  return <TargetPicker key={kind} kind={kind} value={target} onChange={onTarget} errors={errors} searchDelayMs={searchDelayMs} />;
}
