import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../components/Alert';
import { BackLink } from '../../../components/BackLink';
import { Badge } from '../../../components/Badge';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { Pending } from '../../../components/Pending';
import { ProgressBar } from '../../../components/ProgressBar';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useLearningTexts } from '../../../lib/i18n/learning';
import { problemMessage } from '../../../lib/problem-messages';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { RUN_POLL_MS, useGroupNames, useMatchingRun, usePublishMatchingRun } from '../hooks/use-matching';
import {
  isRunFinished,
  MATCHING_PATH,
  maxScore,
  namesList,
  progressWords,
  publishRefusalLines,
  runPercent,
  STATUS_TONES,
  unplacedWords,
  type MatchingRunView,
} from '../types/matching';
import { TermBars } from './TermBars';

/**
 * One matching run, read every second until the worker is done: its progress in words; then the
 * proposal (each pair with its score term by term, the mentees left unplaced and why) and, for
 * an overseer, publishing it as mentorships.
 */
export function MatchingRunPage({ pollMs = RUN_POLL_MS }: { pollMs?: number }) {
  useLearningTexts();
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const params = useParams();
  const runId = Number(params.id);
  const query = useMatchingRun(runId, pollMs);
  const run = query.data;
  const groupNames = useGroupNames(run?.input.group_ids ?? []);
  useDocumentTitle(t('mentoring.matching.run.title', { id: runId }));

  const back = <BackLink to={MATCHING_PATH}>{t('mentoring.matching.run.back')}</BackLink>;
  if (!run) {
    return (
      <>
        {back}
        <h1 tabIndex={-1}>{t('mentoring.matching.run.title', { id: runId })}</h1>
        <Pending problem={query.isError ? problemMessage(t, query.error) : null} loading={t('mentoring.matching.run.loading')} />
      </>
    );
  }

  const finished = isRunFinished(run);
  const percent = runPercent(run);
  const groups = run.input.group_ids.map((id) => groupNames.get(id) ?? t('mentoring.matching.groupNumber', { id }));

  return (
    <>
      {back}
      <h1 tabIndex={-1}>{t('mentoring.matching.run.title', { id: run.id })}</h1>
      <p className="page-head__badges">
        <Badge tone={STATUS_TONES[run.status]} testId="run-status">
          {t(`mentoring.matching.statuses.${run.status}`)}
        </Badge>
      </p>
      <p className="muted">
        {t('mentoring.matching.run.started', { date: formatDateTime(run.created_at, language) })}{' '}
        {t('mentoring.matching.run.groups', { groups: namesList(t, groups) })}
      </p>

      {query.isError && !finished ? <Alert tone="error">{problemMessage(t, query.error)}</Alert> : null}
      {run.status === 'failed' ? (
        <Alert tone="error" testId="run-failed">
          {run.error ? t('mentoring.matching.run.failed', { error: run.error }) : t('mentoring.matching.run.failedNoReason')}
        </Alert>
      ) : null}

      {!finished || run.status === 'failed' ? (
        <section className="card" aria-busy={!finished} data-testid="run-progress">
          <ProgressBar
            percent={percent}
            label={t('mentoring.matching.run.progress')}
            valueText={t('mentoring.matching.run.progressText', { percent, words: progressWords(t, run, language) })}
          />
        </section>
      ) : null}

      {run.result ? <RunResult run={run} groupNames={groupNames} /> : null}
    </>
  );
}

