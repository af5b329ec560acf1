import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { type Column, DataTable } from '../../../components/DataTable';
import { QueryStatus } from '../../../components/QueryStatus';
import { formatNumber } from '../../../lib/format';
import { problemMessage } from '../../../lib/problem-messages';
import { formatRupiah } from '../../../lib/rupiah';
import { useDocumentTitle } from '../../../lib/use-document-title';
import type { Role } from '../../../lib/user';
import { useHelix } from '../hooks/use-dashboards';
import type { HelixContribution, HelixDashboard, HelixNode } from '../types';
import { barPercent, scaleMax } from '../types/chart';
import { HELIX_COLOURS, helixLabel } from '../types/words';
import { BarList } from './BarList';
import { DashboardTabs } from './DashboardTabs';
import { HelixNetwork } from './HelixNetwork';

const MEASURES = ['programmes_owned', 'programmes_partnered', 'records', 'value'] as const;

const COLUMNS: readonly Column[] = [
  { label: 'dashboards.helix.columns.helix' },
  { label: 'dashboards.helix.columns.owned', num: true },
  { label: 'dashboards.helix.columns.partnered', num: true },
  { label: 'dashboards.helix.columns.declared', num: true },
  { label: 'dashboards.helix.columns.records', num: true },
  { label: 'dashboards.helix.columns.value', num: true },
  { label: 'dashboards.helix.columns.byKind' },
];

/** The quadruple helix: who owns and partners in which programme, and what each helix contributes. */
export function HelixPage({ role }: { role: Role }) {
  const { t } = useTranslation();
  useDocumentTitle(t('dashboards.helix.title'));
  const report = useHelix();
  const data = report.data;
  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1}>{t('dashboards.helix.title')}</h1>
      </div>
      <DashboardTabs role={role} />
      <p className="muted">{t('dashboards.helix.intro')}</p>
      <QueryStatus query={report} problem={(e) => problemMessage(t, e)} loading={t('dashboards.helix.loading')} />
      {data ? (
        <>
          <Network data={data} />
          <Contributions data={data} />
        </>
      ) : null}
    </>
  );
}

function Network({ data }: { data: HelixDashboard }) {
  const { t } = useTranslation();
  const programmes = data.nodes.filter((n) => n.type === 'programme');
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  return (
    <section className="card" aria-labelledby="helix-network-title">
      <h2 id="helix-network-title">{t('dashboards.helix.networkTitle')}</h2>
      {data.truncated ? (
        <Alert tone="info">{t('dashboards.helix.truncated', { shown: data.programmes_shown, total: data.programmes_total })}</Alert>
      ) : null}
      {programmes.length === 0 ? (
        <p>{t('dashboards.helix.empty')}</p>
      ) : (
        <>
          <HelixNetwork data={data} />
          <p className="chart__note muted">{t('dashboards.helix.networkNote')}</p>
          <h3>{t('dashboards.helix.listTitle')}</h3>
          <ul className="record-list" data-testid="helix-list">
            {programmes.map((programme) => (
              <ProgrammeCard
                key={programme.id}
                programme={programme}
                parts={data.edges.filter((e) => e.target === programme.id).map((edge) => ({ edge, stakeholder: byId.get(edge.source) }))}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

interface ProgrammeCardProps {
  programme: HelixNode;
  parts: { edge: HelixDashboard['edges'][number]; stakeholder: HelixNode | undefined }[];
}

function ProgrammeCard({ programme, parts }: ProgrammeCardProps) {
  const { t } = useTranslation();
  return (
    <li className="record-card" data-testid={`helix-programme-${programme.record_id}`}>
      <h4 className="record-card__title">{programme.name}</h4>
      {programme.status ? <p className="record-card__line muted">{t(`programmes.statuses.${programme.status}`)}</p> : null}
      <ul className="dash-parts">
        {parts.map(({ edge, stakeholder }) => (
          <li key={edge.source} data-role={edge.role} className="dash-parts__item">
            <span className="dash-parts__swatch" style={{ background: HELIX_COLOURS[edge.helix] }} aria-hidden="true" />
            {t('dashboards.helix.edgeLine', {
              name: stakeholder?.name ?? edge.source,
              role: t(`dashboards.helix.roles.${edge.role}`),
              helix: helixLabel(t, edge.helix),
            })}
            {edge.contribution ? <span className="muted">{` (${t('dashboards.helix.contribution', { text: edge.contribution })})`}</span> : null}
          </li>
        ))}
      </ul>
    </li>
  );
}

function Contributions({ data }: { data: HelixDashboard }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const number = (value: number) => formatNumber(value, language);
  const figure = (measure: (typeof MEASURES)[number], value: number) => (measure === 'value' ? formatRupiah(value) : number(value));
  const kinds = (row: HelixContribution) =>
    row.by_kind.length === 0
      ? t('dashboards.helix.none')
      : row.by_kind.map((k) => t('dashboards.helix.kindLine', { kind: t(`programmes.ledger.kinds.${k.kind}`), value: formatRupiah(k.value) })).join('; ');
  return (
    <section className="card" aria-labelledby="helix-contributions-title">
      <h2 id="helix-contributions-title">{t('dashboards.helix.contributionsTitle')}</h2>
      <div className="dash-charts dash-charts--four" data-testid="helix-chart">
        {MEASURES.map((measure) => {
          const max = scaleMax(data.helixes.map((h) => h[measure]));
          return (
            <BarList
              key={measure}
              caption={t(`dashboards.helix.measures.${measure}`)}
              testId={`helix-chart-${measure}`}
              items={data.helixes.map((h) => ({
                key: h.helix,
                label: helixLabel(t, h.helix),
                percent: barPercent(h[measure], max),
                text: figure(measure, h[measure]),
                colour: HELIX_COLOURS[h.helix],
              }))}
            />
          );
        })}
      </div>
      <DataTable caption={t('dashboards.helix.contributionsTitle')} testId="helix-table" columns={COLUMNS}>
        {data.helixes.map((row) => (
          <tr key={row.helix} data-testid={`helix-row-${row.helix}`}>
            <th scope="row">{helixLabel(t, row.helix)}</th>
            <td className="num">{number(row.programmes_owned)}</td>
            <td className="num">{number(row.programmes_partnered)}</td>
            <td className="num">{number(row.contributions_declared)}</td>
            <td className="num">{number(row.records)}</td>
            <td className="num">{formatRupiah(row.value)}</td>
            <td>{kinds(row)}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
