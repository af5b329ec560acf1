import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../../lib/api-client';
import type { Role } from '../../../lib/user';
import { callsTo, enterprise, page, problem, renderAt, routeFetch, VILLAGE } from '../../../test/fixtures';
import { jsonResponse } from '../../../test/render';
import type { AuditEntry } from '../types';
import { EnterpriseDetail } from './EnterpriseDetail';

const HISTORY: AuditEntry[] = [
  {
    id: 41,
    at: '2025-02-01T03:00:00Z',
    actor: { id: 2, username: 'dinas1' },
    entity: 'enterprise',
    entity_id: '7',
    action: 'update',
    before: { turnover: 150_000_000, sector: 'crafts', updated_at: 'a' },
    after: { turnover: 180_000_000, sector: 'batik', updated_at: 'b' },
    request_id: 'r1',
  },
  {
    id: 40,
    at: '2023-05-01T02:00:00Z',
    actor: { id: 2, username: 'dinas1' },
    entity: 'enterprise',
    entity_id: '7',
    action: 'create',
    before: null,
    after: { name: 'Batik Sekar Arum', capital: 25_000_000 },
    request_id: 'r0',
  },
];

let fetchMock: ReturnType<typeof routeFetch>;
let verified = false;

beforeEach(() => {
  verified = false;
  api.setCsrfToken('csrf-1');
  fetchMock = routeFetch({
    'GET /api/v1/enterprises/7': () => jsonResponse(enterprise()),
    'GET /api/v1/people/12': () =>
      jsonResponse({
        id: 12,
        name: 'Siti Aminah',
        gender: 'female',
        birth_year: 1980,
        phone: '+6281234567890',
        village_code: VILLAGE.code,
        village: VILLAGE,
        nik: '3507********0001',
        nik_masked: true,
        nik_consent_at: '2024-01-01T00:00:00Z',
        steward_id: 3,
        created_at: '2023-05-01T02:00:00Z',
        updated_at: '2023-05-01T02:00:00Z',
      }),
    'GET /api/v1/enterprises/7/history': () => page(verified ? [{ ...HISTORY[0]!, id: 42, action: 'verify', before: { verified_at: null }, after: { verified_at: '2026-11-23T08:00:00Z' } }, ...HISTORY] : HISTORY),
    'GET /api/v1/stakeholders': () => page([{ id: 3, name: 'Dinas Koperasi Kota Batu' }], 1, 200),
    'POST /api/v1/enterprises/7/verify': () => {
      verified = true;
      return jsonResponse(
        enterprise({ stale: false, verified_at: '2026-11-23T08:00:00Z', verified_by: { id: 5, username: 'petugas2' } }),
      );
    },
  });
});

function renderDetail(role: Role = 'officer', at = '/registry/7') {
  return renderAt(<EnterpriseDetail role={role} />, { path: '/registry/:id', at });
}

