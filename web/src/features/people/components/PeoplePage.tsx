import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Column, DataTable } from '../../../components/DataTable';
import { ResultsSection } from '../../../components/ResultsSection';
import { SearchForm } from '../../../components/SearchForm';
import { formatNumber } from '../../../lib/format';
import type { RegionPickerSlot } from '../../../lib/places';
import { useAddressFilters } from '../../../lib/use-address-filters';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { usePeople } from '../hooks/use-people';
import { peopleProblemMessage } from '../types/errors';
import {
  EMPTY_FILTERS,
  filtersFromSearchParams,
  filtersToSearchParams,
  isFiltered,
  isSearchable,
  PAGE_SIZE,
  Q_MAX,
} from '../types/filters';
import { personPath } from '../types/paths';
import { BirthYear, NotFilled } from './labels';

const COLUMNS: readonly Column[] = [
  { label: 'people.fields.name' },
  { label: 'people.fields.village' },
  { label: 'people.fields.gender' },
  { label: 'people.fields.birth_year' },
  { label: 'people.fields.phone' },
];

/**
 * The registry's people (enterprise owners): searched by name and place of residence, a page at
 * a time, the search in the address. A table on a desk, a card per person on a phone.
 */
export function PeoplePage({ RegionPicker }: { RegionPicker: RegionPickerSlot }) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('people.title'));
  const id = useId();
  const language = i18n.resolvedLanguage;
  // The address changed the search (back, a link): the box shows its text.
  const { filters, query, setQuery, setFilters, apply } = useAddressFilters(filtersFromSearchParams, filtersToSearchParams);
  const [tooShort, setTooShort] = useState(false);
  // The region picker is folded away until wanted (on a phone it is long), open when it narrows the list.
  const [regionOpen, setRegionOpen] = useState(filters.region !== null);
  const people = usePeople(filters);
  const filtered = isFiltered(filters);

  function onSearch() {
    const text = query.trim();
    if (text !== '' && !isSearchable(text)) {
      setTooShort(true);
      return;
    }
    setTooShort(false);
    apply();
  }

  return (
    <>
      <h1 tabIndex={-1}>{t('people.title')}</h1>
      <p className="muted">{t('people.intro')}</p>

      <section className="card" aria-labelledby={`${id}-search`}>
        <h2 id={`${id}-search`}>{t('people.filters.title')}</h2>
        <SearchForm
          id={`${id}-q`}
          label={t('people.filters.q')}
          hint={t('people.filters.qHint')}
          errors={tooShort ? [t('people.filters.qTooShort')] : []}
          value={query}
          maxLength={Q_MAX}
          autoComplete="off"
          onChange={setQuery}
          onSearch={onSearch}
        />
        <details className="help" open={regionOpen} onToggle={(e) => setRegionOpen(e.currentTarget.open)}>
          <summary>{t('people.filters.region')}</summary>
          <RegionPicker
            value={filters.region}
            label={t('people.filters.region')}
            hideLabel
            onChange={(code) => {
              if (code !== filters.region) apply({ region: code });
            }}
          />
        </details>
        {filtered ? (
          <button
            type="button"
            className="button button--link"
            onClick={() => {
              setTooShort(false);
              setFilters(EMPTY_FILTERS);
            }}
          >
            {t('people.filters.reset')}
          </button>
        ) : null}
      </section>

      <ResultsSection
        title={t('people.list.title')}
        query={people}
        loading={t('people.list.loading')}
        total={(count) => t('people.list.total', { count, formatted: formatNumber(count, language) })}
        empty={filtered ? t('people.list.noMatch') : t('people.list.empty')}
        problem={(error) => peopleProblemMessage(t, error)}
        totalTestId="people-total"
        limit={PAGE_SIZE}
        offset={filters.offset}
        onOffset={(offset) => setFilters({ ...filters, offset })}
      >
        {(items) => (
          <DataTable columns={COLUMNS} caption={t('people.list.title')} className="data-table--stack" testId="people-table">
            {items.map((person) => (
              <tr key={person.id} data-testid={`person-row-${person.id}`}>
                <th scope="row" data-label={t('people.fields.name')}>
                  <Link to={personPath(person.id)} className="table-link">
                    {person.name}
                  </Link>
                </th>
                <td data-label={t('people.fields.village')} className="cell-wrap">
                  {person.village?.name ?? <NotFilled />}
                </td>
                <td data-label={t('people.fields.gender')}>{person.gender ? t(`genders.${person.gender}`) : <NotFilled />}</td>
                <td data-label={t('people.fields.birth_year')}>
                  <BirthYear year={person.birth_year} />
                </td>
                <td data-label={t('people.fields.phone')}>
                  {person.phone ? <a href={`tel:${person.phone}`}>{person.phone}</a> : <NotFilled />}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </ResultsSection>
    </>
  );
}
