import type { SelectHTMLAttributes } from 'react';
import { describedBy, FieldFrame } from './field-parts';

export interface SelectOption {
  value: string;
  label: string;
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'aria-describedby' | 'aria-invalid' | 'children'> & {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  options: readonly SelectOption[];
  /** The first, empty choice ("Semua sektor", "Pilih …"); none when omitted. */
  emptyLabel?: string;
};

/** A labelled select with its hint and errors tied to it, like FormField; the rest of the props go to the select. */
export function SelectField({ id, label, hint, errors = [], options, emptyLabel, ...selectProps }: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      <select
        {...selectProps}
        id={id}
        className="field__input"
        aria-invalid={errors.length > 0 ? true : undefined}
        aria-describedby={describedBy(id, hint, errors).describedBy}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
