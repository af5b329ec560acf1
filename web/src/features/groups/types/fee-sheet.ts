// The fees paid at a meeting, entered on one sheet (issue 13): one line per active member, those
// who attended ticked and filled with the month's fee, the leader unticking or changing amounts
// before one save (POST /groups/{id}/fees). The sheet keeps only what she changed; everything
// else is read from the meeting, the members, the fee rules and what the meeting holds already.
import type { Schemas } from '../../../lib/api/schemas';
import { formatAmountInput } from '../../../lib/rupiah';
import type { Problem } from './forms';
import type { MeetingView, Member } from './index';
import { sortSheetErrors, type SheetErrors } from './errors';
import { readAmount, type FeeRule, type LedgerEntry } from './treasury';

export type FeeSheetInput = Schemas['FeeSheetInput'];

/** The most lines one sheet sends (the server's limit). */
export const MAX_FEE_PAYMENTS = 100;

/** The fee a member owes for `month` ("2026-01"): the latest rule started by then, or null. */
export function feeInForce(rules: readonly Pick<FeeRule, 'from' | 'amount'>[], month: string): number | null {
  let found: Pick<FeeRule, 'from' | 'amount'> | null = null;
  for (const rule of rules) {
    if (rule.from <= month && (found === null || rule.from > found.from)) found = rule;
  }
  return found?.amount ?? null;
}

/**
 * What the meeting holds already, by member: the fees recorded there and not reversed since
 * (a member's fee is recorded once a meeting; the server refuses a second).
 */
export function recordedFees(entries: readonly Pick<LedgerEntry, 'kind' | 'reversed_by' | 'lines' | 'amount'>[]): Map<number, number> {
  const recorded = new Map<number, number>();
  for (const entry of entries) {
    if (entry.kind !== 'fee_payment' || entry.reversed_by !== null) continue;
    const member = entry.lines.find((line) => line.member_id !== null)?.member_id;
    if (member !== undefined && member !== null) recorded.set(member, (recorded.get(member) ?? 0) + entry.amount);
  }
  return recorded;
}

export interface FeeSheetRow {
  member_id: number;
  name: string;
  /** Marked present at the meeting. */
  attended: boolean;
  /** What the meeting holds for her already, or null. */
  recorded: number | null;
}

/** One row per active member in the members' order, with whether she attended and what is recorded. */
export function feeSheetRows(
  members: readonly Pick<Member, 'id' | 'person' | 'active'>[],
  meeting: Pick<MeetingView, 'attendance'> | null,
  recorded: ReadonlyMap<number, number>,
): FeeSheetRow[] {
  const present = new Set(meeting?.attendance.filter((line) => line.presence === 'present').map((line) => line.member_id) ?? []);
  return members
    .filter((member) => member.active)
    .map((member) => ({
      member_id: member.id,
      name: member.person.name,
      attended: present.has(member.id),
      recorded: recorded.get(member.id) ?? null,
    }));
}

/** What the leader changed on a row; a field left out shows what the sheet suggests. */
export interface LineChange {
  ticked?: boolean;
  amount?: string;
}

export type FeeSheetChanges = ReadonlyMap<number, LineChange>;

export const NO_CHANGES: FeeSheetChanges = new Map();

export interface FeeSheetLine extends FeeSheetRow {
  ticked: boolean;
  /** The amount as typed (or suggested: the month's fee, "10.000"). */
  amount: string;
}

/** The lines as shown: a row not yet recorded is ticked when she attended, filled with the fee in force. */
export function feeSheetLines(rows: readonly FeeSheetRow[], changes: FeeSheetChanges, fee: number | null): FeeSheetLine[] {
  const suggested = fee === null ? '' : formatAmountInput(fee);
  return rows.map((row) => {
    const change = changes.get(row.member_id);
    const open = row.recorded === null;
    return {
      ...row,
      ticked: open && (change?.ticked ?? row.attended),
      amount: change?.amount ?? suggested,
    };
  });
}

/** A change to one row, kept beside the others. */
export function changeLine(changes: FeeSheetChanges, memberId: number, change: LineChange): FeeSheetChanges {
  const next = new Map(changes);
  next.set(memberId, { ...changes.get(memberId), ...change });
  return next;
}

/** Ticks every member not recorded yet (or unticks them all when every one is ticked). */
export function tickAll(changes: FeeSheetChanges, lines: readonly FeeSheetLine[]): FeeSheetChanges {
  const open = lines.filter((line) => line.recorded === null);
  const all = open.length > 0 && open.every((line) => line.ticked);
  let next = changes;
  for (const line of open) next = changeLine(next, line.member_id, { ticked: !all });
  return next;
}

/** The ticked lines, which a save sends. */
export function tickedLines(lines: readonly FeeSheetLine[]): FeeSheetLine[] {
  return lines.filter((line) => line.ticked);
}

/** The total of the ticked lines whose amount reads as rupiah. */
export function feeSheetTotal(lines: readonly FeeSheetLine[]): number {
  return tickedLines(lines).reduce((sum, line) => {
    const amount = readAmount(line.amount);
    return amount.ok ? sum + amount.value : sum;
  }, 0);
}

export interface CheckedSheet {
  /** The problems of a line's amount, by member. */
  byMember: Map<number, Problem[]>;
  /** The problem of the sheet as a whole (nobody ticked, too many lines). */
  sheet: Problem | null;
  /** The body to send, or null while anything is wrong. */
  body: FeeSheetInput | null;
}

/** POST /groups/{id}/fees: the ticked lines in the sheet's order, amounts as whole rupiah. */
export function checkFeeSheet(lines: readonly FeeSheetLine[], meeting: { id: number; held_on: string } | null, date: string): CheckedSheet {
  const byMember = new Map<number, Problem[]>();
  const ticked = tickedLines(lines);
  if (ticked.length === 0) return { byMember, sheet: { key: 'groups.feeSheet.errors.noneTicked' }, body: null };
  if (ticked.length > MAX_FEE_PAYMENTS) {
    return { byMember, sheet: { key: 'groups.feeSheet.errors.tooMany', values: { max: MAX_FEE_PAYMENTS } }, body: null };
  }
  const payments: FeeSheetInput['payments'] = [];
  for (const line of ticked) {
    const amount = readAmount(line.amount);
    if (amount.ok) payments.push({ member_id: line.member_id, amount: amount.value });
    else byMember.set(line.member_id, [amount.problem]);
  }
  if (byMember.size > 0) return { byMember, sheet: null, body: null };
  const body: FeeSheetInput = { date, payments };
  if (meeting) body.meeting_id = meeting.id;
  return { byMember, sheet: null, body };
}

/**
 * Sorts a refused sheet's errors onto its rows: "payments[2].amount" is about the third line sent;
 * the rest ("meeting_id"/"not_held", "date"/"in_future", "payments"/"too_many") about the sheet.
 */
export function feeSheetErrors(error: unknown, sent: FeeSheetInput): SheetErrors {
  return sortSheetErrors(error, 'payments', sent.payments);
}
