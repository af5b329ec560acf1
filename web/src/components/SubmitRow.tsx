import type { ReactNode } from 'react';

interface SubmitRowProps {
  /** While the form is being sent: Save is disabled and says so. */
  submitting: boolean;
  /** Save's words, and its words while the form is being sent. */
  labels: { submit: string; saving: string };
  /** False keeps Save disabled (e.g. until a choice the form asks for is made). */
  canSubmit?: boolean;
  /** A button beside Save that leaves the form (Cancel). */
  cancel?: { label: string; onClick: () => void };
  /** What else stands beside Save, e.g. Cancel as a link back. */
  children?: ReactNode;
}

/** The buttons under a form: Save, then Cancel where there is one. */
export function SubmitRow({ submitting, labels, canSubmit = true, cancel, children }: SubmitRowProps) {
  return (
    <div className="button-row">
      <button type="submit" className="button button--primary" disabled={submitting || !canSubmit}>
        {submitting ? labels.saving : labels.submit}
      </button>
      {cancel ? (
        <button type="button" className="button button--secondary" onClick={cancel.onClick}>
          {cancel.label}
        </button>
      ) : null}
      {children}
    </div>
  );
}
