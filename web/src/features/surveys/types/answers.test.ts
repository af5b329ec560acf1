import { describe, expect, it } from 'vitest';
import { BENEFITS, OPEN, PERCEPTION } from '../../../test/surveys';
import { answerFieldOf, answerValue, emptyAnswerDraft, validateAnswers } from './answers';

describe('answering a survey', () => {
  it('asks for one of the five answers on every statement of a scale', () => {
    const checked = validateAnswers(PERCEPTION, { member_id: '', values: { 7: '5' } }, false);
    expect(checked.input).toBeNull();
    expect(checked.errors).toEqual({ q8: ['surveys.answer.errors.chooseScale'] });
    expect(validateAnswers(PERCEPTION, { member_id: '', values: { 7: '5', 8: '4' } }, false).input).toEqual({
      answers: [
        { question_id: 7, scale: 5 },
        { question_id: 8, scale: 4 },
      ],
    });
  });

  it('sends every item of a checklist, those not ticked as not chosen', () => {
    expect(validateAnswers(BENEFITS, { member_id: '', values: { 13: 'true' } }, false).input).toEqual({
      answers: [
        { question_id: 12, checked: false },
        { question_id: 13, checked: true },
      ],
    });
  });

  it('leaves out open questions left empty, but not all of them, and trims the words', () => {
    expect(validateAnswers(OPEN, emptyAnswerDraft(), false).errors).toEqual({ answers: ['surveys.answer.errors.empty'] });
    expect(validateAnswers(OPEN, { member_id: '', values: { 5: '  kerja sama ' } }, false).input).toEqual({
      answers: [{ question_id: 5, text: 'kerja sama' }],
    });
    expect(validateAnswers(OPEN, { member_id: '', values: { 5: 'x'.repeat(2001) } }, false).errors.q5).toEqual([
      { key: 'surveys.answer.errors.tooLong', values: { max: 2000 } },
    ]);
  });

  it('has a guide name the member she answers for', () => {
    const values = { 7: '3', 8: '2' };
    expect(validateAnswers(PERCEPTION, { member_id: '', values }, true).errors).toEqual({ member_id: ['surveys.answer.errors.chooseMember'] });
    expect(validateAnswers(PERCEPTION, { member_id: '14', values }, true).input).toEqual({
      member_id: 14,
      answers: [
        { question_id: 7, scale: 3 },
        { question_id: 8, scale: 2 },
      ],
    });
  });

  it('puts an error about the answer sent at a place beside the question sent there', () => {
    const sent = { answers: [{ question_id: 7, scale: 5 }, { question_id: 8, scale: 9 }] };
    expect(answerFieldOf(sent, 1)).toBe('q8');
    expect(answerFieldOf(sent, 5)).toBeNull();
    expect(answerFieldOf(sent, null)).toBeNull();
  });

  it('reads a kept answer by its question’s kind', () => {
    const answers = [
      { question_id: 7, text: null, scale: 4, checked: null },
      { question_id: 12, text: null, scale: null, checked: false },
      { question_id: 5, text: 'Saling membantu', scale: null, checked: null },
    ];
    expect(answerValue(PERCEPTION.questions[0]!, answers)).toEqual({ kind: 'likert', scale: 4 });
    expect(answerValue(BENEFITS.questions[0]!, answers)).toEqual({ kind: 'check', checked: false });
    expect(answerValue(OPEN.questions[1]!, answers)).toEqual({ kind: 'open', text: 'Saling membantu' });
    expect(answerValue(PERCEPTION.questions[1]!, answers)).toEqual({ kind: 'none' });
  });
});
