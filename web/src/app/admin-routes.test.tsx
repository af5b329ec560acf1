import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setSessionHint } from '../features/auth/api/session-hint';
import type { Role } from '../lib/user';
import { page, routeFetch } from '../test/fixtures';
import { renderApp } from '../test/app';
import { jsonResponse, LAZY_CHUNK } from '../test/render';

function signedInAs(role: Role) {
  setSessionHint(true); // this browser signed in before: the app asks GET /me
  return routeFetch({
    'GET /api/v1/me': () =>
      jsonResponse({
        user: { id: 1, username: 'u', display_name: 'Pengguna Uji', role, scope: null, disabled: false, created_at: '' },
        csrf_token: 'c',
      }),
    'GET /api/v1/users': () => page([]),
    'GET /api/v1/audit': () => page([]),
    'GET /api/v1/regions': () => page([]),
  });
}

describe('the admin pages', () => {
  it('are in an admin’s navigation and open', async () => {
    signedInAs('admin');
    renderApp('/users');
    const nav = await screen.findByTestId('primary-nav');
    const links = within(nav).getAllByRole('link').map((link) => link.textContent);
    expect(links).toEqual(expect.arrayContaining(['Pengguna', 'Jejak perubahan', 'Wilayah resmi']));
    expect(await screen.findByRole('heading', { level: 1, name: 'Pengguna' }, LAZY_CHUNK)).toBeInTheDocument();
  });

  it.each(['/users', '/users/3', '/audit', '/regions', '/regions/35'])(
    'answer an officer who opens %s with the no-access page and a way back',
    async (path) => {
      signedInAs('officer');
      renderApp(path);
      expect(await screen.findByRole('heading', { level: 1, name: 'Halaman ini bukan untuk peran Anda' })).toBeInTheDocument();
      expect(within(screen.getByTestId('forbidden')).getByRole('link', { name: 'Beranda' })).toHaveAttribute('href', '/');
      expect(within(screen.getByTestId('forbidden')).getByRole('link', { name: 'Registri UMKM' })).toHaveAttribute('href', '/registry');
      const links = within(screen.getByTestId('primary-nav')).getAllByRole('link').map((link) => link.textContent);
      expect(links).not.toContain('Pengguna');
      expect(links).not.toContain('Jejak perubahan');
      expect(links).not.toContain('Wilayah resmi');
    },
  );
});
