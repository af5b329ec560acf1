import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../lib/problem-messages';
import { searchPeople } from '../api/registry';
import type { Person } from '../types';
import { isSearchable } from '../types/filters';

interface OwnerPickerProps {
  value: { id: number; name: string } | null;
  onChange(owner: { id: number; name: string } | null): void;
  errors: string[];
  /** Milliseconds to wait after typing before searching. */
  searchDelayMs?: number;
}

/** Finds a registered person by name (GET /people?q=) and chooses them as the owner. */
export function OwnerPicker({ value, onChange, errors, searchDelayMs = 300 }: OwnerPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<'idle' | 'loading' | 'done' | 'error'>('idle');
  const [people, setPeople] = useState<Person[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const q = query.trim();

  useEffect(() => {
    if (!isSearchable(q)) {
      setStatus('idle');
      setPeople([]);
      return undefined;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setStatus('loading');
      searchPeople(q, controller.signal).then(
        (page) => {
          setPeople(page.items);
          setTotal(page.total);
          setStatus('done');
        },
        (caught: unknown) => {
          if (controller.signal.aborted) return;
          setError(caught);
          setStatus('error');
        },
      );
    }, searchDelayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, searchDelayMs]);

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
        {errors.length > 0 ? (
          <ul className="field__errors" id={errorId}>
            {errors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
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
      <input
        id={`${id}-q`}
        name="owner_id"
        className="field__input"
        type="search"
        autoComplete="off"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        aria-invalid={errors.length > 0 ? true : undefined}
        aria-describedby={[`${id}-hint`, errorId].filter(Boolean).join(' ')}
      />
      <p className="region-picker__status" role="status" aria-live="polite">
        {status === 'loading' ? t('registry.form.ownerSearching') : null}
        {status === 'error' ? problemMessage(t, error) : null}
        {status === 'done' && total === 0 ? t('registry.form.ownerNoResults') : null}
        {status === 'done' && total > 0 ? t('registry.form.ownerResults', { count: total }) : null}
      </p>
      {people.length > 0 ? (
        <ul className="region-picker__results" data-testid="owner-results">
          {people.map((person) => (
            <li key={person.id}>
              <button
                type="button"
                className="region-picker__result"
                onClick={() => onChange({ id: person.id, name: person.name })}
              >
                <span className="region-picker__path">{person.name}</span>
                <span className="region-picker__code">
                  {[
                    person.birth_year ? t('registry.form.ownerBorn', { year: person.birth_year }) : null,
                    person.village?.name ?? null,
                    person.phone,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {errors.length > 0 ? (
        <ul className="field__errors" id={errorId}>
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
