// The server names what is wrong by field and code ("person.name"/"required",
// "attendance[3].member_id"/"not_member_then", "options[1]"/"duplicate"). Here those become the
// form field to show the message beside and words a group's treasurer understands.
import type { ParseKeys, TFunction } from 'i18next';
import { isApiError, type FieldError } from '../../../lib/api-client';
import { id } from '../../../lib/i18n/id';
import { fieldErrorMessage, hasPath, problemMessage, serverField, type ServerField } from '../../../lib/problem-messages';
import { readServerErrors, type ServerErrors } from '../../../lib/use-form-errors';

type TranslationKey = ParseKeys<'translation'>;

// The server's field names, read the same way in every feature.
export { serverField, type ServerField };

/** The key a form files a field's messages under: "title", "options[2]". */
export function fieldKey(field: ServerField): string {
  return field.index === null ? field.base : `${field.base}[${field.index}]`;
}

/**
 * The translation key of a code. A code ending like a plural form ("too_many") would be read by
 * i18next as one, so its ending is written in camel case there ("tooMany").
 */
export function codeKey(code: string): string {
  return code.replace(/_(zero|one|two|few|many|other)$/, (_match, form: string) => form[0]!.toUpperCase() + form.slice(1));
}

/**
 * The tabs whose fields share names with other tabs' ("amount", "member_id", "quantity") keep
 * their own texts under `groups.<scope>.fieldErrors`, looked up before the workspace's.
 */
export const ERROR_SCOPES = ['treasury', 'markets', 'orders', 'materials', 'posts'] as const;
export type ErrorScope = (typeof ERROR_SCOPES)[number];

/** One field error in words: the tab's own text, the group workspace's, then the app's, then the server's. */
export function groupFieldMessage(t: TFunction, error: FieldError, scope?: ErrorScope): string {
  const { base } = serverField(error.field);
  const code = codeKey(error.code);
  if (scope && hasPath(id.groups[scope].fieldErrors, [base, code])) {
    return t(`groups.${scope}.fieldErrors.${base}.${code}` as TranslationKey);
  }
  if (hasPath(id.groups.fieldErrors, [base, code])) {
    return t(`groups.fieldErrors.${base}.${code}` as TranslationKey);
  }
  return fieldErrorMessage(t, { ...error, field: base });
}

/** A failed call in words; a dissolved group says so instead of the server's English. */
export function groupProblemMessage(t: TFunction, error: unknown): string {
  if (isApiError(error) && error.slug === 'group-dissolved') return t('groups.errors.dissolved');
  return problemMessage(t, error);
}

/**
 * Sorts a failed call's messages for a group form: beside the fields the form has (`placeable`,
 * by base name, "options[2]" under its position), or above the form.
 */
export function readGroupErrors(
  t: TFunction,
  error: unknown,
  placeable: readonly string[],
  scope?: ErrorScope,
): ServerErrors {
  return readServerErrors(error, {
    fieldOf: (fieldError) => {
      const field = serverField(fieldError.field);
      return placeable.includes(field.base) ? fieldKey(field) : null;
    },
    message: (fieldError) => groupFieldMessage(t, fieldError, scope),
    problem: (failure) => groupProblemMessage(t, failure),
  });
}

/** A refused sheet's errors (the fee sheet's, the vote sheet's): by the member of the line each is about, and the rest. */
export interface SheetErrors {
  byMember: Map<number, FieldError[]>;
  /** The errors about the sheet as a whole. */
  other: FieldError[];
}

/**
 * Sorts a refused sheet's errors onto the lines sent: "<list>[2].<field>" ("payments[2].amount",
 * "votes[2].option_id") is about the member of the third of `lines`. Anything else is about the
 * sheet as a whole.
 */
export function sortSheetErrors(error: unknown, list: string, lines: readonly { member_id: number }[]): SheetErrors {
  const found: SheetErrors = { byMember: new Map(), other: [] };
  if (!isApiError(error)) return found;
  for (const fieldError of error.errors) {
    const field = serverField(fieldError.field);
    const line = field.base.startsWith(list) && field.index !== null ? lines[field.index] : undefined;
    if (line) found.byMember.set(line.member_id, [...(found.byMember.get(line.member_id) ?? []), fieldError]);
    else found.other.push(fieldError);
  }
  return found;
}

/** A refused sheet in words: each line's messages by its member, the rest for above the save. */
export interface SheetMessages {
  byMember: Record<number, string[]>;
  general: string[];
}

export const NO_SHEET_MESSAGES: SheetMessages = { byMember: {}, general: [] };

/**
 * Words a refused sheet's sorted errors: each line's beside its member; above the save, `notSaved`
 * of how many lines were marked first, then the rest once each (the failure itself when nothing
 * else is said).
 */
export function sheetMessages(
  t: TFunction,
  error: unknown,
  sorted: SheetErrors,
  notSaved: (count: number) => string,
  scope?: ErrorScope,
): SheetMessages {
  const byMember: Record<number, string[]> = {};
  for (const [memberId, errors] of sorted.byMember) byMember[memberId] = errors.map((e) => groupFieldMessage(t, e, scope));
  const general = [...new Set(sorted.other.map((e) => groupFieldMessage(t, e, scope)))];
  const marked = Object.keys(byMember).length;
  if (marked > 0) general.unshift(notSaved(marked));
  if (general.length === 0) general.push(groupProblemMessage(t, error));
  return { byMember, general };
}
