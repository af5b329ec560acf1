import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../../lib/api-client';
import { callsTo, page, renderAt, routeFetch } from '../../../test/fixtures';
import { jsonResponse, sentJson } from '../../../test/render';
import type { Competency } from '../types';
import { CompetenciesPage } from './CompetenciesPage';

function skill(id: number, code: string, sector: Competency['sector'], name: string, name_en: string | null, description: string | null = null): Competency {
  return { id, code, sector, name, name_en, description, retired: false, created_at: '2026-12-02T00:00:00Z', updated_at: '2026-12-02T00:00:00Z' };
}

const ITEMS = [
  skill(4, 'batik.ecotik', 'batik', 'Ecotik', 'Ecotik (ecoprint with batik)', 'Menggabungkan ecoprint dan batik.'),
  skill(5, 'batik.mondeng', 'batik', 'Mondeng', 'Mondeng (leaf pounding)'),
  skill(8, 'tape.ragi', 'food_processing', 'Fermentasi dengan ragi', 'Fermentation with yeast'),
  skill(11, 'usaha.harga', null, 'Menghitung harga jual', 'Pricing'),
];

let fetchMock: ReturnType<typeof routeFetch>;

beforeEach(() => {
  api.setCsrfToken('csrf-1');
  fetchMock = routeFetch({
    'GET /api/v1/competencies': () => page(ITEMS, ITEMS.length, 200),
    'POST /api/v1/competencies': (_url, init) => {
      const body = sentJson<Partial<Competency>>(init?.body);
      if (body.code === 'batik.ecotik') {
        return jsonResponse(
          { type: 'urn:gotong:problem:already-exists', title: 'Already exists', status: 409, detail: 'x', errors: [{ field: 'code', code: 'already_exists', message: 'x', params: {} }] },
          409,
        );
      }
      return jsonResponse(skill(20, body.code!, body.sector ?? null, body.name!, body.name_en ?? null, body.description ?? null), 201);
    },
    'PATCH /api/v1/competencies/5': (_url, init) => jsonResponse({ ...ITEMS[1]!, ...sentJson<Partial<Competency>>(init?.body) }),
  });
});

const codesIn = (testId: string) =>
  within(screen.getByTestId(testId))
    .queryAllByRole('listitem')
    .map((li) => li.getAttribute('data-testid'));

