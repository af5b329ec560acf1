import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { callsTo, page, renderAt, routeFetch } from '../../../test/fixtures';
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
  fetchMock = routeFetch({ 'GET /api/v1/competencies': () => page(ITEMS, ITEMS.length, 200) });
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
});
