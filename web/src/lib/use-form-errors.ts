// A form's messages: what its own checks found before sending, and what the server answered with,
// each beside the field it is about. Every form of the app reads a refusal through
// `readServerErrors` and shows messages through `useFormErrors`.
import type { ParseKeys } from 'i18next';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, type FieldError } from './api-client';

type TranslationKey = ParseKeys<'translation'>;

/** A message a form's own check found, as an i18n key with its values (testable without i18n). */
export interface FormProblem {
  key: TranslationKey;
  values?: Record<string, string | number>;
}

/** A form's own findings by field: problems with values, or bare keys. */
export type LocalProblems<Field extends string> = Partial<Record<Field, readonly (FormProblem | TranslationKey)[]>>;

export interface ServerErrors {
  /** Messages by form field key ("title", "options[2]", "owner.nik"). */
  byField: Record<string, string[]>;
  /** What no field of the form can show: said once above the form. */
  general: string[];
}

export const NO_ERRORS: ServerErrors = { byField: {}, general: [] };

/** How one form reads a refusal. */
export interface ServerErrorReading {
  /** The form's key for the field an error names ("title", "options[2]"), null when the form has no such field. */
  fieldOf: (error: FieldError) => string | null;
  /** A field error in words. */
  message: (error: FieldError) => string;
  /** The whole failure in words, for a failure no field error says anything about. */
  problem: (error: unknown) => string;
}

/**
 * Sorts a failed call's messages: beside the fields the form has, or above the form (each once).
 * A failure that names no field at all still says something.
 */
export function readServerErrors(error: unknown, reading: ServerErrorReading): ServerErrors {
  const result: ServerErrors = { byField: {}, general: [] };
  if (isApiError(error)) {
    for (const fieldError of error.errors) {
      const field = reading.fieldOf(fieldError);
      const message = reading.message(fieldError);
      if (field !== null) (result.byField[field] ??= []).push(message);
      else if (!result.general.includes(message)) result.general.push(message);
    }
  }
  if (Object.keys(result.byField).length === 0 && result.general.length === 0) {
    result.general.push(reading.problem(error));
  }
  return result;
}

/**
 * A form's messages: those its own checks found before sending (`local`, as i18n keys) and those
 * the server answered with (`server`, in words already). `errorsFor` gives a field both.
 */
export function useFormErrors<Field extends string>() {
  const { t } = useTranslation();
  const [local, setLocal] = useState<LocalProblems<Field>>({});
  const [server, setServer] = useState<ServerErrors>(NO_ERRORS);
  const errorsFor = useCallback(
    (field: Field): string[] => [
      ...(local[field] ?? []).map((problem) =>
        typeof problem === 'string' ? t(problem) : t(problem.key, problem.values ?? {}),
      ),
      ...(server.byField[field] ?? []),
    ],
    [local, server, t],
  );
  const clear = useCallback(() => {
    setLocal({});
    setServer(NO_ERRORS);
  }, []);
  /** How many fields have a message: for a "fix what is marked below" line. */
  const fieldsWithProblems = Object.keys(local).length + Object.keys(server.byField).length;
  return { local, setLocal, server, setServer, errorsFor, clear, fieldsWithProblems };
}
