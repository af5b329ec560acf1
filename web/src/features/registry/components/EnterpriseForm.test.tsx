import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../../lib/api-client';
import type { Role } from '../../../lib/user';
import { callsTo, fill, enterprise, FakeRegionPicker, page, problem, renderAt, routeFetch, VILLAGE } from '../../../test/fixtures';
import { jsonResponse, sentJson, urlOf } from '../../../test/render';
import { EnterpriseForm } from './EnterpriseForm';

let fetchMock: ReturnType<typeof routeFetch>;

const PERSON = {
  id: 12,
  name: 'Siti Aminah',
  gender: 'female',
  birth_year: 1980,
  phone: null,
  village_code: VILLAGE.code,
  village: VILLAGE,
  nik: null,
  nik_masked: false,
  nik_consent_at: null,
  steward_id: 3,
  created_at: '2023-05-01T02:00:00Z',
  updated_at: '2023-05-01T02:00:00Z',
};

beforeEach(() => {
  api.setCsrfToken('csrf-2');
  fetchMock = routeFetch({
    'GET /api/v1/sectors': () => jsonResponse({ items: [{ code: 'batik', kbli: '13134' }, { code: 'crafts', kbli: '32' }] }),
    'GET /api/v1/people': () => page([PERSON]),
    'POST /api/v1/enterprises': () => jsonResponse(enterprise({ id: 31 }), 201),
    'GET /api/v1/enterprises/7': () => jsonResponse(enterprise()),
    'PATCH /api/v1/enterprises/7': () => jsonResponse(enterprise()),
    'POST /api/v1/enterprises/7/verify': () => jsonResponse(enterprise({ stale: false })),
    'GET /api/v1/stakeholders': () => page([{ id: 3, name: 'Dinas Koperasi Kota Batu' }]),
  });
});

function renderCreate(role: Role = 'officer') {
  return renderAt(<EnterpriseForm role={role} mode="create" RegionPicker={FakeRegionPicker} ownerSearchDelayMs={0} />, {
    path: '/registry/new',
    at: '/registry/new',
  });
}

function renderEdit(at = '/registry/7/edit') {
  return renderAt(<EnterpriseForm role="officer" mode="edit" RegionPicker={FakeRegionPicker} ownerSearchDelayMs={0} />, {
    path: '/registry/:id/edit',
    at,
  });
}

const bodyOf = (key: string) => sentJson<Record<string, unknown>>(callsTo(fetchMock, key)[0]!.init?.body);

async function fillRequired(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Cari nama pemilik'), 'siti');
  await user.click(await screen.findByRole('button', { name: /Siti Aminah/ }));
  await fill(user, document.body, { 'Nama usaha *': 'Batik Sekar Arum', 'Sektor *': 'batik' });
  await user.click(screen.getByRole('button', { name: 'pick village' }));
}

/** Registers Rini Lestari (with the `owner` fields given) as the new owner of Keripik Apel, and saves. */
async function saveWithNewOwner(user: ReturnType<typeof userEvent.setup>, owner: Record<string, string>) {
  await user.click(screen.getByLabelText('Daftarkan pemilik baru'));
  await fill(user, document.body, { 'Nama pemilik *': 'Rini Lestari', ...owner, 'Nama usaha *': 'Keripik Apel', 'Sektor *': 'batik' });
  await user.click(screen.getByRole('button', { name: 'pick village' }));
  await user.click(screen.getByRole('button', { name: 'Simpan usaha' }));
}

