import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../../lib/api-client';
import { callsTo, fill, KOTA_BATU, page, problem, renderAt, routeFetch } from '../../../test/fixtures';
import { jsonResponse, sentJson } from '../../../test/render';
import { user } from '../../../test/users';
import type { User } from '../types';
import { UsersPage } from './UsersPage';

const USERS = [
  user({}),
  user({ id: 2, username: 'dinas1', display_name: 'Budi Santoso', role: 'officer', scope: { kind: 'stakeholder', id: 3 } }),
  user({ id: 3, username: 'ketua1', display_name: 'Sulastri', role: 'group_leader', scope: { kind: 'group', id: 7 }, disabled: true }),
  user({ id: 4, username: 'siti', display_name: 'Siti Rahayu', role: 'facilitator', scope: { kind: 'programme', id: 2 } }),
];

const STAKEHOLDER = { id: 3, name: 'Dinas Koperasi Kota Batu', helix: 'government', kind: 'agency', region_code: '35.79', region: KOTA_BATU, contact: null, created_at: '', updated_at: '' };

let fetchMock: ReturnType<typeof routeFetch>;

beforeEach(() => {
  api.setCsrfToken('csrf');
  fetchMock = routeFetch({
    'GET /api/v1/users': () => page(USERS, USERS.length, 200),
    'GET /api/v1/stakeholders/3': () => jsonResponse(STAKEHOLDER),
    'GET /api/v1/groups/7': () => jsonResponse({ id: 7, name: 'Harapan Sejahtera' }),
    'GET /api/v1/stakeholders': () => page([STAKEHOLDER], 1, 20),
    'POST /api/v1/users': (_url, init) => jsonResponse(user({ id: 9, ...sentJson<Partial<User>>(init?.body) }), 201),
  });
});

const renderPage = (at = '/users') => renderAt(<UsersPage searchDelayMs={0} />, { path: '/users', at });

describe('UsersPage', () => {
  it('lists each account with its role, its scope by name and whether it is active', async () => {
    renderPage();
    const officer = await screen.findByTestId('user-row-dinas1');
    expect(officer).toHaveTextContent('Budi Santoso');
    expect(officer).toHaveTextContent('Petugas Dinas');
    await waitFor(() => expect(officer).toHaveTextContent('Lembaga: Dinas Koperasi Kota Batu'));
    expect(screen.getByTestId('user-row-ketua1')).toHaveTextContent('Kelompok: Harapan Sejahtera');
    expect(screen.getByTestId('user-row-ketua1')).toHaveTextContent('Nonaktif');
    expect(screen.getByTestId('user-row-siti')).toHaveTextContent('Program nomor 2');
    expect(screen.getByTestId('user-row-admin')).toHaveTextContent('Semua data');
    expect(within(officer).getByRole('link', { name: 'dinas1' })).toHaveAttribute('href', '/users/2');
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Daftar pengguna (4 pengguna)');
  });

  it('filters by role and status in the address, and searches names', async () => {
    const user = userEvent.setup();
    renderPage();
    await screen.findByTestId('user-row-dinas1');
    await user.selectOptions(screen.getByLabelText('Status'), 'disabled');
    expect(screen.getByTestId('location')).toHaveTextContent('/users?status=disabled');
    expect(screen.queryByTestId('user-row-dinas1')).not.toBeInTheDocument();
    expect(screen.getByTestId('user-row-ketua1')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Status'), '');
    await user.type(screen.getByLabelText('Cari pengguna'), 'santoso');
    await user.click(screen.getByRole('button', { name: 'Cari' }));
    expect(screen.getByTestId('location')).toHaveTextContent('/users?q=santoso');
    expect(screen.getAllByRole('row')).toHaveLength(2);
    expect(screen.getByTestId('user-total')).toHaveTextContent('1 pengguna cocok.');
  });

  it('adds an officer with her stakeholder chosen by name, then lists her', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Tambah pengguna' }));
    const form = screen.getByTestId('new-user-form');
    await fill(user, form, {
      'Nama pengguna *': 'dinas2',
      'Nama tampilan': 'Ratna Dewi',
      'Peran *': 'officer',
      'Kata sandi awal *': 'kata sandi yang panjang',
      'Ulangi kata sandi awal *': 'kata sandi yang panjang',
    });
    await user.click(await within(form).findByRole('button', { name: 'Pilih Dinas Koperasi Kota Batu' }));
    expect(within(form).getByTestId('scope-chosen')).toHaveTextContent('Dinas Koperasi Kota Batu');
    await user.click(within(form).getByRole('button', { name: 'Buat akun' }));

    expect(await screen.findByText('Akun dinas2 sudah dibuat.')).toBeInTheDocument();
    const [call] = callsTo(fetchMock, 'POST /api/v1/users');
    expect(sentJson(call!.init?.body)).toEqual({
      username: 'dinas2',
      display_name: 'Ratna Dewi',
      role: 'officer',
      password: 'kata sandi yang panjang',
      scope: { kind: 'stakeholder', id: 3 },
    });
    expect(callsTo(fetchMock, 'GET /api/v1/users').length).toBeGreaterThan(1);
  });

  it('asks an admin account for no scope at all', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Tambah pengguna' }));
    await user.selectOptions(screen.getByLabelText('Peran *'), 'admin');
    expect(screen.getByTestId('scope-field')).toHaveTextContent('tidak ada cakupan yang perlu dipilih');
  });

  it('says beside the username that it is taken', async () => {
    const user = userEvent.setup();
    routeFetch({
      'GET /api/v1/users': () => page(USERS, USERS.length, 200),
      'POST /api/v1/users': () => problem('already-exists', 409, [{ field: 'username', code: 'already_exists' }]),
    });
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Tambah pengguna' }));
    await fill(user, screen.getByTestId('new-user-form'), {
      'Nama pengguna *': 'dinas1',
      'Peran *': 'admin',
      'Kata sandi awal *': 'kata sandi yang panjang',
      'Ulangi kata sandi awal *': 'kata sandi yang panjang',
    });
    await user.click(screen.getByRole('button', { name: 'Buat akun' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Nama pengguna *')).toHaveAccessibleDescription(expect.stringContaining('Nama pengguna ini sudah dipakai.')),
    );
  });
});
