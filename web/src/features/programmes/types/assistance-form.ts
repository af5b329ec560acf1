// Recording assistance (and a soft loan's terms) and a repayment: drafts, checks and bodies.
import { serverField } from '../../../lib/problem-messages';
import { parseRupiah } from '../../../lib/rupiah';
import type { Checked } from '../../../lib/use-form';
import type { LocalProblems } from '../../../lib/use-form-errors';
import { parseWhole } from './form';
import { parseRatePercent } from './loans';
import type { AssistanceInput, AssistanceKind, LoanMethod, RepaymentInput } from './index';

export type RecipientKind = 'group' | 'enterprise';

export interface AssistanceDraft {
  kind: AssistanceKind | '';
  recipient_kind: RecipientKind;
  recipient_id: string;
  provider_id: string;
  value: string;
  given_on: string;
  until_on: string;
  disbursed_on: string;
  description: string;
  over_budget_reason: string;
  rate: string;
  term_months: string;
  method: LoanMethod;
  first_due_on: string;
}

export type AssistanceField =
  | 'kind'
  | 'recipient'
  | 'provider_id'
  | 'value'
  | 'given_on'
  | 'until_on'
  | 'disbursed_on'
  | 'description'
  | 'over_budget_reason'
  | 'loan'
  | 'rate'
  | 'term_months'
  | 'method'
  | 'first_due_on';

const ASSISTANCE_FIELDS: readonly AssistanceField[] = [
  'kind',
  'provider_id',
  'value',
  'given_on',
  'until_on',
  'disbursed_on',
  'description',
  'over_budget_reason',
  'loan',
];

/** A loan term as the server names it ("loan.term_months") → the form's box. */
const LOAN_FIELDS: Record<string, AssistanceField> = {
  loan_annual_rate_bp: 'rate',
  loan_term_months: 'term_months',
  loan_method: 'method',
  loan_first_due_on: 'first_due_on',
};

/** The form's field for a server field: the recipient's two ids are one choice. */
export function assistanceFieldOf(field: string): AssistanceField | null {
  const { base } = serverField(field);
  if (base === 'enterprise_id' || base === 'group_id') return 'recipient';
  if (LOAN_FIELDS[base]) return LOAN_FIELDS[base];
  return (ASSISTANCE_FIELDS as readonly string[]).includes(base) ? (base as AssistanceField) : null;
}

export function emptyAssistanceDraft(today: string): AssistanceDraft {
  return {
    kind: '',
    recipient_kind: 'group',
    recipient_id: '',
    provider_id: '',
    value: '',
    given_on: today,
    until_on: '',
    disbursed_on: today,
    description: '',
    over_budget_reason: '',
    rate: '6',
    term_months: '12',
    method: 'flat',
    first_due_on: '',
  };
}

/** The first instalment a month after disbursement, as a loan is usually set: "2026-01-15" → "2026-02-15". */
export function monthAfter(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return '';
  let year = Number(match[1]);
  let month = Number(match[2]) + 1;
  if (month > 12) {
    month = 1;
    year += 1;
  }
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const dayOf = Math.min(Number(match[3]), last);
  return `${year}-${String(month).padStart(2, '0')}-${String(dayOf).padStart(2, '0')}`;
}

export function validateAssistance(
  draft: AssistanceDraft,
  programmeId: number,
  askOverBudget: boolean,
): Checked<AssistanceField, AssistanceInput> {
  const errors: LocalProblems<AssistanceField> = {};
  if (draft.kind === '') errors.kind = ['programmes.ledger.problems.kindRequired'];
  if (draft.recipient_id === '') errors.recipient = ['programmes.ledger.problems.recipientRequired'];
  const value = parseRupiah(draft.value);
  if (!value.ok) errors.value = [`amount.${value.problem}`];
  if (draft.given_on === '') errors.given_on = ['programmes.form.problems.dateRequired'];
  if (draft.until_on !== '' && draft.until_on < draft.given_on) errors.until_on = ['programmes.ledger.problems.untilBeforeGiven'];
  const loan = draft.kind === 'soft_loan';
  const rate = parseRatePercent(draft.rate);
  const term = parseWhole(draft.term_months, 1, 120);
  if (loan) {
    if (draft.disbursed_on === '') errors.disbursed_on = ['programmes.ledger.problems.loanDisbursed'];
    if (rate === null) errors.rate = ['programmes.ledger.problems.rate'];
    if (term === null) errors.term_months = [{ key: 'programmes.form.problems.between', values: { min: 1, max: 120 } }];
    if (draft.first_due_on === '') errors.first_due_on = ['programmes.form.problems.dateRequired'];
  }
  if (askOverBudget && draft.over_budget_reason.trim() === '') errors.over_budget_reason = ['programmes.ledger.problems.reasonRequired'];
  if (Object.keys(errors).length > 0 || !value.ok) return { errors, input: null };
  const id = Number(draft.recipient_id);
  const input: AssistanceInput = {
    programme_id: programmeId,
    kind: draft.kind as AssistanceKind,
    value: value.value,
    given_on: draft.given_on,
    until_on: draft.until_on || null,
    disbursed_on: draft.disbursed_on || null,
    description: draft.description.trim() || null,
    ...(draft.recipient_kind === 'group' ? { group_id: id } : { enterprise_id: id }),
    ...(draft.provider_id ? { provider_id: Number(draft.provider_id) } : {}),
    ...(askOverBudget ? { over_budget_reason: draft.over_budget_reason.trim() } : {}),
    ...(loan ? { loan: { annual_rate_bp: rate!, term_months: term!, method: draft.method, first_due_on: draft.first_due_on } } : {}),
  };
  return { errors, input };
}

export interface RepaymentDraft {
  paid_on: string;
  amount: string;
}

export type RepaymentField = 'paid_on' | 'amount';

export function validateRepayment(draft: RepaymentDraft): Checked<RepaymentField, RepaymentInput> {
  const errors: LocalProblems<RepaymentField> = {};
  if (draft.paid_on === '') errors.paid_on = ['programmes.form.problems.dateRequired'];
  const amount = parseRupiah(draft.amount);
  if (!amount.ok) errors.amount = [`amount.${amount.problem}`];
  else if (amount.value <= 0) errors.amount = ['programmes.loan.problems.positive'];
  if (Object.keys(errors).length > 0 || !amount.ok) return { errors, input: null };
  return { errors, input: { paid_on: draft.paid_on, amount: amount.value } };
}
