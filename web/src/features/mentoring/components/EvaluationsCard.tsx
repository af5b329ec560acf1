import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { Badge } from '../../../components/Badge';
import { FieldErrors } from '../../../components/field-parts';
import { FormCard } from '../../../components/FormCard';
import { FormField } from '../../../components/FormField';
import { TextAreaField } from '../../../components/TextAreaField';
import { isApiError } from '../../../lib/api-client';
import { formatDay, joinDetails, todayIso } from '../../../lib/format';
import { useForm } from '../../../lib/use-form';
import { useMediaQuery } from '../../../lib/use-media-query';
import { useAddEvaluation, useCorrectEvaluation } from '../hooks/use-learning';
import { LEVELS } from '../types';
import {
  evaluationMode,
  evaluationOf,
  progressByMentee,
  type Cycle,
  type CycleEvaluation,
  type EvaluationInput,
  type EvaluationPatch,
} from '../types/cycles';
import { readLearningErrors } from '../types/errors';
import {
  draftOf,
  emptyEvaluationDraft,
  EVALUATION_FIELDS,
  MAX_NOTES,
  validateCorrection,
  validateEvaluation,
  type EvaluationDraft,
  type EvaluationField,
} from '../types/evaluation';

/** The grid needs room for a column per competency; narrower screens get a list per mentee. */
export const GRID_QUERY = '(min-width: 48rem)';

/** One cell of the grid: a mentee and a target competency. */
export interface Pair {
  member_id: number;
  member: string;
  competency_id: number;
  competency: string;
}

interface EvaluationFormProps {
  cycle: Cycle;
  pair: Pair;
  /** The evaluation recorded, when this corrects it; null for a new one. */
  existing: CycleEvaluation | null;
  onSaved: (cycle: Cycle) => void;
  onCancel: () => void;
}

/**
 * One mentee on one competency: achieved or not, the level reached, notes and the day. With an
 * evaluation recorded already, the form corrects it (until the cycle closes).
 */
function EvaluationForm({ cycle, pair, existing, onSaved, onCancel }: EvaluationFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const add = useAddEvaluation(cycle.id);
  const correct = useCorrectEvaluation(cycle.id);
  const onRequest = existing ? existing.on_request : evaluationMode(cycle.status) === 'on_request';
  const form = useForm<EvaluationDraft, EvaluationField, EvaluationInput | EvaluationPatch, Cycle>({
    initial: () => (existing ? draftOf(existing) : emptyEvaluationDraft(todayIso())),
    validate: (draft: EvaluationDraft) =>
      existing
        ? validateCorrection(draft, existing, todayIso())
        : validateEvaluation(draft, { member_id: pair.member_id, competency_id: pair.competency_id, on_request: onRequest }, todayIso()),
    send: (body, idempotencyKey) =>
      existing
        ? correct.mutateAsync({ evaluationId: existing.id, body })
        : // Without `existing`, validate gave the whole input (validateEvaluation).
          add.mutateAsync({ body: body as EvaluationInput, idempotencyKey }),
    readErrors: (error) =>
      isApiError(error) && error.slug === 'already-exists'
        ? { byField: {}, general: [t('mentoring.evaluations.form.already')] }
        : readLearningErrors(t, error, EVALUATION_FIELDS),
    onSaved,
  });
  const { draft, set, errorsFor, field } = form;
  const note = existing ? 'mentoring.evaluations.form.correctNote' : onRequest ? 'mentoring.evaluations.form.onRequestNote' : null;
  const achievedErrors = errorsFor('achieved');
  const levelErrors = errorsFor('level');

  return (
    <FormCard
      title={t(existing ? 'mentoring.evaluations.form.correctTitle' : 'mentoring.evaluations.form.title', { member: pair.member, competency: pair.competency })}
      intro={note ? <p className="muted">{t(note)}</p> : null}
      form={form}
      labels={{ submit: t(existing ? 'mentoring.evaluations.form.correctSubmit' : 'mentoring.evaluations.form.submit'), saving: t('mentoring.evaluations.form.saving'), cancel: t('mentoring.evaluations.form.cancel') }}
      onCancel={onCancel}
      testId="evaluation-form"
    >
      <fieldset className="choice-group" aria-describedby={achievedErrors.length > 0 ? `${id}-achieved-error` : undefined}>
        <legend className="field__label">{t('common.required', { label: t('mentoring.evaluations.form.achieved') })}</legend>
        {(['yes', 'no'] as const).map((value) => (
          <label key={value} className="choice">
            <input type="radio" name={`${id}-achieved`} checked={draft.achieved === value} onChange={() => set('achieved', value)} />
            <span>{t(value === 'yes' ? 'mentoring.evaluations.achieved' : 'mentoring.evaluations.notAchieved')}</span>
          </label>
        ))}
        <FieldErrors id={`${id}-achieved-error`} messages={achievedErrors} />
      </fieldset>
      <fieldset className="choice-group" aria-describedby={levelErrors.length > 0 ? `${id}-level-error` : `${id}-level-hint`}>
        <legend className="field__label">
          {draft.achieved === 'yes' ? t('common.required', { label: t('mentoring.evaluations.form.level') }) : t('mentoring.evaluations.form.level')}
        </legend>
        <p id={`${id}-level-hint`} className="field__hint">
          {t('mentoring.evaluations.form.levelHint')}
        </p>
        {LEVELS.map(({ level, meaning }) => (
          <label key={level} className="choice">
            <input type="radio" name={`${id}-level`} checked={draft.level === String(level)} onChange={() => set('level', `${level}`)} />
            <span>{t('mentoring.levelOption', { level, meaning: t(`mentoring.levelShort.${meaning}`) })}</span>
          </label>
        ))}
        <FieldErrors id={`${id}-level-error`} messages={levelErrors} />
      </fieldset>
      <TextAreaField label={t('mentoring.evaluations.form.notes')} hint={t('mentoring.evaluations.form.notesHint')} maxLength={MAX_NOTES} {...field('notes')} />
      <FormField label={t('mentoring.evaluations.form.day')} type="date" max={todayIso()} {...field('evaluated_on')} />
    </FormCard>
  );
}

