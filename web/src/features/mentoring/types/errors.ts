// The server names what is wrong with a plan, a session or an evaluation by field and code
// ("targets[1].competency_id"/"retired", "evaluations"/"missing_evaluation" with the mentee and
// the competency as params). Here those become the form field to show the message beside, and
// words a mentor understands.
import type { ParseKeys, TFunction } from 'i18next';
import { isApiError, type FieldError } from '../../../lib/api-client';
import { learningId } from '../../../lib/i18n/learning-id';
import { fieldErrorMessage, hasPath, problemMessage, serverField, type ServerField } from '../../../lib/problem-messages';
import { readServerErrors, type ServerErrors } from '../../../lib/use-form-errors';
import { STAGES, type CycleStatus } from './cycles';

type TranslationKey = ParseKeys<'translation'>;

// The server's field names, read the same way in every feature.
export { serverField, type ServerField };

/**
 * The translation key of a code. A code ending like a plural form ("too_many") would be read by
 * i18next as one, so its ending is written in camel case there ("tooMany").
 */
export function codeKey(code: string): string {
  return code.replace(/_(zero|one|two|few|many|other)$/, (_match, form: string) => form[0]!.toUpperCase() + form.slice(1));
}

/** One field error in words: the learning tab's own text for its field and code, then the app's, then the server's. */
export function learningFieldMessage(t: TFunction, error: FieldError): string {
  const { base } = serverField(error.field);
  if (base === 'to' && error.code === 'invalid_transition') {
    const stage = (name: string | undefined) =>
      name !== undefined && (STAGES as readonly string[]).includes(name) ? t(`mentoring.stages.${name as CycleStatus}`) : (name ?? '');
    return t('mentoring.errors.to.invalid_transition', { from: stage(error.params.from), to: stage(error.params.to) });
  }
  if (base === 'evaluations' && error.code === 'missing_evaluation') {
    return t('mentoring.errors.evaluations.missing_evaluation', {
      member: error.params.member ?? '',
      competency: error.params.competency ?? '',
    });
  }
  const code = codeKey(error.code);
  if (hasPath(learningId.errors, [base, code])) {
    return t(`mentoring.errors.${base}.${code}` as TranslationKey);
  }
  return fieldErrorMessage(t, { ...error, field: base });
}

/** A failed call in words: who may guide the group's learning, a dissolved group, or the app's words. */
export function learningProblemMessage(t: TFunction, error: unknown): string {
  if (isApiError(error) && error.slug === 'forbidden') return t('mentoring.errors.forbidden');
  if (isApiError(error) && error.slug === 'group-dissolved') return t('mentoring.errors.dissolved');
  return problemMessage(t, error);
}

/**
 * Sorts a refusal onto a form: beside the fields the form has (`placeable`, by base name; a list
 * item where `place` says the form shows it, from the field read or as the server named it), or
 * above the form.
 */
export function readLearningErrors(
  t: TFunction,
  error: unknown,
  placeable: readonly string[],
  place: (field: ServerField, named: string) => string | null = (field) => field.base,
): ServerErrors {
  return readServerErrors(error, {
    fieldOf: (fieldError) => {
      const field = serverField(fieldError.field);
      return placeable.includes(field.base) ? place(field, fieldError.field) : null;
    },
    message: (fieldError) => learningFieldMessage(t, fieldError),
    problem: (failure) => learningProblemMessage(t, failure),
  });
}

/**
 * Why a cycle did not move to its next stage, one line per thing missing (closing lists every
 * mentee and competency not yet evaluated: "Tukini — Memilih singkong: belum dievaluasi").
 */
export function refusalLines(t: TFunction, error: unknown): string[] {
  if (isApiError(error) && error.errors.length > 0) {
    const lines: string[] = [];
    for (const fieldError of error.errors) {
      const line = learningFieldMessage(t, fieldError);
      if (!lines.includes(line)) lines.push(line);
    }
    return lines;
  }
  return [learningProblemMessage(t, error)];
}
