import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../../lib/api-client';
import { callsTo, page, problem, renderAt, routeFetch } from '../../../test/fixtures';
import { person } from '../../../test/people';
import { jsonResponse, sentJson } from '../../../test/render';
import type { PersonPatch, Viewer } from '../types';
import { PersonForm } from './PersonForm';
import { PersonPage } from './PersonPage';

const OFFICER: Viewer = { role: 'officer', stakeholderId: 3 };
const SAVED = person();

let fetchMock: ReturnType<typeof routeFetch>;

/**
 * The server: PATCH answers with the changes applied; GET answers with the record until a PATCH,
 * and after it never answers, so that only the PATCH's answer can show the changes.
 */
function serve(record = SAVED, patchAnswer?: () => Response) {
  let patched = false;
  fetchMock = routeFetch({
    'GET /api/v1/people/12': () => (patched ? new Promise<Response>(() => {}) : jsonResponse(record)),
    'GET /api/v1/people/12/history': () => page([]),
    'GET /api/v1/stakeholders/3': () => jsonResponse({ id: 3, name: 'Dinas Koperasi Kota Batu' }),
    'PATCH /api/v1/people/12': (_url, init) => {
      if (patchAnswer) return patchAnswer();
      patched = true;
      const patch = sentJson<PersonPatch>(init?.body);
      const { nik_consent: consent, ...changes } = patch;
      return jsonResponse({
        ...record,
        ...changes,
        nik_consent_at: 'nik' in patch ? (consent ? '2026-03-01T02:00:00Z' : null) : record.nik_consent_at,
        updated_at: '2026-03-01T02:00:00Z',
      });
    },
  });
}

beforeEach(() => {
  api.setCsrfToken('csrf-3');
  serve();
});

function renderForm(viewer: Viewer = OFFICER) {
  return renderAt(<PersonForm viewer={viewer} />, {
    path: '/people/:id/edit',
    at: '/people/12/edit',
    others: { '/people/:id': <PersonPage viewer={viewer} /> },
  });
}

const patches = () => callsTo(fetchMock, 'PATCH /api/v1/people/12');
const sent = () => sentJson<PersonPatch>(patches()[0]!.init?.body);
const save = (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole('button', { name: 'Simpan perubahan' }));

async function retype(user: ReturnType<typeof userEvent.setup>, label: string, value: string) {
  const box = screen.getByLabelText(label);
  await user.clear(box);
  if (value) await user.type(box, value);
}