/** What an evaluation says, in a badge and a line: achieved at a level, or not yet. */
function Verdict({ evaluation }: { evaluation: CycleEvaluation | null }) {
  const { t, i18n } = useTranslation();
  if (!evaluation) {
    return (
      <span className="verdict">
        <span className="muted">{t('mentoring.evaluations.pending')}</span>
      </span>
    );
  }
  const level = evaluation.level !== null ? t('mentoring.competencies.level', { level: evaluation.level }) : null;
  return (
    <span className="verdict">
      <Badge tone={evaluation.achieved ? 'success' : 'warning'}>
        {joinDetails([t(evaluation.achieved ? 'mentoring.evaluations.achieved' : 'mentoring.evaluations.notAchieved'), level])}
      </Badge>
      <span className="verdict__when muted">
        {joinDetails([formatDay(evaluation.evaluated_on, i18n.resolvedLanguage), evaluation.on_request ? t('mentoring.evaluations.onRequest') : null])}
      </span>
      {evaluation.notes ? <span className="verdict__notes">{evaluation.notes}</span> : null}
    </span>
  );
}

interface CellProps {
  cycle: Cycle;
  pair: Pair;
  canEvaluate: boolean;
  open: boolean;
  onOpen: (pair: Pair) => void;
}

/**
 * A pair's verdict, and its button while the cycle is open: Nilai while it may still be
 * evaluated, Ubah to correct a recorded evaluation.
 */
function Cell({ cycle, pair, canEvaluate, open, onOpen }: CellProps) {
  const { t } = useTranslation();
  const evaluation = evaluationOf(cycle, pair.member_id, pair.competency_id);
  const names = { member: pair.member, competency: pair.competency };
  return (
    <>
      <Verdict evaluation={evaluation} />
      {canEvaluate && !open ? (
        <button
          type="button"
          className="button button--secondary verdict__button"
          aria-label={t(evaluation ? 'mentoring.evaluations.correctLabel' : 'mentoring.evaluations.evaluateLabel', names)}
          onClick={() => onOpen(pair)}
        >
          {t(evaluation ? 'mentoring.evaluations.correct' : 'mentoring.evaluations.evaluate')}
        </button>
      ) : null}
    </>
  );
}

interface EvaluationsCardProps {
  cycle: Cycle;
  /** A competency's name in the reader's language. */
  competencyName: (competencyId: number, fallback: string) => string;
}