describe('EnterpriseDetail', () => {
  it('shows every field: rupiah amounts, the scale with its criterion, the place and the sector', async () => {
    renderDetail();
    expect(await screen.findByRole('heading', { level: 1, name: 'Batik Sekar Arum' })).toBeInTheDocument();
    expect(screen.getByTestId('scale')).toHaveTextContent('Mikro (menurut omzet)');
    expect(screen.getByTestId('turnover')).toHaveTextContent('Rp 180.000.000');
    expect(screen.getByTestId('capital')).toHaveTextContent('Rp 25.000.000');
    const details = screen.getByTestId('enterprise-details');
    expect(details).toHaveTextContent('Batik (Kode KBLI 13134)');
    expect(details).toHaveTextContent('Sisir › BUMIAJI › KOTA BATU › JAWA TIMUR');
    expect(details).toHaveTextContent('1234567890123');
    expect(details).toHaveTextContent('Sentra Batik Bumiaji');
    expect(screen.getByTestId('stale-badge')).toHaveTextContent('Perlu diperbarui');
    await waitFor(() => expect(screen.getByTestId('steward')).toHaveTextContent('Dinas Koperasi Kota Batu'));
  });

  it('says when the scale cannot be decided and which fields are empty', async () => {
    fetchMock = routeFetch({
      'GET /api/v1/enterprises/7': () =>
        jsonResponse(enterprise({ scale: null, scale_criterion: null, turnover: null, capital: null, nib: null })),
      'GET /api/v1/enterprises/7/history': () => page([]),
    });
    renderDetail();
    expect(await screen.findByTestId('scale')).toHaveTextContent('Belum dapat ditentukan: omzet dan modal belum diisi.');
    expect(screen.getByTestId('turnover')).toHaveTextContent('Belum diisi');
    expect(await screen.findByText('Belum ada riwayat.')).toBeInTheDocument();
  });

  it('shows the owner with a masked NIK', async () => {
    renderDetail();
    expect(await screen.findByTestId('owner-nik')).toHaveTextContent('3507********0001 (disamarkan)');
    expect(screen.getByRole('link', { name: '+6281234567890' })).toHaveAttribute('href', 'tel:+6281234567890');
    expect(screen.getByRole('link', { name: 'Buka data Siti Aminah dan riwayat perubahannya' })).toHaveAttribute('href', '/people/12');
  });

  it('lists the history: who, what and when, with before → after in words', async () => {
    renderDetail();
    const history = await screen.findByTestId('history');
    const [update, create] = [...history.children] as HTMLElement[];
    expect(update).toHaveTextContent('Diubah');
    expect(update).toHaveTextContent('oleh dinas1');
    expect(update).toHaveTextContent('Omzet per tahun: Rp 150.000.000 → Rp 180.000.000');
    expect(update).toHaveTextContent('Sektor: Kerajinan → Batik');
    expect(update).not.toHaveTextContent('Terakhir diubah');
    expect(create).toHaveTextContent('Didaftarkan');
    expect(create).toHaveTextContent('Modal usaha: Rp 25.000.000');
    expect(create).not.toHaveTextContent('→');
  });

  it('names a change made by an upsert import in words, not by the server action "import_update"', async () => {
    routeFetch({
      'GET /api/v1/enterprises/7': () => jsonResponse(enterprise()),
      'GET /api/v1/people/12': () => problem('forbidden', 403),
      'GET /api/v1/stakeholders': () => page([], 0, 200),
      'GET /api/v1/enterprises/7/history': () =>
        page([{ ...HISTORY[0]!, id: 43, action: 'import_update' }]),
    });
    renderDetail();
    const history = await screen.findByTestId('history');
    expect(history).toHaveTextContent('Diperbarui dari berkas impor');
    expect(history).not.toHaveTextContent('import_update');
    expect(history).toHaveTextContent('Omzet per tahun: Rp 150.000.000 → Rp 180.000.000');
  });

  it('shows the creation by an import with its job number and file name in words', async () => {
    routeFetch({
      'GET /api/v1/enterprises/7': () => jsonResponse(enterprise()),
      'GET /api/v1/people/12': () => problem('forbidden', 403),
      'GET /api/v1/stakeholders': () => page([], 0, 200),
      'GET /api/v1/enterprises/7/history': () =>
        page([
          {
            ...HISTORY[0]!,
            id: 0,
            action: 'import',
            before: null,
            after: { import_job: 3, file_name: 'umkm-batu.csv' },
          },
        ]),
    });
    renderDetail();
    const history = await screen.findByTestId('history');
    expect(history).toHaveTextContent('Nomor impor: 3');
    expect(history).toHaveTextContent('Nama berkas: umkm-batu.csv');
    expect(history).not.toHaveTextContent('import_job');
  });

  it('verifies for an officer: POST …/verify with the CSRF token, then fresh data and history', async () => {
    const user = userEvent.setup();
    renderDetail();
    await user.click(await screen.findByRole('button', { name: 'Data masih benar – verifikasi' }));
    expect(await screen.findByText('Terima kasih. Data sudah diverifikasi.')).toBeInTheDocument();
    const [call] = callsTo(fetchMock, 'POST /api/v1/enterprises/7/verify');
    expect((call!.init?.headers as Record<string, string>)['X-CSRF-Token']).toBe('csrf-1');
    expect(screen.getByTestId('stale-badge')).toHaveTextContent('Mutakhir');
    expect(screen.getByTestId('verified-at')).toHaveTextContent('oleh petugas2');
    await waitFor(() => expect(screen.getByTestId('history')).toHaveTextContent('Diverifikasi'));
  });

  it('says an enterprise checked by an import or the demo data was verified by the system, in words', async () => {
    fetchMock = routeFetch({
      'GET /api/v1/enterprises/7': () =>
        jsonResponse(enterprise({ stale: false, verified_at: '2026-11-23T08:00:00Z', verified_by: { id: null, username: 'system' } })),
      'GET /api/v1/enterprises/7/history': () => page(HISTORY),
      'GET /api/v1/stakeholders': () => page([{ id: 3, name: 'Dinas Koperasi Kota Batu' }], 1, 200),
    });
    renderDetail();
    const verifiedAt = await screen.findByTestId('verified-at');
    expect(verifiedAt).toHaveTextContent('oleh sistem');
    expect(verifiedAt).not.toHaveTextContent('system');
  });

  it('explains in words when the officer may not verify this record', async () => {
    const user = userEvent.setup();
    routeFetch({
      'GET /api/v1/enterprises/7': () => jsonResponse(enterprise()),
      'GET /api/v1/enterprises/7/history': () => page([]),
      'POST /api/v1/enterprises/7/verify': () => problem('forbidden', 403),
    });
    renderDetail();
    await user.click(await screen.findByRole('button', { name: 'Data masih benar – verifikasi' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Anda tidak punya izin untuk melakukan ini.');
    expect(screen.getByTestId('stale-badge')).toHaveTextContent('Perlu diperbarui');
  });

  it('offers neither verify nor edit to a facilitator', async () => {
    renderDetail('facilitator');
    await screen.findByRole('heading', { level: 1, name: 'Batik Sekar Arum' });
    expect(screen.queryByRole('button', { name: /verifikasi/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Ubah data' })).not.toBeInTheDocument();
  });

  it('links an officer to the edit form', async () => {
    renderDetail();
    expect(await screen.findByRole('link', { name: 'Ubah data' })).toHaveAttribute('href', '/registry/7/edit');
  });

  it('says so when the enterprise does not exist', async () => {
    renderDetail('officer', '/registry/99');
    expect(await screen.findByRole('alert')).toHaveTextContent('Data yang dicari tidak ditemukan.');
  });
});
