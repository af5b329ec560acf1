// Test helper: the whole app, its route table inside the sign-in, as a browser opens it.
import { MemoryRouter } from 'react-router';
import { AppRoutes } from '../app/routes';
import { AuthProvider } from '../features/auth/components/AuthProvider';
import { renderWithI18n } from './render';

/** The app opened at `at`; who is signed in is what the test's fetch stub answers to GET /me. */
export function renderApp(at: string) {
  return renderWithI18n(
    <MemoryRouter initialEntries={[at]}>
      <AuthProvider>
        <AppRoutes />
      </AuthProvider>
    </MemoryRouter>,
  );
}
