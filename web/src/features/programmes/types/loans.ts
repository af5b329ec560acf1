// A loan book read for people: PAR30 as a percent, the arrears of a loan in words, each
// instalment's state and the schedule's sums. Pure, so they are tested without React.
import type { Arrears, LoanInstalment, PortfolioAtRisk } from './index';

/** PAR30 as a whole-and-a-tenth percent (0.1234 → 12.3); 0 when nothing is lent. */
export function par30Percent(portfolio: Pick<PortfolioAtRisk, 'par30' | 'outstanding_principal'>): number {
  if (portfolio.outstanding_principal <= 0 || !Number.isFinite(portfolio.par30)) return 0;
  return Math.round(Math.min(1, Math.max(0, portfolio.par30)) * 1000) / 10;
}

/** How the portfolio stands: none lent, healthy (no loan at risk) or at risk. */
export type PortfolioTone = 'none' | 'healthy' | 'at_risk';

export function portfolioTone(portfolio: PortfolioAtRisk): PortfolioTone {
  if (portfolio.loans_outstanding === 0) return 'none';
  return portfolio.loans_at_risk > 0 ? 'at_risk' : 'healthy';
}

/** A loan's state on the day: not yet disbursed, repaid, current, late (1–30 days) or at risk (past 30). */
export type ArrearsState = 'pending' | 'closed' | 'current' | 'late' | 'at_risk';

export function arrearsState(arrears: Arrears): ArrearsState {
  if (!arrears.disbursed) return 'pending';
  if (arrears.closed) return 'closed';
  if (arrears.overdue_instalments === 0) return 'current';
  return arrears.days_past_due > 30 ? 'at_risk' : 'late';
}

/** What is overdue, in rupiah: principal and interest due and not paid. */
export function overdueAmount(arrears: Arrears): number {
  return arrears.overdue_principal + arrears.overdue_interest;
}

/** An instalment on `today` ("2026-11-23"): paid in full, partly paid, overdue, or still to come. */
export type InstalmentState = 'paid' | 'partial' | 'overdue' | 'due';

export function instalmentState(instalment: LoanInstalment, today: string): InstalmentState {
  const paid = instalment.paid_principal + instalment.paid_interest;
  if (paid >= instalment.amount) return 'paid';
  if (instalment.due_on < today) return 'overdue';
  return paid > 0 ? 'partial' : 'due';
}

/** What is left to pay of one instalment. */
export function instalmentOwed(instalment: LoanInstalment): number {
  return Math.max(0, instalment.amount - instalment.paid_principal - instalment.paid_interest);
}

/** The schedule's sums, to check and show beside the server's totals. */
export function scheduleSums(instalments: readonly LoanInstalment[]): { principal: number; interest: number; amount: number } {
  return instalments.reduce(
    (sum, i) => ({ principal: sum.principal + i.principal, interest: sum.interest + i.interest, amount: sum.amount + i.amount }),
    { principal: 0, interest: 0, amount: 0 },
  );
}

/** A yearly rate in basis points as a percent (600 → 6; 625 → 6.25). */
export function ratePercent(basisPoints: number): number {
  return basisPoints / 100;
}

/** A typed percent ("6", "6,5", "6.25") as basis points; null when it is not one between 0 and 100. */
export function parseRatePercent(text: string): number | null {
  const value = text.trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(value)) return null;
  const bp = Math.round(Number(value) * 100);
  return bp >= 0 && bp <= 10000 ? bp : null;
}

/** Budget figures as shares of the bar's scale (the larger of the budget and what is committed). */
export function budgetShares(budget: { budget: number; committed: number; disbursed: number }): {
  disbursed: number;
  committedOnly: number;
  scale: number;
  over: boolean;
} {
  const scale = Math.max(budget.budget, budget.committed, 1);
  const share = (value: number) => Math.round((Math.max(0, value) / scale) * 1000) / 10;
  return {
    disbursed: share(budget.disbursed),
    committedOnly: share(budget.committed - budget.disbursed),
    scale,
    over: budget.committed > budget.budget,
  };
}
