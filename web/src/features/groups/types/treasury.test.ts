import { describe, expect, it } from 'vitest';
import { ledgerEntry, reversalOf, statement } from '../../../test/groups';
import {
  balanceChartRows,
  canReverse,
  cashEffect,
  closingOf,
  emptyAssetDraft,
  emptyEntryDraft,
  emptyFeeRuleDraft,
  entryMark,
  entryMemberId,
  entryNeeds,
  isMonth,
  readAmount,
  signedRupiah,
  sortFees,
  validateAsset,
  validateEntry,
  validateFeeRule,
  type MemberFees,
} from './treasury';

const TODAY = '2026-03-10';
const keys = (problems: { key: string }[] | undefined) => (problems ?? []).map((p) => p.key);

describe('readAmount', () => {
  it('reads rupiah the way a treasurer types them and gives whole integers', () => {
    expect(readAmount('1.500.000')).toEqual({ ok: true, value: 1_500_000 });
    expect(readAmount('Rp 1.500.000')).toEqual({ ok: true, value: 1_500_000 });
    expect(readAmount('1500000')).toEqual({ ok: true, value: 1_500_000 });
    expect(readAmount(' 10.000 ')).toEqual({ ok: true, value: 10_000 });
    expect(readAmount('1.500.000,00')).toEqual({ ok: true, value: 1_500_000 });
  });

  it('refuses what is not whole rupiah, each for its own reason', () => {
    expect(readAmount('')).toEqual({ ok: false, problem: { key: 'amount.empty' } });
    expect(readAmount('1,5')).toEqual({ ok: false, problem: { key: 'amount.fraction' } });
    expect(readAmount('-20.000')).toEqual({ ok: false, problem: { key: 'amount.negative' } });
    expect(readAmount('15.00.000')).toEqual({ ok: false, problem: { key: 'amount.invalid_format' } });
    expect(readAmount('satu juta')).toEqual({ ok: false, problem: { key: 'amount.invalid_format' } });
    expect(readAmount('20.000.000.000.000')).toEqual({ ok: false, problem: { key: 'amount.too_large' } });
  });

  it('takes Rp 0 only where nothing may be paid (a price), never as a ledger amount', () => {
    expect(readAmount('0')).toEqual({ ok: false, problem: { key: 'groups.treasury.errors.zero' } });
    expect(readAmount('0', { allowZero: true })).toEqual({ ok: true, value: 0 });
  });
});

describe('validateEntry', () => {
  it('turns a fee payment of "1.500.000" into the POST body with an integer amount and the member', () => {
    const { errors, input } = validateEntry({ ...emptyEntryDraft(TODAY), amount: '1.500.000', member_id: '14', memo: '  iuran Maret ' }, TODAY);
    expect(errors).toEqual({});
    expect(input).toEqual({ kind: 'fee_payment', amount: 1_500_000, date: TODAY, member_id: 14, memo: 'iuran Maret' });
  });

  it('asks whose fee it is before sending', () => {
    const { errors, input } = validateEntry({ ...emptyEntryDraft(TODAY), amount: '10.000' }, TODAY);
    expect(input).toBeNull();
    expect(keys(errors.member_id)).toEqual(['groups.treasury.errors.memberRequired']);
  });

  it('names the shop only for shop sales and purchases, and a member only for fees', () => {
    const sale = validateEntry({ ...emptyEntryDraft(TODAY, 'shop_sale'), amount: '250000', asset_id: '2', member_id: '14' }, TODAY);
    expect(sale.input).toEqual({ kind: 'shop_sale', amount: 250_000, date: TODAY, asset_id: 2 });
    const expense = validateEntry({ ...emptyEntryDraft(TODAY, 'expense'), amount: '5.000', asset_id: '2' }, TODAY);
    expect(expense.input).toEqual({ kind: 'expense', amount: 5_000, date: TODAY });
    const aid = validateEntry({ ...emptyEntryDraft(TODAY, 'aid_received'), amount: 'Rp 5.000.000' }, TODAY);
    expect(aid.input).toEqual({ kind: 'aid_received', amount: 5_000_000, date: TODAY });
    expect(entryNeeds('purchase')).toEqual({ member: false, asset: true });
    expect(entryNeeds('fee_payment')).toEqual({ member: true, asset: false });
  });

  it('refuses a day to come, a missing day, a long memo and a bad amount all at once', () => {
    const { errors, input } = validateEntry(
      { ...emptyEntryDraft(TODAY, 'expense'), amount: '1,25', date: '2026-03-11', memo: 'x'.repeat(201) },
      TODAY,
    );
    expect(input).toBeNull();
    expect(keys(errors.amount)).toEqual(['amount.fraction']);
    expect(keys(errors.date)).toEqual(['groups.form.errors.dateInFuture']);
    expect(keys(errors.memo)).toEqual(['groups.form.errors.tooLong']);
    expect(keys(validateEntry({ ...emptyEntryDraft(''), kind: 'expense', amount: '1' }, TODAY).errors.date)).toEqual([
      'groups.treasury.errors.dateRequired',
    ]);
  });
});

