import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../lib/rupiah';
import type { ProgrammeBudget } from '../types';
import { budgetShares } from '../types/loans';

// The bar's look travels with the programmes' chunk rather than in the app's stylesheet, which
// every first visit downloads.
const TRACK: CSSProperties = {
  position: 'relative',
  display: 'flex',
  height: '1.25rem',
  borderRadius: '0.25rem',
  background: '#e2e6e4',
  overflow: 'hidden',
};
const DISBURSED: CSSProperties = { background: '#0f5f4f' };
const COMMITTED: CSSProperties = {
  background: 'repeating-linear-gradient(45deg, #5fa593, #5fa593 4px, #8cc2b4 4px, #8cc2b4 8px)',
};
const OVER: CSSProperties = { background: '#c2410c' };
const MARK: CSSProperties = { position: 'absolute', top: 0, bottom: 0, width: '3px', background: '#1b1f1d' };
const KEY: CSSProperties = { display: 'inline-block', width: '0.9rem', height: '0.9rem', marginRight: '0.35rem', verticalAlign: 'middle', borderRadius: '0.15rem' };

/** Disbursed, then committed and not yet disbursed, against the budget (a mark where it ends when exceeded). */
export function BudgetBar({ budget }: { budget: Pick<ProgrammeBudget, 'budget' | 'committed' | 'disbursed'> }) {
  const { t } = useTranslation();
  const shares = budgetShares(budget);
  const budgetAt = Math.round((budget.budget / shares.scale) * 1000) / 10;
  return (
    <div data-testid="budget-bar">
      <div
        style={TRACK}
        role="img"
        aria-label={t('programmes.budget.barLabel', {
          disbursed: formatRupiah(budget.disbursed),
          committed: formatRupiah(budget.committed),
          budget: formatRupiah(budget.budget),
        })}
      >
        <div style={{ ...DISBURSED, width: `${shares.disbursed}%` }} />
        <div style={{ ...(shares.over ? OVER : COMMITTED), width: `${shares.committedOnly}%` }} />
        {shares.over ? <div style={{ ...MARK, left: `calc(${budgetAt}% - 1px)` }} /> : null}
      </div>
      <p className="muted">
        <span style={{ ...KEY, ...DISBURSED }} aria-hidden="true" />
        {t('programmes.budget.disbursed')} {formatRupiah(budget.disbursed)}
        {' · '}
        <span style={{ ...KEY, ...(shares.over ? OVER : COMMITTED) }} aria-hidden="true" />
        {t('programmes.budget.committed')} {formatRupiah(budget.committed)}
        {' · '}
        {t('programmes.budget.budget')} {formatRupiah(budget.budget)}
      </p>
    </div>
  );
}
