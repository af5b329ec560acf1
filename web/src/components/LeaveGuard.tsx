import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

interface LeaveGuardProps {
  /** Whether the page holds work that leaving would lose. */
  unsaved: boolean;
  /** What would be lost, said when she tries to leave ("3 pilihan suara belum disimpan …"). */
  question: string;
  testId?: string;
}

/**
 * Keeps unsaved work from being lost without a word. While `unsaved`, closing or reloading the
 * tab makes the browser ask (beforeunload), and a link, a tab of the workspace or Back stops at a
 * question in the page: stay, or leave without saving. A data router is needed (useBlocker).
 */
export function LeaveGuard({ unsaved, question, testId = 'leave-guard' }: LeaveGuardProps) {
  const { t } = useTranslation();
  const id = useId();
  const questionRef = useRef<HTMLParagraphElement>(null);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      unsaved && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );

  useEffect(() => {
    if (!unsaved) return undefined;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [unsaved]);

  const blocked = blocker.state === 'blocked';
  useEffect(() => {
    if (blocked) questionRef.current?.focus();
  }, [blocked]);

  if (blocker.state !== 'blocked') return null;
  return (
    <div className="leave-guard" role="alertdialog" aria-labelledby={`${id}-question`} data-testid={testId}>
      <p id={`${id}-question`} className="leave-guard__question" ref={questionRef} tabIndex={-1}>
        {question}
      </p>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={() => blocker.reset()}>
          {t('common.unsaved.stay')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => blocker.proceed()}>
          {t('common.unsaved.leave')}
        </button>
      </div>
    </div>
  );
}
