import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import { ledgerEntry, meetingView, member, MEMBERS, reversalOf } from '../../../test/groups';
import {
  changeLine,
  checkFeeSheet,
  feeInForce,
  feeSheetErrors,
  feeSheetLines,
  feeSheetRows,
  feeSheetTotal,
  NO_CHANGES,
  recordedFees,
  tickAll,
} from './fee-sheet';

const RULES = [
  { from: '2025-11', amount: 10_000 },
  { from: '2026-04', amount: 15_000 },
];

const meeting = meetingView({
  attendance: [
    { member_id: 11, presence: 'present', name: 'Sulastri' },
    { member_id: 12, presence: 'excused', name: 'Sutini' },
    { member_id: 14, presence: 'present', name: 'Painem' },
  ],
});

describe('the fee in force', () => {
  it('is the latest rule started by the month, and none before the first', () => {
    expect(feeInForce(RULES, '2026-03')).toBe(10_000);
    expect(feeInForce(RULES, '2026-04')).toBe(15_000);
    expect(feeInForce([...RULES].reverse(), '2026-12')).toBe(15_000);
    expect(feeInForce(RULES, '2025-10')).toBeNull();
    expect(feeInForce([], '2026-03')).toBeNull();
  });
});

describe('what a meeting holds already', () => {
  it('adds up the fees by member, leaving out reversed ones and other kinds', () => {
    const paid = ledgerEntry({ id: 1, amount: 10_000 });
    const reversed = ledgerEntry({ id: 2, amount: 5_000, reversed_by: 3, lines: [
      { account: 'cash', debit: 5_000, credit: 0, member_id: 12 },
      { account: 'member_fees', debit: 0, credit: 5_000, member_id: 12 },
    ] });
    const recorded = recordedFees([paid, reversed, reversalOf(reversed, 3), ledgerEntry({ id: 4, kind: 'expense', amount: 1_000 })]);
    expect([...recorded]).toEqual([[14, 10_000]]);
  });
});

describe('the lines of the sheet', () => {
  const rows = feeSheetRows([...MEMBERS, member(15, 'Sumi', { active: false })], meeting, new Map([[11, 10_000]]));

  it('lists the active members, who attended, and what is recorded', () => {
    expect(rows.map((row) => [row.name, row.attended, row.recorded])).toEqual([
      ['Sulastri', true, 10_000],
      ['Sutini', false, null],
      ['Suwarni', false, null],
      ['Painem', true, null],
    ]);
  });

  it('ticks those present and not recorded yet, filled with the fee in force', () => {
    const lines = feeSheetLines(rows, NO_CHANGES, 10_000);
    expect(lines.map((line) => [line.member_id, line.ticked, line.amount])).toEqual([
      [11, false, '10.000'],
      [12, false, '10.000'],
      [13, false, '10.000'],
      [14, true, '10.000'],
    ]);
    expect(feeSheetTotal(lines)).toBe(10_000);
    expect(feeSheetLines(rows, NO_CHANGES, null).map((line) => line.amount)).toEqual(['', '', '', '']);
  });

  it("keeps the leader's changes over what the sheet suggests", () => {
    let changes = changeLine(NO_CHANGES, 14, { amount: '30.000' });
    changes = changeLine(changes, 12, { ticked: true });
    changes = changeLine(changes, 12, { amount: '5000' });
    const lines = feeSheetLines(rows, changes, 10_000);
    expect(lines.filter((line) => line.ticked).map((line) => [line.member_id, line.amount])).toEqual([
      [12, '5000'],
      [14, '30.000'],
    ]);
    expect(feeSheetTotal(lines)).toBe(35_000);
  });

  it('"tick everyone" ticks the members not recorded, and a second tap unticks them', () => {
    const all = tickAll(NO_CHANGES, feeSheetLines(rows, NO_CHANGES, 10_000));
    const ticked = feeSheetLines(rows, all, 10_000);
    expect(ticked.filter((line) => line.ticked).map((line) => line.member_id)).toEqual([12, 13, 14]);
    const none = feeSheetLines(rows, tickAll(all, ticked), 10_000);
    expect(none.some((line) => line.ticked)).toBe(false);
  });
});

describe('checking the sheet before it is sent', () => {
  const rows = feeSheetRows(MEMBERS, meeting, new Map());

  it('sends the ticked lines in order, in whole rupiah, with the meeting and its day', () => {
    const lines = feeSheetLines(rows, changeLine(NO_CHANGES, 11, { amount: 'Rp 20.000' }), 10_000);
    expect(checkFeeSheet(lines, meeting, '2026-03-05')).toEqual({
      byMember: new Map(),
      sheet: null,
      body: { date: '2026-03-05', meeting_id: 5, payments: [{ member_id: 11, amount: 20_000 }, { member_id: 14, amount: 10_000 }] },
    });
  });

  it('names the line whose amount is wrong, and a sheet with nobody ticked', () => {
    const lines = feeSheetLines(rows, changeLine(NO_CHANGES, 14, { amount: '1,5' }), 10_000);
    const checked = checkFeeSheet(lines, meeting, '2026-03-05');
    expect(checked.body).toBeNull();
    expect([...checked.byMember.keys()]).toEqual([14]);
    expect(checked.byMember.get(14)).toEqual([{ key: 'amount.fraction' }]);
    const zero = checkFeeSheet(feeSheetLines(rows, changeLine(NO_CHANGES, 11, { amount: '0' }), 10_000), null, '2026-03-05');
    expect(zero.byMember.get(11)).toEqual([{ key: 'groups.treasury.errors.zero' }]);

    const untick = changeLine(changeLine(NO_CHANGES, 11, { ticked: false }), 14, { ticked: false });
    expect(checkFeeSheet(feeSheetLines(rows, untick, 10_000), meeting, '2026-03-05').sheet).toEqual({ key: 'groups.feeSheet.errors.noneTicked' });
  });
});

describe("sorting the server's refusal onto the rows", () => {
  it('puts payments[i] on the member of the i-th line sent, the rest on the sheet', () => {
    const sent = { payments: [{ member_id: 11, amount: 10_000 }, { member_id: 14, amount: 10_000 }] };
    const error = new ApiError({
      type: 'urn:gotong:problem:invalid-input',
      status: 400,
      title: '',
      detail: '',
      errors: [
        { field: 'payments[1].member_id', code: 'already_recorded', message: '', params: {} },
        { field: 'payments[1].amount', code: 'out_of_range', message: '', params: {} },
        { field: 'meeting_id', code: 'not_held', message: '', params: {} },
      ],
    });
    const sorted = feeSheetErrors(error, sent);
    expect([...sorted.byMember.keys()]).toEqual([14]);
    expect(sorted.byMember.get(14)!.map((e) => e.code)).toEqual(['already_recorded', 'out_of_range']);
    expect(sorted.other.map((e) => e.field)).toEqual(['meeting_id']);
    expect(feeSheetErrors(new Error('offline'), sent)).toEqual({ byMember: new Map(), other: [] });
  });
});
