import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge';
import type { ProgrammeStatus } from '../types';

const TONES = { draft: 'neutral', active: 'success', closed: 'info' } as const;

export function ProgrammeStatusBadge({ status }: { status: ProgrammeStatus }) {
  const { t } = useTranslation();
  return (
    <Badge tone={TONES[status]} testId="programme-status">
      {t(`programmes.statuses.${status}`)}
    </Badge>
  );
}
