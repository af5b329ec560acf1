import { Alert } from './Alert';

interface FormAlertsProps {
  /** How many fields are marked: any, and "fix what is marked below" is said above the form. */
  fieldsWithProblems: number;
  /** "Periksa isian yang ditandai di bawah." */
  fixBelow: string;
  /** The server's refusals that name no field, in words. */
  general: readonly string[];
}

/**
 * The alerts above a long form: one that sends the eye to the marked fields, one for refusals no
 * field owns. Each is focusable (`data-form-alert`) so useFocusAfterRefusal can take the user there
 * when no field is marked.
 */
export function FormAlerts({ fieldsWithProblems, fixBelow, general }: FormAlertsProps) {
  return (
    <>
      {fieldsWithProblems > 0 ? (
        <div tabIndex={-1} data-form-alert>
          <Alert tone="error">{fixBelow}</Alert>
        </div>
      ) : null}
      {general.length > 0 ? (
        <div tabIndex={-1} data-form-alert>
          <Alert tone="error">{general.join(' ')}</Alert>
        </div>
      ) : null}
    </>
  );
}