describe('CompetenciesPage', () => {
  it('explains the three levels and lists every sector’s skills with the shared business skills', async () => {
    renderAt(<CompetenciesPage />, { path: '/competencies', at: '/competencies' });
    expect(await screen.findByTestId('competency-batik.ecotik')).toHaveTextContent('Menggabungkan ecoprint dan batik.');
    expect(screen.getByTestId('competency-levels')).toHaveTextContent('Tingkat 3 · mahir dan bisa mengajarkannya kepada anggota lain');
    expect(codesIn('competencies-own')).toEqual(['competency-batik.ecotik', 'competency-batik.mondeng', 'competency-tape.ragi']);
    expect(screen.getByTestId('competency-tape.ragi')).toHaveTextContent('Olahan pangan');
    expect(codesIn('competencies-shared')).toEqual(['competency-usaha.harga']);
    expect(callsTo(fetchMock, 'GET /api/v1/competencies')).toHaveLength(1);
  });

  it('narrows to one sector, keeping it in the address', async () => {
    const user = userEvent.setup();
    renderAt(<CompetenciesPage />, { path: '/competencies', at: '/competencies' });
    await screen.findByTestId('competency-batik.ecotik');
    await user.selectOptions(screen.getByLabelText('Sektor'), 'batik');
    expect(screen.getByRole('heading', { name: 'Keterampilan Batik' })).toBeInTheDocument();
    expect(codesIn('competencies-own')).toEqual(['competency-batik.ecotik', 'competency-batik.mondeng']);
    expect(codesIn('competencies-shared')).toEqual(['competency-usaha.harga']);
  });

  it('opens on the sector the address names, and ignores one the catalogue does not have', async () => {
    renderAt(<CompetenciesPage />, { path: '/competencies', at: '/competencies?sector=food_processing' });
    await screen.findByTestId('competency-tape.ragi');
    expect(codesIn('competencies-own')).toEqual(['competency-tape.ragi']);
    expect(screen.getByLabelText('Sektor')).toHaveValue('food_processing');
  });

  it('names the competencies in English for an English reader', async () => {
    renderAt(<CompetenciesPage />, { path: '/competencies', at: '/competencies?sector=pottery', language: 'en' });
    expect(await screen.findByTestId('competency-batik.mondeng')).toHaveTextContent('Mondeng (leaf pounding)');
    expect(screen.getByTestId('competency-usaha.harga')).toHaveTextContent('Pricing');
    expect(screen.getByLabelText('Sector')).toHaveValue('');
  });

  it('offers no editing to a reader who is not an admin', async () => {
    renderAt(<CompetenciesPage />, { path: '/competencies', at: '/competencies' });
    await screen.findByTestId('competency-batik.ecotik');
    expect(screen.queryByRole('button', { name: 'Tambah kompetensi' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Ubah/ })).not.toBeInTheDocument();
  });

  it('lets an admin add a competency to the sector she looks at, saying a taken code beside the code', async () => {
    const user = userEvent.setup();
    renderAt(<CompetenciesPage canEdit />, { path: '/competencies', at: '/competencies?sector=batik' });
    await screen.findByTestId('competency-batik.ecotik');
    await user.click(screen.getByRole('button', { name: 'Tambah kompetensi' }));
    const form = screen.getByTestId('competency-form');
    expect(within(form).getByLabelText('Sektor')).toHaveValue('batik');
    await user.click(within(form).getByRole('button', { name: 'Simpan' }));
    expect(within(form).getByText('Isi kodenya.')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/v1/competencies')).toHaveLength(0);

    await user.type(within(form).getByLabelText(/^Kode/), 'batik.ecotik');
    await user.type(within(form).getByLabelText(/^Nama(?! dalam)/), 'Ecotik');
    await user.click(within(form).getByRole('button', { name: 'Simpan' }));
    expect(await within(form).findByText('Kode ini sudah dipakai kompetensi lain.')).toBeInTheDocument();

    await user.clear(within(form).getByLabelText(/^Kode/));
    await user.type(within(form).getByLabelText(/^Kode/), 'batik.jumputan');
    await user.clear(within(form).getByLabelText(/^Nama(?! dalam)/));
    await user.type(within(form).getByLabelText(/^Nama(?! dalam)/), '  Jumputan ');
    await user.click(within(form).getByRole('button', { name: 'Simpan' }));
    expect(await screen.findByText('Kompetensi Jumputan ditambahkan.')).toBeInTheDocument();
    expect(sentJson(callsTo(fetchMock, 'POST /api/v1/competencies').at(-1)!.init?.body)).toEqual({
      code: 'batik.jumputan',
      sector: 'batik',
      name: 'Jumputan',
      name_en: null,
      description: null,
    });
    expect(screen.getByTestId('competency-batik.jumputan')).toHaveTextContent('Jumputan');
  });

  it('lets an admin retire a competency, sending only that, and it leaves the catalogue', async () => {
    const user = userEvent.setup();
    renderAt(<CompetenciesPage canEdit />, { path: '/competencies', at: '/competencies' });
    await screen.findByTestId('competency-batik.mondeng');
    await user.click(screen.getByRole('button', { name: 'Ubah Mondeng' }));
    const form = screen.getByTestId('competency-form');
    expect(within(form).queryByLabelText(/^Kode/)).not.toBeInTheDocument();
    await user.click(within(form).getByLabelText('Tidak lagi diajarkan'));
    await user.click(within(form).getByRole('button', { name: 'Simpan' }));
    expect(await screen.findByText(/Mondeng tidak lagi ditawarkan/)).toBeInTheDocument();
    expect(callsTo(fetchMock, 'PATCH /api/v1/competencies/5').map((c) => sentJson(c.init?.body))).toEqual([{ retired: true }]);
    expect(screen.queryByTestId('competency-batik.mondeng')).not.toBeInTheDocument();
  });
});
