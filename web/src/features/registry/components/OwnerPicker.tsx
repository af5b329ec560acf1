import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldErrors, PickerSearchInput } from '../../../components/field-parts';
import { joinDetails } from '../../../lib/format';
import { problemMessage } from '../../../lib/problem-messages';
import { usePeopleSearch } from '../hooks/use-registry-queries';

interface OwnerPickerProps {
  value: { id: number; name: string } | null;
  onChange: (owner: { id: number; name: string } | null) => void;
  errors: string[];
  /** Milliseconds to wait after typing before searching. */
  searchDelayMs?: number;
}

/** Finds a registered person by name (GET /people?q=) and chooses them as the owner. */
export function OwnerPicker({ value, onChange, errors, searchDelayMs = 300 }: OwnerPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const q = query.trim();
  const people = usePeopleSearch(q, searchDelayMs);
  const items = people.items;
  const { status, total, error } = people;

  const errorId = errors.length > 0 ? `${id}-error` : undefined;

  if (value) {
    return (
      <div className="owner-picker owner-picker--chosen">
        <p className="owner-picker__chosen" data-testid="owner-chosen">
          {t('registry.form.ownerChosen', { name: value.name })}
        </p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            onChange(null);
            setQuery('');
          }}
        >
          {t('registry.form.ownerChange')}
        </button>
        <FieldErrors id={errorId} messages={errors} />
      </div>
    );
  }

  return (
    <div className={errors.length > 0 ? 'field field--invalid owner-picker' : 'field owner-picker'}>
      <label className="field__label" htmlFor={`${id}-q`}>
        {t('registry.form.ownerSearch')}
      </label>
      <p className="field__hint" id={`${id}-hint`}>
        {t('registry.form.ownerSearchHint')}
      </p>
      <PickerSearchInput id={`${id}-q`} name="owner_id" value={query} onChange={setQuery} hintId={`${id}-hint`} errorId={errorId} />
      <p className="region-picker__status" role="status" aria-live="polite">
        {status === 'loading' ? t('registry.form.ownerSearching') : null}
        {status === 'error' ? problemMessage(t, error) : null}
        {status === 'done' && total === 0 ? t('registry.form.ownerNoResults') : null}
        {status === 'done' && total > 0 ? t('registry.form.ownerResults', { count: total }) : null}
      </p>
      {items.length > 0 ? (
        <ul className="region-picker__results" data-testid="owner-results">
          {items.map((person) => (
            <li key={person.id}>
              <button
                type="button"
                className="region-picker__result"
                onClick={() => onChange({ id: person.id, name: person.name })}
              >
                <span className="region-picker__path">{person.name}</span>
                <span className="region-picker__code">
                  {joinDetails([
                    person.birth_year ? t('registry.form.ownerBorn', { year: person.birth_year }) : null,
                    person.village?.name ?? null,
                    person.phone,
                  ])}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <FieldErrors id={errorId} messages={errors} />
    </div>
  );
}
