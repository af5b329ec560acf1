import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { placeOf } from '../../../test/fixtures';
import { jsonResponse, renderWithI18n, urlOf } from '../../../test/render';
import { RegionDemoCard } from './RegionDemoCard';

const PATH = [
  { code: '35', name: 'Jawa Timur' },
  { code: '35.07', name: 'Kabupaten Malang' },
  { code: '35.07.20', name: 'Ngajum' },
  { code: '35.07.20.2004', name: 'Banjarsari' },
];
const byCode = new Map(PATH.map((ref, i) => [ref.code, placeOf(PATH.slice(0, i + 1))]));

let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;

beforeEach(() => {
  fetchMock = vi.fn<typeof fetch>(async (input) => {
    const url = new URL(urlOf(input), 'http://localhost');
    if (url.pathname.startsWith('/api/v1/regions/')) return jsonResponse(byCode.get(url.pathname.split('/').at(-1)!));
    const parent = url.searchParams.get('parent');
    const q = url.searchParams.get('q');
    const items = [...byCode.values()].filter((r) =>
      q ? r.name.toLowerCase().includes(q.toLowerCase()) : r.parent_code === parent,
    );
    return jsonResponse({ items, total: items.length, limit: 200, offset: 0 });
  });
  vi.stubGlobal('fetch', fetchMock);
});

describe('RegionDemoCard', () => {
  it('shows the chosen full path and code, without fetching the chosen region again', async () => {
    const user = userEvent.setup();
    renderWithI18n(<RegionDemoCard />);
    expect(screen.getByText('Belum ada wilayah yang dipilih.')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Cari wilayah'), 'banjarsari');
    await user.click(await screen.findByRole('button', { name: /Banjarsari › Ngajum/ }));

    expect(await screen.findByTestId('region-code')).toHaveTextContent('35.07.20.2004');
    expect(screen.getByTestId('region-path')).toHaveTextContent('Banjarsari › Ngajum › Kabupaten Malang › Jawa Timur');
    // The card feeds the code back as `value`; the picker must recognise it as its own choice.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const singleLookups = fetchMock.mock.calls.filter(([input]) => urlOf(input).startsWith('/api/v1/regions/'));
    expect(singleLookups).toHaveLength(0);
  });
});
