import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditEntry } from '../../../test/audit';
import { callsTo, renderAt, routeFetch } from '../../../test/fixtures';
import { jsonResponse } from '../../../test/render';
import type { AuditEntry } from '../types';
import { AuditPage } from './AuditPage';

const UPDATE: AuditEntry = {
  id: 41,
  at: '2026-11-23T09:02:17Z',
  actor: { id: 1, username: 'admin' },
  entity: 'user',
  entity_id: '12',
  action: 'update',
  before: { username: 'dinas1', role: 'officer', disabled: false, scope_kind: 'stakeholder', scope_id: 3 },
  after: { username: 'dinas1', role: 'member', disabled: false, scope_kind: 'group', scope_id: 7 },
  request_id: '01JDX8Z6Q4M1R7',
};

const LOGIN: AuditEntry = {
  id: 40,
  at: '2026-11-23T09:00:00Z',
  actor: { id: 1, username: 'admin' },
  entity: 'session',
  entity_id: '5',
  action: 'login',
  before: null,
  after: { client_address: '127.0.0.1' },
  request_id: '01JDX8Z6Q4M1R6',
};

const LOAD = auditEntry({ after: { count: 91599, source: '/srv/idn-area-data/data' } });

let fetchMock: ReturnType<typeof routeFetch>;

beforeEach(() => {
  fetchMock = routeFetch({
    'GET /api/v1/users': () =>
      jsonResponse({
        items: [
          { id: 9, username: 'siti', display_name: 'Siti Rahayu', role: 'officer', scope: { kind: 'stakeholder', id: 1 }, disabled: false, created_at: '2026-01-01T00:00:00Z' },
          { id: 1, username: 'admin', display_name: 'admin', role: 'admin', scope: null, disabled: false, created_at: '2026-01-01T00:00:00Z' },
        ],
        total: 2,
        limit: 200,
        offset: 0,
      }),
    'GET /api/v1/audit': (url) => {
      const entity = url.searchParams.get('entity');
      const items = [UPDATE, LOGIN, LOAD].filter((e) => !entity || e.entity === entity);
      return jsonResponse({ items, total: entity ? items.length : 60, limit: 25, offset: Number(url.searchParams.get('offset') ?? 0) });
    },
  });
});

const renderPage = (at = '/audit') => renderAt(<AuditPage />, { path: '/audit', at });