/**
 * Penilaian: every mentee on every target competency, as a grid on a desktop and a list per
 * mentee on a phone. A guide evaluates a pair in place during the evaluation stage; while the
 * cycle is under way, only a mentee who asked for it (on request).
 */
export function EvaluationsCard({ cycle, competencyName }: EvaluationsCardProps) {
  const { t } = useTranslation();
  const id = useId();
  const wide = useMediaQuery(GRID_QUERY);
  const mode = evaluationMode(cycle.status);
  const canEvaluate = cycle.can_guide && mode !== 'closed';
  const [open, setOpen] = useState<Pair | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const pairsOf = (mentee: Cycle['mentees'][number]): Pair[] =>
    cycle.targets.map((target) => ({
      member_id: mentee.member_id,
      member: mentee.name,
      competency_id: target.competency_id,
      competency: competencyName(target.competency_id, target.name),
    }));
  const isOpen = (pair: Pair) => open !== null && open.member_id === pair.member_id && open.competency_id === pair.competency_id;
  const onOpen = (pair: Pair) => {
    setNotice(null);
    setOpen(pair);
  };
  const form = (pair: Pair) => {
    const existing = evaluationOf(cycle, pair.member_id, pair.competency_id);
    return (
      <EvaluationForm
        key={`${pair.member_id}-${pair.competency_id}`}
        cycle={cycle}
        pair={pair}
        existing={existing}
        onCancel={() => setOpen(null)}
        onSaved={() => {
          setOpen(null);
          setNotice(t(existing ? 'mentoring.evaluations.corrected' : 'mentoring.evaluations.saved', { member: pair.member, competency: pair.competency }));
        }}
      />
    );
  };
  const progress = new Map(progressByMentee(cycle).map((p) => [p.member_id, p]));
  const empty = cycle.mentees.length === 0 || cycle.targets.length === 0;

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="evaluations">
      <h2 id={`${id}-title`}>{t('mentoring.evaluations.title')}</h2>
      <p className="muted">{t(`mentoring.evaluations.intro.${cycle.can_guide && cycle.status !== 'closed' ? mode : 'read'}`)}</p>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {empty ? <p>{t('mentoring.evaluations.empty')}</p> : null}
      {!empty && wide ? (
        <>
          <div className="table-wrap">
            <table className="data-table evaluation-grid" data-testid="evaluation-grid">
              <caption className="visually-hidden">{t('mentoring.evaluations.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('mentoring.evaluations.mentee')}</th>
                  {cycle.targets.map((target) => (
                    <th key={target.competency_id} scope="col">
                      {competencyName(target.competency_id, target.name)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {cycle.mentees.map((mentee) => (
                  <tr key={mentee.member_id}>
                    <th scope="row">
                      {mentee.name}
                      <span className="verdict__when muted">
                        {t('mentoring.evaluations.menteeProgress', {
                          achieved: progress.get(mentee.member_id)?.achieved ?? 0,
                          targets: cycle.targets.length,
                        })}
                      </span>
                    </th>
                    {pairsOf(mentee).map((pair) => (
                      <td key={pair.competency_id} data-testid={`evaluation-${pair.member_id}-${pair.competency_id}`}>
                        <Cell cycle={cycle} pair={pair} canEvaluate={canEvaluate} open={isOpen(pair)} onOpen={onOpen} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {open ? form(open) : null}
        </>
      ) : null}
      {!empty && !wide ? (
        <ul className="record-list" data-testid="evaluation-list">
          {cycle.mentees.map((mentee) => (
            <li key={mentee.member_id} className="record-card" data-testid={`evaluation-mentee-${mentee.member_id}`}>
              <h3 className="record-card__title">{mentee.name}</h3>
              <p className="record-card__line muted">
                {t('mentoring.evaluations.menteeProgress', {
                  achieved: progress.get(mentee.member_id)?.achieved ?? 0,
                  targets: cycle.targets.length,
                })}
              </p>
              <ul className="plain-list">
                {pairsOf(mentee).map((pair) => (
                  <li key={pair.competency_id} className="plain-list__item evaluation-line" data-testid={`evaluation-${pair.member_id}-${pair.competency_id}`}>
                    <span className="evaluation-line__what">{pair.competency}</span>
                    <Cell cycle={cycle} pair={pair} canEvaluate={canEvaluate} open={isOpen(pair)} onOpen={onOpen} />
                    {isOpen(pair) ? form(pair) : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
