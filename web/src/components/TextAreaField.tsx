import type { TextareaHTMLAttributes } from 'react';
import { describedBy, FieldFrame } from './field-parts';

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'aria-describedby' | 'aria-invalid'> & {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
};

/** A labelled multi-line text box with its hint and errors tied to it, like FormField; the rest of the props go to the textarea. */
export function TextAreaField({ id, label, hint, errors = [], ...textareaProps }: TextAreaFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      <textarea
        rows={3}
        {...textareaProps}
        id={id}
        className="field__input field__input--multiline"
        aria-invalid={errors.length > 0 ? true : undefined}
        aria-describedby={describedBy(id, hint, errors).describedBy}
      />
    </FieldFrame>
  );
}
