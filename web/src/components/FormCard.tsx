import { type ReactNode, useEffect, useId, useRef } from 'react';
import type { FormSubmit } from '../lib/use-form';
import { Alert } from './Alert';
import { SubmitRow } from './SubmitRow';

/** What FormCard reads of a form: useForm gives all of it. */
export interface FormCardForm {
  /** `general`: what the server said that no field shows. */
  server: { general: readonly string[] };
  submitting: boolean;
  onSubmit: FormSubmit;
}

export interface FormCardProps {
  title: ReactNode;
  /** A line under the heading (above the server's messages). */
  intro?: ReactNode;
  form: FormCardForm;
  /** The buttons' words: Save, Save while the form is being sent, and Cancel. */
  labels: { submit: string; saving: string; cancel: string };
  /** False keeps Save disabled (e.g. until a choice the form asks for is made). */
  canSubmit?: boolean;
  onCancel: () => void;
  testId?: string;
  children: ReactNode;
}

/**
 * A section's form, opened in place (SectionCard's Add): its heading takes the focus as it opens,
 * the server's general messages stand above the fields, Save and Cancel below them.
 */
export function FormCard({ title, intro, form, labels, canSubmit = true, onCancel, testId, children }: FormCardProps) {
  const { server, submitting, onSubmit } = form;
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section className="subcard" aria-labelledby={`${id}-title`} data-testid={testId}>
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {title}
      </h3>
      {intro}
      {server.general.length > 0 ? <Alert tone="error">{server.general.join(' ')}</Alert> : null}
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={submitting}>
        {children}
        <SubmitRow submitting={submitting} labels={labels} canSubmit={canSubmit} cancel={{ label: labels.cancel, onClick: onCancel }} />
      </form>
    </section>
  );
}
