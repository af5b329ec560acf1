import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { Alert } from '../../../components/Alert';
import { Pagination } from '../../../components/Pagination';
import { ProgressBar } from '../../../components/ProgressBar';
import { BackLink } from '../../../components/BackLink';
import { Pending } from '../../../components/Pending';
import { type Column, DataTable } from '../../../components/DataTable';
import { actorName } from '../../../lib/actor';
import { formatBytes, formatDateTime, formatNumber } from '../../../lib/format';
import { problemMessage } from '../../../lib/problem-messages';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useImportErrors } from '../hooks/use-import-queries';
import { importErrorsCsvUrl } from '../api/imports';
import { POLL_MS, useImportJob } from '../hooks/use-import-job';
import { IMPORTS_PATH, isFinished, jobNoteMessage, progressPercent, rowErrorMessage, type ImportJob } from '../types';
import { JobStatus } from './JobStatus';

export const ERRORS_PAGE = 50;

const ERROR_COLUMNS: readonly Column[] = [
  { label: 'imports.job.row', num: true },
  { label: 'imports.job.field' },
  { label: 'imports.job.value' },
  { label: 'imports.job.message' },
];

/**
 * The refused rows, a page at a time. On a phone each row stacks into a small block (row, column,
 * value, problem), so the problem is read without scrolling sideways.
 */
function ErrorTable({ job }: { job: ImportJob }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const id = useId();
  const [offset, setOffset] = useState(0);
  const finished = isFinished(job);
  // Ask again only when the rows on this page may have changed: while the job runs and the page is not yet full.
  const visible = Math.min(job.errors_stored, offset + ERRORS_PAGE);
  const page = useImportErrors(job.id, offset, ERRORS_PAGE, { visible, finished, enabled: job.errors_stored > 0 });
  if (job.errors_stored === 0 && job.rows_failed === 0) {
    return finished ? <p className="muted">{t('imports.job.noErrors')}</p> : null;
  }
  return (
    <section className="card" aria-labelledby={`${id}-title`} aria-busy={page.isFetching}>
      <h2 id={`${id}-title`}>{t('imports.job.errorsTitle')}</h2>
      <p className="muted">{t('imports.job.errorsIntro')}</p>
      <p>
        <a className="button button--secondary" href={importErrorsCsvUrl(job.id, language)} download data-testid="errors-csv">
          {t('imports.job.download')}
        </a>
      </p>
      {page.isError ? <Alert tone="error">{problemMessage(t, page.error)}</Alert> : null}
      {page.data && page.data.items.length > 0 ? (
        <DataTable testId="import-errors" columns={ERROR_COLUMNS} className="data-table--stack">
          {page.data.items.map((error, index) => (
            <tr key={`${error.row}-${error.field ?? ''}-${index}`}>
              <td className="num" data-label={t('imports.job.row')}>
                {error.row}
              </td>
              <td data-label={t('imports.job.field')}>{error.field ? <code>{error.field}</code> : null}</td>
              <td className="cell-wrap" data-label={t('imports.job.value')}>
                {error.value}
              </td>
              <td className="cell-wrap" data-label={t('imports.job.message')}>
                {rowErrorMessage(t, error, language)}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {page.data ? (
        <Pagination total={page.data.total} limit={ERRORS_PAGE} offset={offset} onChange={setOffset} />
      ) : null}
    </section>
  );
}

/** One import job, followed every second until it ends: progress, counts, warnings, failed rows. */
export function ImportJobPage({ pollMs = POLL_MS }: { pollMs?: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const params = useParams();
  const location = useLocation();
  const jobId = Number(params.id);
  const initial = (location.state as { job?: ImportJob } | null)?.job ?? null;
  const { job, error } = useImportJob(jobId, pollMs, initial && initial.id === jobId ? initial : null);
  const name = job?.file_name || t('imports.unnamed');
  useDocumentTitle(t('imports.job.title', { file: name }));

  const back = <BackLink to={IMPORTS_PATH}>{t('imports.job.back')}</BackLink>;
  if (!job) {
    return (
      <>
        {back}
        <h1 tabIndex={-1}>{t('imports.title')}</h1>
        <Pending problem={error ? problemMessage(t, error) : null} loading={t('imports.loading')} />
      </>
    );
  }

  const percent = progressPercent(job);
  const finished = isFinished(job);
  const counts: [string, number][] = [
    [t('imports.job.rowsRead'), job.rows_read],
    [job.dry_run ? t('imports.job.wouldInsert') : t('imports.job.rowsInserted'), job.rows_inserted],
    [job.dry_run ? t('imports.job.wouldUpdate') : t('imports.job.rowsUpdated'), job.rows_updated],
    [t('imports.job.rowsFailed'), job.rows_failed],
  ];

  return (
    <>
      {back}
      <h1 tabIndex={-1}>{t('imports.job.title', { file: name })}</h1>
      <p className="page-head__badges">
        <JobStatus job={job} /> <span className="muted">{t(`imports.modes.${job.mode}`)}</span>
      </p>
      <p className="muted">
        {t('imports.started', {
          date: formatDateTime(job.created_at, language),
          user: actorName(t, job.created_by),
        })}
      </p>

      {error && !finished ? <Alert tone="error">{problemMessage(t, error)}</Alert> : null}
      {job.status === 'failed' ? (
        <Alert tone="error" testId="job-failed">
          {job.message
            ? t('imports.job.failed', {
                message: jobNoteMessage(t, { code: job.message_code, params: job.message_params, message: job.message }),
              })
            : t('imports.job.failedNoMessage')}
        </Alert>
      ) : null}
      {job.status === 'succeeded' ? (
        <Alert tone="success">{job.dry_run ? t('imports.job.dryRunDone') : t('imports.job.succeeded')}</Alert>
      ) : null}

      <section className="card" aria-busy={!finished}>
        <ProgressBar
          percent={percent}
          label={t('imports.job.progress')}
          valueText={t('imports.job.progressText', {
            percent,
            read: formatBytes(job.bytes_read, language),
            total: formatBytes(job.bytes_total, language),
          })}
        />
        <dl className="counts" data-testid="job-counts">
          {counts.map(([label, value]) => (
            <div key={label} className="counts__item">
              <dt>{label}</dt>
              <dd>{formatNumber(value, language)}</dd>
            </div>
          ))}
        </dl>
      </section>

      {job.warnings.length > 0 ? (
        <section className="card" aria-labelledby="warnings-title">
          <h2 id="warnings-title">{t('imports.job.warnings')}</h2>
          <ul data-testid="job-warnings">
            {job.warnings.map((warning, i) => {
              const detail = job.warning_details?.[i];
              return <li key={i}>{jobNoteMessage(t, { code: detail?.code, params: detail?.params, message: warning })}</li>;
            })}
          </ul>
        </section>
      ) : null}

      <ErrorTable job={job} />
    </>
  );
}