describe('PersonForm', () => {
  it('sends only the corrected phone and birth year, and the page it returns to shows them at once', async () => {
    const user = userEvent.setup();
    renderForm();
    await screen.findByRole('heading', { level: 1, name: 'Ubah data Siti Aminah' });
    expect(screen.getByLabelText('Nomor telepon')).toHaveValue('+6281234567890');
    await retype(user, 'Nomor telepon', '0813-3344-5566');
    await retype(user, 'Tahun lahir', '1981');
    await save(user);

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/people\/12$/));
    expect(sent()).toEqual({ phone: '+6281333445566', birth_year: 1981 });
    expect((patches()[0]!.init?.headers as Record<string, string>)['X-CSRF-Token']).toBe('csrf-3');
    // The PATCH's answer is on the page under "saved" while the record is read again.
    expect(await screen.findByText('Perubahan sudah disimpan.')).toBeInTheDocument();
    expect(screen.getByTestId('person-phone')).toHaveTextContent('+6281333445566');
    expect(screen.getByTestId('person-birth-year')).toHaveTextContent(/^1981/);
  });

  it('sends nothing when nothing changed, and says so', async () => {
    const user = userEvent.setup();
    renderForm();
    await screen.findByLabelText('Nomor telepon');
    await save(user);
    expect(await screen.findByText('Tidak ada yang diubah.')).toBeInTheDocument();
    expect(patches()).toHaveLength(0);
  });

  it('refuses a new NIK without the owner’s consent, beside the consent box, and saves nothing', async () => {
    const user = userEvent.setup();
    renderForm();
    await screen.findByLabelText('NIK');
    // The stored NIK has its consent recorded: no box to tick until a new NIK is typed.
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    expect(screen.getByLabelText('NIK')).toHaveAccessibleDescription(expect.stringContaining('Persetujuan pemilik tercatat 10 Jan 2024'));
    await retype(user, 'NIK', '3579015501800002');
    const consent = screen.getByRole('checkbox', { name: 'Pemilik sudah setuju NIK-nya disimpan di gotong' });
    expect(consent).not.toBeChecked();
    await save(user);

    expect(consent).toHaveAccessibleDescription(
      expect.stringContaining('NIK hanya boleh disimpan bila pemiliknya setuju. Centang persetujuan, atau kosongkan NIK.'),
    );
    expect(consent).toHaveFocus();
    expect(patches()).toHaveLength(0);

    await user.click(consent);
    await save(user);
    await waitFor(() => expect(patches()).toHaveLength(1));
    expect(sent()).toEqual({ nik: '3579015501800002', nik_consent: true });
  });

  it('removes the NIK with its consent, after saying so, and can take the removal back', async () => {
    const user = userEvent.setup();
    renderForm();
    await user.click(await screen.findByRole('button', { name: 'Hapus NIK' }));
    const removal = screen.getByTestId('nik-removal');
    expect(removal).toHaveTextContent('NIK dan persetujuannya akan dihapus saat Anda menyimpan.');
    await waitFor(() => expect(within(removal).getByRole('button', { name: 'Jangan hapus NIK' })).toHaveFocus());
    await user.click(within(removal).getByRole('button', { name: 'Jangan hapus NIK' }));
    expect(screen.getByLabelText('NIK')).toHaveValue('3579015501800001');

    await user.click(screen.getByRole('button', { name: 'Hapus NIK' }));
    await save(user);
    await waitFor(() => expect(patches()).toHaveLength(1));
    expect(sent()).toEqual({ nik: null });
    expect(await screen.findByTestId('person-nik')).toHaveTextContent('Tidak disimpan');
    expect(screen.getByTestId('person-consent')).toHaveTextContent('Belum ada');
  });

  it('shows the household categories with their data-protection note to the steward, and sends the whole list', async () => {
    serve(person({ categories: [] }));
    const user = userEvent.setup();
    renderForm();
    const section = await screen.findByTestId('household-section');
    expect(within(section).getByTestId('household-note')).toHaveTextContent('hanya dipakai untuk menentukan sasaran program (UU 27/2022)');
    await user.click(within(section).getByRole('checkbox', { name: 'Keluarga miskin (DTKS)' }));
    await user.type(within(section).getByLabelText('Sumber'), 'DTKS 2024');
    await save(user);
    await waitFor(() => expect(patches()).toHaveLength(1));
    expect(sent()).toEqual({ categories: [{ category: 'poor', since: null, source: 'DTKS 2024' }] });
  });

  it('says a refused household category in words beside the categories', async () => {
    serve(person({ categories: [] }), () =>
      problem('invalid-input', 400, [{ field: 'categories[0].since', code: 'in_future' }]),
    );
    const user = userEvent.setup();
    renderForm();
    const section = await screen.findByTestId('household-section');
    await user.click(within(section).getByRole('checkbox', { name: 'Penerima zakat (mustahik)' }));
    await save(user);
    expect(await within(section).findByText('Tanggal ini belum terjadi.')).toBeInTheDocument();
  });

  it('shows no household categories to one who may not see them', async () => {
    renderForm();
    await screen.findByLabelText('NIK');
    expect(screen.queryByTestId('household-section')).toBeNull();
  });

  it('checks the birth year before sending', async () => {
    const user = userEvent.setup();
    renderForm();
    await screen.findByLabelText('Tahun lahir');
    await retype(user, 'Tahun lahir', '2030');
    await save(user);
    const max = new Date().getFullYear() - 10;
    expect(screen.getByLabelText('Tahun lahir')).toHaveAccessibleDescription(
      expect.stringContaining(`Tulis tahun lahir antara ${Math.max(1900, max - 100)} dan ${max}.`),
    );
    expect(screen.getByText('Ada isian yang perlu diperbaiki. Lihat pesan merah di bawah.')).toBeInTheDocument();
    expect(patches()).toHaveLength(0);
  });

  it('puts the server’s field errors beside their fields, in Indonesian', async () => {
    const user = userEvent.setup();
    serve(SAVED, () => problem('invalid-input', 400, [{ field: 'phone', code: 'invalid_format' }]));
    renderForm();
    await screen.findByLabelText('Nomor telepon');
    await retype(user, 'Nomor telepon', '0812-9999-0000');
    await save(user);
    await waitFor(() =>
      expect(screen.getByLabelText('Nomor telepon')).toHaveAccessibleDescription(
        expect.stringContaining('Nomor telepon tidak dikenali. Contoh: 0812-3456-7890.'),
      ),
    );
    expect(screen.getByTestId('location')).toHaveTextContent('/people/12/edit');
  });

  it('says above the form when the server refuses because another stakeholder keeps the record', async () => {
    const user = userEvent.setup();
    serve(SAVED, () => problem('forbidden', 403));
    renderForm();
    await screen.findByLabelText('Nomor telepon');
    await retype(user, 'Nomor telepon', '0812-9999-0000');
    await save(user);
    expect(
      await screen.findByText('Data orang ini dikelola lembaga lain. Hanya admin dan petugas lembaga itu yang dapat mengubahnya.'),
    ).toBeInTheDocument();
  });

  it('shows an officer of another stakeholder the refusal in words, and no form', async () => {
    renderForm({ role: 'officer', stakeholderId: 4 });
    const refusal = await screen.findByTestId('person-edit-refused');
    await waitFor(() =>
      expect(refusal).toHaveTextContent(
        'Data ini dikelola oleh Dinas Koperasi Kota Batu. Hanya admin dan petugas lembaga itu yang dapat mengubahnya.',
      ),
    );
    expect(screen.queryByRole('button', { name: 'Simpan perubahan' })).not.toBeInTheDocument();
  });

  it('asks consent for a first NIK, and leaves a NIK the viewer sees masked alone', async () => {
    serve(person({ nik: null, nik_consent_at: null }));
    renderForm({ role: 'admin', stakeholderId: null });
    expect(await screen.findByRole('checkbox', { name: 'Pemilik sudah setuju NIK-nya disimpan di gotong' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Hapus NIK' })).not.toBeInTheDocument();
  });

  it('shows a masked NIK without a box to change it', async () => {
    serve(person({ nik: '3579********0001', nik_masked: true }));
    renderForm({ role: 'admin', stakeholderId: null });
    const section = await screen.findByTestId('nik-section');
    expect(section).toHaveTextContent('3579********0001 NIK orang ini disamarkan untuk Anda, jadi tidak dapat diubah di sini.');
    expect(within(section).queryByRole('textbox')).not.toBeInTheDocument();
  });
});
