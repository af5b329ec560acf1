import { api, withSignal } from '../../../lib/api-client';
import { groupBase } from './groups';
import type {
  AssetInput,
  BalancePoint,
  CommonAsset,
  EntryInput,
  FeeRule,
  FeeRuleInput,
  Fees,
  LedgerEntry,
  LedgerPage,
  ReversalInput,
  Statement,
} from '../types/treasury';
import type { FeeSheetInput } from '../types/fee-sheet';

// ---- the ledger ----

/** Entries newest first. */
export function listLedger(groupId: number, limit: number, offset: number, signal?: AbortSignal): Promise<LedgerPage> {
  return api.get<LedgerPage>(`${groupBase(groupId)}/ledger`, { query: { limit, offset }, ...withSignal(signal) });
}

export function postEntry(groupId: number, body: EntryInput, idempotencyKey?: string): Promise<LedgerEntry> {
  return api.post<LedgerEntry>(`${groupBase(groupId)}/ledger`, body, { idempotencyKey });
}

/** The entries a fee sheet recorded at the meeting (and their reversals): at most a sheet's worth and more. */
export function listMeetingFees(groupId: number, meetingId: number, signal?: AbortSignal): Promise<LedgerPage> {
  return api.get<LedgerPage>(`${groupBase(groupId)}/ledger`, { query: { meeting_id: meetingId, limit: 200 }, ...withSignal(signal) });
}

/** Corrects an entry by posting its reversal; the entry itself stays as it was. */
export function reverseEntry(groupId: number, entryId: number, body: ReversalInput, idempotencyKey?: string): Promise<LedgerEntry> {
  return api.post<LedgerEntry>(`${groupBase(groupId)}/ledger/${entryId}/reverse`, body, { idempotencyKey });
}

// ---- what the ledger adds up to ----

/** From the first of January of this year to today, unless a range is given. */
export function getStatement(groupId: number, signal?: AbortSignal): Promise<Statement> {
  return api.get<Statement>(`${groupBase(groupId)}/statement`, withSignal(signal));
}

/** Month-end cash and common assets; the twelve months to this one unless a range is given. */
export function getBalances(groupId: number, signal?: AbortSignal): Promise<{ items: BalancePoint[] }> {
  return api.get<{ items: BalancePoint[] }>(`${groupBase(groupId)}/balances`, withSignal(signal));
}

// ---- fees ----

export function listFeeRules(groupId: number, signal?: AbortSignal): Promise<{ items: FeeRule[] }> {
  return api.get<{ items: FeeRule[] }>(`${groupBase(groupId)}/fee-rules`, withSignal(signal));
}

export function addFeeRule(groupId: number, body: FeeRuleInput, idempotencyKey?: string): Promise<FeeRule> {
  return api.post<FeeRule>(`${groupBase(groupId)}/fee-rules`, body, { idempotencyKey });
}

/** The fees paid at a meeting, one entry per member, posted at once (all or nothing). */
export function recordFees(groupId: number, body: FeeSheetInput, idempotencyKey?: string): Promise<{ items: LedgerEntry[] }> {
  return api.post<{ items: LedgerEntry[] }>(`${groupBase(groupId)}/fees`, body, { idempotencyKey });
}

/** Fees due, paid and in arrears per member, through this month. */
export function getFees(groupId: number, signal?: AbortSignal): Promise<Fees> {
  return api.get<Fees>(`${groupBase(groupId)}/fees`, withSignal(signal));
}

// ---- common assets ----

export function listAssets(groupId: number, signal?: AbortSignal): Promise<{ items: CommonAsset[] }> {
  return api.get<{ items: CommonAsset[] }>(`${groupBase(groupId)}/assets`, withSignal(signal));
}

/** Records the asset and moves its value from cash into common assets in the ledger. */
export function addAsset(groupId: number, body: AssetInput, idempotencyKey?: string): Promise<CommonAsset> {
  return api.post<CommonAsset>(`${groupBase(groupId)}/assets`, body, { idempotencyKey });
}
