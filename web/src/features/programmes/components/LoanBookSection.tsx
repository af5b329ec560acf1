import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../components/Badge';
import { DataTable } from '../../../components/DataTable';
import { Pending } from '../../../components/Pending';
import { formatDay, formatPercent } from '../../../lib/format';
import { problemMessage } from '../../../lib/problem-messages';
import { formatRupiah } from '../../../lib/rupiah';
import { useLoanBook } from '../hooks/use-programmes';
import { loanPath, type LoanBookItem, type PortfolioAtRisk } from '../types';
import { arrearsState, overdueAmount, par30Percent, portfolioTone, type ArrearsState } from '../types/loans';

const STATE_TONES: Record<ArrearsState, 'neutral' | 'success' | 'info' | 'warning' | 'danger'> = {
  pending: 'neutral',
  closed: 'info',
  current: 'success',
  late: 'warning',
  at_risk: 'danger',
};

const TRACK: CSSProperties = { display: 'flex', height: '1rem', borderRadius: '0.25rem', background: '#e2e6e4', overflow: 'hidden' };
const CURRENT: CSSProperties = { background: '#0f5f4f' };
const RISK: CSSProperties = { background: 'repeating-linear-gradient(45deg, #c2410c, #c2410c 4px, #e0733f 4px, #e0733f 8px)' };

/** PAR30 as a number and as a bar: the outstanding principal, current and at risk. */
function PortfolioFigure({ portfolio, asOf }: { portfolio: PortfolioAtRisk; asOf: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const percent = par30Percent(portfolio);
  const tone = portfolioTone(portfolio);
  const atRisk = portfolio.outstanding_principal > 0 ? (portfolio.at_risk_principal / portfolio.outstanding_principal) * 100 : 0;
  return (
    <div data-testid="portfolio">
      <p className="lead">
        {t('programmes.loans.par30')}:{' '}
        <strong data-testid="par30" data-tone={tone}>
          {formatPercent(percent / 100, language)}
        </strong>{' '}
        <span className="muted">{t('programmes.loans.asOf', { day: formatDay(asOf, language) })}</span>
      </p>
      <p className="muted">{t('programmes.loans.par30Hint')}</p>
      <div style={TRACK} role="img" aria-label={t('programmes.loans.chartLabel')} data-testid="par30-bar">
        <div style={{ ...CURRENT, width: `${100 - atRisk}%` }} />
        <div style={{ ...RISK, width: `${atRisk}%` }} />
      </div>
      <p className="muted">
        {t('programmes.loans.outstanding')} {formatRupiah(portfolio.outstanding_principal)} · {t('programmes.loans.atRisk')}{' '}
        {formatRupiah(portfolio.at_risk_principal)} ·{' '}
        {t('programmes.loans.loansAtRisk', { risk: portfolio.loans_at_risk, count: portfolio.loans_outstanding })}
      </p>
    </div>
  );
}

function LoanRow({ loan }: { loan: LoanBookItem }) {
  const { t } = useTranslation();
  const state = arrearsState(loan.arrears);
  return (
    <tr data-testid={`loan-row-${loan.id}`}>
      <td>
        <Link to={loanPath(loan.id)} aria-label={t('programmes.loans.open', { name: loan.recipient_name })}>
          {loan.recipient_name}
        </Link>
      </td>
      <td className="num">{formatRupiah(loan.value)}</td>
      <td className="num">{formatRupiah(loan.arrears.outstanding_principal)}</td>
      <td>
        <Badge tone={STATE_TONES[state]} testId="loan-state">
          {t(`programmes.loans.states.${state}`)}
        </Badge>
        {state === 'late' || state === 'at_risk' ? (
          <>
            {' '}
            {t('programmes.loans.daysLate', { count: loan.arrears.days_past_due })};{' '}
            {t('programmes.loans.overdue', { amount: formatRupiah(overdueAmount(loan.arrears)) })}
          </>
        ) : null}
      </td>
    </tr>
  );
}

/** The programme's soft loans: PAR30 over all of them, then each loan with its arrears. */
export function LoanBookSection({ programmeId }: { programmeId: number }) {
  const { t } = useTranslation();
  const book = useLoanBook(programmeId);
  return (
    <section className="card" aria-labelledby="programme-loans" data-testid="loan-book">
      <h2 id="programme-loans">{t('programmes.loans.title')}</h2>
      {!book.data ? (
        <Pending problem={book.isError ? problemMessage(t, book.error) : null} loading={t('programmes.loans.loading')} />
      ) : (
        <>
          <PortfolioFigure portfolio={book.data.portfolio} asOf={book.data.as_of} />
          {book.data.items.length === 0 ? (
            <p>{t('programmes.loans.empty')}</p>
          ) : (
            <DataTable
              caption={t('programmes.loans.title')}
              testId="loan-table"
              columns={[
                { label: 'programmes.ledger.recipient' },
                { label: 'programmes.loan.principal', num: true },
                { label: 'programmes.loans.outstanding', num: true },
                { label: 'programmes.status' },
              ]}
            >
              {book.data.items.map((loan) => (
                <LoanRow key={loan.id} loan={loan} />
              ))}
            </DataTable>
          )}
        </>
      )}
    </section>
  );
}
