import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { Badge } from '../../../components/Badge';
import { DetailRow } from '../../../components/DetailRow';
import { type Column, DataTable } from '../../../components/DataTable';
import { QueryStatus } from '../../../components/QueryStatus';
import { formatDay, formatMonth } from '../../../lib/format';
import { formatRupiah } from '../../../lib/rupiah';
import { useBalances, useStatement } from '../hooks/use-group-queries';
import type { GroupView } from '../types';
import { groupProblemMessage } from '../types/errors';
import { balanceChartRows, closingOf, type Statement } from '../types/treasury';

// The chart library is large and loads with the first chart the reader opens (this or compliance).
const BalanceChart = lazy(() => import('./BalanceChart').then((m) => ({ default: m.BalanceChart })));

const ACCOUNT_COLUMNS: readonly Column[] = [
  { label: 'groups.treasury.statement.account' },
  { label: 'groups.treasury.statement.opening', num: true },
  { label: 'groups.treasury.statement.closing', num: true },
];

/** The statement: cash in hand first (what a treasurer is asked most), then the year's income and spending. */
export function StatementCard({ group }: { group: GroupView }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const language = i18n.resolvedLanguage;
  const statement = useStatement(group.id);
  const balances = useBalances(group.id);
  const data: Statement | undefined = statement.data;
  const rows = balances.data ? balanceChartRows(balances.data.items, (month) => formatMonth(month, language)) : [];

  return (
    <section className="card" aria-labelledby={`${id}-title`} aria-busy={statement.isFetching} data-testid="statement">
      <h2 id={`${id}-title`}>{t('groups.treasury.statement.title')}</h2>
      <QueryStatus query={statement} problem={(e) => groupProblemMessage(t, e)} loading={t('groups.treasury.statement.loading')} />
      {data ? (
        <>
          <p className="money-stat">
            <span className="money-stat__label">{t('groups.treasury.statement.cash')}</span>
            <span className="money-stat__value" data-testid="cash-balance">
              {formatRupiah(closingOf(data, 'cash'))}
            </span>
          </p>
          <p className="record-card__badges">
            {data.balanced ? (
              <Badge tone="success">{t('groups.treasury.statement.balanced')}</Badge>
            ) : (
              <Badge tone="danger">{t('groups.treasury.statement.unbalanced')}</Badge>
            )}
            <span className="record-card__count">
              {t('groups.treasury.statement.period', {
                from: data.from ? formatDay(data.from, language) : t('groups.treasury.statement.beginning'),
                to: formatDay(data.to, language),
              })}
            </span>
          </p>
          <dl className="details">
            <DetailRow label={t('groups.treasury.statement.commonAssets')} testId="assets-balance">
              {formatRupiah(closingOf(data, 'common_assets'))}
            </DetailRow>
            <DetailRow label={t('groups.treasury.statement.assets')}>{formatRupiah(data.assets)}</DetailRow>
            <DetailRow label={t('groups.treasury.statement.income')}>{formatRupiah(data.income)}</DetailRow>
            <DetailRow label={t('groups.treasury.statement.expenses')}>{formatRupiah(data.expenses)}</DetailRow>
            <DetailRow label={data.surplus < 0 ? t('groups.treasury.statement.deficit') : t('groups.treasury.statement.surplus')}>
              {formatRupiah(Math.abs(data.surplus))}
            </DetailRow>
          </dl>
          {rows.length > 0 ? (
            <Suspense fallback={<p className="muted">{t('groups.treasury.statement.loading')}</p>}>
              <BalanceChart rows={rows} />
            </Suspense>
          ) : null}
          {balances.isError ? <Alert tone="error">{groupProblemMessage(t, balances.error)}</Alert> : null}
          <details className="help">
            <summary>{t('groups.treasury.statement.accounts')}</summary>
            <DataTable caption={t('groups.treasury.statement.accounts')} testId="accounts-table" columns={ACCOUNT_COLUMNS}>
              {data.accounts.map((line) => (
                <tr key={line.account}>
                  <th scope="row">{t(`groups.treasury.accounts.${line.account}`)}</th>
                  <td className="num">{formatRupiah(line.opening)}</td>
                  <td className="num">{formatRupiah(line.closing)}</td>
                </tr>
              ))}
            </DataTable>
          </details>
        </>
      ) : null}
    </section>
  );
}
