import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { CheckField } from '../../../components/CheckField';
import { FieldErrors } from '../../../components/field-parts';
import { SelectField } from '../../../components/SelectField';
import { SubmitRow } from '../../../components/SubmitRow';
import { TextAreaField } from '../../../components/TextAreaField';
import { useForm } from '../../../lib/use-form';
import { useAnswerSurvey } from '../hooks/use-surveys';
import {
  questionText,
  SCALE,
  scaleWordsOf,
  type GroupMember,
  type ResponseInput,
  type SurveyQuestion,
  type SurveyResponse,
  type SurveyView,
} from '../types';
import {
  answerFieldOf,
  emptyAnswerDraft,
  MAX_ANSWER,
  questionField,
  validateAnswers,
  type AnswerDraft,
  type AnswerField,
} from '../types/answers';
import { readSurveyErrors } from '../types/errors';

export interface AnswerFormProps {
  survey: SurveyView;
  /** For a guide answering for a member without an account: those she may choose. */
  members?: readonly GroupMember[] | undefined;
  onSaved: (saved: SurveyResponse) => void;
  testId?: string;
}

/**
 * A survey's questions as a phone form: an open question as a text box, each statement of a scale
 * as five big choices in words, the checklist as boxes to tick; one submit, and the server's
 * refusals beside the question they are about.
 */
export function AnswerForm({ survey, members, onSaved, testId }: AnswerFormProps) {
  const { t, i18n } = useTranslation();
  const formId = useId();
  const answer = useAnswerSurvey(survey.id, survey.group_id);
  const forMember = members !== undefined;
  const template = survey.template;
  const form = useForm({
    initial: emptyAnswerDraft,
    validate: (draft: AnswerDraft) => validateAnswers(template, draft, forMember),
    send: (body: ResponseInput, idempotencyKey) => answer.mutateAsync({ body, idempotencyKey }),
    readErrors: (error, sent: ResponseInput) =>
      readSurveyErrors(t, error, (field): AnswerField | null => {
        if (field.base === 'member_id') return forMember ? 'member_id' : null;
        if (field.base === 'answers') return 'answers';
        if (field.base.startsWith('answers_')) return answerFieldOf(sent, field.index);
        return null;
      }),
    onSaved,
  });
  const language = i18n.resolvedLanguage;
  const value = (question: SurveyQuestion) => form.draft.values[question.id] ?? '';
  const setValue = (question: SurveyQuestion, next: string) => form.set('values', { ...form.draft.values, [question.id]: next });
  const checks = template.questions.filter((q) => q.kind === 'check');
  const words = scaleWordsOf(template.code);

  return (
    <form className="form survey-form" onSubmit={(event) => void form.onSubmit(event)} noValidate aria-busy={form.submitting} data-testid={testId}>
      {form.server.general.length > 0 ? <Alert tone="error">{form.server.general.join(' ')}</Alert> : null}
      {forMember ? (
        <SelectField
          id={`${formId}-member`}
          name="member_id"
          label={t('common.required', { label: t('surveys.answer.member') })}
          emptyLabel={t('surveys.answer.chooseMember')}
          options={members.map((m) => ({ value: String(m.id), label: m.person.name }))}
          value={form.draft.member_id}
          errors={form.errorsFor('member_id')}
          onChange={(event) => form.set('member_id', event.target.value)}
        />
      ) : null}
      {template.questions.map((question) => {
        const errors = form.errorsFor(questionField(question.id));
        const id = `${formId}-q${question.id}`;
        if (question.kind === 'open') {
          return (
            <TextAreaField
              key={question.id}
              id={id}
              name={`q${question.id}`}
              label={questionText(question, language)}
              hint={t('surveys.answer.openHint')}
              rows={3}
              maxLength={MAX_ANSWER}
              value={value(question)}
              errors={errors}
              onChange={(event) => setValue(question, event.target.value)}
            />
          );
        }
        if (question.kind === 'likert') {
          return (
            <fieldset key={question.id} className={errors.length > 0 ? 'scale-choice field--invalid' : 'scale-choice'} data-testid="scale-question">
              <legend className="scale-choice__legend">{questionText(question, language)}</legend>
              <div className="scale-choice__options">
                {SCALE.map((n) => (
                  <label key={n} className="scale-choice__option">
                    <input
                      type="radio"
                      name={`${formId}-q${question.id}`}
                      value={n}
                      checked={value(question) === String(n)}
                      onChange={() => setValue(question, String(n))}
                      aria-describedby={errors.length > 0 ? `${id}-error` : undefined}
                    />
                    <span>{t('surveys.scale.choice', { value: n, words: t(`surveys.scale.${words}.${n}`) })}</span>
                  </label>
                ))}
              </div>
              <FieldErrors id={`${id}-error`} messages={errors} />
            </fieldset>
          );
        }
        // The checklist's items go in one group, where its first item stands.
        if (question.id !== checks[0]?.id) return null;
        return (
          <fieldset key="checks" className="check-group">
            <legend className="check-group__legend">{t('surveys.answer.checkLegend')}</legend>
            {checks.map((item) => (
              <CheckField
                key={item.id}
                id={`${formId}-q${item.id}`}
                name={`q${item.id}`}
                label={questionText(item, language)}
                checked={value(item) === 'true'}
                errors={form.errorsFor(questionField(item.id))}
                onChange={(checked) => setValue(item, checked ? 'true' : '')}
              />
            ))}
          </fieldset>
        );
      })}
      <FieldErrors messages={form.errorsFor('answers')} />
      {form.fieldsWithProblems > 0 ? <p className="field__errors">{t('surveys.answer.fixMarked')}</p> : null}
      <SubmitRow
        submitting={form.submitting}
        labels={{ submit: t('surveys.answer.submit'), saving: t('surveys.answer.sending') }}
      />
    </form>
  );
}
