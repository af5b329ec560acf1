// The server names what is wrong with a survey, an answer or a tag by field and code
// ("answers[1].scale"/"out_of_range", "member_id"/"has_account", "quote"/"not_in_answer"). Here
// those become the form field to show the message beside, and words a member understands.
import type { ParseKeys, TFunction } from 'i18next';
import { isApiError, type FieldError } from '../../../lib/api-client';
import { surveysId } from '../../../lib/i18n/surveys-id';
import { fieldErrorMessage, hasPath, problemMessage, serverField, type ServerField } from '../../../lib/problem-messages';
import { readServerErrors, type ServerErrors } from '../../../lib/use-form-errors';

type TranslationKey = ParseKeys<'translation'>;

// The server's field names, read the same way in every feature.
export { serverField, type ServerField };

/** One field error in words: the surveys' own text for its field and code, then the app's, then the server's. */
export function surveyFieldMessage(t: TFunction, error: FieldError): string {
  const { base } = serverField(error.field);
  if (hasPath(surveysId.errors, [base, error.code])) {
    return t(`surveys.errors.${base}.${error.code}` as TranslationKey);
  }
  return fieldErrorMessage(t, { ...error, field: base });
}

/** A failed call in words: who may run the group's surveys, a dissolved group, or the app's words. */
export function surveyProblemMessage(t: TFunction, error: unknown): string {
  if (isApiError(error) && error.slug === 'forbidden') return t('surveys.errors.forbidden');
  if (isApiError(error) && error.slug === 'group-dissolved') return t('surveys.errors.dissolved');
  return problemMessage(t, error);
}

/**
 * Sorts a refusal onto a form: `place` names the form's key for a field the form shows (null for
 * one it does not), the rest is said above the form.
 */
export function readSurveyErrors(t: TFunction, error: unknown, place: (field: ServerField) => string | null): ServerErrors {
  return readServerErrors(error, {
    fieldOf: (fieldError) => place(serverField(fieldError.field)),
    message: (fieldError) => surveyFieldMessage(t, fieldError),
    problem: (failure) => surveyProblemMessage(t, failure),
  });
}
