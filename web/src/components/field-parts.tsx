import type { ReactNode } from 'react';

/** The ids that tie a field's hint and errors to its control for screen readers. */
export function describedBy(id: string, hint: string | undefined, errors: string[]) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  return { hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

interface FieldFrameProps {
  id: string;
  label: string;
  hint?: string | undefined;
  errors: string[];
  children: ReactNode;
}

/** Label, hint, the control, then the errors: the frame every form control sits in. */
export function FieldFrame({ id, label, hint, errors, children }: FieldFrameProps) {
  const ids = describedBy(id, hint, errors);
  return (
    <div className={errors.length > 0 ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={ids.hintId}>
          {hint}
        </p>
      ) : null}
      {children}
      <FieldErrors id={ids.errorId} messages={errors} />
    </div>
  );
}

interface FieldErrorsProps {
  /** What the control's aria-describedby names. */
  id?: string | undefined;
  messages: readonly string[];
  className?: string;
  /** Read out as they change (for a control that cannot be marked invalid itself). */
  live?: boolean;
}

/** The messages under a field, nothing when there are none. */
export function FieldErrors({ id, messages, className = 'field__errors', live = false }: FieldErrorsProps) {
  if (messages.length === 0) return null;
  return (
    <ul className={className} id={id} aria-live={live ? 'polite' : undefined}>
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

interface PickerSearchInputProps {
  id: string;
  name?: string;
  value: string;
  onChange: (text: string) => void;
  /** The id of the hint that says what to type. */
  hintId: string;
  /** The id of the picker's errors, when it has any: the box is then marked invalid. */
  errorId: string | undefined;
}

/** A picker's search box: what is typed narrows the choices listed under it. */
export function PickerSearchInput({ id, name, value, onChange, hintId, errorId }: PickerSearchInputProps) {
  return (
    <input
      id={id}
      name={name}
      className="field__input"
      type="search"
      autoComplete="off"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-invalid={errorId ? true : undefined}
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ')}
    />
  );
}
