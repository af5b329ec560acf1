// Turns API failures into sentences a group treasurer understands. The server's
// problem `type` slug and each field error `code` map to translated messages; when
// gotong does not know a slug or code, the server's own `detail`/`message` is shown
// rather than nothing.
import type { ParseKeys, TFunction } from 'i18next';
import { type FieldError, isApiError } from './api-client';
import { id } from './i18n/id';

type TranslationKey = ParseKeys<'translation'>;

const SLUG_KEYS: Record<string, TranslationKey> = {
  'invalid-input': 'errors.invalidInput',
  unauthenticated: 'errors.unauthenticated',
  'session-expired': 'errors.unauthenticated',
  'invalid-token': 'errors.unauthenticated',
  'invalid-credentials': 'errors.invalidCredentials',
  'account-disabled': 'errors.accountDisabled',
  forbidden: 'errors.forbidden',
  'csrf-failed': 'errors.csrfFailed',
  'not-found': 'errors.notFound',
  'method-not-allowed': 'errors.methodNotAllowed',
  conflict: 'errors.conflict',
  'already-exists': 'errors.alreadyExists',
  'payload-too-large': 'errors.payloadTooLarge',
  'unsupported-media-type': 'errors.internal',
  unavailable: 'errors.unavailable',
  busy: 'errors.busy',
  'too-many-exports': 'errors.tooManyExports',
  'too-many-imports': 'errors.tooManyImports',
  'idempotency-key-in-use': 'errors.stillSaving',
  'idempotency-outcome-unknown': 'errors.outcomeUnknown',
  'idempotency-key-reused': 'errors.keyReused',
  internal: 'errors.internal',
  'network-error': 'errors.network',
};

/** Whole minutes to wait, never less than one: "0 minutes" would invite an immediate retry. */
export function minutesToWait(seconds: number | undefined): number {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) return 1;
  return Math.max(1, Math.ceil(seconds / 60));
}

/** The message to show for any error thrown by an API call (or anything else). */
export function problemMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.unknown');
  if (error.slug === 'rate-limited') {
    return t('errors.rateLimited', { count: minutesToWait(error.retryAfterSeconds) });
  }
  const key = SLUG_KEYS[error.slug];
  if (key) return t(key);
  if (error.detail) return error.detail;
  if (error.title) return error.title;
  return t('errors.unknown');
}

/** Whether `path` leads through `root` to a text: whether the texts have that key. */
export function hasPath(root: unknown, path: string[]): boolean {
  let node: unknown = root;
  for (const part of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

/** A field error in words: field-specific text first, then the code's generic text, then the server's. */
export function fieldErrorMessage(t: TFunction, error: FieldError): string {
  if (error.field && hasPath(id.fieldErrorsByField, [error.field, error.code])) {
    return t(`fieldErrorsByField.${error.field}.${error.code}` as TranslationKey);
  }
  if (hasPath(id.fieldErrors, [error.code])) {
    return t(`fieldErrors.${error.code}` as TranslationKey);
  }
  // Codes only some pages meet are worded by texts those pages add when they load
  // (programmes-field-errors.ts).
  const added = t(`fieldErrors.${error.code}` as TranslationKey, { defaultValue: '' });
  if (added) return added;
  return error.message || t('errors.invalidInput');
}

/** Messages for one form field from an error, if the error is an ApiError naming that field. */
export function fieldMessages(t: TFunction, error: unknown, field: string): string[] {
  if (!isApiError(error)) return [];
  return error.errorsFor(field).map((e) => fieldErrorMessage(t, e));
}

export interface ServerField {
  /** The field without its list position, dots as underscores: "answers_scale". */
  base: string;
  /** The position in a list ("answers[2].scale" → 2), null for a plain field. */
  index: number | null;
}

/**
 * A field as the server names it, for the features' own texts: "answers[1].scale" → answers_scale
 * at 1; "member_id" → member_id (the first list position is kept, the rest dropped).
 */
export function serverField(field: string): ServerField {
  let index: number | null = null;
  const base = field
    .replace(/\[(\d+)\]/g, (_match, position: string) => {
      if (index === null) index = Number(position);
      return '';
    })
    .replace(/^[./]+/, '')
    .replace(/[./]/g, '_');
  return { base, index };
}
