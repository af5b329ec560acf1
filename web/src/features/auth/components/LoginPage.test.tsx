import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../../lib/api-client';
import { jsonResponse, renderWithI18n, sentJson, urlOf } from '../../../test/render';
import { hasSessionHint, setSessionHint } from '../api/session-hint';
import { useAuth } from '../hooks/use-auth';
import { AuthProvider } from './AuthProvider';
import { LoginPage } from './LoginPage';
import { RequireAuth } from './RequireAuth';

const USER = {
  id: 1,
  username: 'siti',
  display_name: 'Siti Aminah',
  role: 'group_leader',
  scope: { kind: 'group', id: 7 },
  disabled: false,
  created_at: '2026-11-23T08:51:00Z',
};

function problem(slug: string, status: number, extra: object = {}) {
  return jsonResponse({ type: `urn:gotong:problem:${slug}`, title: slug, status, detail: '', errors: [], ...extra }, status);
}

/** A protected page whose button makes an API call, to see what a 401 does. */
function ProtectedPage() {
  const [text, setText] = useState('');
  const { logout } = useAuth();
  return (
    <div>
      <p>protected page</p>
      <button type="button" onClick={() => void logout()}>
        sign out
      </button>
      <button type="button" onClick={() => void api.get('/users').then(() => setText('loaded'), () => setText('failed'))}>
        load
      </button>
      <p>{text}</p>
    </div>
  );
}

function renderApp(start = '/') {
  return renderWithI18n(
    <MemoryRouter initialEntries={[start]}>
      <AuthProvider>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route
            path="/"
            element={
              <RequireAuth>
                <ProtectedPage />
              </RequireAuth>
            }
          />
        </Routes>
      </AuthProvider>
    </MemoryRouter>,
  );
}

let routes: Record<string, () => Response | Promise<Response>>;

beforeEach(() => {
  routes = { 'GET /api/v1/me': () => problem('unauthenticated', 401) };
  vi.stubGlobal(
    'fetch',
    vi.fn<typeof fetch>(async (input, init) => {
      const key = `${init?.method ?? 'GET'} ${urlOf(input).split('?')[0]}`;
      const handler = routes[key];
      return handler ? handler() : new Response(null, { status: 404 });
    }),
  );
});

/** A browser that signed in before, with a session the server still knows. */
function signedInBefore() {
  setSessionHint(true);
  routes['GET /api/v1/me'] = () => jsonResponse({ user: USER, csrf_token: 'csrf-1' });
}

async function fillAndSubmit(username: string, password: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('Nama pengguna'), username);
  await user.type(screen.getByLabelText('Kata sandi'), password);
  await user.click(screen.getByRole('button', { name: 'Masuk' }));
}