describe('EnterpriseForm, new enterprise', () => {
  it('creates an enterprise for a chosen owner, reading "1.500.000" as whole rupiah', async () => {
    const user = userEvent.setup();
    renderCreate();
    await fillRequired(user);
    expect(screen.getByTestId('owner-chosen')).toHaveTextContent('Pemilik terpilih: Siti Aminah');
    await user.type(screen.getByLabelText('Omzet per tahun'), '1.500.000');
    expect(screen.getByTestId('turnover-preview')).toHaveTextContent('Tercatat: Rp 1.500.000');
    await user.type(screen.getByLabelText('Modal usaha'), 'Rp 25.000.000');
    await user.click(screen.getByRole('button', { name: 'Simpan usaha' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/registry/31'));
    const [call] = callsTo(fetchMock, 'POST /api/v1/enterprises');
    expect((call!.init?.headers as Record<string, string>)['X-CSRF-Token']).toBe('csrf-2');
    expect(bodyOf('POST /api/v1/enterprises')).toEqual({
      owner_id: 12,
      name: 'Batik Sekar Arum',
      sector: 'batik',
      village_code: '35.79.03.2001',
      capital: 25_000_000,
      turnover: 1_500_000,
      status: 'active',
    });
    expect(callsTo(fetchMock, 'GET /api/v1/people').at(-1)!.url.searchParams.get('q')).toBe('siti');
  });

  it('catches a short NIB and a negative amount beside their fields, without sending', async () => {
    const user = userEvent.setup();
    renderCreate();
    await fillRequired(user);
    await fill(user, document.body, { 'NIB (Nomor Induk Berusaha)': '123456789012', 'Omzet per tahun': '-5000' });
    await user.click(screen.getByRole('button', { name: 'Simpan usaha' }));

    expect(screen.getByLabelText('NIB (Nomor Induk Berusaha)')).toHaveAccessibleDescription(
      expect.stringContaining('NIB harus 13 angka.'),
    );
    expect(screen.getByLabelText('Omzet per tahun')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Jumlah tidak boleh kurang dari nol.')).toBeInTheDocument();
    expect(screen.getByText('Ada isian yang perlu diperbaiki. Lihat pesan merah di bawah.')).toBeInTheDocument();
    // the first field to correct, in reading order, gets the focus
    expect(screen.getByLabelText('Omzet per tahun')).toHaveFocus();
    expect(callsTo(fetchMock, 'POST /api/v1/enterprises')).toHaveLength(0);
  });

  it('names every missing required field', async () => {
    const user = userEvent.setup();
    renderCreate();
    await user.click(screen.getByRole('button', { name: 'Simpan usaha' }));
    expect(screen.getByText('Pilih pemilik usaha, atau daftarkan pemilik baru.')).toBeInTheDocument();
    expect(screen.getByText('Tulis nama usaha.')).toBeInTheDocument();
    expect(screen.getByText('Pilih sektor usaha.')).toBeInTheDocument();
    expect(screen.getByText('Pilih lokasi usaha sampai desa/kelurahan.')).toBeInTheDocument();
  });

  it('shows the server’s "NIB already used" beside the NIB field', async () => {
    const user = userEvent.setup();
    routeFetch({
      'GET /api/v1/sectors': () => jsonResponse({ items: [{ code: 'batik', kbli: '13134' }] }),
      'GET /api/v1/people': () => page([PERSON]),
      'POST /api/v1/enterprises': () => problem('already-exists', 409, [{ field: 'nib', code: 'already_exists' }]),
    });
    renderCreate();
    await fillRequired(user);
    await user.type(screen.getByLabelText('NIB (Nomor Induk Berusaha)'), '1234567890123');
    await user.click(screen.getByRole('button', { name: 'Simpan usaha' }));
    const nib = screen.getByLabelText('NIB (Nomor Induk Berusaha)');
    await waitFor(() => expect(nib).toHaveAccessibleDescription(expect.stringContaining('NIB ini sudah dipakai usaha lain.')));
    expect(nib).toHaveFocus();
  });

  it('maps the server’s errors about the new owner onto the owner’s fields', async () => {
    const user = userEvent.setup();
    routeFetch({
      'GET /api/v1/sectors': () => jsonResponse({ items: [{ code: 'batik', kbli: '13134' }] }),
      'POST /api/v1/enterprises': () => problem('invalid-input', 400, [{ field: 'owner.phone', code: 'invalid_format' }]),
    });
    renderCreate();
    await saveWithNewOwner(user, { 'Nomor telepon': '0812-3456-7890' });
    await waitFor(() =>
      expect(screen.getByLabelText('Nomor telepon')).toHaveAccessibleDescription(
        expect.stringContaining('Nomor telepon tidak dikenali.'),
      ),
    );
  });

  it('creates a new owner inline, and keeps a NIK out unless the owner consented', async () => {
    const user = userEvent.setup();
    renderCreate();
    await saveWithNewOwner(user, { 'Jenis kelamin': 'female', 'NIK': '3507012345670001' });
    expect(screen.getByText(/NIK hanya boleh disimpan bila pemiliknya setuju. Centang/)).toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/v1/enterprises')).toHaveLength(0);

    await user.click(screen.getByLabelText('Pemilik sudah setuju NIK-nya disimpan di gotong'));
    await user.click(screen.getByRole('button', { name: 'Simpan usaha' }));
    await waitFor(() => expect(callsTo(fetchMock, 'POST /api/v1/enterprises')).toHaveLength(1));
    expect(bodyOf('POST /api/v1/enterprises').owner).toEqual({
      name: 'Rini Lestari',
      gender: 'female',
      nik: '3507012345670001',
      nik_consent: true,
    });
  });

  it('lets an admin choose the steward', async () => {
    const user = userEvent.setup();
    renderCreate('admin');
    await fillRequired(user);
    await user.selectOptions(await screen.findByLabelText('Lembaga pengelola data'), '3');
    await user.click(screen.getByRole('button', { name: 'Simpan usaha' }));
    await waitFor(() => expect(callsTo(fetchMock, 'POST /api/v1/enterprises')).toHaveLength(1));
    expect(bodyOf('POST /api/v1/enterprises').steward_id).toBe(3);
  });
});

describe('EnterpriseForm, editing', () => {
  it('opens on the saved values and sends only what changed', async () => {
    const user = userEvent.setup();
    renderEdit();
    const turnover = await screen.findByLabelText('Omzet per tahun');
    expect(turnover).toHaveValue('180.000.000');
    expect(screen.getByTestId('picker-value')).toHaveTextContent('35.79.03.2001');
    expect(screen.getByTestId('owner-chosen')).toHaveTextContent('Siti Aminah');
    await user.clear(turnover);
    await user.type(turnover, '200000000');
    await user.tab();
    expect(turnover).toHaveValue('200.000.000');
    await user.clear(screen.getByLabelText('NIB (Nomor Induk Berusaha)'));
    await user.click(screen.getByRole('button', { name: 'Simpan perubahan' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/registry\/7$/));
    expect(bodyOf('PATCH /api/v1/enterprises/7')).toEqual({ turnover: 200_000_000, nib: null });
    expect(callsTo(fetchMock, 'POST /api/v1/enterprises/7/verify')).toHaveLength(0);
  });

  it('from the renewal worklist: saves, verifies and goes back to the worklist', async () => {
    const user = userEvent.setup();
    renderEdit('/registry/7/edit?renewal=1&back=%2Frenewal%3Fvillage%3D35.79.03.2001');
    const employees = await screen.findByLabelText('Tenaga kerja (orang)');
    await user.clear(employees);
    await user.type(employees, '6');
    await user.click(screen.getByRole('button', { name: 'Simpan dan tandai sudah diperiksa' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/renewal?village=35.79.03.2001'));
    expect(bodyOf('PATCH /api/v1/enterprises/7')).toEqual({ employees: 6 });
    expect(callsTo(fetchMock, 'POST /api/v1/enterprises/7/verify')).toHaveLength(1);
  });

  it('gives an existing enterprise a new owner by creating the person first, then patching owner_id', async () => {
    const user = userEvent.setup();
    routeFetch({
      'GET /api/v1/sectors': () => jsonResponse({ items: [{ code: 'batik', kbli: '13134' }] }),
      'GET /api/v1/enterprises/7': () => jsonResponse(enterprise()),
      'POST /api/v1/people': () => jsonResponse({ ...PERSON, id: 44, name: 'Budi Santoso' }, 201),
      'PATCH /api/v1/enterprises/7': () => jsonResponse(enterprise()),
    });
    const mock = vi.mocked(fetch);
    renderEdit();
    await user.click(await screen.findByLabelText('Daftarkan pemilik baru'));
    await user.type(screen.getByLabelText('Nama pemilik *'), 'Budi Santoso');
    await user.click(screen.getByRole('button', { name: 'Simpan perubahan' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/registry\/7$/));
    const calls = mock.mock.calls.map(([input, init]) => `${init?.method ?? 'GET'} ${urlOf(input)}`);
    expect(calls.filter((c) => !c.startsWith('GET'))).toEqual(['POST /api/v1/people', 'PATCH /api/v1/enterprises/7']);
    expect(sentJson(mock.mock.calls.find(([, init]) => init?.method === 'PATCH')![1]!.body)).toEqual({ owner_id: 44 });
  });

  it('shows a refused new owner’s errors beside the owner’s fields', async () => {
    const user = userEvent.setup();
    routeFetch({
      'GET /api/v1/sectors': () => jsonResponse({ items: [{ code: 'batik', kbli: '13134' }] }),
      'GET /api/v1/enterprises/7': () => jsonResponse(enterprise()),
      'POST /api/v1/people': () => problem('invalid-input', 400, [{ field: 'phone', code: 'invalid_format' }]),
    });
    renderEdit();
    await user.click(await screen.findByLabelText('Daftarkan pemilik baru'));
    await fill(user, document.body, { 'Nama pemilik *': 'Budi Santoso', 'Nomor telepon': '0812 3456 7890' });
    await user.click(screen.getByRole('button', { name: 'Simpan perubahan' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Nomor telepon')).toHaveAccessibleDescription(
        expect.stringContaining('Nomor telepon tidak dikenali.'),
      ),
    );
  });

  it('never returns to an address outside the app', async () => {
    const user = userEvent.setup();
    renderEdit('/registry/7/edit?back=https%3A%2F%2Fevil.example');
    await screen.findByLabelText('Omzet per tahun');
    await user.click(screen.getByRole('button', { name: 'Simpan perubahan' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/registry\/7$/));
    expect(callsTo(fetchMock, 'PATCH /api/v1/enterprises/7')).toHaveLength(0);
  });
});
