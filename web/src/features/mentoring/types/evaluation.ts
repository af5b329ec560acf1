// One mentee evaluated on one target competency: achieved or not, the level reached (1 with
// guidance, 2 alone, 3 teaches others; needed when achieved), notes and the day. While the cycle
// is under way, an evaluation is one the mentee asked for (`on_request`).
import type { Checked } from '../../../lib/use-form';
import type { LocalProblems } from '../../../lib/use-form-errors';
import type { CycleEvaluation, EvaluationInput, EvaluationPatch, Level } from './cycles';

export interface EvaluationDraft {
  achieved: '' | 'yes' | 'no';
  level: '' | `${Level}`;
  notes: string;
  evaluated_on: string;
}

export type EvaluationField = 'achieved' | 'level' | 'notes' | 'evaluated_on';

export const EVALUATION_FIELDS: readonly string[] = ['achieved', 'level', 'notes', 'evaluated_on'];

export const MAX_NOTES = 2000;

export function emptyEvaluationDraft(today: string): EvaluationDraft {
  return { achieved: '', level: '', notes: '', evaluated_on: today };
}

/** An evaluation as recorded, to be corrected. */
export function draftOf(evaluation: CycleEvaluation): EvaluationDraft {
  return {
    achieved: evaluation.achieved ? 'yes' : 'no',
    level: evaluation.level === null ? '' : (`${evaluation.level}` as EvaluationDraft['level']),
    notes: evaluation.notes ?? '',
    evaluated_on: evaluation.evaluated_on,
  };
}

export interface EvaluationTarget {
  member_id: number;
  competency_id: number;
  on_request: boolean;
}

export function validateEvaluation(draft: EvaluationDraft, target: EvaluationTarget, today: string): Checked<EvaluationField, EvaluationInput> {
  const errors: LocalProblems<EvaluationField> = {};
  if (draft.achieved === '') errors.achieved = ['mentoring.evaluations.form.achievedRequired'];
  if (draft.achieved === 'yes' && draft.level === '') errors.level = ['mentoring.evaluations.form.levelRequired'];
  if (draft.evaluated_on === '') errors.evaluated_on = ['mentoring.evaluations.form.dayRequired'];
  else if (draft.evaluated_on > today) errors.evaluated_on = ['mentoring.evaluations.form.dayFuture'];
  const notes = draft.notes.trim();
  if ([...notes].length > MAX_NOTES) errors.notes = ['mentoring.evaluations.form.tooLong'];
  if (Object.keys(errors).length > 0) return { errors, input: null };
  const achieved = draft.achieved === 'yes';
  return {
    errors,
    input: {
      member_id: target.member_id,
      competency_id: target.competency_id,
      achieved,
      // A level says how far she got: with the competency achieved, or on the way to it.
      level: draft.level === '' ? null : Number(draft.level),
      notes: notes || null,
      evaluated_on: draft.evaluated_on,
      on_request: target.on_request,
    },
  };
}

/** A correction: the same checks, and only what may change (the pair and on_request stay). */
export function validateCorrection(draft: EvaluationDraft, evaluation: CycleEvaluation, today: string): Checked<EvaluationField, EvaluationPatch> {
  const checked = validateEvaluation(draft, { member_id: evaluation.member_id, competency_id: evaluation.competency_id, on_request: evaluation.on_request }, today);
  if (!checked.input) return { errors: checked.errors, input: null };
  const { achieved, level, notes, evaluated_on } = checked.input;
  return { errors: checked.errors, input: { achieved, level: level ?? null, notes: notes ?? null, ...(evaluated_on ? { evaluated_on } : {}) } };
}
