import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../../lib/api-client';
import { callsTo, page, problem, renderAt, routeFetch } from '../../../test/fixtures';
import { jsonResponse, sentJson } from '../../../test/render';
import { OFFICER } from '../../../test/users';
import type { ApiToken, User } from '../types';
import { UserPage } from './UserPage';

const TOKENS: ApiToken[] = [
  { id: 1, name: 'laporan lama', created_at: '2026-01-02T02:00:00Z', revoked_at: '2026-02-03T02:00:00Z' },
  { id: 2, name: 'laporan dinas', created_at: '2026-03-01T02:00:00Z', revoked_at: null },
];

let fetchMock: ReturnType<typeof routeFetch>;
let stored: User;
let tokens: ApiToken[];

beforeEach(() => {
  api.setCsrfToken('csrf');
  stored = { ...OFFICER };
  tokens = [...TOKENS];
  fetchMock = routeFetch({
    'GET /api/v1/users/12': () => jsonResponse(stored),
    'PATCH /api/v1/users/12': (_url, init) => {
      const patch = sentJson<Partial<User>>(init?.body);
      stored = { ...stored, ...patch };
      return jsonResponse(stored);
    },
    'GET /api/v1/stakeholders/3': () => jsonResponse({ id: 3, name: 'Dinas Koperasi Kota Batu' }),
    'GET /api/v1/groups/7': () => jsonResponse({ id: 7, name: 'Harapan Sejahtera' }),
    'GET /api/v1/groups': () => page([{ id: 7, name: 'Harapan Sejahtera', village: null }], 1, 20),
    'POST /api/v1/users/12/password-reset': () => jsonResponse({ temporary_password: 'kT7-pW2q-9xRm' }),
    'GET /api/v1/users/12/tokens': () => jsonResponse({ items: tokens }),
    'POST /api/v1/users/12/tokens': (_url, init) => {
      const issued = { id: 3, name: sentJson<{ name: string }>(init?.body).name, created_at: '2026-04-01T02:00:00Z', revoked_at: null };
      tokens = [issued, ...tokens];
      return jsonResponse({ ...issued, token: 'gtk_4f9c2b7e0d1a8c3f' }, 201);
    },
    'DELETE /api/v1/users/12/tokens/2': () => {
      tokens = tokens.map((t) => (t.id === 2 ? { ...t, revoked_at: '2026-04-02T02:00:00Z' } : t));
      return new Response(null, { status: 204 });
    },
  });
});

const renderPage = (selfId = 1) =>
  renderAt(<UserPage selfId={selfId} searchDelayMs={0} />, { path: '/users/:id', at: '/users/12' });

