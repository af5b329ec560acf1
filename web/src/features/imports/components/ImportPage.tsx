import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../../../components/Alert';
import { FieldErrors } from '../../../components/field-parts';
import { Pagination } from '../../../components/Pagination';
import { QueryStatus } from '../../../components/QueryStatus';
import { actorName } from '../../../lib/actor';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { problemMessage } from '../../../lib/problem-messages';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useSubmission } from '../../../lib/use-submission';
import { useRecentImports, useStartImport } from '../hooks/use-import-queries';
import { IMPORT_MODES, importPath, progressPercent, uploadProblem, type ImportJob, type ImportMode } from '../types';
import { JobStatus } from './JobStatus';

export const RECENT_PAGE = 10;

function RecentImports() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const language = i18n.resolvedLanguage;
  const [offset, setOffset] = useState(0);
  const page = useRecentImports(offset, RECENT_PAGE);
  const jobs = page.data?.items ?? [];
  return (
    <section className="card" aria-labelledby={`${id}-title`} aria-busy={page.isFetching}>
      <h2 id={`${id}-title`}>{t('imports.recent')}</h2>
      <QueryStatus query={page} problem={(e) => problemMessage(t, e)} loading={t('imports.loading')} />
      {page.data && jobs.length === 0 ? <p className="muted">{t('imports.recentEmpty')}</p> : null}
      {jobs.length > 0 ? (
        <ul className="record-list" data-testid="recent-imports">
          {jobs.map((job) => (
            <li key={job.id} className="record-card">
              <h3 className="record-card__title">{job.file_name || t('imports.unnamed')}</h3>
              <p className="record-card__line">
                <JobStatus job={job} /> <span className="muted">{t(`imports.modes.${job.mode}`)}</span>
              </p>
              <p className="record-card__line muted">
                {t('imports.started', {
                  date: formatDateTime(job.created_at, language),
                  user: actorName(t, job.created_by),
                })}
              </p>
              <p className="record-card__line">
                {`${t('imports.job.rowsRead')}: ${formatNumber(job.rows_read, language)} · ${t(
                  'imports.job.rowsFailed',
                )}: ${formatNumber(job.rows_failed, language)}`}
                {job.status === 'running' ? ` · ${progressPercent(job)}%` : null}
              </p>
              <Link
                to={importPath(job.id)}
                className="button button--secondary"
                aria-label={t('imports.openLabel', { file: job.file_name || t('imports.unnamed') })}
              >
                {t('imports.open')}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {page.data ? (
        <Pagination total={page.data.total} limit={RECENT_PAGE} offset={offset} onChange={setOffset} />
      ) : null}
    </section>
  );
}

/** Upload a CSV of enterprises (insert or upsert, optionally only checked) and see recent jobs. */
export function ImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('imports.title'));
  const id = useId();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('upsert');
  // A real import unless she ticks "check only": the upload button says it imports.
  const [dryRun, setDryRun] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const { submitting: uploading, submit } = useSubmission();
  const start = useStartImport();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const problem = uploadProblem(file);
    setFileError(problem ? t(problem) : null);
    if (problem || !file) {
      document.getElementById(`${id}-file`)?.focus();
      return;
    }
    // The same file with the same choices is the same submission: a retry reuses its key.
    const values = { name: file.name, size: file.size, lastModified: file.lastModified, mode, dryRun };
    await submit(values, (key) => start.mutateAsync({ file, mode, dryRun, idempotencyKey: key }), {
      onSuccess: (job: ImportJob) => void navigate(importPath(job.id), { state: { job } }),
      onError: setFailure,
    });
  }

  const fileErrorId = fileError ? `${id}-file-error` : undefined;
  return (
    <>
      <h1 tabIndex={-1}>{t('imports.title')}</h1>
      <p>{t('imports.intro')}</p>
      <details className="card help">
        <summary>{t('imports.columnsTitle')}</summary>
        <p>{t('imports.columnsRequired')}</p>
        <p className="muted">{t('imports.columnsOptional')}</p>
      </details>

      <section className="card">
        {failure ? <Alert tone="error">{problemMessage(t, failure)}</Alert> : null}
        <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={uploading}>
          <div className={fileError ? 'field field--invalid' : 'field'}>
            <label className="field__label" htmlFor={`${id}-file`}>
              {t('imports.file')}
            </label>
            <p className="field__hint" id={`${id}-file-hint`}>
              {t('imports.fileHint')}
            </p>
            <input
              id={`${id}-file`}
              name="file"
              type="file"
              accept=".csv,text/csv"
              className="field__input field__input--file"
              aria-invalid={fileError ? true : undefined}
              aria-describedby={[`${id}-file-hint`, fileErrorId].filter(Boolean).join(' ')}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setFileError(null);
              }}
            />
            <FieldErrors id={fileErrorId} messages={fileError ? [fileError] : []} />
          </div>

          <fieldset className="choice-group">
            <legend className="field__label">{t('imports.mode')}</legend>
            {IMPORT_MODES.map((value) => (
              <label key={value} className="choice choice--described">
                <input
                  type="radio"
                  name="mode"
                  value={value}
                  checked={mode === value}
                  onChange={() => setMode(value)}
                />
                <span>
                  <span className="choice__title">
                    {value === 'insert' ? t('imports.modeInsert') : t('imports.modeUpsert')}
                  </span>
                  <span className="choice__hint">
                    {value === 'insert' ? t('imports.modeInsertHint') : t('imports.modeUpsertHint')}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>

          <label className="choice choice--described">
            <input type="checkbox" name="dry_run" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />
            <span>
              <span className="choice__title">{t('imports.dryRun')}</span>
              <span className="choice__hint">{t('imports.dryRunHint')}</span>
            </span>
          </label>

          <button type="submit" className="button button--primary" disabled={uploading}>
            {uploading ? t('imports.uploading') : t('imports.submit')}
          </button>
        </form>
      </section>

      <RecentImports />
    </>
  );
}
