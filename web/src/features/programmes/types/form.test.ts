import { describe, expect, it } from 'vitest';
import { emptyAssistanceDraft, monthAfter, validateAssistance, validateRepayment } from './assistance-form';
import { emptyProgrammeDraft, parseFollowUpMonths, programmeFieldOf, toggled, validateProgramme, type ProgrammeDraft } from './form';
import { FACTORS } from './index';

const draft = (o: Partial<ProgrammeDraft> = {}): ProgrammeDraft => ({
  ...emptyProgrammeDraft(2),
  name: ' Pemberdayaan Kelompok Tape ',
  starts_on: '2026-01-01',
  ends_on: '2026-12-31',
  factors: ['capital_access'],
  budget: 'Rp 150.000.000',
  follow_up_months: '3, 6, 12',
  ...o,
});

describe('validateProgramme', () => {
  it('sends the design with the budget typed the Indonesian way as whole rupiah', () => {
    const { errors, input } = validateProgramme(draft({ founded_within_years: '5', sectors: ['food_processing'] }), true);
    expect(errors).toEqual({});
    expect(input).toMatchObject({
      name: 'Pemberdayaan Kelompok Tape',
      owner_id: 2,
      budget: 150_000_000,
      follow_up_months: [3, 6, 12],
      sop_meetings_per_month: 1,
      criteria: { sectors: ['food_processing'], founded_within_years: 5, region_codes: [], homogeneous: false },
    });
    expect(validateProgramme(draft({ budget: '1.500.000' }), true).input?.budget).toBe(1_500_000);
  });

  it('names every wrong field at once and sends nothing', () => {
    const { errors, input } = validateProgramme(
      draft({ name: ' ', owner_id: '', ends_on: '2025-12-31', factors: [], budget: '1.500,50', sop_meetings_per_month: '40', follow_up_months: '6, 3' }),
      true,
    );
    expect(input).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(['budget', 'ends_on', 'factors', 'follow_up_months', 'name', 'owner_id', 'sop_meetings_per_month']);
    expect(errors.budget).toEqual(['amount.fraction']);
  });

  it('keeps the owner out of a change and refuses a partner named twice', () => {
    expect(validateProgramme(draft(), false).input).not.toHaveProperty('owner_id');
    const twice = draft({ partners: [{ stakeholder_id: '2', helix: '', contribution: '' }] });
    expect(validateProgramme(twice, true).errors.partners).toEqual(['programmes.form.problems.partnerTwice']);
  });

  it('reads follow-up months in order, and refuses them out of order or past 120', () => {
    expect(parseFollowUpMonths('')).toEqual({ ok: true, months: [] });
    expect(parseFollowUpMonths('3 6;12')).toEqual({ ok: true, months: [3, 6, 12] });
    expect(parseFollowUpMonths('6, 6')).toEqual({ ok: false, problem: 'notRising' });
    expect(parseFollowUpMonths('121')).toEqual({ ok: false, problem: 'invalid' });
  });

  it('puts a server field error beside the form’s field', () => {
    expect(programmeFieldOf('partners[1].stakeholder_id')).toBe('partners');
    expect(programmeFieldOf('criteria.region_codes')).toBe('criteria_region_codes');
    expect(programmeFieldOf('follow_up_months[2]')).toBe('follow_up_months');
    expect(programmeFieldOf('budget')).toBe('budget');
    expect(programmeFieldOf('colour')).toBeNull();
    expect(toggled(FACTORS, ['partnership'], 'capital_access', true)).toEqual(['capital_access', 'partnership']);
  });
});

describe('validateAssistance', () => {
  it('sends a soft loan with its terms, the rate as basis points', () => {
    const { input } = validateAssistance(
      { ...emptyAssistanceDraft('2026-01-15'), kind: 'soft_loan', recipient_id: '4', value: '12.000.000', rate: '6', first_due_on: '2026-02-15' },
      1,
      false,
    );
    expect(input).toMatchObject({
      programme_id: 1,
      group_id: 4,
      kind: 'soft_loan',
      value: 12_000_000,
      disbursed_on: '2026-01-15',
      loan: { annual_rate_bp: 600, term_months: 12, method: 'flat', first_due_on: '2026-02-15' },
    });
    expect(input).not.toHaveProperty('over_budget_reason');
  });

  it('asks for the reason once the server said the record goes over budget', () => {
    const base = { ...emptyAssistanceDraft('2026-01-15'), kind: 'grant' as const, recipient_kind: 'enterprise' as const, recipient_id: '9', value: '5000000' };
    expect(validateAssistance(base, 1, true).errors.over_budget_reason).toEqual(['programmes.ledger.problems.reasonRequired']);
    const { input } = validateAssistance({ ...base, over_budget_reason: 'tambahan dari mitra' }, 1, true);
    expect(input).toMatchObject({ enterprise_id: 9, over_budget_reason: 'tambahan dari mitra' });
    expect(input).not.toHaveProperty('loan');
  });

  it('sets a first instalment a month after, on the month’s last day when shorter', () => {
    expect(monthAfter('2026-01-31')).toBe('2026-02-28');
    expect(monthAfter('2026-12-15')).toBe('2027-01-15');
  });

  it('reads a repayment in rupiah and refuses nothing paid', () => {
    expect(validateRepayment({ paid_on: '2026-02-01', amount: '1.060.000' }).input).toEqual({ paid_on: '2026-02-01', amount: 1_060_000 });
    expect(validateRepayment({ paid_on: '2026-02-01', amount: '0' }).errors.amount).toEqual(['programmes.loan.problems.positive']);
  });
});
