// The server's refusals of a person's record in words an office understands, beside the field.
import type { TFunction } from 'i18next';
import { isApiError, type FieldError } from '../../../lib/api-client';
import { fieldErrorMessage, problemMessage } from '../../../lib/problem-messages';
import { readServerErrors, type ServerErrors } from '../../../lib/use-form-errors';
import { personFieldOf } from './form';

/** A failed call in words: a record kept by another stakeholder says so, rather than "no permission". */
export function peopleProblemMessage(t: TFunction, error: unknown): string {
  if (isApiError(error) && error.status === 403 && error.slug === 'forbidden') return t('people.errors.otherSteward');
  return problemMessage(t, error);
}

/** Sorts a refusal of the edit form onto its fields; what no field shows is said above the form. */
export function readPersonErrors(t: TFunction, error: unknown): ServerErrors {
  return readServerErrors(error, {
    fieldOf: (fieldError) => personFieldOf(fieldError.field),
    message: (fieldError) => {
      if (personFieldOf(fieldError.field) === 'categories') return householdMessage(t, fieldError);
      // A 409 names the field that is taken (a NIK another person has); say so whatever code came.
      const taken = isApiError(error) && error.slug === 'already-exists';
      return fieldErrorMessage(t, taken ? { ...fieldError, code: 'already_exists' } : fieldError);
    },
    problem: (failure) => peopleProblemMessage(t, failure),
  });
}

/** A refusal of a household category in words (the programmes' texts, which the form loads). */
function householdMessage(t: TFunction, error: FieldError): string {
  switch (error.code) {
    case 'in_future':
    case 'duplicate':
    case 'too_long':
      return t(`programmes.household.errors.${error.code}`);
    default:
      return fieldErrorMessage(t, error);
  }
}
