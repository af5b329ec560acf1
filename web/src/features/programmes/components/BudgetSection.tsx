import { useTranslation } from 'react-i18next';
import { DetailRow } from '../../../components/DetailRow';
import { Pending } from '../../../components/Pending';
import { problemMessage } from '../../../lib/problem-messages';
import { formatRupiah } from '../../../lib/rupiah';
import { useBudget } from '../hooks/use-programmes';
import { BudgetBar } from './BudgetBar';

/** The programme's budget against what its assistance commits and has disbursed; overrides said. */
export function BudgetSection({ programmeId }: { programmeId: number }) {
  const { t } = useTranslation();
  const budget = useBudget(programmeId);
  return (
    <section className="card" aria-labelledby="programme-budget" data-testid="budget">
      <h2 id="programme-budget">{t('programmes.budget.title')}</h2>
      {!budget.data ? (
        <Pending problem={budget.isError ? problemMessage(t, budget.error) : null} loading={t('programmes.budget.loading')} />
      ) : (
        <>
          <BudgetBar budget={budget.data} />
          <dl className="details">
            <DetailRow label={t('programmes.budget.budget')}>{formatRupiah(budget.data.budget)}</DetailRow>
            <DetailRow label={t('programmes.budget.committed')} testId="budget-committed">
              {formatRupiah(budget.data.committed)}
            </DetailRow>
            <DetailRow label={t('programmes.budget.disbursed')} testId="budget-disbursed">
              {formatRupiah(budget.data.disbursed)}
            </DetailRow>
            <DetailRow label={t('programmes.budget.remaining')} testId="budget-remaining">
              {formatRupiah(budget.data.remaining)}
            </DetailRow>
          </dl>
          {budget.data.remaining < 0 ? (
            <p data-testid="budget-over">{t('programmes.budget.over', { amount: formatRupiah(-budget.data.remaining) })}</p>
          ) : null}
          {budget.data.over_budget_records > 0 ? (
            <p>{t('programmes.budget.overrides', { count: budget.data.over_budget_records })}</p>
          ) : null}
        </>
      )}
    </section>
  );
}