describe('AuditPage', () => {
  it('lists when, who, which record and what was done, newest first, in words', async () => {
    renderPage();
    const row = await screen.findByTestId('audit-row-41');
    expect(row).toHaveTextContent('23 Nov 2026');
    expect(row).toHaveTextContent('admin');
    expect(row).toHaveTextContent('Pengguna nomor 12');
    expect(row).toHaveTextContent('Diubah');
    expect(screen.getByTestId('audit-row-1')).toHaveTextContent('Sistem');
    expect(screen.getByTestId('audit-row-1')).toHaveTextContent('Wilayah resmi: idn-area-data');
    expect(screen.getByTestId('audit-total')).toHaveTextContent('60 catatan');
  });

  it('asks the server for one kind of record and one record by number, from page one', async () => {
    const user = userEvent.setup();
    renderPage('/audit?page=2');
    await screen.findByTestId('audit-row-41');
    await user.selectOptions(screen.getByLabelText('Jenis data'), 'user');
    await user.type(screen.getByLabelText('Nomor data'), '12');
    await user.click(screen.getByRole('button', { name: 'Cari' }));
    expect(screen.getByTestId('location')).toHaveTextContent('/audit?entity=user&entity_id=12');
    await waitFor(() => {
      const params = callsTo(fetchMock, 'GET /api/v1/audit').at(-1)!.url.searchParams;
      expect(Object.fromEntries(params)).toEqual({ entity: 'user', entity_id: '12', limit: '25', offset: '0' });
    });
    expect(screen.queryByTestId('audit-row-40')).not.toBeInTheDocument();
  });

  it('opens an entry with the record before and after side by side, the changed fields marked', async () => {
    const user = userEvent.setup();
    renderPage('/audit?entity=user');
    await user.click(await screen.findByRole('button', { name: 'Lihat rincian: Diubah, Pengguna nomor 12' }));
    expect(screen.getByTestId('location')).toHaveTextContent('/audit?entity=user&entry=41');

    const entry = screen.getByTestId('audit-entry');
    expect(within(entry).getByRole('heading', { level: 2 })).toHaveTextContent('Diubah: Pengguna nomor 12');
    expect(within(entry).getByRole('heading', { level: 2 })).toHaveFocus();
    expect(entry).toHaveTextContent('3 isian berubah');
    const headings = within(within(entry).getByTestId('audit-diff')).getAllByRole('columnheader').map((th) => th.textContent);
    expect(headings).toEqual(['Isian', 'Sebelum', 'Sesudah']);

    const role = within(entry).getByTestId('diff-role');
    expect(within(role).getAllByRole('cell').map((td) => td.textContent)).toEqual(['Petugas Dinas', 'Anggota']);
    expect(role).toHaveClass('diff__row--changed');
    expect(role).toHaveTextContent('berubah');
    const username = within(entry).getByTestId('diff-username');
    expect(username).not.toHaveClass('diff__row--changed');
    expect(within(username).getAllByRole('cell').map((td) => td.textContent)).toEqual(['dinas1', 'dinas1']);
    expect(within(entry).getByTestId('diff-disabled')).toHaveTextContent('TidakTidak');

    await user.click(within(entry).getByRole('button', { name: 'Tutup rincian' }));
    expect(screen.queryByTestId('audit-entry')).not.toBeInTheDocument();
  });

  it('shows a new record with nothing before', async () => {
    renderPage('/audit?entry=40');
    const entry = await screen.findByTestId('audit-entry');
    expect(entry).toHaveTextContent('Data baru');
    expect(within(within(entry).getByTestId('diff-client_address')).getAllByRole('cell').map((td) => td.textContent)).toEqual([
      '(tidak ada)',
      '127.0.0.1',
    ]);
  });

  it('reads in English when the app does', async () => {
    renderAt(<AuditPage />, { path: '/audit', at: '/audit?entry=41', language: 'en' });
    const entry = await screen.findByTestId('audit-entry');
    expect(within(entry).getByRole('heading', { level: 2 })).toHaveTextContent('Changed: User no. 12');
    expect(within(entry).getByTestId('diff-role')).toHaveTextContent('MSME office officer');
  });

  it('asks for one person\'s changes between two days, kept in the address, from page one', async () => {
    const user = userEvent.setup();
    renderPage('/audit?page=3');
    await screen.findByTestId('audit-row-41');
    const who = screen.getByLabelText('Diubah oleh');
    await screen.findByRole('option', { name: 'Siti Rahayu (siti)' });
    expect(within(who).getAllByRole('option').map((o) => o.textContent)).toEqual(['Semua orang', 'Sistem (tanpa akun)', 'admin', 'Siti Rahayu (siti)']);
    await user.selectOptions(who, '9');
    await user.type(screen.getByLabelText('Dari tanggal'), '2026-11-01');
    await user.type(screen.getByLabelText('Sampai tanggal'), '2026-11-23');
    expect(screen.getByTestId('location')).toHaveTextContent('/audit?actor=9&from=2026-11-01&to=2026-11-23');
    await waitFor(() => {
      const params = callsTo(fetchMock, 'GET /api/v1/audit').at(-1)!.url.searchParams;
      expect(Object.fromEntries(params)).toEqual({ actor: '9', from: '2026-11-01', to: '2026-11-23', limit: '25', offset: '0' });
    });

    await user.click(screen.getByRole('button', { name: 'Hapus semua saringan' }));
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/audit$/);
    expect(screen.getByLabelText('Dari tanggal')).toHaveValue('');
  });

  it('reads who and which days from the address, the system worded as such', async () => {
    renderPage('/audit?actor=system&from=2026-11-20&to=2026-11-20');
    await screen.findByTestId('audit-row-1');
    expect(screen.getByLabelText('Diubah oleh')).toHaveDisplayValue('Sistem (tanpa akun)');
    expect(screen.getByLabelText('Dari tanggal')).toHaveValue('2026-11-20');
    expect(screen.getByLabelText('Sampai tanggal')).toHaveValue('2026-11-20');
    const params = callsTo(fetchMock, 'GET /api/v1/audit').at(-1)!.url.searchParams;
    expect(params.get('actor')).toBe('system');
    expect(params.get('from')).toBe('2026-11-20');
  });

  it('names an account the list does not hold by its number', async () => {
    renderPage('/audit?actor=77');
    await screen.findByTestId('audit-row-41');
    expect(screen.getByLabelText('Diubah oleh')).toHaveDisplayValue('Pengguna nomor 77');
  });

  it('holds back a last day before the first, and says so beside the field', async () => {
    const user = userEvent.setup();
    renderPage('/audit?from=2026-11-20');
    await screen.findByTestId('audit-row-41');
    const sent = callsTo(fetchMock, 'GET /api/v1/audit').length;
    await user.type(screen.getByLabelText('Sampai tanggal'), '2026-11-02');
    expect(screen.getByLabelText('Sampai tanggal')).toHaveAccessibleDescription(/Tanggal akhir tidak boleh sebelum tanggal awal/);
    expect(screen.getByTestId('location')).toHaveTextContent('/audit?from=2026-11-20');
    expect(screen.getByTestId('location')).not.toHaveTextContent('to=');
    expect(callsTo(fetchMock, 'GET /api/v1/audit')).toHaveLength(sent);
  });
});
