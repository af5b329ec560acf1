// A group's treasury (seed 001) as the API answers it: a double-entry ledger whose mistakes are
// corrected by reversing entries (never by editing them), the statement and month-end balances
// computed from it, fee rules with what each member owes, and common assets such as the group shop.
import { valuesOf, type Schemas } from '../../../lib/api/schemas';
import { formatRupiah, parseRupiah } from '../../../lib/rupiah';
import type { Problem, Validated } from './forms';
import { codePoints, collector, isIsoDay } from './forms';

export type EntryKind = Schemas['LedgerEntryKind'];
export const ENTRY_KINDS = valuesOf<EntryKind>()([
  'fee_payment',
  'aid_received',
  'asset_purchase',
  'shop_sale',
  'purchase',
  'expense',
  'general',
  'reversal',
]);

/** The kinds a treasurer records with the simple form: each is one amount the server turns into two lines. */
export const FORM_ENTRY_KINDS = ['fee_payment', 'aid_received', 'shop_sale', 'purchase', 'expense'] as const satisfies readonly EntryKind[];
export type FormEntryKind = (typeof FORM_ENTRY_KINDS)[number];

export type Account = Schemas['LedgerAccount'];
export const ACCOUNTS = valuesOf<Account>()([
  'cash',
  'fees_receivable',
  'common_assets',
  'aid_received',
  'member_fees',
  'shop_revenue',
  'purchases',
  'expenses',
]);

export type AssetKind = Schemas['CommonAssetKind'];
export const ASSET_KINDS = valuesOf<AssetKind>()(['shop', 'equipment', 'other']);

export type AssetSource = Schemas['CommonAssetSource'];
export const ASSET_SOURCES = valuesOf<AssetSource>()(['aid', 'fees', 'other']);

export type LedgerLine = Schemas['LedgerLine'];

/**
 * A ledger entry: `amount` is the total of the debits (= the credits) in whole rupiah;
 * `reverses_id` is set on a reversal (the entry it undoes), `reversed_by` on an entry that was
 * corrected (the reversal that undid it).
 */
export type LedgerEntry = Schemas['LedgerEntry'];

export type LedgerPage = Schemas['LedgerEntryPage'];

export type StatementLine = Schemas['StatementAccount'];

/** The statement; `balanced`: whether every debit ever posted is matched by a credit. */
export type Statement = Schemas['Statement'];

export type BalancePoint = Schemas['BalancePoint'];

/** A fee: `amount` per member per month, due from the month `from` ("2026-01"). */
export type FeeRule = Schemas['FeeRule'];

/** What one member owes: `arrears` = due − paid, negative when she paid ahead. */
export type MemberFees = Schemas['MemberFees'];

export type Fees = Schemas['Fees'];

/** A common asset; `sales` and `purchases` are the ledger's entries naming it, net of reversals. */
export type CommonAsset = Schemas['CommonAsset'];

// ---- request bodies ------------------------------------------------------------------------

/**
 * Body of POST /groups/{id}/ledger as the simple form sends it: one amount of a form kind, which
 * the server turns into two lines (the spec's other shape, balanced `lines`, is not used here).
 */
export type EntryInput = Omit<Schemas['LedgerEntryInput'], 'kind' | 'amount' | 'lines'> & {
  kind: FormEntryKind;
  amount: Schemas['TreasuryAmount'];
};

export type ReversalInput = Schemas['ReversalInput'];

export type FeeRuleInput = Schemas['FeeRuleInput'];

export type AssetInput = Schemas['CommonAssetInput'];

// ---- reading the ledger ---------------------------------------------------------------------

/** How an entry stands: corrected by a later reversal, itself a correction, or as posted. */
export type EntryMark = 'corrected' | 'correction' | null;

export function entryMark(entry: Pick<LedgerEntry, 'kind' | 'reversed_by' | 'reverses_id'>): EntryMark {
  if (entry.kind === 'reversal' || entry.reverses_id !== null) return 'correction';
  if (entry.reversed_by !== null) return 'corrected';
  return null;
}

/** An entry may be reversed once, and a reversal never (post the entry again instead). */
export function canReverse(entry: Pick<LedgerEntry, 'kind' | 'reversed_by' | 'reverses_id'>): boolean {
  return entryMark(entry) === null;
}

