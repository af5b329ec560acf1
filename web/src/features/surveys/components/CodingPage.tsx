import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { BackLink } from '../../../components/BackLink';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { SelectField } from '../../../components/SelectField';
import { isApiError } from '../../../lib/api-client';
import { useSurvey, useSurveyCoding, useSurveyResponses, useUntagAnswer } from '../hooks/use-surveys';
import { questionText, type CodeTag, type SurveyCode, type SurveyGroup, type SurveyResponse } from '../types';
import type { OpenAnswer } from '../types/coding';
import { surveyProblemMessage } from '../types/errors';
import { codingCsvUrl, surveyPath } from '../types/paths';
import { markPassages, quoteIn } from '../types/quote';
import { CodeForm } from './CodeForm';
import { TagForm } from './TagForm';

// The frequency chart (recharts) loads with the coding, never with the rest of the tab.
const CodingCharts = lazy(() => import('./CodingCharts').then((m) => ({ default: m.CodingCharts })));

/** A passage she selected in one answer: which answer, and the text as the answer holds it. */
interface Selected {
  key: string;
  quote: string;
}

const answerKey = (responseId: number, questionId: number) => `${responseId}-${questionId}`;

/** The answer (its text's element) a node of the page lies in, if any. */
function answerHolding(node: Node | null): HTMLElement | null {
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  return element ? element.closest('[data-coding-answer]') : null;
}

/**
 * The passage selected on the page, if it lies within one answer: remembered when the selection
 * changes (a tap on a button afterwards may clear the browser's own selection).
 */
