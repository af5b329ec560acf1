import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge';
import type { ImportJob } from '../types';

const TONES = { queued: 'neutral', running: 'info', succeeded: 'success', failed: 'danger' } as const;

/** The job's status, and whether the file was only checked, as badges. */
export function JobStatus({ job }: { job: Pick<ImportJob, 'status' | 'dry_run'> }) {
  const { t } = useTranslation();
  return (
    <span className="badges">
      <Badge tone={TONES[job.status]} testId="job-status">
        {t(`imports.status.${job.status}`)}
      </Badge>
      {job.dry_run ? <Badge tone="warning">{t('imports.dryRunBadge')}</Badge> : null}
    </span>
  );
}
