import { describedBy, FieldErrors } from './field-parts';

interface CheckFieldProps {
  id: string;
  label: string;
  hint?: string;
  /** Messages shown under the box; it is marked invalid when there are any. */
  errors?: string[];
  name?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** A labelled checkbox with its hint and errors tied to it for screen readers, like FormField. */
export function CheckField({ id, label, hint, errors = [], name, checked, onChange }: CheckFieldProps) {
  const ids = describedBy(id, hint, errors);
  return (
    <div className={errors.length > 0 ? 'check field--invalid' : 'check'}>
      <input
        id={id}
        type="checkbox"
        className="check__input"
        name={name}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-invalid={errors.length > 0 ? true : undefined}
        aria-describedby={ids.describedBy}
      />
      <label htmlFor={id} className="check__label">
        {label}
      </label>
      {hint ? (
        <p id={ids.hintId} className="field__hint check__hint">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={ids.errorId} messages={errors} className="field__errors check__hint" />
    </div>
  );
}
