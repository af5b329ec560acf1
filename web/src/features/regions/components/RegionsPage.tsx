import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../components/Alert';
import { type Column, DataTable } from '../../../components/DataTable';
import { DetailRow } from '../../../components/DetailRow';
import { QueryStatus } from '../../../components/QueryStatus';
import { SearchForm } from '../../../components/SearchForm';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { formatPlacePath } from '../../../lib/places';
import { problemMessage } from '../../../lib/problem-messages';
import { useAdminTexts } from '../../../lib/i18n/admin';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useRegion, useRegionChildren, useRegionDataLoad } from '../hooks/use-region-browse';
import { MIN_QUERY_LENGTH, useRegionSearch } from '../hooks/use-region-search';
import type { Region } from '../types';
import { childLevelOf, crumbsOf, isRegionCode } from '../types/browse';

export const REGIONS_PATH = '/regions';
export const regionPath = (code: string | null) => (code === null ? REGIONS_PATH : `${REGIONS_PATH}/${code}`);

const CHILD_COLUMNS: readonly Column[] = [{ label: 'regions.browse.name' }, { label: 'regions.code' }];

/** Where the list came from and when it was loaded, as far as the server tells (its audit log). */
function DataSourceCard() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const load = useRegionDataLoad();
  return (
    <section className="card" aria-labelledby="region-source-title" data-testid="region-source">
      <h2 id="region-source-title">{t('regions.browse.sourceTitle')}</h2>
      <p className="muted">{t('regions.browse.sourceIntro')}</p>
      {load.isError ? <Alert tone="error">{problemMessage(t, load.error)}</Alert> : null}
      {load.isPending ? <p role="status">{t('regions.loading')}</p> : null}
      {load.isSuccess && load.data === null ? <p>{t('regions.browse.noLoad')}</p> : null}
      {load.data ? (
        <dl className="details">
          <DetailRow label={t('regions.browse.loadedAt')} testId="region-loaded-at">
            {formatDateTime(load.data.at, language)}
          </DetailRow>
          {load.data.count !== null ? (
            <DetailRow label={t('regions.browse.count')} testId="region-count">
              {formatNumber(load.data.count, language)}
            </DetailRow>
          ) : null}
          {load.data.version !== null ? (
            <DetailRow label={t('regions.browse.version')} testId="region-version">
              {t('regions.browse.versionValue', { version: load.data.version })}
            </DetailRow>
          ) : null}
          {load.data.source !== null ? (
            <DetailRow label={t('regions.browse.source')} testId="region-source-path">
              <code className="break-anywhere">{load.data.source}</code>
            </DetailRow>
          ) : null}
        </dl>
      ) : null}
    </section>
  );
}

/** Regions found by name at every level, each with its path, a page at a time. */
function RegionSearch() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const search = useRegionSearch(query, 0);
  return (
    <section className="card" aria-labelledby="region-search-title">
      <h2 id="region-search-title">{t('regions.browse.searchTitle')}</h2>
      <SearchForm
        id="region-browse-q"
        label={t('regions.search')}
        hint={t('regions.searchHint')}
        value={text}
        onChange={setText}
        onSearch={() => setQuery(text.trim())}
      />
      <p className="region-picker__status" role="status" aria-live="polite">
        {query !== '' && [...query].length < MIN_QUERY_LENGTH ? t('regions.browse.tooShort', { count: MIN_QUERY_LENGTH }) : null}
        {search.status === 'loading' ? t('regions.searching') : null}
        {search.status === 'error' ? t('regions.loadError') : null}
        {search.status === 'done' && search.total === 0 ? t('regions.noResults') : null}
        {search.status === 'done' && search.total > 0 ? t('regions.results', { count: search.total }) : null}
      </p>
      {search.items.length > 0 ? (
        <ul className="plain-list" data-testid="region-search-results">
          {search.items.map((region) => (
            <li key={region.code} className="plain-list__item">
              <Link to={regionPath(region.code)}>{formatPlacePath(region)}</Link>
              <span className="muted">{t(`regions.${region.level}`)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {search.items.length < search.total ? (
        <button type="button" className="button button--secondary" disabled={search.status === 'loading'} onClick={search.loadMore}>
          {t('regions.more')}
        </button>
      ) : null}
    </section>
  );
}

function Breadcrumb({ region }: { region: Region | null }) {
  const { t } = useTranslation();
  const crumbs = crumbsOf(region);
  return (
    <nav aria-label={t('regions.browse.breadcrumb')} className="breadcrumb" data-testid="region-breadcrumb">
      <ol>
        {crumbs.map((crumb, index) => {
          const label = crumb.code === null ? t('regions.browse.country') : (crumb.name ?? crumb.code);
          return (
            <li key={crumb.code ?? 'top'}>
              {index === crumbs.length - 1 ? (
                <span aria-current="location">{label}</span>
              ) : (
                <Link to={regionPath(crumb.code)} className="breadcrumb__link">
                  {label}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/**
 * The official regions (admin): drill down from the provinces to a village, with the trail back
 * up, a search by name, and what the server recorded about the list's load.
 */
export function RegionsPage() {
  useAdminTexts();
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const params = useParams();
  const code = isRegionCode(params.code) ? params.code : null;
  const badCode = params.code !== undefined && code === null;
  const current = useRegion(code);
  const region = code === null ? null : (current.data ?? null);
  const ready = code === null || region !== null;
  const children = useRegionChildren(region, ready && !badCode);
  const level = childLevelOf(region);
  useDocumentTitle(region ? region.name : t('regions.browse.title'));

  return (
    <>
      <h1 tabIndex={-1}>{t('regions.browse.title')}</h1>
      <p className="muted">{t('regions.browse.intro')}</p>
      <section className="card" aria-labelledby="region-tree-title" aria-busy={current.isFetching || children.isFetching} data-testid="region-tree">
        <h2 id="region-tree-title">{region ? region.name : t('regions.browse.country')}</h2>
        <Breadcrumb region={region} />
        {badCode ? <Alert tone="error">{t('errors.notFound')}</Alert> : null}
        {current.isError ? <Alert tone="error">{problemMessage(t, current.error)}</Alert> : null}
        {code !== null && current.isPending && !badCode ? <p role="status">{t('regions.loading')}</p> : null}
        {region ? (
          <dl className="details" data-testid="region-details">
            <DetailRow label={t('regions.browse.level')}>{t(`regions.${region.level}`)}</DetailRow>
            <DetailRow label={t('regions.code')} testId="region-detail-code">
              {region.code}
            </DetailRow>
          </dl>
        ) : null}
        {region && level === null ? <p data-testid="region-leaf">{t('regions.browse.leaf')}</p> : null}
        <QueryStatus query={children} problem={(e) => problemMessage(t, e)} loading={t('regions.loading')} />
        {level !== null && children.data ? (
          <>
            <h3>{t(`regions.browse.children.${level}`, { count: children.data.length, formatted: formatNumber(children.data.length, language) })}</h3>
            <DataTable columns={CHILD_COLUMNS} caption={t(`regions.browse.children.${level}`, { count: children.data.length, formatted: formatNumber(children.data.length, language) })} testId="region-children">
              {children.data.map((child) => (
                <tr key={child.code}>
                  <th scope="row">
                    <Link to={regionPath(child.code)} className="table-link">
                      {child.name}
                    </Link>
                  </th>
                  <td className="nowrap">{child.code}</td>
                </tr>
              ))}
            </DataTable>
          </>
        ) : null}
      </section>
      <RegionSearch />
      <DataSourceCard />
    </>
  );
}
