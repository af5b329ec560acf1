import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Badge } from '../../../components/Badge';
import { Pagination } from '../../../components/Pagination';
import { Pending } from '../../../components/Pending';
import { SectionCard } from '../../../components/SectionCard';
import { SelectField } from '../../../components/SelectField';
import { formatDateTime } from '../../../lib/format';
import { useLearningTexts } from '../../../lib/i18n/learning';
import { problemMessage } from '../../../lib/problem-messages';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { RUNS_PAGE, useMatchableGroups, useMatchingRuns } from '../hooks/use-matching';
import { matchingRunPath, progressWords, STATUS_TONES, type MatchingRun } from '../types/matching';
import { MatchingStartForm } from './MatchingStartForm';

/**
 * Mentor matching for those who oversee groups: the runs of a group with their status, newest
 * first, and (the section's Add) a new run over some of their groups, a background job. The group whose runs
 * are shown stays in the address.
 */
export function MatchingPage() {
  useLearningTexts();
  const { t } = useTranslation();
  useDocumentTitle(t('mentoring.matching.title'));
  const id = useId();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [offset, setOffset] = useState(0);
  const groups = useMatchableGroups('');
  const items = groups.data?.items ?? [];
  const asked = Number(params.get('group'));
  const groupId = items.some((g) => g.id === asked) ? asked : (items[0]?.id ?? null);
  const runs = useMatchingRuns(groupId, offset);

  function onStarted(run: MatchingRun) {
    void navigate(matchingRunPath(run.id));
  }

  return (
    <>
      <h1 tabIndex={-1}>{t('mentoring.matching.title')}</h1>
      <p className="muted">{t('mentoring.matching.intro')}</p>
      <SectionCard
        title={t('mentoring.matching.runsTitle')}
        addLabel={t('mentoring.matching.start')}
        canAdd
        form={(close) => (
          <MatchingStartForm
            initialGroups={groupId !== null ? [groupId] : []}
            onStarted={(run) => {
              close();
              onStarted(run);
            }}
            onCancel={close}
          />
        )}
        busy={runs.isFetching}
        testId="matching-runs-section"
      >
        {!groups.data ? (
          <Pending problem={groups.isError ? problemMessage(t, groups.error) : null} loading={t('mentoring.matching.form.groupsLoading')} />
        ) : items.length === 0 ? (
          <p className="muted">{t('mentoring.matching.form.noGroups')}</p>
        ) : (
          <>
            <SelectField
              id={`${id}-group`}
              label={t('mentoring.matching.runsOf')}
              options={items.map((g) => ({ value: String(g.id), label: g.name }))}
              value={groupId !== null ? String(groupId) : ''}
              onChange={(e) => {
                setOffset(0);
                setParams({ group: e.target.value }, { replace: true });
              }}
            />
            {!runs.data ? (
              <Pending problem={runs.isError ? problemMessage(t, runs.error) : null} loading={t('mentoring.matching.runsLoading')} />
            ) : runs.data.items.length === 0 ? (
              <p className="muted">{t('mentoring.matching.noRuns')}</p>
            ) : (
              <>
                <ul className="record-list" data-testid="matching-runs">
                  {runs.data.items.map((run) => (
                    <RunCard key={run.id} run={run} />
                  ))}
                </ul>
                <Pagination total={runs.data.total} limit={RUNS_PAGE} offset={offset} onChange={setOffset} />
              </>
            )}
          </>
        )}
      </SectionCard>
    </>
  );
}

function RunCard({ run }: { run: MatchingRun }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  return (
    <li className="record-card" data-testid="matching-run">
      <h3 className="record-card__title">
        <Link to={matchingRunPath(run.id)}>{t('mentoring.matching.run.title', { id: run.id })}</Link>
      </h3>
      <p className="record-card__badges">
        <Badge tone={STATUS_TONES[run.status]}>{t(`mentoring.matching.statuses.${run.status}`)}</Badge>
      </p>
      <p className="record-card__line muted">
        {t('mentoring.matching.runLine', {
          date: formatDateTime(run.created_at, language),
          count: run.input.group_ids.length,
          capacity: run.input.default_capacity,
        })}
      </p>
      {run.status === 'queued' || run.status === 'running' ? <p className="record-card__line">{progressWords(t, run, language)}</p> : null}
    </li>
  );
}
