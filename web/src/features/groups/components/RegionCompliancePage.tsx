import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/Alert';
import { Pagination } from '../../../components/Pagination';
import { SelectField } from '../../../components/SelectField';
import { BackLink } from '../../../components/BackLink';
import { type Column, DataTable } from '../../../components/DataTable';
import { SearchForm } from '../../../components/SearchForm';
import { formatMonth, formatNumber, todayIso } from '../../../lib/format';
import type { RegionPickerSlot } from '../../../lib/places';
import { useAddressFilters } from '../../../lib/use-address-filters';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useMediaQuery } from '../../../lib/use-media-query';
import { useRegionCompliance } from '../hooks/use-group-queries';
import type { RegionComplianceRow } from '../types';
import { groupProblemMessage } from '../types/errors';
import { MAX_Q } from '../types/filters';
import { groupPath, GROUPS_PATH } from '../types/paths';
import {
  activeRegionFilterCount,
  endMonthChoices,
  isMonth,
  isRegionSort,
  REGION_PAGE_SIZE,
  REGION_SORTS,
  REGION_SPANS,
  regionFiltersFromSearchParams,
  regionFiltersToSearchParams,
  type RegionSort,
  type RegionSpan,
} from '../types/region-compliance';
import { ComplianceBands } from './ComplianceBands';
import { GroupSelects } from './GroupSelects';
import { ComplianceBadge, GroupStatusBadge } from './labels';

/** A table from this width up; cards below it, on a phone. */
export const WIDE_QUERY = '(min-width: 48rem)';

const SORT_KEYS = {
  percent: 'groups.regionCompliance.sorts.low',
  '-percent': 'groups.regionCompliance.sorts.high',
  name: 'groups.regionCompliance.sorts.name',
} as const satisfies Record<RegionSort, string>;

interface RegionCompliancePageProps {
  /** The regions feature's picker, handed over by the app. */
  RegionPicker: RegionPickerSlot;
  /** The month the default period ends with ("2026-03"); this month by default. */
  thisMonth?: string;
}

/** The groups of one page as cards: one per group, big enough to tap on a phone. */
function ComplianceCards({ rows }: { rows: readonly RegionComplianceRow[] }) {
  const { t } = useTranslation();
  return (
    <ul className="record-list" data-testid="region-compliance-cards">
      {rows.map((row) => (
        <li key={row.id} className="record-card" data-testid={`region-compliance-card-${row.id}`}>
          <h3 className="record-card__title">
            <Link to={groupPath(row.id)}>{row.name}</Link>
          </h3>
          <p className="record-card__line muted">{t('groups.regionCompliance.cardVillage', { code: row.village_code })}</p>
          <p className="record-card__line">
            {t('groups.regionCompliance.cardHeld', { held: row.held, required: row.required })}
          </p>
          <p className="record-card__badges">
            <ComplianceBadge row={row} />
            <GroupStatusBadge status={row.status} />
          </p>
        </li>
      ))}
    </ul>
  );
}

const COLUMNS: readonly Column[] = [
  { label: 'groups.regionCompliance.name' },
  { label: 'groups.regionCompliance.village' },
  { label: 'groups.regionCompliance.status' },
  { label: 'groups.regionCompliance.held', num: true },
  { label: 'groups.regionCompliance.percent', num: true },
];

