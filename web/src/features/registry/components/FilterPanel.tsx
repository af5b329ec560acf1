import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/SelectField';
import { SearchForm } from '../../../components/SearchForm';
import type { RegionPickerSlot } from '../../../lib/places';
import { useDraft } from '../../../lib/use-draft';
import { useMediaQuery } from '../../../lib/use-media-query';
import { isScale, isSectorCode, isStatus, SCALES, STATUSES } from '../types';
import {
  activeFilterCount,
  EMPTY_FILTERS,
  isSearchable,
  SORTS,
  type EnterpriseFilters,
  type Sort,
} from '../types/filters';
import { WIDE_QUERY } from './EnterpriseList';
import { sectorLabel, sortLabel } from './labels';

interface FilterPanelProps {
  filters: EnterpriseFilters;
  /** The area view drills by region itself and has no staleness filter or sort. */
  view: 'list' | 'areas';
  sectors: readonly string[];
  RegionPicker: RegionPickerSlot;
  onChange: (filters: EnterpriseFilters) => void;
}

/** The registry's filters. Choices apply at once; the text search applies on "Cari". */
export function FilterPanel({ filters, view, sectors, RegionPicker, onChange }: FilterPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  // The address changed the search (back, a link): the box shows its text.
  const [q, setQ] = useDraft(filters.q);
  const [qError, setQError] = useState(false);
  // Open beside a wide list; folded away on a phone, where the list matters first.
  const wide = useMediaQuery(WIDE_QUERY);
  const [open, setOpen] = useState(wide);
  const count = activeFilterCount(view === 'list' ? filters : { ...filters, region: null, stale: null });


  const apply = (changes: Partial<EnterpriseFilters>) => onChange({ ...filters, ...changes, offset: 0 });

  function onSearch() {
    const text = q.trim();
    if (text !== '' && !isSearchable(text)) {
      setQError(true);
      return;
    }
    setQError(false);
    apply({ q: text });
  }

  return (
    <details className="card filters" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="filters__summary">
        {t('registry.filters.title')}
        {count > 0 ? <span className="filters__count">{t('registry.filters.active', { count })}</span> : null}
      </summary>
      <SearchForm
        id={`${id}-q`}
        label={t('registry.filters.q')}
        hint={t('registry.filters.qHint')}
        errors={qError ? [t('registry.filters.qTooShort')] : []}
        value={q}
        maxLength={100}
        autoComplete="off"
        onChange={setQ}
        onSearch={onSearch}
      />
      <div className="filters__grid">
        <SelectField
          id={`${id}-sector`}
          label={t('registry.filters.sector')}
          emptyLabel={t('registry.filters.allSectors')}
          options={sectors.map((code) => ({ value: code, label: sectorLabel(t, code) }))}
          name="sector"
          value={filters.sector ?? ''}
          onChange={(e) => apply({ sector: isSectorCode(e.target.value) ? e.target.value : null })}
        />
        <SelectField
          id={`${id}-scale`}
          label={t('registry.filters.scale')}
          emptyLabel={t('registry.filters.allScales')}
          options={SCALES.map((scale) => ({ value: scale, label: t(`scales.${scale}`) }))}
          name="scale"
          value={filters.scale ?? ''}
          onChange={(e) => apply({ scale: isScale(e.target.value) ? e.target.value : null })}
        />
        <SelectField
          id={`${id}-status`}
          label={t('registry.filters.status')}
          emptyLabel={t('registry.filters.allStatuses')}
          options={STATUSES.map((status) => ({ value: status, label: t(`enterpriseStatus.${status}`) }))}
          name="status"
          value={filters.status ?? ''}
          onChange={(e) => apply({ status: isStatus(e.target.value) ? e.target.value : null })}
        />
        {view === 'list' ? (
          <>
            <SelectField
              id={`${id}-stale`}
              label={t('registry.filters.stale')}
              options={[
                { value: '', label: t('registry.filters.staleAny') },
                { value: 'true', label: t('registry.filters.staleTrue') },
                { value: 'false', label: t('registry.filters.staleFalse') },
              ]}
              name="stale"
              value={filters.stale === null ? '' : String(filters.stale)}
              onChange={(e) => apply({ stale: e.target.value === '' ? null : e.target.value === 'true' })}
            />
            <SelectField
              id={`${id}-sort`}
              label={t('registry.filters.sort')}
              options={SORTS.map((sort) => ({ value: sort, label: sortLabel(t, sort) }))}
              name="sort"
              value={filters.sort}
              onChange={(e) => apply({ sort: e.target.value as Sort })}
            />
          </>
        ) : null}
      </div>
      {view === 'list' ? (
        <RegionPicker
          value={filters.region}
          label={t('registry.filters.region')}
          onChange={(code) => {
            if (code !== filters.region) apply({ region: code });
          }}
        />
      ) : null}
      {count > 0 ? (
        <button
          type="button"
          className="button button--link"
          onClick={() => {
            setQError(false);
            onChange({ ...EMPTY_FILTERS, sort: filters.sort, region: view === 'list' ? null : filters.region });
          }}
        >
          {t('registry.filters.reset')}
        </button>
      ) : null}
    </details>
  );
}
