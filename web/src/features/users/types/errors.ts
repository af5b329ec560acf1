// The server's refusals of a user form, in words an office admin understands, beside the field.
import type { ParseKeys, TFunction } from 'i18next';
import { isApiError, type FieldError } from '../../../lib/api-client';
import { adminId } from '../../../lib/i18n/admin-id';
import { fieldErrorMessage, hasPath, problemMessage } from '../../../lib/problem-messages';
import { readServerErrors, type ServerErrors } from '../../../lib/use-form-errors';

/** "scope.id" → "scope_id": the key of a field in the texts. */
const textKey = (field: string) => field.replace(/[.[\]]+/g, '_').replace(/_$/, '');

/** The form field an error is about: the scope's parts are the one scope picker. */
export function formFieldOf(field: string): string {
  return field === 'scope' || field.startsWith('scope.') ? 'scope' : field;
}

/** A field error in words: the user forms' own texts first, then the app's. */
export function userFieldMessage(t: TFunction, error: FieldError): string {
  const key = textKey(error.field);
  if (hasPath(adminId.users.fieldErrors, [key, error.code])) {
    return t(`users.fieldErrors.${key}.${error.code}` as ParseKeys<'translation'>);
  }
  return fieldErrorMessage(t, error);
}

/** A failed call in words: a disabled account that may not get a token says so. */
export function userProblemMessage(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    const disabled = error.errors.find((e) => e.field === 'user' && e.code === 'disabled');
    if (disabled) return t('users.fieldErrors.user.disabled');
    if (error.status === 403 && error.slug === 'forbidden') return t('users.errors.forbidden');
  }
  return problemMessage(t, error);
}

/** Sorts a refusal onto a user form's fields (`fields`); a taken username is said beside it. */
export function readUserErrors(t: TFunction, error: unknown, fields: readonly string[]): ServerErrors {
  if (isApiError(error) && error.slug === 'already-exists' && fields.includes('username')) {
    return { byField: { username: [t('users.fieldErrors.username.already_exists')] }, general: [] };
  }
  return readServerErrors(error, {
    fieldOf: (fieldError) => {
      const field = formFieldOf(fieldError.field);
      return fields.includes(field) ? field : null;
    },
    message: (fieldError) => userFieldMessage(t, fieldError),
    problem: (failure) => userProblemMessage(t, failure),
  });
}
