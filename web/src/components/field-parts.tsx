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
      {errors.length > 0 ? (
        <ul className="field__errors" id={ids.errorId}>
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
