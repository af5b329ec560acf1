// A member's own records (issue 13, the member) as GET …/members/{member_id}/summary answers
// them: her fees and arrears, her shares of joint orders, her votes, her posts and her
// competencies (issue 14). Words are the
// API's; i18n turns them into the reader's.
import type { Schemas } from '../../../lib/api/schemas';

export type MemberSummary = Schemas['MemberSummary'];
export type MemberFeePosition = Schemas['MemberFeePosition'];
export type MemberFeePayment = Schemas['MemberFeePayment'];
export type MemberOrderShare = Schemas['MemberOrderShare'];
export type MemberVote = Schemas['MemberVote'];
export type MemberPost = Schemas['MemberPost'];
export type MemberCompetency = Schemas['MemberCompetency'];

/** How many of each of her lists the view asks for. */
export const MINE_LIMIT = 5;

/**
 * Where she stands with her fees, in the words a member reads first: in arrears (and how much),
 * paid up to a month, paid up with no month to name (no fee asked yet), or nothing paid while a
 * fee is asked.
 */
export type FeeStanding =
  | { kind: 'arrears'; amount: number; paidThrough: string | null }
  | { kind: 'settled'; paidThrough: string; ahead: number }
  | { kind: 'noFee' };

export function feeStanding(fees: MemberFeePosition): FeeStanding {
  if (fees.arrears > 0) return { kind: 'arrears', amount: fees.arrears, paidThrough: fees.paid_through ?? null };
  if (fees.paid_through) return { kind: 'settled', paidThrough: fees.paid_through, ahead: Math.max(0, -fees.arrears) };
  return { kind: 'noFee' };
}
