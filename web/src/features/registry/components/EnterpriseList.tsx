import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../components/Badge';
import { type Column, DataTable } from '../../../components/DataTable';
import { formatDate, joinDetails } from '../../../lib/format';
import { formatRupiah } from '../../../lib/rupiah';
import { useMediaQuery } from '../../../lib/use-media-query';
import type { Enterprise } from '../types';
import { enterprisePath } from '../types/paths';
import { scaleLabel, sectorLabel } from './labels';

export const WIDE_QUERY = '(min-width: 48rem)';

const COLUMNS: readonly Column[] = [
  { label: 'registry.fields.name' },
  { label: 'registry.fields.owner' },
  { label: 'registry.fields.sector' },
  { label: 'registry.fields.village' },
  { label: 'registry.fields.scale' },
  { label: 'registry.fields.turnover', num: true },
  { label: 'registry.fields.verified_at' },
];

function VerifiedCell({ enterprise }: { enterprise: Enterprise }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {enterprise.verified_at
        ? formatDate(enterprise.verified_at, i18n.resolvedLanguage)
        : t('registry.list.neverVerified')}
      {enterprise.stale ? (
        <>
          {' '}
          <Badge tone="warning">{t('registry.list.staleBadge')}</Badge>
        </>
      ) : null}
      {enterprise.status === 'closed' ? (
        <>
          {' '}
          <Badge tone="neutral">{t('enterpriseStatus.closed')}</Badge>
        </>
      ) : null}
    </>
  );
}

/** The enterprises of one page: a table on a wide screen, a list of cards on a phone. */
export function EnterpriseList({ items }: { items: readonly Enterprise[] }) {
  const { t, i18n } = useTranslation();
  const wide = useMediaQuery(WIDE_QUERY);
  const language = i18n.resolvedLanguage;

  if (!wide) {
    return (
      <ul className="record-list" data-testid="enterprise-cards">
        {items.map((enterprise) => (
          <li key={enterprise.id} className="record-card">
            <h3 className="record-card__title">
              <Link to={enterprisePath(enterprise.id)}>{enterprise.name}</Link>
            </h3>
            <p className="record-card__line">{t('registry.list.ownerLine', { name: enterprise.owner.name })}</p>
            <p className="record-card__line muted">
              {joinDetails([sectorLabel(t, enterprise.sector), scaleLabel(t, enterprise), enterprise.village?.name])}
            </p>
            <p className="record-card__line">
              {t('registry.list.verifiedLine', {
                date: enterprise.verified_at
                  ? formatDate(enterprise.verified_at, language)
                  : t('registry.list.neverVerified'),
              })}
            </p>
            {enterprise.stale || enterprise.status === 'closed' ? (
              <p className="record-card__badges">
                {enterprise.stale ? <Badge tone="warning">{t('registry.list.staleBadge')}</Badge> : null}
                {enterprise.status === 'closed' ? <Badge tone="neutral">{t('enterpriseStatus.closed')}</Badge> : null}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    );
  }

  return (
    <DataTable testId="enterprise-table" columns={COLUMNS}>
      {items.map((enterprise) => (
        <tr key={enterprise.id}>
          <th scope="row">
            <Link to={enterprisePath(enterprise.id)}>{enterprise.name}</Link>
          </th>
          <td>{enterprise.owner.name}</td>
          <td>{sectorLabel(t, enterprise.sector)}</td>
          <td>{enterprise.village?.name ?? enterprise.village_code}</td>
          <td>{enterprise.scale ? t(`scales.${enterprise.scale}`) : t('scales.unknown')}</td>
          <td className="num">{enterprise.turnover === null ? '–' : formatRupiah(enterprise.turnover)}</td>
          <td>
            <VerifiedCell enterprise={enterprise} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