function useAnswerSelection(): Selected | null {
  const [selected, setSelected] = useState<Selected | null>(null);
  useEffect(() => {
    const onChange = () => {
      const selection = document.getSelection();
      if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
      const start = answerHolding(selection.anchorNode);
      if (!start || start !== answerHolding(selection.focusNode)) return;
      const quote = quoteIn(start.dataset.text ?? '', selection.toString());
      if (quote !== null) setSelected({ key: start.dataset.codingAnswer ?? '', quote });
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);
  return selected;
}

/**
 * Coding a survey's open answers (seed 000 coded its interviews in NVivo): per question, each
 * member's answer; she selects a passage and gives it a code from the survey's codebook, removes
 * a tag, adds a code; the codes' frequencies and co-occurrences as a chart and a table; the whole
 * coding as a CSV sheet.
 */
export function CodingPage({ group, surveyId }: { group: SurveyGroup; surveyId: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const selectId = useId();
  const survey = useSurvey(surveyId);
  const coding = useSurveyCoding(surveyId);
  const responses = useSurveyResponses(surveyId);
  const selected = useAnswerSelection();
  const [chosenQuestion, setChosenQuestion] = useState<number | null>(null);
  const [tagging, setTagging] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const back = <BackLink to={surveyPath(group.id, surveyId)}>{t('surveys.coding.back')}</BackLink>;
  const failure = survey.error ?? coding.error ?? responses.error;
  if (failure) {
    const denied = isApiError(failure) && failure.slug === 'forbidden';
    return (
      <>
        {back}
        <Alert tone="error">{denied ? t('surveys.coding.onlyGuides') : surveyProblemMessage(t, failure)}</Alert>
      </>
    );
  }
  if (!survey.data || !coding.data || !responses.data) {
    return (
      <>
        {back}
        <p role="status">{t('surveys.coding.loading')}</p>
      </>
    );
  }
  const openQuestions = survey.data.template.questions.filter((q) => q.kind === 'open');
  if (openQuestions.length === 0) {
    return (
      <>
        {back}
        <Alert tone="info">{t('surveys.coding.noOpenQuestions')}</Alert>
      </>
    );
  }
  const questionId = chosenQuestion ?? openQuestions.find((q) => answersTo(responses.data, q.id).length > 0)?.id ?? openQuestions[0]!.id;
  const answers = answersTo(responses.data, questionId);
  const codes = coding.data.codes;
  const tags = coding.data.tags;

  return (
    <>
      {back}
      <section className="card" aria-labelledby="coding-title" data-testid="coding">
        <h2 id="coding-title" tabIndex={-1}>
          {t('surveys.coding.title')}
        </h2>
        <p className="muted">{survey.data.title}</p>
        <p>{t('surveys.coding.intro')}</p>
        <p>
          <a className="button button--secondary" href={codingCsvUrl(surveyId)} download data-testid="coding-csv">
            {t('surveys.coding.export')}
          </a>
        </p>
        <p className="muted">{t('surveys.coding.exportHint')}</p>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        <SelectField
          id={selectId}
          label={t('surveys.coding.question')}
          options={openQuestions.map((q) => ({ value: String(q.id), label: `${q.position}. ${questionText(q, language)}` }))}
          value={String(questionId)}
          onChange={(event) => {
            setChosenQuestion(Number(event.target.value));
            setTagging(null);
          }}
        />
        {answers.length === 0 ? <p className="muted">{t('surveys.coding.noAnswers')}</p> : null}
        <ul className="record-list" data-testid="coding-answers">
          {answers.map((answer) => {
            const key = answerKey(answer.response_id, answer.question_id);
            return (
              <AnswerCard
                key={key}
                surveyId={surveyId}
                answer={answer}
                codes={codes}
                tags={tags.filter((tag) => tag.response_id === answer.response_id && tag.question_id === answer.question_id)}
                tagging={tagging === key}
                selection={selected?.key === key ? selected.quote : null}
                onTag={() => {
                  setNotice(null);
                  setTagging(key);
                }}
                onDone={(message) => {
                  setTagging(null);
                  if (message) setNotice(message);
                }}
                onRemoved={() => setNotice(t('surveys.coding.removed'))}
              />
            );
          })}
        </ul>
      </section>
      <CodeForm surveyId={surveyId} codes={codes} />
      <Suspense fallback={<p role="status">{t('surveys.charts.loading')}</p>}>
        <CodingCharts coding={coding.data} />
      </Suspense>
    </>
  );
}

/** The answers to one open question, one per member who wrote one. */
function answersTo(responses: readonly SurveyResponse[], questionId: number): OpenAnswer[] {
  return responses.flatMap((response) => {
    const text = response.answers.find((a) => a.question_id === questionId)?.text ?? null;
    return text ? [{ response_id: response.id, question_id: questionId, member: response.member, text }] : [];
  });
}

interface AnswerCardProps {
  surveyId: number;
  answer: OpenAnswer;
  codes: readonly SurveyCode[];
  tags: readonly CodeTag[];
  tagging: boolean;
  selection: string | null;
  onTag: () => void;
  onDone: (message: string | null) => void;
  onRemoved: () => void;
}

function AnswerCard({ surveyId, answer, codes, tags, tagging, selection, onTag, onDone, onRemoved }: AnswerCardProps) {
  const { t } = useTranslation();
  const untag = useUntagAnswer(surveyId);
  const labelOf = (codeId: number) => codes.find((c) => c.id === codeId)?.label ?? String(codeId);
  const pieces = markPassages(answer.text, tags);
  return (
    <li className="record-card coding-answer" data-testid="coding-answer">
      <h3 className="record-card__title">{t('surveys.coding.answerOf', { name: answer.member })}</h3>
      <p className="coding-answer__text" data-coding-answer={answerKey(answer.response_id, answer.question_id)} data-text={answer.text}>
        {pieces.map((piece, i) =>
          piece.tags.length > 0 ? (
            <mark key={i} title={t('surveys.coding.marked', { labels: [...new Set(piece.tags.map((id) => labelOf(tags.find((tag) => tag.id === id)!.code_id)))].join(', ') })}>
              {piece.text}
            </mark>
          ) : (
            <span key={i}>{piece.text}</span>
          ),
        )}
      </p>
      {tags.length > 0 ? (
        <ul className="tag-list" data-testid="coding-tags">
          {tags.map((tag) => {
            const label = labelOf(tag.code_id);
            return (
              <li key={tag.id} className="tag-list__item">
                <span>{t('surveys.coding.tagLine', { label, quote: tag.quote })}</span>
                <ConfirmAction
                  label={t('surveys.coding.remove')}
                  accessibleLabel={t('surveys.coding.removeLabel', { label, quote: tag.quote })}
                  question={t('surveys.coding.removeQuestion', { label, quote: tag.quote })}
                  confirmLabel={t('surveys.coding.removeConfirm')}
                  onConfirm={async () => {
                    await untag.mutateAsync(tag.id);
                    onRemoved();
                  }}
                  describeError={(error) => surveyProblemMessage(t, error)}
                />
              </li>
            );
          })}
        </ul>
      ) : null}
      {tagging ? (
        <TagForm surveyId={surveyId} answer={answer} codes={codes} initialQuote={selection ?? ''} onDone={onDone} />
      ) : (
        <button type="button" className="button button--primary" onClick={onTag}>
          {t('surveys.coding.tag')}
        </button>
      )}
    </li>
  );
}
