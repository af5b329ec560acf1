import { useTranslation } from 'react-i18next';
import { questionText, scaleWordsOf, type SurveyResponse, type SurveyTemplate } from '../types';
import { answerValue } from '../types/answers';

/** A kept response in words, question by question: what she wrote, the answer she chose, what she ticked. */
export function OwnAnswers({ template, response }: { template: SurveyTemplate; response: SurveyResponse }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const words = scaleWordsOf(template.code);
  return (
    <dl className="answer-list" data-testid="own-answers">
      {template.questions.map((question) => {
        const answer = answerValue(question, response.answers);
        let text: string;
        if (answer.kind === 'open') text = answer.text;
        else if (answer.kind === 'likert') text = t('surveys.scale.choice', { value: answer.scale, words: t(`surveys.scale.${words}.${answer.scale as 1 | 2 | 3 | 4 | 5}`) });
        else if (answer.kind === 'check') text = answer.checked ? t('surveys.own.chosen') : t('surveys.own.notChosen');
        else text = t('surveys.own.unanswered');
        return (
          <div key={question.id} className="answer-list__item">
            <dt>{questionText(question, language)}</dt>
            <dd className={answer.kind === 'none' ? 'muted' : undefined}>{text}</dd>
          </div>
        );
      })}
    </dl>
  );
}
