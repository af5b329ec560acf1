import { useContext, useEffect, useId, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { NavigationGuardContext } from '../lib/navigation-guard';

interface LeaveGuardProps {
  /** Whether the page holds work that leaving would lose. */
  unsaved: boolean;
  /** What would be lost, said when she tries to leave ("3 pilihan suara belum disimpan …"). */
  question: string;
  testId?: string;
}

const never = () => () => {};
const no = () => false;

/**
 * Keeps unsaved work from being lost without a word. While `unsaved`, closing or reloading the
 * tab makes the browser ask (beforeunload), and a link, a tab of the workspace or Back stops at a
 * question in the page (the app's NavigationGuard): stay, or leave without saving.
 */
export function LeaveGuard({ unsaved, question, testId = 'leave-guard' }: LeaveGuardProps) {
  const { t } = useTranslation();
  const id = useId();
  const questionRef = useRef<HTMLParagraphElement>(null);
  const guard = useContext(NavigationGuardContext);
  const stopped = useSyncExternalStore(guard?.subscribe ?? never, guard?.stopped ?? no);

  useEffect(() => {
    if (!unsaved || !guard) return undefined;
    return guard.hold();
  }, [unsaved, guard]);

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

  const asking = stopped && unsaved && guard !== null;
  useEffect(() => {
    if (asking) questionRef.current?.focus();
  }, [asking]);

  if (!asking) return null;
  return (
    <div className="leave-guard" role="alertdialog" aria-labelledby={`${id}-question`} data-testid={testId}>
      <p id={`${id}-question`} className="leave-guard__question" ref={questionRef} tabIndex={-1}>
        {question}
      </p>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={guard.reset}>
          {t('common.unsaved.stay')}
        </button>
        <button type="button" className="button button--secondary" onClick={guard.proceed}>
          {t('common.unsaved.leave')}
        </button>
      </div>
    </div>
  );
}