describe('LoginPage', () => {
  it('sends an unauthenticated visitor of a protected page to the login form', async () => {
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'Masuk ke gotong' })).toBeInTheDocument();
    expect(screen.queryByText('protected page')).not.toBeInTheDocument();
  });

  it('shows the wrong-password message and stays on the login page', async () => {
    routes['POST /api/v1/session'] = () => problem('invalid-credentials', 401);
    renderApp('/login');
    await fillAndSubmit('siti', 'salah-sekali-123');
    expect(await screen.findByRole('alert')).toHaveTextContent('Nama pengguna atau kata sandi salah.');
    expect(screen.queryByText('protected page')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Masuk' })).toBeEnabled();
  });

  it('tells how long to wait when login is rate-limited', async () => {
    routes['POST /api/v1/session'] = () => problem('rate-limited', 429, { retry_after: 600 });
    renderApp('/login');
    await fillAndSubmit('siti', 'salah-sekali-123');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Terlalu banyak percobaan masuk. Coba lagi dalam 10 menit.',
    );
  });

  it('disables the button while the login request is under way', async () => {
    let answer: (r: Response) => void = () => {};
    routes['POST /api/v1/session'] = () => new Promise<Response>((resolve) => (answer = resolve));
    renderApp('/login');
    await fillAndSubmit('siti', 'kata-sandi-panjang');
    const busy = screen.getByRole('button', { name: 'Sedang masuk…' });
    expect(busy).toBeDisabled();
    answer(problem('invalid-credentials', 401));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Masuk' })).toBeEnabled());
  });

  it('asks for missing fields without calling the server', async () => {
    const user = userEvent.setup();
    renderApp('/login');
    await user.click(await screen.findByRole('button', { name: 'Masuk' }));
    expect(screen.getByText('Masukkan nama pengguna.')).toBeInTheDocument();
    expect(screen.getByText('Masukkan kata sandi.')).toBeInTheDocument();
    expect(screen.getByLabelText('Nama pengguna')).toHaveAttribute('aria-invalid', 'true');
    expect(vi.mocked(fetch).mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });

  it('lands on the home route after a successful login', async () => {
    routes['POST /api/v1/session'] = () => jsonResponse({ user: USER, csrf_token: 'csrf-1' }, 201);
    renderApp('/login');
    await fillAndSubmit('siti', 'kata-sandi-panjang');
    expect(await screen.findByText('protected page')).toBeInTheDocument();
    const body = sentJson(vi.mocked(fetch).mock.calls.find(([, i]) => i?.method === 'POST')![1]!.body);
    expect(body).toEqual({ username: 'siti', password: 'kata-sandi-panjang' });
  });

  it('forgets what the account loaded when it signs out', async () => {
    signedInBefore();
    routes['DELETE /api/v1/session'] = () => new Response(null, { status: 204 });
    const { queryClient } = renderApp('/');
    await screen.findByText('protected page');
    queryClient.setQueryData(['groups', 7, 'members'], { items: [{ id: 1, name: 'Bu Sulastri' }] });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'sign out' }));
    expect(await screen.findByRole('heading', { name: 'Masuk ke gotong' })).toBeInTheDocument();
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
  });

  it('forgets what the previous account loaded when the session expires', async () => {
    signedInBefore();
    routes['GET /api/v1/users'] = () => problem('session-expired', 401);
    const { queryClient } = renderApp('/');
    await screen.findByText('protected page');
    queryClient.setQueryData(['groups', 7, 'members'], { items: [{ id: 1, name: 'Bu Sulastri' }] });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'load' }));
    await screen.findByText('Sesi Anda telah berakhir. Silakan masuk lagi.');
    expect(queryClient.getQueryData(['groups', 7, 'members'])).toBeUndefined();
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
  });

  it('sends the user back to login with an explanation when the session expires', async () => {
    signedInBefore();
    routes['GET /api/v1/users'] = () => problem('session-expired', 401);
    renderApp('/');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'load' }));
    expect(await screen.findByText('Sesi Anda telah berakhir. Silakan masuk lagi.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Masuk ke gotong' })).toBeInTheDocument();
  });

  it('asks the server nothing when a browser that never signed in opens the login page', async () => {
    renderApp('/login');
    expect(await screen.findByRole('heading', { name: 'Masuk ke gotong' })).toBeInTheDocument();
    expect(vi.mocked(fetch)).not.toHaveBeenCalled();
  });

  it('asks GET /me when the browser signed in before, and forgets that when the server no longer knows the session', async () => {
    setSessionHint(true);
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'Masuk ke gotong' })).toBeInTheDocument();
    expect(vi.mocked(fetch).mock.calls.map(([input]) => urlOf(input))).toEqual(['/api/v1/me']);
    expect(hasSessionHint()).toBe(false);
  });

  it('remembers the sign-in for the next visit, and forgets it on logging out', async () => {
    routes['POST /api/v1/session'] = () => jsonResponse({ user: USER, csrf_token: 'csrf-1' }, 201);
    routes['DELETE /api/v1/session'] = () => new Response(null, { status: 204 });
    renderApp('/login');
    await fillAndSubmit('siti', 'kata-sandi-panjang');
    await screen.findByText('protected page');
    expect(hasSessionHint()).toBe(true);
    await userEvent.setup().click(screen.getByRole('button', { name: 'sign out' }));
    await screen.findByText('Anda sudah keluar.');
    expect(hasSessionHint()).toBe(false);
  });

  it('forgets the sign-in when a later call finds the session ended', async () => {
    signedInBefore();
    routes['GET /api/v1/users'] = () => problem('session-expired', 401);
    renderApp('/');
    await userEvent.setup().click(await screen.findByRole('button', { name: 'load' }));
    await screen.findByText('Sesi Anda telah berakhir. Silakan masuk lagi.');
    expect(hasSessionHint()).toBe(false);
  });
});
