import { describe, expect, it } from 'vitest';
import {
  deliberationFieldsShown,
  effectiveDefault,
  emptyDecisionDraft,
  emptyDeliberationDraft,
  emptyGroupDraft,
  emptyMeetingDraft,
  emptyMemberDraft,
  memberFieldsShown,
  nextMonth,
  optionBoxOfSent,
  validateDecision,
  validateDeliberation,
  validateGroup,
  validateMeeting,
  validateMember,
} from './forms';

const TODAY = '2026-03-10';
const keys = (problems: { key: string }[] | undefined) => (problems ?? []).map((p) => p.key);

describe('validateGroup', () => {
  it('names every missing required field at once and sends nothing', () => {
    const { errors, input } = validateGroup(emptyGroupDraft(), TODAY);
    expect(input).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(['kind', 'name', 'sector', 'village_code']);
  });

  it('builds the POST body, trimmed, leaving empty optional fields out', () => {
    const { errors, input } = validateGroup(
      {
        ...emptyGroupDraft(),
        name: '  Harapan Sejahtera ',
        kind: 'joint_business_group',
        sector: 'food_processing',
        village_code: '35.07.20.2004',
        business_centre: ' ',
        legality: 'Keputusan Kepala Desa No. 12/2019',
        legality_date: '2019-03-01',
        sop_meetings_per_month: '2',
      },
      TODAY,
    );
    expect(errors).toEqual({});
    expect(input).toEqual({
      name: 'Harapan Sejahtera',
      kind: 'joint_business_group',
      sector: 'food_processing',
      village_code: '35.07.20.2004',
      origin: 'self_initiated',
      legality: 'Keputusan Kepala Desa No. 12/2019',
      legality_date: '2019-03-01',
      sop_meetings_per_month: 2,
    });
  });

  it('wants a village, not a district, dates that have happened, and an SOP of 1 to 31 meetings', () => {
    const { errors } = validateGroup(
      {
        ...emptyGroupDraft(),
        name: 'X',
        kind: 'cooperative',
        sector: 'batik',
        village_code: '35.07.20',
        founded_on: '2026-03-11',
        legality_date: '2026-02-30',
        sop_meetings_per_month: '0',
      },
      TODAY,
    );
    expect(keys(errors.village_code)).toEqual(['groups.form.errors.villageLevel']);
    expect(keys(errors.founded_on)).toEqual(['groups.form.errors.dateInFuture']);
    expect(keys(errors.legality_date)).toEqual(['groups.form.errors.date']);
    expect(keys(errors.sop_meetings_per_month)).toEqual(['groups.form.errors.sop']);
    expect(validateGroup({ ...emptyGroupDraft(), sop_meetings_per_month: '32' }, TODAY).errors.sop_meetings_per_month).toBeDefined();
    expect(validateGroup({ ...emptyGroupDraft(), sop_meetings_per_month: '1.5' }, TODAY).errors.sop_meetings_per_month).toBeDefined();
  });
});

describe('validateMember', () => {
  it('adds someone new with her name, gender and phone, as a member from today by default', () => {
    const { input } = validateMember(
      { ...emptyMemberDraft(TODAY), name: ' Painem ', gender: 'female', phone: '0812-3456-7890' },
      TODAY,
    );
    expect(input).toEqual({
      person: { name: 'Painem', gender: 'female', phone: '0812-3456-7890' },
      role: 'member',
      mentor: false,
      local_hero: false,
      joined_on: TODAY,
    });
  });

  it('adds someone from the registry by id, with her office and flags', () => {
    const { input } = validateMember(
      { ...emptyMemberDraft(TODAY), mode: 'existing', person: { id: 12, name: 'Sulastri' }, role: 'leader', mentor: true, local_hero: true, joined_on: '' },
      TODAY,
    );
    expect(input).toEqual({ person_id: 12, role: 'leader', mentor: true, local_hero: true });
  });

  it('asks for the name, or for a chosen person, and refuses a joining day to come', () => {
    expect(keys(validateMember(emptyMemberDraft(TODAY), TODAY).errors.person_name)).toEqual(['groups.members.errors.nameRequired']);
    expect(keys(validateMember({ ...emptyMemberDraft(TODAY), mode: 'existing' }, TODAY).errors.person_id)).toEqual([
      'groups.members.errors.personRequired',
    ]);
    expect(keys(validateMember({ ...emptyMemberDraft(TODAY), name: 'A', joined_on: '2026-04-01' }, TODAY).errors.joined_on)).toEqual([
      'groups.form.errors.dateInFuture',
    ]);
  });
});

describe('memberFieldsShown', () => {
  it("files the new person's errors beside her boxes, and a chosen person's beside the search", () => {
    expect(memberFieldsShown('new')).toEqual(['person_name', 'person_gender', 'person_phone', 'role', 'joined_on']);
    expect(memberFieldsShown('existing')).toEqual(['person_id', 'role', 'joined_on']);
  });
});