describe('UserPage', () => {
  it('shows the account with its scope by name and a link to its change log', async () => {
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'Budi Santoso' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('user-detail-scope')).toHaveTextContent('Lembaga: Dinas Koperasi Kota Batu'));
    expect(screen.getByRole('link', { name: 'Lihat jejak perubahan akun ini' })).toHaveAttribute(
      'href',
      '/audit?entity=user&entity_id=12',
    );
  });

  it('changes role and scope together, sending only those', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Ubah' }));
    const form = screen.getByTestId('access-form');
    await user.selectOptions(within(form).getByLabelText('Peran *'), 'member');
    await user.click(await within(form).findByRole('button', { name: 'Pilih Harapan Sejahtera' }));
    await user.click(within(form).getByRole('button', { name: 'Simpan perubahan' }));

    expect(await screen.findByText('Perubahan sudah disimpan.')).toBeInTheDocument();
    const [call] = callsTo(fetchMock, 'PATCH /api/v1/users/12');
    expect(sentJson(call!.init?.body)).toEqual({ role: 'member', scope: { kind: 'group', id: 7 } });
    expect(screen.getByTestId('user-detail-role')).toHaveTextContent('Anggota');
    await waitFor(() => expect(screen.getByTestId('user-detail-scope')).toHaveTextContent('Kelompok: Harapan Sejahtera'));
  });

  it('disables the account only after the question, which says her sessions and tokens stop', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Nonaktifkan akun' }));
    expect(screen.getByText(/Ia tidak dapat masuk lagi, dan semua sesinya.*Token akses aplikasinya juga berhenti bekerja/)).toHaveFocus();
    expect(callsTo(fetchMock, 'PATCH /api/v1/users/12')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Ya, nonaktifkan' }));

    expect(await screen.findByText('Akun Budi Santoso sudah dinonaktifkan. Ia sudah dikeluarkan dari semua perangkat.')).toBeInTheDocument();
    expect(sentJson(callsTo(fetchMock, 'PATCH /api/v1/users/12')[0]!.init?.body)).toEqual({ disabled: true });
    expect(screen.getByRole('button', { name: 'Aktifkan kembali' })).toBeInTheDocument();
    // A disabled account gets no new token.
    expect(screen.queryByRole('button', { name: 'Buat token' })).not.toBeInTheDocument();
  });

  it('shows the temporary password once, with a copy button, and forgets it when closed', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Atur ulang kata sandi' }));
    await user.click(screen.getByRole('button', { name: 'Ya, atur ulang' }));

    const secret = await screen.findByTestId('temporary-password');
    expect(within(secret).getByLabelText('Kata sandi sementara')).toHaveValue('kT7-pW2q-9xRm');
    expect(secret).toHaveTextContent('hanya ditampilkan sekali');
    expect(secret).toHaveTextContent('Budi Santoso sudah dikeluarkan dari semua perangkat.');
    expect(secret).toHaveTextContent('secara pribadi');
    await user.click(within(secret).getByRole('button', { name: 'Salin' }));
    expect(writeText).toHaveBeenCalledWith('kT7-pW2q-9xRm');
    expect(within(secret).getByRole('status')).toHaveTextContent('Sudah disalin.');

    await user.click(within(secret).getByRole('button', { name: 'Selesai, sudah saya simpan' }));
    expect(screen.queryByTestId('temporary-password')).not.toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain('kT7-pW2q-9xRm');
    expect(callsTo(fetchMock, 'POST /api/v1/users/12/password-reset')).toHaveLength(1);
  });

  it('offers her own account no reset and no disabling, and points to the account page', async () => {
    renderPage(12);
    await screen.findByRole('heading', { level: 1, name: 'Budi Santoso' });
    expect(screen.queryByRole('button', { name: 'Atur ulang kata sandi' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Nonaktifkan akun' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Buka halaman Akun' })).toHaveAttribute('href', '/account');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Ubah' }));
    expect(screen.getByLabelText('Peran *')).toBeDisabled();
  });

  it('lists tokens in use first and revoked ones greyed with their date', async () => {
    renderPage();
    const list = await screen.findByTestId('token-list');
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => within(item).getByRole('heading').textContent)).toEqual(['laporan dinas', 'laporan lama']);
    expect(items[1]).toHaveClass('record-card--revoked');
    expect(items[1]).toHaveTextContent('Dicabut');
    expect(items[1]).toHaveTextContent('pada 3 Feb 2026');
    expect(within(items[1]!).queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows a new token exactly once and keeps its secret out of the cache', async () => {
    const user = userEvent.setup();
    const { queryClient } = renderPage();
    await user.click(await screen.findByRole('button', { name: 'Buat token' }));
    await user.type(screen.getByLabelText('Untuk apa token ini? *'), 'sistem laporan');
    await user.click(within(screen.getByTestId('token-form')).getByRole('button', { name: 'Buat token' }));

    const secret = await screen.findByTestId('issued-token');
    expect(within(secret).getByLabelText('Token')).toHaveValue('gtk_4f9c2b7e0d1a8c3f');
    expect(secret).toHaveTextContent('Token ini hanya ditampilkan sekali');
    expect(sentJson(callsTo(fetchMock, 'POST /api/v1/users/12/tokens')[0]!.init?.body)).toEqual({ name: 'sistem laporan' });
    await waitFor(() => expect(within(screen.getByTestId('token-list')).getAllByRole('listitem')).toHaveLength(3));
    const cached = JSON.stringify([
      queryClient.getQueryCache().getAll().map((q) => q.state.data),
      queryClient.getMutationCache().getAll().map((m) => m.state.data),
    ]);
    expect(cached).not.toContain('gtk_4f9c2b7e0d1a8c3f');
    // While the secret is on screen, no second token can be made.
    expect(screen.queryByRole('button', { name: 'Buat token' })).not.toBeInTheDocument();

    await user.click(within(secret).getByRole('button', { name: 'Selesai, sudah saya simpan' }));
    expect(document.body.innerHTML).not.toContain('gtk_4f9c2b7e0d1a8c3f');
  });

  it('revokes a token after the question, and it stays listed as revoked', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Cabut token laporan dinas' }));
    expect(callsTo(fetchMock, 'DELETE /api/v1/users/12/tokens/2')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Ya, cabut' }));
    expect(await screen.findByText('Token "laporan dinas" sudah dicabut.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('token-2')).toHaveClass('record-card--revoked'));
    expect(screen.getByTestId('token-2')).toHaveTextContent('pada 2 Apr 2026');
  });

  it('says plainly when the server refuses the reset', async () => {
    const user = userEvent.setup();
    routeFetch({
      'GET /api/v1/users/12': () => jsonResponse(OFFICER),
      'GET /api/v1/users/12/tokens': () => jsonResponse({ items: [] }),
      'POST /api/v1/users/12/password-reset': () => problem('forbidden', 403),
    });
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Atur ulang kata sandi' }));
    await user.click(screen.getByRole('button', { name: 'Ya, atur ulang' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Tindakan ini tidak diizinkan untuk akun ini.');
  });
});
