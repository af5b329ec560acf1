import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { api, isApiError } from '../../../lib/api-client';
import type { User } from '../../../lib/user';
import { createSession, deleteSession, fetchMe } from '../api/session';
import { hasSessionHint, setSessionHint } from '../api/session-hint';
import { AuthContext, type AuthContextValue } from '../hooks/auth-context';
import type { AuthStatus, Credentials, SessionResponse, SignedOutReason } from '../types';

interface State {
  status: AuthStatus;
  user: User | null;
  signedOutReason: SignedOutReason | null;
}

/**
 * Holds who is signed in. On start it asks GET /me when this browser signed in before (the
 * cookie may still be valid; see session-hint.ts), and otherwise knows at once that nobody is:
 * a visit to the login page makes no request that must fail. Any 401 "unauthenticated" from
 * any later call ends the session here, and the route guard then sends the user to the login
 * page with an explanation. Leaving the session
 * (signing out, or its end) empties the server state cache, so whoever signs in next in this tab
 * never sees what the previous account loaded.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>(() => ({
    status: hasSessionHint() ? 'loading' : 'anonymous',
    user: null,
    signedOutReason: null,
  }));
  const queryClient = useQueryClient();

  const signIn = useCallback((session: SessionResponse) => {
    api.setCsrfToken(session.csrf_token);
    setSessionHint(true);
    setState({ status: 'authenticated', user: session.user, signedOutReason: null });
  }, []);

  const signOut = useCallback(
    (reason: SignedOutReason | null) => {
      api.setCsrfToken(null);
      setSessionHint(false);
      queryClient.clear();
      setState({ status: 'anonymous', user: null, signedOutReason: reason });
    },
    [queryClient],
  );

  useEffect(() => {
    if (!hasSessionHint()) return undefined;
    const controller = new AbortController();
    // A 401 here simply means "not signed in". A server that cannot be reached also ends on the
    // login page, where trying to log in then explains the problem in words.
    fetchMe(controller.signal).then(signIn, () => {
      if (!controller.signal.aborted) signOut(null);
    });
    return () => controller.abort();
  }, [signIn, signOut]);

  useEffect(
    () =>
      api.onUnauthenticated(() => {
        setState((previous) =>
          previous.status === 'authenticated'
            ? { status: 'anonymous', user: null, signedOutReason: 'expired' }
            : previous,
        );
        api.setCsrfToken(null);
        setSessionHint(false);
        queryClient.clear();
      }),
    [queryClient],
  );

  const login = useCallback(
    async (credentials: Credentials) => {
      signIn(await createSession(credentials));
    },
    [signIn],
  );

  const logout = useCallback(async () => {
    try {
      await deleteSession();
    } catch (error) {
      // Already signed out on the server: that is what the user wanted.
      if (!(isApiError(error) && error.status === 401)) throw error;
    }
    signOut('logged-out');
  }, [signOut]);

  const value = useMemo<AuthContextValue>(
    () => ({ ...state, login, logout }),
    [state, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
