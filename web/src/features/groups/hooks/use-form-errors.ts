import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_ERRORS, type ServerErrors } from '../types/errors';
import type { Problems } from '../types/forms';

/**
 * A form's messages: those its own checks found before sending (`local`, as i18n keys) and those
 * the server answered with (`server`, in words already). `errorsFor` gives a field both.
 */
export function useFormErrors<Field extends string>() {
  const { t } = useTranslation();
  const [local, setLocal] = useState<Problems<Field>>({});
  const [server, setServer] = useState<ServerErrors>(NO_ERRORS);
  const errorsFor = useCallback(
    (field: Field): string[] => [
      ...(local[field] ?? []).map((problem) => t(problem.key, problem.values ?? {})),
      ...(server.byField[field] ?? []),
    ],
    [local, server, t],
  );
  const clear = useCallback(() => {
    setLocal({});
    setServer(NO_ERRORS);
  }, []);
  return { local, setLocal, server, setServer, errorsFor, clear };
}