describe('validateMeeting', () => {
  it('sends the day and kind, and the venue and agenda when written', () => {
    expect(validateMeeting({ ...emptyMeetingDraft(TODAY), venue: ' rumah Bu Sulastri ' }).input).toEqual({
      kind: 'formal',
      held_on: TODAY,
      venue: 'rumah Bu Sulastri',
    });
  });

  it('needs a date', () => {
    expect(keys(validateMeeting({ ...emptyMeetingDraft(TODAY), held_on: '' }).errors.held_on)).toEqual([
      'groups.meetings.errors.dateRequired',
    ]);
  });
});

describe('validateDeliberation', () => {
  const VOTERS = 10;

  it('sends the filled options only, in order, with the rule and not the old method', () => {
    const { input } = validateDeliberation(
      {
        ...emptyDeliberationDraft(),
        title: 'Harga tape seragam',
        topic: 'price',
        options: ['', ' Rp 12.000 per kg ', 'Harga sendiri-sendiri', ''],
      },
      VOTERS,
    );
    expect(input).toEqual({
      title: 'Harga tape seragam',
      topic: 'price',
      rule: 'majority',
      options: ['Rp 12.000 per kg', 'Harga sendiri-sendiri'],
    });
  });

  it('marks the box that repeats an earlier option, however it is spaced or capitalised', () => {
    const { errors, input } = validateDeliberation(
      {
        ...emptyDeliberationDraft(),
        title: 'Iuran',
        topic: 'fee_rule',
        options: ['Iuran Rp 10.000', 'iuran  rp 10.000'],
      },
      VOTERS,
    );
    expect(input).toBeNull();
    expect(keys(errors['options[1]'])).toEqual(['groups.deliberations.errors.optionDuplicate']);
  });

  it('needs a title, a topic and at least one option', () => {
    const { errors } = validateDeliberation(emptyDeliberationDraft(), VOTERS);
    expect(Object.keys(errors).sort()).toEqual(['options', 'title', 'topic']);
  });

  it('sends a quorum typed for a vote, from 1 up to the active members, and none when left empty', () => {
    const draft = { ...emptyDeliberationDraft(), title: 'Jadwal', topic: 'schedule' as const, options: ['Kamis'], rule: 'two_thirds' as const };
    expect(validateDeliberation({ ...draft, quorum: ' 6 ' }, VOTERS).input).toMatchObject({ rule: 'two_thirds', quorum: 6 });
    expect(validateDeliberation(draft, VOTERS).input).not.toHaveProperty('quorum');
    for (const wrong of ['0', '11', 'enam', '2,5']) {
      const { errors, input } = validateDeliberation({ ...draft, quorum: wrong }, VOTERS);
      expect(input, wrong).toBeNull();
      expect(errors.quorum, wrong).toEqual([{ key: 'groups.deliberations.errors.quorumRange', values: { max: VOTERS } }]);
    }
  });

  it('ignores a quorum typed before switching to consensus, which takes none', () => {
    const { input } = validateDeliberation(
      { ...emptyDeliberationDraft(), title: 'Tema belajar', topic: 'learning_theme', options: ['Pengemasan'], rule: 'consensus', quorum: '6' },
      VOTERS,
    );
    expect(input).toEqual({ title: 'Tema belajar', topic: 'learning_theme', rule: 'consensus', options: ['Pengemasan'] });
  });

  it('sends a fee change from the first day of the month chosen, with the fee topic and no options', () => {
    const { errors, input } = validateDeliberation(
      {
        ...emptyDeliberationDraft(),
        title: 'Iuran bulanan naik menjadi Rp 15.000',
        topic: 'price',
        options: ['left over from before', ''],
        changes: true,
        change_setting: 'monthly_fee',
        change_amount: 'Rp 15.000',
        change_effective_on: '2027-01',
        quorum: '6',
        rule: 'two_thirds',
      },
      VOTERS,
    );
    expect(errors).toEqual({});
    expect(input).toEqual({
      title: 'Iuran bulanan naik menjadi Rp 15.000',
      topic: 'fee_rule',
      rule: 'two_thirds',
      quorum: 6,
      change: { setting: 'monthly_fee', amount: 15_000, effective_on: '2027-01-01' },
    });
  });

  it('sends an SOP change as meetings a month under topic rule, and a market area from a day', () => {
    const base = { ...emptyDeliberationDraft(), title: 'Perubahan', changes: true };
    expect(
      validateDeliberation({ ...base, change_setting: 'sop_meetings', change_meetings: '2', change_effective_on: '2027-02' }, VOTERS).input,
    ).toEqual({ title: 'Perubahan', topic: 'rule', rule: 'majority', change: { setting: 'sop_meetings', meetings: 2, effective_on: '2027-02-01' } });
    expect(
      validateDeliberation(
        { ...base, change_setting: 'market_area', change_member_id: '14', change_area: ' Pasar Kepanjen ', change_effective_on: '2026-12-15' },
        VOTERS,
      ).input,
    ).toEqual({
      title: 'Perubahan',
      topic: 'market_areas',
      rule: 'majority',
      change: { setting: 'market_area', member_id: 14, area: 'Pasar Kepanjen', effective_on: '2026-12-15' },
    });
  });

  it("checks a change's own fields: the setting, its value and when it applies", () => {
    const base = { ...emptyDeliberationDraft(), title: 'Perubahan', changes: true };
    expect(Object.keys(validateDeliberation(base, VOTERS).errors)).toEqual(['change_setting']);
    const fee = validateDeliberation({ ...base, change_setting: 'monthly_fee', change_amount: '15.5', change_effective_on: '' }, VOTERS);
    expect(fee.input).toBeNull();
    expect(keys(fee.errors.change_amount)).toEqual(['amount.invalid_format']);
    expect(keys(fee.errors.change_effective_on)).toEqual(['groups.deliberations.errors.monthRequired']);
    const sop = validateDeliberation({ ...base, change_setting: 'sop_meetings', change_meetings: '32', change_effective_on: '2027-13' }, VOTERS);
    expect(keys(sop.errors.change_meetings)).toEqual(['groups.form.errors.sop']);
    expect(keys(sop.errors.change_effective_on)).toEqual(['groups.treasury.errors.month']);
    const area = validateDeliberation({ ...base, change_setting: 'market_area', change_effective_on: '2026-02-30' }, VOTERS);
    expect(Object.keys(area.errors).sort()).toEqual(['change_area', 'change_effective_on', 'change_member_id']);
  });

  it('refuses a fee of Rp 0 before sending, as the server does for every fee', () => {
    const { errors, input } = validateDeliberation(
      { ...emptyDeliberationDraft(), title: 'Iuran dihapus', changes: true, change_setting: 'monthly_fee', change_amount: '0', change_effective_on: '2027-01' },
      VOTERS,
    );
    expect(input).toBeNull();
    expect(keys(errors.change_amount)).toEqual(['groups.treasury.errors.zero']);
  });

  it('places server messages only on the fields the form shows for the draft', () => {
    const plain = deliberationFieldsShown({ changes: false, change_setting: '', rule: 'majority' });
    expect(plain).toContain('topic');
    expect(plain).toContain('options');
    expect(plain).toContain('quorum');
    expect(plain.filter((field) => field.startsWith('change'))).toEqual([]);
    const fee = deliberationFieldsShown({ changes: true, change_setting: 'monthly_fee', rule: 'consensus' });
    expect(fee).not.toContain('topic');
    expect(fee).not.toContain('options');
    expect(fee).not.toContain('quorum');
    expect(fee.filter((field) => field.startsWith('change'))).toEqual(['change', 'change_setting', 'change_amount', 'change_effective_on']);
  });

  it('starts a fee or SOP change next month and a market area today', () => {
    expect(nextMonth('2026-12-03')).toBe('2027-01');
    expect(nextMonth('2026-03-31')).toBe('2026-04');
    expect(effectiveDefault('monthly_fee', '2026-12-03')).toBe('2027-01');
    expect(effectiveDefault('market_area', '2026-12-03')).toBe('2026-12-03');
    expect(effectiveDefault('', '2026-12-03')).toBe('');
  });

  it('finds the box of an option the server numbered among those sent', () => {
    expect(optionBoxOfSent(['', 'A', '', 'B'], 1)).toBe(3);
    expect(optionBoxOfSent(['', 'A'], 0)).toBe(1);
    expect(optionBoxOfSent(['A'], 2)).toBeNull();
  });
});

describe('validateDecision', () => {
  it('sends only the note for a vote: the count decides', () => {
    expect(validateDecision('vote', { ...emptyDecisionDraft(), outcome: 'agreed', note: ' anggota setuju ' }).input).toEqual({
      note: 'anggota setuju',
    });
    expect(validateDecision('vote', emptyDecisionDraft()).input).toEqual({});
  });

  it('needs the outcome of a consensus, and the agreed option when agreed', () => {
    expect(Object.keys(validateDecision('consensus', emptyDecisionDraft()).errors)).toEqual(['outcome']);
    expect(Object.keys(validateDecision('consensus', { ...emptyDecisionDraft(), outcome: 'agreed' }).errors)).toEqual(['option_id']);
    expect(validateDecision('consensus', { ...emptyDecisionDraft(), outcome: 'agreed', option_id: '32' }).input).toEqual({
      outcome: 'agreed',
      option_id: 32,
    });
    expect(validateDecision('consensus', { ...emptyDecisionDraft(), outcome: 'not_agreed', option_id: '32' }).input).toEqual({
      outcome: 'not_agreed',
    });
  });
});
