import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../../lib/api-client';
import type { Role } from '../../../lib/user';
import { callsTo, fill, FakeRegionPicker, KOTA_BATU, page, problem, renderAt, routeFetch } from '../../../test/fixtures';
import { jsonResponse, sentJson } from '../../../test/render';
import type { Stakeholder } from '../types';
import { StakeholdersPage } from './StakeholdersPage';

function stakeholder(overrides: Partial<Stakeholder>): Stakeholder {
  return {
    id: 1,
    name: 'Dinas Koperasi, Usaha Mikro, Perdagangan Kota Batu',
    helix: 'government',
    kind: 'agency',
    region_code: '35.79',
    region: KOTA_BATU,
    contact: 'Bu Ratna, 0341-591234',
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

const ITEMS = [
  stakeholder({}),
  stakeholder({ id: 2, name: 'Bank Jatim Cabang Batu', helix: 'business', kind: 'bank', contact: null }),
  stakeholder({ id: 3, name: 'Universitas Brawijaya', helix: 'academia', kind: 'university', region: null, region_code: null }),
];

let fetchMock: ReturnType<typeof routeFetch>;

beforeEach(() => {
  api.setCsrfToken('csrf-3');
  fetchMock = routeFetch({
    'GET /api/v1/stakeholders': () => page(ITEMS, ITEMS.length, 200),
    'POST /api/v1/stakeholders': (_url, init) =>
      jsonResponse({ ...stakeholder({}), id: 9, ...sentJson<object>(init?.body), region: null }, 201),
    'PATCH /api/v1/stakeholders/2': (_url, init) => jsonResponse({ ...ITEMS[1]!, ...sentJson<object>(init?.body) }),
  });
});

function renderPage(role: Role = 'admin') {
  return renderAt(<StakeholdersPage role={role} RegionPicker={FakeRegionPicker} />, { path: '/stakeholders', at: '/stakeholders' });
}

describe('StakeholdersPage', () => {
  it('groups stakeholders by helix with kind, region and contact', async () => {
    renderPage('facilitator');
    const government = await screen.findByTestId('helix-government');
    expect(within(government).getByRole('heading', { level: 2 })).toHaveTextContent('Pemerintah (1 lembaga)');
    expect(government).toHaveTextContent('Instansi pemerintah');
    expect(government).toHaveTextContent('KOTA BATU › JAWA TIMUR');
    expect(government).toHaveTextContent('Bu Ratna, 0341-591234');
    expect(screen.getByTestId('helix-business')).toHaveTextContent('Belum ada kontak');
    expect(screen.getByTestId('helix-academia')).toHaveTextContent('Tingkat nasional / tidak ditentukan');
    expect(screen.getByTestId('helix-civil_society')).toHaveTextContent('Belum ada lembaga di kelompok ini.');
    expect(screen.queryByRole('button', { name: 'Tambah lembaga' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Ubah/ })).not.toBeInTheDocument();
  });

  it('lets an admin add a stakeholder, which then appears in its group', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Tambah lembaga' }));
    const form = screen.getByTestId('stakeholder-form');
    await fill(user, form, { 'Nama lembaga *': 'Baznas Kota Batu', 'Unsur *': 'civil_society', 'Jenis lembaga *': 'zakat_institution' });
    await user.click(within(form).getByRole('button', { name: 'pick regency' }));
    await user.click(within(form).getByRole('button', { name: 'Simpan lembaga' }));

    expect(await screen.findByText('Lembaga sudah ditambahkan.')).toBeInTheDocument();
    const [call] = callsTo(fetchMock, 'POST /api/v1/stakeholders');
    expect(sentJson(call!.init?.body)).toEqual({
      name: 'Baznas Kota Batu',
      helix: 'civil_society',
      kind: 'zakat_institution',
      region_code: '35.79',
    });
    expect(screen.getByTestId('helix-civil_society')).toHaveTextContent('Baznas Kota Batu');
    expect(screen.queryByTestId('stakeholder-form')).not.toBeInTheDocument();
  });

  it('requires name, helix and kind before sending', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Tambah lembaga' }));
    await user.click(screen.getByRole('button', { name: 'Simpan lembaga' }));
    expect(screen.getByText('Tulis nama lembaga.')).toBeInTheDocument();
    expect(screen.getByText('Pilih unsur lembaga.')).toBeInTheDocument();
    expect(screen.getByText('Pilih jenis lembaga.')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/v1/stakeholders')).toHaveLength(0);
  });

  it('says beside the name when the name is already taken', async () => {
    const user = userEvent.setup();
    routeFetch({
      'GET /api/v1/stakeholders': () => page(ITEMS, ITEMS.length, 200),
      'POST /api/v1/stakeholders': () => problem('already-exists', 409, [{ field: 'name', code: 'already_exists' }]),
    });
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Tambah lembaga' }));
    await fill(user, document.body, { 'Nama lembaga *': 'Bank Jatim Cabang Batu', 'Unsur *': 'business', 'Jenis lembaga *': 'bank' });
    await user.click(screen.getByRole('button', { name: 'Simpan lembaga' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Nama lembaga *')).toHaveAccessibleDescription('Nama lembaga ini sudah dipakai.'),
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('lets an admin edit, sending only what changed', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Ubah Bank Jatim Cabang Batu' }));
    const contact = screen.getByLabelText('Kontak');
    await user.type(contact, 'Pak Andi, 0812-1111-2222');
    await user.click(screen.getByRole('button', { name: 'Simpan perubahan' }));
    expect(await screen.findByText('Perubahan sudah disimpan.')).toBeInTheDocument();
    const [call] = callsTo(fetchMock, 'PATCH /api/v1/stakeholders/2');
    expect(sentJson(call!.init?.body)).toEqual({ contact: 'Pak Andi, 0812-1111-2222' });
    expect(screen.getByTestId('helix-business')).toHaveTextContent('Pak Andi, 0812-1111-2222');
  });

  it('searches by name', async () => {
    const user = userEvent.setup();
    renderPage();
    await screen.findByTestId('helix-government');
    await user.type(screen.getByLabelText('Cari lembaga'), 'bank');
    await user.click(screen.getByRole('button', { name: 'Cari' }));
    await waitFor(() => expect(callsTo(fetchMock, 'GET /api/v1/stakeholders').at(-1)!.url.searchParams.get('q')).toBe('bank'));
  });
});
