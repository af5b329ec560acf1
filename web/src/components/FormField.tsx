import type { InputHTMLAttributes } from 'react';
import { describedBy, FieldFrame } from './field-parts';

type FormFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-describedby' | 'aria-invalid'> & {
  id: string;
  label: string;
  hint?: string;
  /** Messages shown beside the field; the input is marked invalid when there are any. */
  errors?: string[];
};

/** A labelled input with its hint and errors tied to it for screen readers; the rest of the props go to the input. */
export function FormField({ id, label, hint, errors = [], ...inputProps }: FormFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      <input
        {...inputProps}
        id={id}
        className="field__input"
        aria-invalid={errors.length > 0 ? true : undefined}
        aria-describedby={describedBy(id, hint, errors).describedBy}
      />
    </FieldFrame>
  );
}