/** What the entry did to the cash box: money in is positive, money out negative, 0 when cash was not touched. */
export function cashEffect(entry: Pick<LedgerEntry, 'lines'>): number {
  return entry.lines.reduce((sum, line) => (line.account === 'cash' ? sum + line.debit - line.credit : sum), 0);
}

/** "+Rp 10.000" for money in, "−Rp 5.000" for money out (a true minus sign), "Rp 0" for neither. */
export function signedRupiah(amount: number): string {
  if (amount > 0) return `+${formatRupiah(amount)}`;
  if (amount < 0) return `\u2212${formatRupiah(-amount)}`;
  return formatRupiah(0);
}

/** The member an entry names (whose fee), if any. */
export function entryMemberId(entry: Pick<LedgerEntry, 'lines'>): number | null {
  return entry.lines.find((line) => line.member_id !== null)?.member_id ?? null;
}

/** An account's closing balance in a statement (0 when the statement does not list it). */
export function closingOf(statement: Pick<Statement, 'accounts'>, account: Account): number {
  return statement.accounts.find((line) => line.account === account)?.closing ?? 0;
}

export interface BalanceChartRow {
  month: string;
  label: string;
  cash: number;
  common_assets: number;
}

/** One row per month, oldest first, labelled for the chart's axis. */
export function balanceChartRows(points: readonly BalancePoint[], label: (month: string) => string): BalanceChartRow[] {
  return [...points]
    .sort((a, b) => a.month.localeCompare(b.month))
    .map((point) => ({ month: point.month, label: label(point.month), cash: point.cash, common_assets: point.common_assets }));
}

/** Members who owe fees first (most owed first), then the rest by name. */
export function sortFees(rows: readonly MemberFees[]): MemberFees[] {
  return [...rows].sort((a, b) => {
    const owesA = a.arrears > 0 ? 1 : 0;
    const owesB = b.arrears > 0 ? 1 : 0;
    if (owesA !== owesB) return owesB - owesA;
    if (owesA && a.arrears !== b.arrears) return b.arrears - a.arrears;
    return a.name.localeCompare(b.name, 'id');
  });
}

// ---- amounts typed as rupiah ------------------------------------------------------------------

/** The server's largest amount: Rp 10.000.000.000.000. */
export const MAX_AMOUNT = 10_000_000_000_000;

export type AmountReading = { ok: true; value: number } | { ok: false; problem: Problem };

/**
 * An amount as a treasurer types it: "1.500.000", "1500000", "Rp 1.500.000". `allowZero` for a
 * price that may be nothing (a gift); amounts in the ledger are more than Rp 0.
 */
export function readAmount(text: string, { allowZero = false }: { allowZero?: boolean } = {}): AmountReading {
  const parsed = parseRupiah(text);
  if (!parsed.ok) return { ok: false, problem: { key: `amount.${parsed.problem}` } };
  if (parsed.value === 0 && !allowZero) return { ok: false, problem: { key: 'groups.treasury.errors.zero' } };
  if (parsed.value > MAX_AMOUNT) return { ok: false, problem: { key: 'amount.too_large' } };
  return { ok: true, value: parsed.value };
}

// ---- a new entry ("catat transaksi") --------------------------------------------------------------

export interface EntryDraft {
  kind: FormEntryKind;
  amount: string;
  date: string;
  memo: string;
  /** The member whose fee it is, as the select holds it; '' for none. */
  member_id: string;
  /** The asset a shop sale or purchase is for; '' for none. */
  asset_id: string;
}

export const ENTRY_FIELDS = ['kind', 'amount', 'date', 'memo', 'member_id', 'asset_id'] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];

export const MAX_MEMO = 200;

export function emptyEntryDraft(today: string, kind: FormEntryKind = 'fee_payment'): EntryDraft {
  return { kind, amount: '', date: today, memo: '', member_id: '', asset_id: '' };
}

/** Which of the form's pickers a kind needs: whose fee, or which of the group's assets. */
export function entryNeeds(kind: FormEntryKind): { member: boolean; asset: boolean } {
  return { member: kind === 'fee_payment', asset: kind === 'shop_sale' || kind === 'purchase' };
}