describe('reading the ledger', () => {
  const original = ledgerEntry({ reversed_by: 9 });
  const reversal = reversalOf(ledgerEntry());

  it('marks an entry a later reversal undid as corrected, and the reversal as a correction', () => {
    expect(entryMark(ledgerEntry())).toBeNull();
    expect(entryMark(original)).toBe('corrected');
    expect(entryMark(reversal)).toBe('correction');
  });

  it('lets an entry be reversed once and a reversal never', () => {
    expect(canReverse(ledgerEntry())).toBe(true);
    expect(canReverse(original)).toBe(false);
    expect(canReverse(reversal)).toBe(false);
  });

  it('says what an entry did to the cash box, and whose fee it was', () => {
    expect(cashEffect(ledgerEntry())).toBe(10_000);
    expect(cashEffect(reversal)).toBe(-10_000);
    expect(
      cashEffect(
        ledgerEntry({
          kind: 'general',
          lines: [
            { account: 'common_assets', debit: 5, credit: 0, member_id: null },
            { account: 'fees_receivable', debit: 0, credit: 5, member_id: null },
          ],
        }),
      ),
    ).toBe(0);
    expect(entryMemberId(ledgerEntry())).toBe(14);
    expect(entryMemberId(ledgerEntry({ lines: [] }))).toBeNull();
  });

  it('writes money in with a plus and money out with a true minus', () => {
    expect(signedRupiah(10_000)).toBe('+Rp\u00a010.000');
    expect(signedRupiah(-5_000)).toBe('\u2212Rp\u00a05.000');
    expect(signedRupiah(0)).toBe('Rp\u00a00');
  });

  it('reads an account from the statement', () => {
    expect(closingOf(statement(10_000), 'cash')).toBe(10_000);
    expect(closingOf(statement(), 'common_assets')).toBe(3_000_000);
    expect(closingOf({ accounts: [] }, 'cash')).toBe(0);
  });

  it('puts the month-end balances in order for the chart', () => {
    const rows = balanceChartRows(
      [
        { month: '2026-02', cash: 2_190_000, common_assets: 3_000_000 },
        { month: '2026-01', cash: 2_000_000, common_assets: 3_000_000 },
      ],
      (month) => `M${month}`,
    );
    expect(rows).toEqual([
      { month: '2026-01', label: 'M2026-01', cash: 2_000_000, common_assets: 3_000_000 },
      { month: '2026-02', label: 'M2026-02', cash: 2_190_000, common_assets: 3_000_000 },
    ]);
  });
});

describe('sortFees', () => {
  it('puts the members who owe first, most owed first, then the rest by name', () => {
    const row = (name: string, arrears: number): MemberFees => ({ member_id: name.length, name, active: true, due: 0, paid: 0, arrears });
    expect(sortFees([row('Sulastri', 0), row('Painem', 40_000), row('Sutini', -10_000), row('Suwarni', 10_000), row('Ani', 0)]).map((r) => r.name)).toEqual([
      'Painem',
      'Suwarni',
      'Ani',
      'Sulastri',
      'Sutini',
    ]);
  });
});

describe('validateFeeRule', () => {
  it('sends the monthly amount as an integer from a month', () => {
    expect(validateFeeRule({ ...emptyFeeRuleDraft('2026-04'), amount: '15.000' }).input).toEqual({ amount: 15_000, from: '2026-04' });
    expect(validateFeeRule({ amount: '15.000', from: '2026-04', deliberation_id: '6' }).input).toEqual({
      amount: 15_000,
      from: '2026-04',
      deliberation_id: 6,
    });
  });

  it('needs an amount above Rp 0 and a real month', () => {
    const { errors, input } = validateFeeRule({ amount: '0', from: '2026-13', deliberation_id: '' });
    expect(input).toBeNull();
    expect(keys(errors.amount)).toEqual(['groups.treasury.errors.zero']);
    expect(keys(errors.from)).toEqual(['groups.treasury.errors.month']);
    expect(isMonth('2026-01')).toBe(true);
    expect(isMonth('2026-1')).toBe(false);
  });
});

describe('validateAsset', () => {
  it('builds the body of the group shop bought from aid', () => {
    const { input } = validateAsset({ ...emptyAssetDraft('2025-12-10'), name: ' Toko kelompok ', value: '3.000.000' }, TODAY);
    expect(input).toEqual({ name: 'Toko kelompok', kind: 'shop', source: 'aid', value: 3_000_000, acquired_on: '2025-12-10' });
  });

  it('needs a name and a value, and a day that has come', () => {
    const { errors } = validateAsset({ ...emptyAssetDraft('2026-04-01'), value: '' }, TODAY);
    expect(keys(errors.name)).toEqual(['groups.treasury.errors.assetNameRequired']);
    expect(keys(errors.value)).toEqual(['amount.empty']);
    expect(keys(errors.acquired_on)).toEqual(['groups.form.errors.dateInFuture']);
  });
});