/** The groups of one page as a table, for a wide screen. */
function ComplianceTable({ rows }: { rows: readonly RegionComplianceRow[] }) {
  const { t } = useTranslation();
  return (
    <DataTable caption={t('groups.regionCompliance.table')} testId="region-compliance-table" columns={COLUMNS}>
      {rows.map((row) => (
        <tr key={row.id}>
          <th scope="row" className="cell-wrap">
            <Link to={groupPath(row.id)}>{row.name}</Link>
          </th>
          <td className="nowrap">{row.village_code}</td>
          <td>
            <GroupStatusBadge status={row.status} />
          </td>
          <td className="num">{t('groups.regionCompliance.heldOfRequired', { held: row.held, required: row.required })}</td>
          <td className="num">
            <ComplianceBadge row={row} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/**
 * Kepatuhan SOP per wilayah: every group an office or a programme reaches in a region, counted by
 * band in one bar and listed least compliant first, so the groups that stopped meeting stand out.
 */
export function RegionCompliancePage({ RegionPicker, thisMonth }: RegionCompliancePageProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  useDocumentTitle(t('groups.regionCompliance.title'));
  const id = useId();
  const wide = useMediaQuery(WIDE_QUERY);
  // Open beside a wide table; folded away on a phone, where the bands and the groups matter first.
  const [open, setOpen] = useState(wide);
  const month = thisMonth ?? todayIso().slice(0, 7);
  // A changed filter applies at once, from the first page, with what is typed in the search box.
  const { filters, setFilters, apply, searchBox } = useAddressFilters(regionFiltersFromSearchParams, regionFiltersToSearchParams);
  const report = useRegionCompliance(filters, month);
  const data = report.data;
  const active = activeRegionFilterCount(filters);

  const listTitle = `${id}-list`;
  return (
    <>
      <BackLink to={GROUPS_PATH}>{t('groups.workspace.back')}</BackLink>
      <h1 tabIndex={-1}>{t('groups.regionCompliance.title')}</h1>
      <p className="muted">{t('groups.regionCompliance.intro')}</p>

      <details className="card filters" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="filters__summary">
          {t('groups.regionCompliance.filters')}
          {active > 0 ? <span className="filters__count">{t('groups.regionCompliance.active', { count: active })}</span> : null}
        </summary>
        <SearchForm
          id={`${id}-q`}
          label={t('groups.search')}
          hint={t('groups.searchHint')}
          {...searchBox}
          maxLength={MAX_Q}
        />
        <div className="filters__grid">
          <SelectField
            id={`${id}-span`}
            label={t('groups.regionCompliance.span')}
            options={REGION_SPANS.map((months) => ({
              value: String(months),
              label: t('groups.regionCompliance.spans', { count: months }),
            }))}
            name="months"
            value={String(filters.months)}
            onChange={(e) => apply({ months: Number(e.target.value) as RegionSpan })}
          />
          <SelectField
            id={`${id}-to`}
            label={t('groups.regionCompliance.to')}
            options={endMonthChoices(month, filters.to).map((choice) =>
              choice === month
                ? { value: '', label: t('groups.regionCompliance.thisMonth', { month: formatMonth(choice, language, 'long') }) }
                : { value: choice, label: formatMonth(choice, language, 'long') },
            )}
            name="to"
            value={filters.to && filters.to !== month ? filters.to : ''}
            onChange={(e) => apply({ to: isMonth(e.target.value) ? e.target.value : null })}
          />
          <SelectField
            id={`${id}-sort`}
            label={t('groups.regionCompliance.sort')}
            options={REGION_SORTS.map((sort) => ({ value: sort, label: t(SORT_KEYS[sort]) }))}
            name="sort"
            value={filters.sort}
            onChange={(e) => {
              if (isRegionSort(e.target.value)) apply({ sort: e.target.value });
            }}
          />
          <GroupSelects idPrefix={id} filters={filters} allStatuses={t('groups.regionCompliance.allStatuses')} onChange={apply} />
        </div>
        <RegionPicker
          value={filters.region}
          label={t('groups.regionCompliance.region')}
          onChange={(code) => {
            if (code !== filters.region) apply({ region: code });
          }}
        />
      </details>

      <section className="card" aria-busy={report.isFetching}>
        <p className="lead" role="status" data-testid="region-compliance-total">
          {report.isFetching && !data
            ? t('groups.regionCompliance.loading')
            : data
              ? t('groups.regionCompliance.total', {
                  count: data.total,
                  formatted: formatNumber(data.total, language),
                  from: formatMonth(data.from, language, 'long'),
                  to: formatMonth(data.to, language, 'long'),
                })
              : null}
        </p>
        {report.isError ? <Alert tone="error">{groupProblemMessage(t, report.error)}</Alert> : null}
        {data ? <ComplianceBands bands={data.bands} /> : null}
      </section>

      {data ? (
        <section className="card" aria-labelledby={listTitle}>
          <h2 id={listTitle}>{t('groups.regionCompliance.table')}</h2>
          {data.items.length === 0 ? <p>{t('groups.regionCompliance.empty')}</p> : null}
          {data.items.length > 0 && wide ? <ComplianceTable rows={data.items} /> : null}
          {data.items.length > 0 && !wide ? <ComplianceCards rows={data.items} /> : null}
          <Pagination
            total={data.total}
            limit={REGION_PAGE_SIZE}
            offset={filters.offset}
            label={t('groups.regionCompliance.pagination')}
            onChange={(offset) => setFilters({ ...filters, offset })}
            focusHeading
          />
        </section>
      ) : null}
    </>
  );
}
