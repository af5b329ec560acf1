import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './Alert';

interface ConfirmActionProps {
  /** The button that opens the question: "Nonaktifkan akun", "Cabut". */
  label: string;
  /** A fuller name for screen readers when many such buttons share a page ("Cabut token laporan dinas"). */
  accessibleLabel?: string;
  /** The question, saying what will happen. */
  question: string;
  /** The button that does it: "Ya, nonaktifkan". */
  confirmLabel: string;
  /** Runs the action; a thrown error is shown with `describeError` and the question stays open. */
  onConfirm(this: void): Promise<void>;
  describeError: (error: unknown) => string;
  /** The opening button's look: `danger` for what takes something away, `secondary` otherwise. */
  tone?: 'danger' | 'secondary';
  /** The confirming button's look: `danger` unless the action gives something back. */
  confirmTone?: 'danger' | 'primary';
  /** Extra fields asked with the question (a reason for a correction). */
  children?: ReactNode;
  testId?: string;
}

/**
 * A button whose action is not easily undone (disabling an account, revoking a token): tapping it
 * asks first, in place, with the consequence spelled out; a second tap does it.
 */
export function ConfirmAction({
  label,
  accessibleLabel,
  question,
  confirmLabel,
  onConfirm,
  describeError,
  tone = 'secondary',
  confirmTone = 'danger',
  children,
  testId,
}: ConfirmActionProps) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (open) questionRef.current?.focus();
  }, [open]);

  if (!open) {
    return (
      <button
        type="button"
        className={`button button--${tone} confirm__open`}
        aria-label={accessibleLabel}
        data-testid={testId}
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        {label}
      </button>
    );
  }

  async function onYes() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      if (mounted.current) setOpen(false);
    } catch (failure) {
      if (mounted.current) setError(describeError(failure));
    } finally {
      if (mounted.current) setBusy(false);
    }
  }

  return (
    <div className="confirm" role="group" aria-labelledby={`${id}-question`} data-testid={testId ? `${testId}-confirm` : undefined}>
      <p id={`${id}-question`} className="confirm__question" ref={questionRef} tabIndex={-1}>
        {question}
      </p>
      {children}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="button-row">
        <button type="button" className={`button button--${confirmTone}`} disabled={busy} onClick={() => void onYes()}>
          {busy ? t('common.working') : confirmLabel}
        </button>
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => setOpen(false)}>
          {t('common.cancelAction')}
        </button>
      </div>
    </div>
  );
}
