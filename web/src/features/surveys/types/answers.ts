// Answering a survey: the draft a form keeps (one text per question: the words of an open
// question, "1"…"5" for a scale, "true" for a ticked item), its checks, and the body it becomes.
import type { Checked } from '../../../lib/use-form';
import type { LocalProblems } from '../../../lib/use-form-errors';
import type { AnswerInput, ResponseInput, SurveyAnswer, SurveyQuestion, SurveyTemplate } from './index';

/** The longest open answer the server keeps. */
export const MAX_ANSWER = 2000;

/** A form's key for a question: "q7". */
export type QuestionField = `q${number}`;
export type AnswerField = QuestionField | 'member_id' | 'answers';

export function questionField(questionId: number): QuestionField {
  return `q${questionId}`;
}

export interface AnswerDraft {
  /** The member answered for ("" for oneself). */
  member_id: string;
  /** By question id. */
  values: Record<number, string>;
}

export function emptyAnswerDraft(): AnswerDraft {
  return { member_id: '', values: {} };
}

/**
 * The checks the server makes, before sending: every statement of a scale gets one of its five
 * answers (the charts count each statement), an open answer is at most 2000 characters and at
 * least one question is answered in words when the survey has only open questions; a checklist
 * item not ticked is sent as not chosen, so that the share of members choosing it counts her.
 * A guide names the member she answers for.
 */
export function validateAnswers(
  template: Pick<SurveyTemplate, 'questions'>,
  draft: AnswerDraft,
  forMember: boolean,
): Checked<AnswerField, ResponseInput> {
  const errors: LocalProblems<AnswerField> = {};
  const answers: AnswerInput[] = [];
  for (const question of template.questions) {
    const value = (draft.values[question.id] ?? '').trim();
    const field = questionField(question.id);
    if (question.kind === 'likert') {
      const scale = Number(value);
      if (value === '' || !Number.isInteger(scale) || scale < 1 || scale > 5) {
        errors[field] = ['surveys.answer.errors.chooseScale'];
        continue;
      }
      answers.push({ question_id: question.id, scale });
    } else if (question.kind === 'check') {
      answers.push({ question_id: question.id, checked: value === 'true' });
    } else if (value !== '') {
      if (value.length > MAX_ANSWER) {
        errors[field] = [{ key: 'surveys.answer.errors.tooLong', values: { max: MAX_ANSWER } }];
        continue;
      }
      answers.push({ question_id: question.id, text: value });
    }
  }
  if (answers.length === 0 && Object.keys(errors).length === 0) errors.answers = ['surveys.answer.errors.empty'];
  let memberId: number | undefined;
  if (forMember) {
    memberId = Number(draft.member_id);
    if (draft.member_id === '' || !Number.isSafeInteger(memberId) || memberId <= 0) errors.member_id = ['surveys.answer.errors.chooseMember'];
  }
  if (Object.keys(errors).length > 0) return { errors, input: null };
  return { errors, input: memberId !== undefined ? { member_id: memberId, answers } : { answers } };
}

/**
 * The form field an answer's error belongs to: the server names "answers[2].scale" by the answer's
 * place in what was sent, which is the question the form sent there.
 */
export function answerFieldOf(sent: Pick<ResponseInput, 'answers'>, index: number | null): QuestionField | null {
  if (index === null) return null;
  const answer = sent.answers[index];
  return answer ? questionField(answer.question_id) : null;
}

/** One kept answer in words: the text, the scale's number, or whether the item was chosen. */
export type AnswerValue =
  | { kind: 'open'; text: string }
  | { kind: 'likert'; scale: number }
  | { kind: 'check'; checked: boolean }
  | { kind: 'none' };

export function answerValue(question: Pick<SurveyQuestion, 'id' | 'kind'>, answers: readonly SurveyAnswer[]): AnswerValue {
  const answer = answers.find((a) => a.question_id === question.id);
  if (!answer) return { kind: 'none' };
  if (question.kind === 'likert' && answer.scale !== null) return { kind: 'likert', scale: answer.scale };
  if (question.kind === 'check' && answer.checked !== null) return { kind: 'check', checked: answer.checked };
  if (question.kind === 'open' && answer.text !== null) return { kind: 'open', text: answer.text };
  return { kind: 'none' };
}
