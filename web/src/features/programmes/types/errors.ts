// The server's refusals about programmes, enrolments, assistance and loans in words: the codes
// whose params carry figures (over budget, more than the loan owes, criteria not met, a status
// step, a readiness item not met, a visit before the programme's end, a round overlapping another,
// a count not the round's) get sentences of their own here; the rest the app's generic words for
// the code.
import type { TFunction } from 'i18next';
import type { FieldError } from '../../../lib/api-client';
import { fieldErrorMessage } from '../../../lib/problem-messages';
import { formatRupiah } from '../../../lib/rupiah';
import { isProgrammeStatus } from './index';
import { isReadinessItem } from './exits';
import { unmetInWords } from './words';

const money = (value: string | undefined) => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) ? formatRupiah(n) : (value ?? '');
};

export function programmeFieldMessage(t: TFunction, error: FieldError): string {
  const p = error.params;
  switch (error.code) {
    case 'exceeds_outstanding':
      return t('programmes.errors.exceedsOutstanding', { outstanding: money(p.outstanding) });
    case 'over_budget':
      return t('programmes.errors.overBudget', { budget: money(p.budget), committed: money(p.committed), value: money(p.value) });
    case 'required_outside_criteria':
      return t('programmes.errors.outsideCriteria', { unmet: unmetInWords(t, p.unmet ?? '') });
    case 'invalid_transition': {
      const word = (s: string | undefined) => (isProgrammeStatus(s) ? t(`programmes.statuses.${s}`) : (s ?? ''));
      return t('programmes.errors.invalidTransition', { from: word(p.from), to: word(p.to) });
    }
    case 'out_of_range':
      if (p.min !== undefined && p.max !== undefined) return t('programmes.errors.outOfRange', { min: p.min, max: p.max });
      return fieldErrorMessage(t, error);
    case 'before_disbursement':
      return p.disbursed_on ? t('programmes.errors.beforeDisbursement', { day: p.disbursed_on }) : fieldErrorMessage(t, error);
    case 'programme_closed':
      return t('programmes.errors.programmeClosed');
    case 'overlapping_round':
      return p.round_id
        ? t('programmes.errors.overlappingRound', { id: p.round_id, from: p.opens_on ?? '', to: p.closes_on ?? '' })
        : fieldErrorMessage(t, error);
    case 'outside_programme':
      return p.starts_on && p.ends_on ? t('programmes.errors.outsideProgramme', { from: p.starts_on, to: p.ends_on }) : fieldErrorMessage(t, error);
    case 'count_mismatch':
      return p.expected !== undefined ? t('programmes.errors.countMismatch', { expected: p.expected, given: p.given ?? '' }) : fieldErrorMessage(t, error);
    case 'not_draft': {
      const status = p.status === 'confirmed' || p.status === 'cancelled' ? t(`programmes.targeting.rounds.statuses.${p.status}`) : (p.status ?? '');
      return t('programmes.errors.notDraft', { status });
    }
    // The exit and follow-ups' codes the app's generic words do not cover, or cover without a figure.
    case 'in_future':
      return t('programmes.errors.inFuture');
    case 'not_member':
      return t('programmes.errors.notMember');
    case 'before_programme_end':
      return p.ends_on ? t('programmes.errors.beforeProgrammeEnd', { day: p.ends_on }) : fieldErrorMessage(t, error);
    case 'unmet':
      return isReadinessItem(p.item) ? t('programmes.errors.unmet', { item: t(`programmes.exits.itemNames.${p.item}`) }) : fieldErrorMessage(t, error);
    default:
      return fieldErrorMessage(t, error);
  }
}
