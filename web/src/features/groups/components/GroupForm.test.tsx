import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../../lib/api-client';
import { callsTo, fill, FakeRegionPicker, problem, renderAt, routeFetch } from '../../../test/fixtures';
import { jsonResponse, sentJson } from '../../../test/render';
import { groupView } from '../../../test/groups';
import { GroupForm } from './GroupForm';

let fetchMock: ReturnType<typeof routeFetch>;

beforeEach(() => {
  api.setCsrfToken('csrf-g');
  fetchMock = routeFetch({
    'POST /api/v1/groups': () => jsonResponse(groupView({ id: 9, status: 'embryo' }), 201),
  });
});

function renderForm() {
  return renderAt(<GroupForm RegionPicker={FakeRegionPicker} />, {
    path: '/groups/new',
    at: '/groups/new',
    others: { '/groups/:id': <p>{'workspace'}</p> },
  });
}

async function fillRequired(user: ReturnType<typeof userEvent.setup>) {
  await fill(user, document.body, {
    'Nama kelompok *': 'Harapan Sejahtera',
    'Jenis kelompok *': 'joint_business_group',
    'Sektor usaha *': 'food_processing',
  });
  await user.click(screen.getByRole('button', { name: 'pick village' }));
}

describe('GroupForm', () => {
  it('registers a group with the chosen village and opens its workspace', async () => {
    const user = userEvent.setup();
    renderForm();
    await fillRequired(user);
    await fill(user, document.body, { 'Sentra usaha': 'sentra tape Ngajum', 'Asal pembentukan': 'programme_formed' });
    await user.clear(screen.getByLabelText('Pertemuan wajib setiap bulan (SOP) *'));
    await user.type(screen.getByLabelText('Pertemuan wajib setiap bulan (SOP) *'), '2');
    await user.click(screen.getByRole('button', { name: 'Simpan kelompok' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/groups/9'));
    const [call] = callsTo(fetchMock, 'POST /api/v1/groups');
    expect(sentJson(call!.init?.body)).toEqual({
      name: 'Harapan Sejahtera',
      kind: 'joint_business_group',
      sector: 'food_processing',
      business_centre: 'sentra tape Ngajum',
      village_code: '35.79.03.2001',
      origin: 'programme_formed',
      sop_meetings_per_month: 2,
    });
    expect(new Headers(call!.init?.headers).get('X-CSRF-Token')).toBe('csrf-g');
  });

  it('names every missing field before sending anything', async () => {
    const user = userEvent.setup();
    renderForm();
    await user.click(screen.getByRole('button', { name: 'Simpan kelompok' }));
    expect(screen.getByLabelText('Nama kelompok *')).toHaveAccessibleDescription('Tulis nama kelompok.');
    expect(screen.getByLabelText('Jenis kelompok *')).toHaveAccessibleDescription('Pilih jenis kelompok.');
    expect(screen.getByText('Pilih desa/kelurahan kelompok.')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/v1/groups')).toHaveLength(0);
  });

  it('wants a village, not a whole regency', async () => {
    const user = userEvent.setup();
    renderForm();
    await user.click(screen.getByRole('button', { name: 'pick regency' }));
    await user.click(screen.getByRole('button', { name: 'Simpan kelompok' }));
    expect(screen.getByText('Pilih sampai tingkat desa/kelurahan.')).toBeInTheDocument();
  });

  it("shows the server's field errors beside the right fields, in words", async () => {
    const user = userEvent.setup();
    routeFetch({
      'POST /api/v1/groups': () =>
        problem('invalid-input', 400, [
          { field: 'village_code', code: 'not_found' },
          { field: 'sop_meetings_per_month', code: 'out_of_range' },
        ]),
    });
    renderForm();
    await fillRequired(user);
    await user.click(screen.getByRole('button', { name: 'Simpan kelompok' }));
    expect(await screen.findByText('Desa/kelurahan ini tidak ada di daftar wilayah.')).toBeInTheDocument();
    expect(screen.getByLabelText('Pertemuan wajib setiap bulan (SOP) *')).toHaveAccessibleDescription(
      expect.stringContaining('Tulis angka 1 sampai 31.'),
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says above the form when an officer may not register groups', async () => {
    const user = userEvent.setup();
    routeFetch({ 'POST /api/v1/groups': () => problem('forbidden', 403) });
    renderForm();
    await fillRequired(user);
    await user.click(screen.getByRole('button', { name: 'Simpan kelompok' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Anda tidak punya izin untuk melakukan ini.');
  });
});
