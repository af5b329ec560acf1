import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deepestSelected, useRegionCascade } from '../hooks/use-region-cascade';
import { useRegionSearch } from '../hooks/use-region-search';
import { REGION_LEVELS, type Region, type RegionLevel } from '../types';
import { formatPlacePath } from '../../../lib/places';

export interface RegionPickerProps {
  /**
   * The chosen region code. When given and different from what the picker shows, the picker
   * loads that region and fills the cascade (an edit form opening on a saved village).
   */
  value?: string | null;
  /** Called with the deepest chosen region, or (null, null) when the choice is cleared. */
  onChange: (code: string | null, region: Region | null) => void;
  /** The legend of the group; defaults to "Wilayah". */
  label?: string;
  /** Keep the legend for screen readers only, when a heading right above already says it. */
  hideLabel?: boolean;
  /** Milliseconds to wait after typing before searching. */
  searchDelayMs?: number;
}

const CHOOSE_KEYS = {
  province: 'regions.chooseProvince',
  regency: 'regions.chooseRegency',
  district: 'regions.chooseDistrict',
  village: 'regions.chooseVillage',
} as const satisfies Record<RegionLevel, string>;

/**
 * Cascading selects province → regency → district → village, plus a search box over
 * all levels whose results show the full path, village first, and fill the cascade.
 */
export function RegionPicker({ value, onChange, label, hideLabel = false, searchDelayMs = 300 }: RegionPickerProps) {
  const { t } = useTranslation();
  const baseId = useId();
  const [query, setQuery] = useState('');
  const search = useRegionSearch(query, searchDelayMs);
  const { state, choose, fill, fillByCode, clear } = useRegionCascade((region) =>
    onChange(region?.code ?? null, region),
  );
  const current = deepestSelected(state.selected);

  useEffect(() => {
    if (value === undefined) return;
    if (value === null || value === '') {
      if (current) clear();
    } else if (value !== current?.code) {
      void fillByCode(value);
    }
    // Only a change of `value` from outside should trigger this, not every cascade change.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the cascade's own changes must not re-fill it
  }, [value]);

  function pick(region: Region) {
    setQuery('');
    void fill(region);
  }

  const searchId = `${baseId}-search`;
  const hintId = `${baseId}-search-hint`;
  const resultsId = `${baseId}-results`;
  const showResults = search.status !== 'idle';

  return (
    <fieldset className="region-picker" aria-busy={state.loading !== null}>
      <legend className={hideLabel ? 'visually-hidden' : 'region-picker__legend'}>
        {label ?? t('regions.pickerLabel')}
      </legend>

      <div className="field region-picker__search">
        <label className="field__label" htmlFor={searchId}>
          {t('regions.search')}
        </label>
        <p className="field__hint" id={hintId}>
          {t('regions.searchHint')}
        </p>
        <input
          id={searchId}
          className="field__input"
          type="search"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-describedby={hintId}
          aria-controls={resultsId}
        />
        <p className="region-picker__status" role="status" aria-live="polite">
          {search.status === 'loading' && search.items.length === 0 ? t('regions.searching') : null}
          {search.status === 'error' ? t('regions.loadError') : null}
          {search.status === 'done' && search.total === 0 ? t('regions.noResults') : null}
          {search.status === 'done' && search.total > 0 ? t('regions.results', { count: search.total }) : null}
        </p>
        {showResults && search.items.length > 0 ? (
          <ul className="region-picker__results" id={resultsId}>
            {search.items.map((region) => (
              <li key={region.code}>
                <button
                  type="button"
                  className="region-picker__result"
                  data-code={region.code}
                  onClick={() => pick(region)}
                >
                  <span className="region-picker__path">{formatPlacePath(region)}</span>
                  <span className="region-picker__code">{region.code}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {showResults && search.items.length < search.total ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={search.loadMore}
            disabled={search.status === 'loading'}
          >
            {t('regions.more')}
          </button>
        ) : null}
      </div>

      <div className="region-picker__levels">
        {REGION_LEVELS.map((level, index) => {
          const id = `${baseId}-${level}`;
          const parent = index === 0 ? null : state.selected[REGION_LEVELS[index - 1]!];
          const options = state.options[level];
          const disabled = (index > 0 && !parent) || (options.length === 0 && state.loading !== level);
          return (
            <div className="field" key={level}>
              <label className="field__label" htmlFor={id}>
                {t(`regions.${level}`)}
              </label>
              <select
                id={id}
                name={level}
                className="field__input"
                value={state.selected[level]?.code ?? ''}
                disabled={disabled}
                aria-busy={state.loading === level}
                onChange={(e) => choose(level, e.target.value)}
              >
                <option value="">{state.loading === level ? t('regions.loading') : t(CHOOSE_KEYS[level])}</option>
                {options.map((region) => (
                  <option key={region.code} value={region.code}>
                    {region.name}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>

      {state.failed ? <p className="field__errors">{t('regions.loadError')}</p> : null}
      {current ? (
        <button type="button" className="button button--link" onClick={clear}>
          {t('regions.clear')}
        </button>
      ) : null}
    </fieldset>
  );
}
