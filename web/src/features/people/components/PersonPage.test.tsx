import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { page, problem, renderAt, routeFetch } from '../../../test/fixtures';
import { historyEntry, person } from '../../../test/people';
import { jsonResponse } from '../../../test/render';
import type { Person, Viewer } from '../types';
import { PersonPage } from './PersonPage';

const OFFICER: Viewer = { role: 'officer', stakeholderId: 3 };

const HISTORY = [
  historyEntry({
    before: { phone: '+6281234567890', birth_year: 1908, steward_id: 9, updated_at: 'a' },
    after: { phone: '+6281333445566', birth_year: 1980, steward_id: 3, updated_at: 'b' },
  }),
  historyEntry({
    id: 40,
    action: 'create',
    before: null,
    after: { name: 'Siti Aminah', nik: '3579********0001', village_code: '35.79.03.2001', steward_id: 3 },
  }),
];

function serve(record: Person, history = HISTORY) {
  return routeFetch({
    'GET /api/v1/people/12': () => jsonResponse(record),
    'GET /api/v1/people/12/history': () => page(history),
    'GET /api/v1/stakeholders/3': () => jsonResponse({ id: 3, name: 'Dinas Koperasi Kota Batu' }),
  });
}

function renderPerson(viewer: Viewer = OFFICER, at = '/people/12') {
  return renderAt(<PersonPage viewer={viewer} />, { path: '/people/:id', at });
}

beforeEach(() => {
  serve(person());
});

describe('PersonPage', () => {
  it('shows her data: phone, the NIK with when she agreed, gender, birth year with age, occupation, place and steward', async () => {
    renderPerson();
    expect(await screen.findByRole('heading', { level: 1, name: 'Siti Aminah' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '+6281234567890' })).toHaveAttribute('href', 'tel:+6281234567890');
    expect(screen.getByTestId('person-nik')).toHaveTextContent(/^3579015501800001$/);
    expect(screen.getByTestId('person-consent')).toHaveTextContent(/^Sudah setuju, tercatat 10 Jan 2024/);
    expect(screen.getByTestId('person-gender')).toHaveTextContent('Perempuan');
    expect(screen.getByTestId('person-birth-year')).toHaveTextContent(`1980 (sekitar ${new Date().getFullYear() - 1980} tahun)`);
    expect(screen.getByTestId('person-occupation')).toHaveTextContent('ibu rumah tangga');
    expect(screen.getByTestId('person-details')).toHaveTextContent('Sisir › BUMIAJI › KOTA BATU › JAWA TIMUR');
    await waitFor(() => expect(screen.getByTestId('person-steward')).toHaveTextContent('Dinas Koperasi Kota Batu'));
    expect(screen.getByRole('link', { name: 'Cari usaha atas nama Siti Aminah di registri' })).toHaveAttribute(
      'href',
      '/registry?q=Siti+Aminah',
    );
  });

  it('gives an officer of the steward the edit link', async () => {
    renderPerson();
    expect(await screen.findByRole('link', { name: 'Ubah data' })).toHaveAttribute('href', '/people/12/edit');
    expect(screen.queryByTestId('person-read-only')).not.toBeInTheDocument();
  });

  it('tells an officer of another stakeholder, in words, who may change the record, and shows the NIK masked', async () => {
    serve(person({ nik: '3579********0001', nik_masked: true }));
    renderPerson({ role: 'officer', stakeholderId: 4 });
    expect(await screen.findByTestId('person-nik')).toHaveTextContent('3579********0001 (disamarkan)');
    expect(screen.queryByRole('link', { name: 'Ubah data' })).not.toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByTestId('person-read-only')).toHaveTextContent(
        'Data ini dikelola oleh Dinas Koperasi Kota Batu. Hanya admin dan petugas lembaga itu yang dapat mengubahnya.',
      ),
    );
  });

  it('shows a facilitator the record without any word about changing it', async () => {
    renderPerson({ role: 'facilitator', stakeholderId: null });
    await screen.findByTestId('person-details');
    expect(screen.queryByRole('link', { name: 'Ubah data' })).not.toBeInTheDocument();
    expect(screen.queryByTestId('person-read-only')).not.toBeInTheDocument();
  });

  it('says when there is no NIK, no consent and no phone', async () => {
    serve(person({ nik: null, nik_consent_at: null, phone: null, steward_id: null }));
    renderPerson({ role: 'officer', stakeholderId: 3 });
    expect(await screen.findByTestId('person-nik')).toHaveTextContent('Tidak disimpan');
    expect(screen.getByTestId('person-consent')).toHaveTextContent('Belum ada');
    expect(screen.getByTestId('person-phone')).toHaveTextContent('Belum diisi');
    expect(screen.getByTestId('person-steward')).toHaveTextContent('Tidak ada');
    expect(screen.getByTestId('person-read-only')).toHaveTextContent('Data ini tidak dikelola lembaga mana pun.');
  });

  it('lists the history: what, when, by whom, each field before → after in words', async () => {
    renderPerson();
    const history = await screen.findByTestId('history');
    const [update, create] = [...history.children] as HTMLElement[];
    expect(update).toHaveTextContent('Diubah');
    expect(update).toHaveTextContent('oleh petugas');
    expect(update).toHaveTextContent('Nomor telepon: +6281234567890 → +6281333445566');
    expect(update).toHaveTextContent('Tahun lahir: 1908 → 1980');
    expect(update).not.toHaveTextContent('Terakhir diubah');
    expect(create).toHaveTextContent('Didaftarkan');
    expect(create).toHaveTextContent('NIK: 3579********0001');
    // The record's own village and steward by name, an earlier steward by its number.
    expect(create).toHaveTextContent('Desa/kelurahan: Sisir › BUMIAJI › KOTA BATU › JAWA TIMUR');
    await waitFor(() => expect(create).toHaveTextContent('Lembaga pengelola data: Dinas Koperasi Kota Batu'));
    expect(update).toHaveTextContent('Lembaga pengelola data: Lembaga nomor 9 → Dinas Koperasi Kota Batu');
  });

  it('says in words when the person is not there', async () => {
    routeFetch({ 'GET /api/v1/people/12': () => problem('not-found', 404), 'GET /api/v1/people/12/history': () => problem('not-found', 404) });
    renderPerson();
    expect(await screen.findByText('Data yang dicari tidak ditemukan.')).toBeInTheDocument();
  });
});
