import { describe, expect, it } from 'vitest';
import {
  emptyDecisionDraft,
  emptyDeliberationDraft,
  emptyGroupDraft,
  emptyMeetingDraft,
  emptyMemberDraft,
  memberFieldsShown,
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
  it('sends the filled options only, in order', () => {
    const { input } = validateDeliberation({
      ...emptyDeliberationDraft(),
      title: 'Harga tape seragam',
      topic: 'price',
      options: ['', ' Rp 12.000 per kg ', 'Harga sendiri-sendiri', ''],
    });
    expect(input).toEqual({
      title: 'Harga tape seragam',
      topic: 'price',
      method: 'vote',
      options: ['Rp 12.000 per kg', 'Harga sendiri-sendiri'],
    });
  });

  it('marks the box that repeats an earlier option, however it is spaced or capitalised', () => {
    const { errors, input } = validateDeliberation({
      ...emptyDeliberationDraft(),
      title: 'Iuran',
      topic: 'fee_rule',
      options: ['Iuran Rp 10.000', 'iuran  rp 10.000'],
    });
    expect(input).toBeNull();
    expect(keys(errors['options[1]'])).toEqual(['groups.deliberations.errors.optionDuplicate']);
  });

  it('needs a title, a topic and at least one option', () => {
    const { errors } = validateDeliberation(emptyDeliberationDraft());
    expect(Object.keys(errors).sort()).toEqual(['options', 'title', 'topic']);
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
