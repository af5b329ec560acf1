import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { useTransitionCycle } from '../hooks/use-learning';
import { nextStage, type Cycle, type CycleStatus } from '../types/cycles';
import { learningProblemMessage, refusalLines } from '../types/errors';

/**
 * The button that moves the cycle one stage on ("Mulai pelaksanaan", "Mulai evaluasi", "Tutup
 * siklus"), asked first. A refusal says, line by line, what the cycle still lacks: a decided
 * theme, a session, or (to close) each mentee's evaluation on each competency.
 */
export function StageAction({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation();
  const move = useTransitionCycle(cycle.id);
  // The refusal is kept as the server said it and worded as it shows, in the reader's language.
  const [refusal, setRefusal] = useState<{ to: CycleStatus; error: unknown } | null>(null);
  const [moved, setMoved] = useState<CycleStatus | null>(null);
  const next = nextStage(cycle);
  return (
    <div className="stage-action" data-testid="stage-action">
      {moved ? <Alert tone="success">{t(`mentoring.stage.moved.${moved as Exclude<CycleStatus, 'planning'>}`)}</Alert> : null}
      {refusal ? (
        <div className="alert alert--error" role="alert" data-testid="stage-refusal">
          <p className="alert__line">{t('mentoring.stage.refused', { stage: t(`mentoring.stages.${refusal.to}`) })}</p>
          <ul className="stage-refusal__list">
            {refusalLines(t, refusal.error).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {next ? (
        <ConfirmAction
          label={t(`mentoring.stage.next.${next}`)}
          question={t(`mentoring.stage.question.${next}`)}
          confirmLabel={t(`mentoring.stage.confirm.${next}`)}
          confirmTone="primary"
          testId="stage-button"
          describeError={(error) => learningProblemMessage(t, error)}
          onConfirm={async () => {
            setRefusal(null);
            setMoved(null);
            try {
              await move.mutateAsync({ body: next });
              setMoved(next);
            } catch (error) {
              // A refusal is an answer, not a failure of the question: it is listed below the stepper.
              setRefusal({ to: next, error });
            }
          }}
        />
      ) : null}
    </div>
  );
}
