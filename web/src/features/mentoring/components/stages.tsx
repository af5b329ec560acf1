// The stages of a learning cycle (seed 000's planning → implementation → evaluation), as a badge
// in lists and as a stepper on the cycle's page.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge';
import { ProgressBar } from '../../../components/ProgressBar';
import { formatPercent } from '../../../lib/format';
import { percentOf, stageIndex, STAGES, type CycleStatus, type MentorOrigin } from '../types/cycles';

const STAGE_TONES = {
  planning: 'info',
  implementation: 'warning',
  evaluation: 'warning',
  closed: 'success',
} as const satisfies Record<CycleStatus, string>;

export function StageBadge({ status }: { status: CycleStatus }) {
  const { t } = useTranslation();
  return (
    <Badge tone={STAGE_TONES[status]} testId="cycle-stage">
      {t(`mentoring.stages.${status}`)}
    </Badge>
  );
}

export function OriginBadge({ origin }: { origin: MentorOrigin }) {
  const { t } = useTranslation();
  return <Badge tone={origin === 'community' ? 'success' : 'neutral'}>{t(`mentoring.origins.${origin}`)}</Badge>;
}

/**
 * The four stages in a row, those passed ticked and the one the cycle is in marked as the
 * current step (a closed cycle has passed them all). Two rows of two on a narrow phone.
 */
export function CycleStepper({ status }: { status: CycleStatus }) {
  const { t } = useTranslation();
  const at = stageIndex(status);
  return (
    <ol className="stepper" aria-label={t('mentoring.stepper.label')} data-testid="cycle-stepper">
      {STAGES.map((stage, index) => {
        const done = index < at || status === 'closed';
        const current = index === at;
        const state = done ? 'done' : current ? 'current' : 'todo';
        return (
          <li key={stage} className={`stepper__step stepper__step--${state}`} aria-current={current ? 'step' : undefined}>
            <span className="stepper__mark" aria-hidden="true">
              {done ? '✓' : String(index + 1)}
            </span>
            <span className="stepper__label">{t(`mentoring.stages.${stage}`)}</span>
            {done ? <span className="visually-hidden">{t('mentoring.stepper.done')}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}

/** "3 dari 4 kompetensi tercapai (75%)", or that the cycle has nothing to achieve yet. */
export function completionText(
  t: TFunction,
  completion: { achieved: number; targets: number },
  language: string | undefined,
): string {
  const percent = percentOf(completion.achieved, completion.targets);
  if (percent === null) return t('mentoring.cycles.noTargets');
  return t('mentoring.cycles.completion', {
    achieved: completion.achieved,
    targets: completion.targets,
    percent: formatPercent(completion.achieved / completion.targets, language),
  });
}

/** The cycle's completion as a bar with its words. */
export function CompletionBar({ completion }: { completion: { achieved: number; targets: number } }) {
  const { t, i18n } = useTranslation();
  return (
    <ProgressBar
      percent={percentOf(completion.achieved, completion.targets) ?? 0}
      label={t('mentoring.cycles.completionLabel')}
      valueText={completionText(t, completion, i18n.resolvedLanguage)}
    />
  );
}
