import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Alert } from '../../../components/Alert';
import { BackLink } from '../../../components/BackLink';
import { formatDay, joinDetails } from '../../../lib/format';
import { useGroupMembers, useSurvey, useSurveyResponses } from '../hooks/use-surveys';
import { answerableFor, templateName, type SurveyGroup, type SurveyResponse, type SurveyView } from '../types';
import { surveyProblemMessage } from '../types/errors';
import { kindsOf } from '../types/kinds';
import { codingPath, surveysPath, type SurveyNotice } from '../types/paths';
import { AnswerForm } from './AnswerForm';
import { OwnAnswers } from './OwnAnswers';

// The charts (recharts) load when a survey is first opened: the list and the workspace never carry them.
const SurveyCharts = lazy(() => import('./SurveyCharts').then((m) => ({ default: m.SurveyCharts })));

/**
 * One survey: what it asks, her own answers (or the form to give them), for those who guide the
 * group a form to answer for a member without an account, and the group's totals as charts.
 */
export function SurveyPage({ group, surveyId }: { group: SurveyGroup; surveyId: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const location = useLocation();
  const notice = (location.state as SurveyNotice | null)?.notice;
  const survey = useSurvey(surveyId);
  const data = survey.data;
  const readsResponses = data !== undefined && (data.can_guide || data.own_response_id !== null);
  const responses = useSurveyResponses(surveyId, readsResponses);

  if (!data) {
    return (
      <>
        <BackLink to={surveysPath(group.id)}>{t('surveys.survey.back')}</BackLink>
        {survey.isError ? <Alert tone="error">{surveyProblemMessage(t, survey.error)}</Alert> : <p role="status">{t('surveys.survey.loading')}</p>}
      </>
    );
  }

  const kinds = kindsOf(data.template);
  const own = data.own_response_id !== null ? responses.data?.find((r) => r.id === data.own_response_id) : undefined;
  return (
    <>
      <BackLink to={surveysPath(group.id)}>{t('surveys.survey.back')}</BackLink>
      <section className="card" aria-labelledby="survey-title" data-testid="survey">
        <h2 id="survey-title" tabIndex={-1}>
          {data.title}
        </h2>
        <p className="muted">
          {joinDetails([
            templateName(data.template, language) !== data.title ? templateName(data.template, language) : null,
            t('surveys.survey.openedOn', { date: formatDay(data.opened_on, language) }),
            t('surveys.survey.respondents', { count: data.responses }),
          ])}
        </p>
        <p>{data.template.description}</p>
        {notice === 'created' ? <Alert tone="success">{t('surveys.start.created')}</Alert> : null}
        {data.can_guide && kinds.includes('open') ? (
          <p>
            <Link to={codingPath(group.id, data.id)} className="button button--secondary">
              {t('surveys.survey.coding')}
            </Link>
          </p>
        ) : null}
      </section>
      <OwnSection group={group} survey={data} own={own} loadingOwn={data.own_response_id !== null && responses.isPending} />
      {data.can_guide ? <ForMemberSection group={group} survey={data} responses={responses.data} /> : null}
      <Suspense fallback={<p role="status">{t('surveys.charts.loading')}</p>}>
        <SurveyCharts survey={data} kinds={kinds} />
      </Suspense>
    </>
  );
}

/** Her own answers once given, or the form to give them (a member of a group still active). */
function OwnSection({ group, survey, own, loadingOwn }: { group: SurveyGroup; survey: SurveyView; own: SurveyResponse | undefined; loadingOwn: boolean }) {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  if (group.member_id === null) return null;
  if (survey.own_response_id === null && group.status === 'dissolved') return <Alert tone="info">{t('surveys.answer.closedGroup')}</Alert>;
  return (
    <section className="card" aria-labelledby="survey-own-title" data-testid="survey-own">
      <h2 id="survey-own-title">{t('surveys.answer.title')}</h2>
      {sent ? <Alert tone="success">{t('surveys.answer.sent')}</Alert> : null}
      {survey.own_response_id === null ? (
        <>
          <p className="muted">{t('surveys.answer.intro')}</p>
          <AnswerForm survey={survey} onSaved={() => setSent(true)} testId="survey-answer" />
        </>
      ) : null}
      {survey.own_response_id !== null && own ? <OwnAnswers template={survey.template} response={own} /> : null}
      {survey.own_response_id !== null && !own && loadingOwn ? <p role="status">{t('surveys.own.loading')}</p> : null}
    </section>
  );
}

/** A guide records the answers of a member without an account (one with an account answers herself). */
function ForMemberSection({ group, survey, responses }: { group: SurveyGroup; survey: SurveyView; responses: SurveyResponse[] | undefined }) {
  const { t } = useTranslation();
  const members = useGroupMembers(group.id);
  const [saved, setSaved] = useState<SurveyResponse | null>(null);
  const [round, setRound] = useState(0);
  if (!members.data || !responses) return null;
  const choices = answerableFor(members.data, new Set(responses.map((r) => r.member_id)));
  return (
    <section className="card" aria-labelledby="survey-for-title" data-testid="survey-for-member">
      <h2 id="survey-for-title">{t('surveys.answer.forMemberTitle')}</h2>
      <p className="muted">{t('surveys.answer.forMemberIntro')}</p>
      {saved ? <Alert tone="success">{t('surveys.answer.sentFor', { name: saved.member })}</Alert> : null}
      {choices.length === 0 ? (
        <p className="muted">{t('surveys.answer.noMemberLeft')}</p>
      ) : (
        <AnswerForm
          key={round}
          survey={survey}
          members={choices}
          onSaved={(response) => {
            setSaved(response);
            setRound((n) => n + 1);
          }}
          testId="survey-answer-for"
        />
      )}
      {saved ? (
        <details className="answer-details">
          <summary>{t('surveys.own.recordedFor', { name: saved.member })}</summary>
          <OwnAnswers template={survey.template} response={saved} />
        </details>
      ) : null}
    </section>
  );
}
