import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { AuthProvider } from '../features/auth/components/AuthProvider';
import { AppRoutes } from './routes';

/**
 * The router's one catch-all route, holding the signed-in user and the app's route table. A data
 * router (rather than <BrowserRouter>) lets a page with unsaved work ask before the reader leaves
 * it (useBlocker); tests mount the same route in a memory router.
 */
export function appRouteObjects(): RouteObject[] {
  return [
    {
      path: '*',
      element: (
        <AuthProvider>
          <AppRoutes />
        </AuthProvider>
      ),
    },
  ];
}

const createAppRouter = () => createBrowserRouter(appRouteObjects());

/** Providers, outermost first: the server state cache, language, routing, the signed-in user. */
export function App({ i18n, queryClient }: { i18n: I18n; queryClient: QueryClient }) {
  const [router] = useState(createAppRouter);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <RouterProvider router={router} />
      </I18nextProvider>
    </QueryClientProvider>
  );
}
