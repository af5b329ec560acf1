import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge';
import type { HelpStatus } from '../types/help';

const TONES = { open: 'warning', advised: 'info', resolved: 'success', abandoned: 'neutral' } as const;

/** Where a request stands: waiting for advice, advised, resolved, or abandoned. */
export function HelpStatusBadge({ status }: { status: HelpStatus }) {
  const { t } = useTranslation();
  return (
    <Badge tone={TONES[status]} testId="help-status">
      {t(`mentoring.help.statuses.${status}`)}
    </Badge>
  );
}
