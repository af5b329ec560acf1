// The one form hook: a draft, its checks, one safe submission and the messages beside each field.
import { type ChangeEvent, type FormEvent, useCallback, useId, useState } from 'react';
import { type LocalProblems, type ServerErrors, useFormErrors } from './use-form-errors';
import { useSubmission } from './use-submission';

/** A form's submit handler, as `useForm` gives it. */
export type FormSubmit = (event?: FormEvent<HTMLFormElement>) => Promise<void>;

export interface Checked<Field extends string, Input> {
  errors: LocalProblems<Field>;
  /** The request body when the checks found nothing. */
  input: Input | null;
}

/** The keys of a draft that hold text (what an input, select or text box edits). */
type TextKey<Draft> = { [K in keyof Draft]: Draft[K] extends string ? K : never }[keyof Draft] & string;

/** What ties one control to a draft's field: FormField, SelectField and TextAreaField take these props. */
export interface BoundField {
  id: string;
  name: string;
  value: string;
  errors: string[];
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => void;
}

/**
 * Ties a draft's text fields to FormField, SelectField and TextAreaField: `field('name')` gives the
 * control's id, name, value, change handler and messages, so `<FormField label=… {...field('name')} />`
 * is the whole binding. A select's value is one of its options (the draft's type for that field).
 */
export function bindFields<Draft, Field extends string>(
  idPrefix: string,
  draft: Draft,
  set: <K extends keyof Draft>(field: K, value: Draft[K]) => void,
  errorsFor: (field: Field) => string[],
) {
  return <K extends TextKey<Draft> & Field>(name: K): BoundField => ({
    // "-field-" keeps a field's id apart from the form's own ids ("-title" for its heading).
    id: `${idPrefix}-field-${name}`,
    name,
    value: draft[name] as string,
    errors: errorsFor(name),
    onChange: (event) => set(name, event.target.value as Draft[K]),
  });
}

export interface FormOptions<Draft, Field extends string, Input, Saved> {
  initial: Draft | (() => Draft);
  /** The form's own checks, as the server would make them; the body to send when they pass. */
  validate: (draft: Draft) => Checked<Field, Input>;
  /** The write, with the submission's Idempotency-Key (kept for a retry of the same values). */
  send: (input: Input, idempotencyKey: string) => Promise<Saved>;
  /** A refusal sorted onto the form's fields (given what was sent, and the draft it came from). */
  readErrors: (error: unknown, input: Input, draft: Draft) => ServerErrors;
  onSaved: (saved: Saved) => void;
  /** After a check or the server refused: e.g. to move the focus to what to correct. */
  onRejected?: (error: unknown) => void;
}

/**
 * A form's state and its submit: `onSubmit` clears the last messages, checks the draft, and sends
 * it once (a double tap sends one request); the server's refusal lands beside the fields.
 */
export function useForm<Draft extends object, Field extends string, Input, Saved>(
  options: FormOptions<Draft, Field, Input, Saved>,
) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(options.initial);
  const messages = useFormErrors<Field>();
  const { submitting, submit } = useSubmission();
  const set = useCallback(
    <K extends keyof Draft>(field: K, value: Draft[K]) => setDraft((d) => ({ ...d, [field]: value })),
    [],
  );

  async function onSubmit(event?: FormEvent<HTMLFormElement>) {
    event?.preventDefault();
    messages.clear();
    const { errors, input } = options.validate(draft);
    messages.setLocal(errors);
    if (input === null) {
      options.onRejected?.(null);
      return;
    }
    await submit(input, (key) => options.send(input, key), {
      onSuccess: options.onSaved,
      onError: (error) => {
        messages.setServer(options.readErrors(error, input, draft));
        options.onRejected?.(error);
      },
    });
  }

  const field = bindFields(id, draft, set, messages.errorsFor);
  return { draft, setDraft, set, field, submitting, onSubmit, ...messages };
}
