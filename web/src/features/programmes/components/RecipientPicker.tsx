import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldErrors } from '../../../components/field-parts';
import { FormField } from '../../../components/FormField';
import { useDebounced } from '../../../lib/use-debounced';
import { useRecipientSearch } from '../hooks/use-programmes';
import type { RecipientKind } from '../types/assistance-form';

export interface PickedRecipient {
  kind: RecipientKind;
  id: number;
  name: string;
}

interface RecipientPickerProps {
  picked: PickedRecipient | null;
  onPick: (picked: PickedRecipient | null) => void;
  errors: string[];
}

/** A group or an enterprise: the kind, a search by name, and one of the first matches. */
export function RecipientPicker({ picked, onPick, errors }: RecipientPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<RecipientKind>(picked?.kind ?? 'group');
  const [q, setQ] = useState('');
  const debounced = useDebounced(q.trim(), 300);
  const search = useRecipientSearch(kind, debounced);
  if (picked) {
    return (
      <div className="field" data-testid="recipient-picked">
        <p>
          <strong>{t('programmes.enrolments.chosen', { name: picked.name })}</strong>{' '}
          <button type="button" className="button button--secondary" onClick={() => onPick(null)}>
            {t('programmes.enrolments.change')}
          </button>
        </p>
        <FieldErrors messages={errors} live />
      </div>
    );
  }
  return (
    <fieldset className={errors.length > 0 ? 'subfieldset field--invalid' : 'subfieldset'} data-testid="recipient-picker">
      <legend className="field__label">{t('programmes.enrolments.recipientKind')}</legend>
      <div className="choices" role="radiogroup">
        {(['group', 'enterprise'] as const).map((k) => (
          <label key={k} className="check">
            <input
              type="radio"
              className="check__input"
              name={`${id}-kind`}
              checked={kind === k}
              onChange={() => setKind(k)}
            />
            <span className="check__label">{t(`programmes.enrolments.${k}`)}</span>
          </label>
        ))}
      </div>
      <FormField
        id={`${id}-q`}
        type="search"
        label={t('programmes.enrolments.search')}
        hint={t('programmes.enrolments.searchHint')}
        value={q}
        autoComplete="off"
        onChange={(e) => setQ(e.target.value)}
      />
      {debounced.length >= 2 ? (
        search.isFetching && !search.data ? (
          <p role="status">{t('programmes.enrolments.searching')}</p>
        ) : search.data && search.data.length === 0 ? (
          <p role="status">{t('programmes.enrolments.noMatch')}</p>
        ) : (
          <ul className="record-list" data-testid="recipient-results">
            {(search.data ?? []).map((r) => (
              <li key={r.id} className="record-card">
                <span>
                  {r.name}
                  {r.place ? <span className="muted"> · {r.place}</span> : null}
                </span>{' '}
                <button
                  type="button"
                  className="button button--secondary"
                  aria-label={t('programmes.enrolments.chooseLabel', { name: r.name })}
                  onClick={() => onPick({ kind, id: r.id, name: r.name })}
                >
                  {t('programmes.enrolments.choose')}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      <FieldErrors messages={errors} live />
    </fieldset>
  );
}
