import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { callsTo, FakeRegionPicker, page, renderAt, routeFetch } from '../../../test/fixtures';
import { person } from '../../../test/people';
import { PeoplePage } from './PeoplePage';

let fetchMock: ReturnType<typeof routeFetch>;

const SITI = person();
const JOKO = person({ id: 13, name: 'Joko Santoso', gender: 'male', birth_year: null, phone: null, village: null, village_code: null });

beforeEach(() => {
  fetchMock = routeFetch({
    'GET /api/v1/people': (url) => {
      const q = url.searchParams.get('q');
      const items = [SITI, JOKO].filter((p) => !q || p.name.toLowerCase().includes(q.toLowerCase()));
      return page(items, url.searchParams.get('offset') === '25' ? 27 : items.length + (q ? 0 : 25));
    },
  });
});

function renderList(at = '/people') {
  return renderAt(<PeoplePage RegionPicker={FakeRegionPicker} />, { path: '/people', at });
}

const lastQuery = () => callsTo(fetchMock, 'GET /api/v1/people').at(-1)!.url.searchParams;

describe('PeoplePage', () => {
  it('lists people with their village, gender, birth year and age, and phone, each linking to their page', async () => {
    renderList();
    const table = await screen.findByTestId('people-table');
    const siti = within(table).getByTestId('person-row-12');
    expect(within(siti).getByRole('link', { name: 'Siti Aminah' })).toHaveAttribute('href', '/people/12');
    expect(siti).toHaveTextContent('Sisir');
    expect(siti).toHaveTextContent('Perempuan');
    expect(siti).toHaveTextContent(`1980 (sekitar ${new Date().getFullYear() - 1980} tahun)`);
    expect(within(siti).getByRole('link', { name: '+6281234567890' })).toHaveAttribute('href', 'tel:+6281234567890');
    expect(within(table).getByTestId('person-row-13')).toHaveTextContent('Belum diisi');
    expect(screen.getByTestId('people-total')).toHaveTextContent('27 orang ditemukan');
    expect(lastQuery().get('limit')).toBe('25');
  });

  it('searches by name through the address, and refuses one letter without asking the server', async () => {
    const user = userEvent.setup();
    renderList();
    await screen.findByTestId('people-table');
    const box = screen.getByLabelText('Cari nama');
    await user.type(box, 's');
    await user.click(screen.getByRole('button', { name: 'Cari' }));
    expect(screen.getByText('Tulis minimal 2 huruf untuk mencari.')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/people$/);

    await user.type(box, 'iti');
    await user.click(screen.getByRole('button', { name: 'Cari' }));
    await waitFor(() => expect(screen.getByTestId('people-total')).toHaveTextContent('1 orang ditemukan'));
    expect(screen.getByTestId('location')).toHaveTextContent('/people?q=siti');
    expect(lastQuery().get('q')).toBe('siti');
    expect(screen.queryByTestId('person-row-13')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Tampilkan semua orang' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/people$/));
    expect(box).toHaveValue('');
  });

  it('narrows by place of residence, in the address', async () => {
    const user = userEvent.setup();
    renderList('/people?q=a');
    await screen.findByTestId('people-table');
    expect(lastQuery().get('q')).toBeNull(); // one letter from the address is not sent
    await user.click(screen.getByText('Tempat tinggal', { selector: 'summary' }));
    await user.click(screen.getByRole('button', { name: 'pick village' }));
    await waitFor(() => expect(lastQuery().get('region')).toBe('35.79.03.2001'));
    expect(screen.getByTestId('location')).toHaveTextContent('/people?q=a&region=35.79.03.2001');
  });

  it('pages on through the address', async () => {
    const user = userEvent.setup();
    renderList();
    await user.click(await screen.findByRole('button', { name: 'Berikutnya' }));
    await waitFor(() => expect(lastQuery().get('offset')).toBe('25'));
    expect(screen.getByTestId('location')).toHaveTextContent('/people?page=2');
  });

  it('says when nobody matches', async () => {
    routeFetch({ 'GET /api/v1/people': () => page([]) });
    renderList('/people?q=zaenab');
    expect(await screen.findByText('Tidak ada orang yang cocok dengan pencarian ini.')).toBeInTheDocument();
  });
});
