import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from '../../../lib/clipboard';

interface OneTimeSecretProps {
  title: string;
  /** The box's label: "Kata sandi sementara", "Token". */
  label: string;
  value: string;
  /** That it is shown this once, and what to do with it. */
  warning: string;
  /** More to say under the box (to whom to give it, what else happened). */
  children?: ReactNode;
  /** The admin has taken it: the page forgets it. */
  onDone: () => void;
  testId?: string;
}

/**
 * A secret the server answers once (a temporary password, an access token): shown in a box that
 * selects itself, with a copy button and the warning that it cannot be shown again. Closing it
 * forgets it; nothing else on the page or in the cache keeps it.
 */
export function OneTimeSecret({ title, label, value, warning, children, onDone, testId }: OneTimeSecretProps) {
  const { t } = useTranslation();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const boxRef = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  async function onCopy() {
    setCopied((await copyText(value, boxRef.current)) ? 'yes' : 'failed');
  }

  return (
    <section className="secret" aria-labelledby={`${id}-title`} data-testid={testId}>
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {title}
      </h3>
      <p className="secret__warning">{warning}</p>
      <label className="field__label" htmlFor={`${id}-value`}>
        {label}
      </label>
      <div className="secret__row">
        <textarea
          id={`${id}-value`}
          ref={boxRef}
          className="field__input secret__value"
          readOnly
          // A long token wraps instead of hiding its end on a phone.
          rows={Math.max(1, Math.ceil([...value].length / 16))}
          value={value}
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          onFocus={(e) => e.currentTarget.select()}
          data-testid="secret-value"
        />
        <button type="button" className="button button--primary" onClick={() => void onCopy()}>
          {copied === 'yes' ? t('users.secret.copied') : t('users.secret.copy')}
        </button>
      </div>
      <p className="secret__status" role="status">
        {copied === 'yes' ? t('users.secret.copiedNote') : copied === 'failed' ? t('users.secret.copyFailed') : null}
      </p>
      {children}
      <button type="button" className="button button--secondary" onClick={onDone}>
        {t('users.secret.done')}
      </button>
    </section>
  );
}