/** POST /groups/{id}/ledger: the amount as whole rupiah, the member only for a fee, the asset only for the shop. */
export function validateEntry(draft: EntryDraft, today: string): Validated<EntryField, EntryInput> {
  const { errors, add } = collector<EntryField>();
  const needs = entryNeeds(draft.kind);
  const amount = readAmount(draft.amount);
  if (!amount.ok) add('amount', amount.problem);
  if (draft.date === '') add('date', { key: 'groups.treasury.errors.dateRequired' });
  else if (!isIsoDay(draft.date)) add('date', { key: 'groups.form.errors.date' });
  else if (draft.date > today) add('date', { key: 'groups.form.errors.dateInFuture' });
  const memo = draft.memo.trim();
  if (codePoints(memo) > MAX_MEMO) add('memo', { key: 'groups.form.errors.tooLong', values: { max: MAX_MEMO } });
  if (needs.member && draft.member_id === '') add('member_id', { key: 'groups.treasury.errors.memberRequired' });
  if (Object.keys(errors).length > 0 || !amount.ok) return { errors, input: null };
  const input: EntryInput = { kind: draft.kind, amount: amount.value, date: draft.date };
  if (memo) input.memo = memo;
  if (needs.member) input.member_id = Number(draft.member_id);
  if (needs.asset && draft.asset_id !== '') input.asset_id = Number(draft.asset_id);
  return { errors, input };
}

// ---- a fee rule ---------------------------------------------------------------------------------

export interface FeeRuleDraft {
  amount: string;
  /** "2026-01" as a month input holds it. */
  from: string;
  deliberation_id: string;
}

export type FeeRuleField = 'amount' | 'from' | 'deliberation_id';

export function isMonth(value: string): boolean {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  return match !== null && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}

export function emptyFeeRuleDraft(thisMonth: string): FeeRuleDraft {
  return { amount: '', from: thisMonth, deliberation_id: '' };
}

export function validateFeeRule(draft: FeeRuleDraft): Validated<FeeRuleField, FeeRuleInput> {
  const { errors, add } = collector<FeeRuleField>();
  const amount = readAmount(draft.amount);
  if (!amount.ok) add('amount', amount.problem);
  if (draft.from === '') add('from', { key: 'groups.treasury.errors.monthRequired' });
  else if (!isMonth(draft.from)) add('from', { key: 'groups.treasury.errors.month' });
  if (Object.keys(errors).length > 0 || !amount.ok) return { errors, input: null };
  const input: FeeRuleInput = { amount: amount.value, from: draft.from };
  if (draft.deliberation_id !== '') input.deliberation_id = Number(draft.deliberation_id);
  return { errors, input };
}

// ---- a common asset -------------------------------------------------------------------------------

export interface AssetDraft {
  name: string;
  kind: AssetKind;
  source: AssetSource;
  value: string;
  acquired_on: string;
}

export type AssetField = 'name' | 'kind' | 'source' | 'value' | 'acquired_on';

export const MAX_ASSET_NAME = 120;

export function emptyAssetDraft(today: string): AssetDraft {
  return { name: '', kind: 'shop', source: 'aid', value: '', acquired_on: today };
}

export function validateAsset(draft: AssetDraft, today: string): Validated<AssetField, AssetInput> {
  const { errors, add, text } = collector<AssetField>();
  const name = text('name', draft.name, MAX_ASSET_NAME, 'groups.treasury.errors.assetNameRequired');
  const value = readAmount(draft.value);
  if (!value.ok) add('value', value.problem);
  if (draft.acquired_on !== '') {
    if (!isIsoDay(draft.acquired_on)) add('acquired_on', { key: 'groups.form.errors.date' });
    else if (draft.acquired_on > today) add('acquired_on', { key: 'groups.form.errors.dateInFuture' });
  }
  if (Object.keys(errors).length > 0 || !value.ok) return { errors, input: null };
  const input: AssetInput = { name, kind: draft.kind, source: draft.source, value: value.value };
  if (draft.acquired_on !== '') input.acquired_on = draft.acquired_on;
  return { errors, input };
}