function RunResult({ run, groupNames }: { run: MatchingRunView; groupNames: Map<number, string> }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const id = useId();
  const publish = usePublishMatchingRun(run.id);
  const result = run.result!;
  const groupName = (groupId: number) => groupNames.get(groupId) ?? t('mentoring.matching.groupNumber', { id: groupId });
  const refusal = publish.isError ? publishRefusalLines(t, publish.error) : [];

  return (
    <>
      <dl className="counts" data-testid="run-counts">
        <div className="counts__item">
          <dt>{t('mentoring.matching.run.pairsCount')}</dt>
          <dd>{result.pairs.length}</dd>
        </div>
        <div className="counts__item">
          <dt>{t('mentoring.matching.run.unplacedCount')}</dt>
          <dd>{result.unplaced.length}</dd>
        </div>
        <div className="counts__item">
          <dt>{t('mentoring.matching.run.totalScore')}</dt>
          <dd>{run.total_score ?? 0}</dd>
        </div>
      </dl>

      {run.status === 'published' ? (
        <Alert tone="success" testId="run-published">
          {t('mentoring.matching.run.published', { date: run.published_at ? formatDateTime(run.published_at, language) : '' })}{' '}
          {run.input.group_ids.map((groupId, index) => (
            <span key={groupId}>
              {index > 0 ? ' · ' : null}
              <Link to={`/groups/${groupId}/learning`}>{t('mentoring.matching.run.learningOf', { group: groupName(groupId) })}</Link>
            </span>
          ))}
        </Alert>
      ) : result.pairs.length > 0 ? (
        <section className="card" aria-labelledby={`${id}-publish`}>
          <h2 id={`${id}-publish`}>{t('mentoring.matching.run.publishTitle')}</h2>
          <p className="muted">{t('mentoring.matching.run.publishIntro')}</p>
          {refusal.length > 0 ? (
            <Alert tone="error" testId="publish-refused">
              <p>{t('mentoring.matching.run.refused')}</p>
              <ul>
                {refusal.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          <ConfirmAction
            label={t('mentoring.matching.run.publish')}
            question={t('mentoring.matching.run.publishQuestion', { count: result.pairs.length })}
            confirmLabel={t('mentoring.matching.run.publishConfirm')}
            confirmTone="primary"
            onConfirm={async () => {
              try {
                await publish.mutateAsync();
              } catch (error) {
                // A refusal with reasons is listed above the button, member by member.
                if (isApiError(error) && error.errors.length > 0) return;
                throw error;
              }
            }}
            describeError={(error) => problemMessage(t, error)}
            testId="publish"
          />
        </section>
      ) : null}

      <section className="card" aria-labelledby={`${id}-pairs`}>
        <h2 id={`${id}-pairs`}>{t('mentoring.matching.run.pairsTitle')}</h2>
        <p className="muted">{t('mentoring.matching.run.pairsIntro', { max: maxScore(run.weights) })}</p>
        {result.pairs.length === 0 ? <p className="muted">{t('mentoring.matching.run.noPairs')}</p> : null}
        <ul className="record-list" data-testid="pairs">
          {result.pairs.map((pair) => (
            <li key={pair.mentee_member_id} className="record-card" data-testid="pair">
              <h3 className="record-card__title">{pair.mentee_name}</h3>
              <p className="record-card__line muted">{groupName(pair.group_id)}</p>
              <p className="record-card__line">
                {t('mentoring.matching.run.mentor', { name: pair.mentor_name })}{' '}
                <Badge tone={pair.mentor_origin === 'community' ? 'success' : 'neutral'}>{t(`mentoring.origins.${pair.mentor_origin}`)}</Badge>
              </p>
              <p className="record-card__line" data-testid="pair-score">
                <strong>{t('mentoring.matching.run.score', { points: pair.score.total, max: maxScore(run.weights) })}</strong>
              </p>
              <TermBars pair={pair} weights={run.weights} />
              <p className="record-card__line">
                {pair.covered_competencies.length > 0
                  ? t('mentoring.matching.run.covered', { competencies: namesList(t, pair.covered_competencies.map((c) => c.name)) })
                  : t('mentoring.matching.run.coveredNone')}
              </p>
            </li>
          ))}
        </ul>
      </section>

      {result.unplaced.length > 0 ? (
        <section className="card" aria-labelledby={`${id}-unplaced`}>
          <h2 id={`${id}-unplaced`}>{t('mentoring.matching.run.unplacedTitle')}</h2>
          <ul className="record-list" data-testid="unplaced">
            {result.unplaced.map((mentee) => (
              <li key={mentee.member_id} className="record-card" data-testid="unplaced-mentee">
                <h3 className="record-card__title">{mentee.name}</h3>
                <p className="record-card__line muted">{groupName(mentee.group_id)}</p>
                <p className="record-card__line" data-testid="unplaced-reason">
                  {unplacedWords(t, mentee)}
                </p>
                {mentee.reason === 'capacity' && mentee.uncovered_competencies.length > 0 ? (
                  <p className="record-card__line">
                    {t('mentoring.matching.run.uncovered', { competencies: namesList(t, mentee.uncovered_competencies.map((c) => c.name)) })}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
