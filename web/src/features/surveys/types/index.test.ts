import { describe, expect, it } from 'vitest';
import { member, MEMBERS } from '../../../test/groups';
import { BENEFITS, OPEN, PERCEPTION } from '../../../test/surveys';
import { answerableFor, guides, scaleWordsOf } from './index';
import { kindsOf } from './kinds';
import { codingPath, surveyAddress, surveyPath } from './paths';
import { validateStart } from './start';

describe('who guides the group’s surveys', () => {
  it('is one who reaches the group without being in it, its leader or a mentor, while it is not dissolved', () => {
    const darmi = member(15, 'Darmi', { mentor: true });
    const painem = MEMBERS.find((m) => m.id === 14)!;
    const members = [...MEMBERS, darmi];
    expect(guides({ member_id: null, status: 'active' }, members)).toBe(true);
    expect(guides({ member_id: darmi.id, status: 'active' }, members)).toBe(true);
    expect(guides({ member_id: painem.id, status: 'active' }, members)).toBe(false);
    expect(guides({ member_id: null, status: 'dissolved' }, members)).toBe(false);
  });
});

describe('whom a guide answers for', () => {
  it('is an active member without an account who has not answered, by name', () => {
    const members = [
      member(21, 'Tukini'),
      member(22, 'Painem', { user_id: 7 }),
      member(23, 'Darsih', { active: false }),
      member(24, 'Adi'),
      member(25, 'Sri'),
    ];
    expect(answerableFor(members, new Set([25])).map((m) => m.person.name)).toEqual(['Adi', 'Tukini']);
  });
});

describe('a survey’s scale', () => {
  it('reads as agreement, or as importance for the shared values', () => {
    expect(scaleWordsOf('seed000.perception')).toBe('agree');
    expect(scaleWordsOf('values')).toBe('importance');
  });
});

describe('starting a survey', () => {
  it('asks for a template; an empty title is left to the server', () => {
    expect(validateStart({ template_id: '', title: '' }, 1).errors).toEqual({ template_id: ['surveys.start.errors.chooseTemplate'] });
    expect(validateStart({ template_id: '2', title: ' ' }, 1).input).toEqual({ group_id: 1, template_id: 2 });
    expect(validateStart({ template_id: '2', title: 'Persepsi 2026' }, 1).input).toEqual({ group_id: 1, template_id: 2, title: 'Persepsi 2026' });
  });
});

describe('the kinds of question a survey asks', () => {
  it('lists the scale, the checklist, then the open questions, those the template has', () => {
    expect(kindsOf(PERCEPTION)).toEqual(['likert']);
    expect(kindsOf(BENEFITS)).toEqual(['check']);
    expect(kindsOf({ questions: [...OPEN.questions, ...PERCEPTION.questions] })).toEqual(['likert', 'open']);
  });
});

describe('a survey’s address in the learning tab', () => {
  it('opens a survey or its coding, names nothing without one, and refuses what is no survey', () => {
    expect(surveyPath(1, 5)).toBe('/groups/1/learning?survey=5');
    expect(codingPath(1, 5)).toBe('/groups/1/learning?survey=5&view=coding');
    expect(surveyAddress(new URLSearchParams('survey=5'))).toEqual({ surveyId: 5, coding: false });
    expect(surveyAddress(new URLSearchParams('survey=5&view=coding'))).toEqual({ surveyId: 5, coding: true });
    expect(surveyAddress(new URLSearchParams(''))).toBeNull();
    expect(surveyAddress(new URLSearchParams('survey=abc'))).toBe('invalid');
    expect(surveyAddress(new URLSearchParams('survey=0'))).toBe('invalid');
    expect(surveyAddress(new URLSearchParams('survey=5&view=other'))).toBe('invalid');
  });
});
