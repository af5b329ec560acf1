import { describe, expect, it } from 'vitest';
import { memberSummary } from '../../../test/groups';
import { feeStanding, type MemberFeePosition } from './mine';

const fees = (overrides: Partial<MemberFeePosition>): MemberFeePosition => ({ ...memberSummary().fees, ...overrides });

describe('where a member stands with her fees', () => {
  it('is in arrears by what she owes, with the month she is paid up to', () => {
    expect(feeStanding(fees({ arrears: 20_000, paid_through: '2026-10' }))).toEqual({ kind: 'arrears', amount: 20_000, paidThrough: '2026-10' });
    expect(feeStanding(fees({ arrears: 10_000, paid_through: null }))).toEqual({ kind: 'arrears', amount: 10_000, paidThrough: null });
  });

  it('is paid up to a month when she owes nothing, with what she paid ahead', () => {
    expect(feeStanding(fees({ arrears: 0, paid_through: '2026-12' }))).toEqual({ kind: 'settled', paidThrough: '2026-12', ahead: 0 });
    expect(feeStanding(fees({ arrears: -30_000, paid_through: '2027-03' }))).toEqual({ kind: 'settled', paidThrough: '2027-03', ahead: 30_000 });
  });

  it('owes nothing when no fee is asked of her yet', () => {
    expect(feeStanding(fees({ arrears: 0, due: 0, paid: 0, paid_through: null, monthly_fee: null }))).toEqual({ kind: 'noFee' });
  });
});
