import { describe, expect, it } from 'vitest';
import type { Arrears, LoanInstalment, PortfolioAtRisk } from './index';
import {
  arrearsState,
  budgetShares,
  instalmentOwed,
  instalmentState,
  overdueAmount,
  par30Percent,
  parseRatePercent,
  portfolioTone,
  scheduleSums,
} from './loans';

const portfolio = (o: Partial<PortfolioAtRisk> = {}): PortfolioAtRisk => ({
  threshold_days: 30,
  outstanding_principal: 0,
  at_risk_principal: 0,
  par30: 0,
  loans_at_risk: 0,
  loans_outstanding: 0,
  ...o,
});

const arrears = (o: Partial<Arrears> = {}): Arrears => ({
  as_of: '2026-12-03',
  disbursed: true,
  closed: false,
  overdue_instalments: 0,
  overdue_principal: 0,
  overdue_interest: 0,
  oldest_unpaid_due_on: null,
  days_past_due: 0,
  outstanding_principal: 12_000_000,
  outstanding_interest: 720_000,
  ...o,
});

const instalment = (o: Partial<LoanInstalment> = {}): LoanInstalment => ({
  number: 1,
  due_on: '2026-01-01',
  principal: 1_000_000,
  interest: 60_000,
  amount: 1_060_000,
  balance_after: 11_000_000,
  paid_principal: 0,
  paid_interest: 0,
  paid_on: null,
  ...o,
});

describe('PAR30', () => {
  it('is a percent to a tenth, 0 when nothing is lent', () => {
    expect(par30Percent(portfolio({ outstanding_principal: 30_000_000, par30: 0.4 }))).toBe(40);
    expect(par30Percent(portfolio({ outstanding_principal: 3, par30: 1 / 3 }))).toBe(33.3);
    expect(par30Percent(portfolio({ outstanding_principal: 0, par30: 0 }))).toBe(0);
  });

  it('says whether the book holds no loan, only current ones, or loans at risk', () => {
    expect(portfolioTone(portfolio())).toBe('none');
    expect(portfolioTone(portfolio({ loans_outstanding: 2 }))).toBe('healthy');
    expect(portfolioTone(portfolio({ loans_outstanding: 2, loans_at_risk: 1 }))).toBe('at_risk');
  });
});

describe('arrears', () => {
  it('reads a loan as pending, repaid, current, late, or at risk past 30 days', () => {
    expect(arrearsState(arrears({ disbursed: false }))).toBe('pending');
    expect(arrearsState(arrears({ closed: true }))).toBe('closed');
    expect(arrearsState(arrears())).toBe('current');
    expect(arrearsState(arrears({ overdue_instalments: 1, days_past_due: 30 }))).toBe('late');
    expect(arrearsState(arrears({ overdue_instalments: 2, days_past_due: 31 }))).toBe('at_risk');
    expect(overdueAmount(arrears({ overdue_principal: 1_000_000, overdue_interest: 60_000 }))).toBe(1_060_000);
  });

  it('reads each instalment on a day: paid, part paid, overdue or still to come', () => {
    expect(instalmentState(instalment({ paid_principal: 1_000_000, paid_interest: 60_000 }), '2026-12-03')).toBe('paid');
    expect(instalmentState(instalment(), '2026-12-03')).toBe('overdue');
    expect(instalmentState(instalment({ due_on: '2027-01-01', paid_interest: 60_000 }), '2026-12-03')).toBe('partial');
    expect(instalmentState(instalment({ due_on: '2026-12-03' }), '2026-12-03')).toBe('due');
    expect(instalmentOwed(instalment({ paid_interest: 60_000 }))).toBe(1_000_000);
  });

  it('sums a schedule', () => {
    const sums = scheduleSums([instalment(), instalment({ number: 2, principal: 1_000_001, amount: 1_060_001 })]);
    expect(sums).toEqual({ principal: 2_000_001, interest: 120_000, amount: 2_120_001 });
  });
});

describe('parseRatePercent', () => {
  it('reads a typed percent as basis points, with a comma or a point', () => {
    expect(parseRatePercent('6')).toBe(600);
    expect(parseRatePercent('6,5')).toBe(650);
    expect(parseRatePercent(' 6.25 ')).toBe(625);
    expect(parseRatePercent('0')).toBe(0);
    expect(parseRatePercent('100')).toBe(10000);
  });

  it('refuses what is not a percent from 0 to 100', () => {
    for (const text of ['', 'enam', '-1', '101', '6.255', '6%']) expect(parseRatePercent(text)).toBeNull();
  });
});

describe('budgetShares', () => {
  it('draws disbursed and committed against the budget', () => {
    expect(budgetShares({ budget: 10_000_000, committed: 6_000_000, disbursed: 4_000_000 })).toEqual({
      disbursed: 40,
      committedOnly: 20,
      scale: 10_000_000,
      over: false,
    });
  });

  it('scales to what is committed once an override took it over the budget', () => {
    const shares = budgetShares({ budget: 10_000_000, committed: 12_500_000, disbursed: 10_000_000 });
    expect(shares).toEqual({ disbursed: 80, committedOnly: 20, scale: 12_500_000, over: true });
  });
});
