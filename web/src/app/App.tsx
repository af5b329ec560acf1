import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { UNSAFE_createBrowserHistory, unstable_HistoryRouter as HistoryRouter } from 'react-router';
import { AuthProvider } from '../features/auth/components/AuthProvider';
import { guardHistory, NavigationGuard, NavigationGuardContext } from '../lib/navigation-guard';
import { AppRoutes } from './routes';

/** The browser's history as <BrowserRouter> makes it, asking the guard before it moves. */
function createNavigation() {
  const guard = new NavigationGuard();
  return { guard, history: guardHistory(UNSAFE_createBrowserHistory({ v5Compat: true }), guard) };
}

/**
 * Providers, outermost first: the server state cache, language, routing (with the guard a page
 * holds while it has unsaved work), the signed-in user.
 */
export function App({ i18n, queryClient }: { i18n: I18n; queryClient: QueryClient }) {
  const [navigation] = useState(createNavigation);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <NavigationGuardContext.Provider value={navigation.guard}>
          <HistoryRouter history={navigation.history}>
            <AuthProvider>
              <AppRoutes />
            </AuthProvider>
          </HistoryRouter>
        </NavigationGuardContext.Provider>
      </I18nextProvider>
    </QueryClientProvider>
  );
}
