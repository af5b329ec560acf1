import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditEntry } from '../../../test/audit';
import { callsTo, page, placeOf, renderAt, routeFetch } from '../../../test/fixtures';
import { jsonResponse } from '../../../test/render';
import { RegionsPage } from './RegionsPage';

const JATIM = placeOf([{ code: '35', name: 'Jawa Timur' }]);
const MALANG = placeOf([...JATIM.path, { code: '35.07', name: 'Kabupaten Malang' }]);
const NGAJUM = placeOf([...MALANG.path, { code: '35.07.20', name: 'Ngajum' }]);
const BANJARSARI = placeOf([...NGAJUM.path, { code: '35.07.20.2004', name: 'Banjarsari' }]);
const ALL = [JATIM, MALANG, NGAJUM, BANJARSARI];

let fetchMock: ReturnType<typeof routeFetch>;

beforeEach(() => {
  const byCode = Object.fromEntries(ALL.map((r) => [r.code, r]));
  fetchMock = routeFetch({
    'GET /api/v1/regions': (url) => {
      const parent = url.searchParams.get('parent');
      const q = url.searchParams.get('q');
      const items = q
        ? ALL.filter((r) => r.name.toLowerCase().includes(q.toLowerCase()))
        : ALL.filter((r) => r.parent_code === (parent ?? null));
      return page(items, items.length, 200);
    },
    ...Object.fromEntries(ALL.map((r) => [`GET /api/v1/regions/${r.code}`, () => jsonResponse(byCode[r.code])])),
    'GET /api/v1/audit': () => page([auditEntry({ at: '2026-11-20T01:00:00Z' })]),
  });
});

const renderPage = (at = '/regions') =>
  renderAt(<RegionsPage />, { path: '/regions', at, others: { '/regions/:code': <RegionsPage /> } });

describe('RegionsPage', () => {
  it('drills down from a province to a village, with the trail back up', async () => {
    const user = userEvent.setup();
    renderPage();
    const tree = screen.getByTestId('region-tree');
    await user.click(await within(tree).findByRole('link', { name: 'Jawa Timur' }));
    expect(screen.getByTestId('location')).toHaveTextContent('/regions/35');
    await user.click(await within(tree).findByRole('link', { name: 'Kabupaten Malang' }));
    await user.click(await within(tree).findByRole('link', { name: 'Ngajum' }));
    expect(await within(tree).findByRole('heading', { level: 3 })).toHaveTextContent('1 desa/kelurahan');
    await user.click(within(tree).getByRole('link', { name: 'Banjarsari' }));

    expect(await within(tree).findByTestId('region-leaf')).toHaveTextContent('tingkat terkecil');
    expect(within(tree).getByTestId('region-detail-code')).toHaveTextContent('35.07.20.2004');
    const crumbs = within(screen.getByTestId('region-breadcrumb')).getAllByRole('listitem').map((li) => li.textContent);
    expect(crumbs).toEqual(['Indonesia', 'Jawa Timur', 'Kabupaten Malang', 'Ngajum', 'Banjarsari']);
    expect(within(screen.getByTestId('region-breadcrumb')).getByRole('link', { name: 'Kabupaten Malang' })).toHaveAttribute(
      'href',
      '/regions/35.07',
    );
  });

  it('shows what the server recorded of the list’s load: when, how many, which edition, from where', async () => {
    renderPage();
    const source = screen.getByTestId('region-source');
    expect(await within(source).findByTestId('region-count')).toHaveTextContent('91.599');
    expect(within(source).getByTestId('region-loaded-at')).toHaveTextContent('20 Nov 2026');
    expect(within(source).getByTestId('region-version')).toHaveTextContent('idn-area-data 4.0.1');
    expect(within(source).getByTestId('region-source-path')).toHaveTextContent('/srv/idn-area-data/data');
    expect(Object.fromEntries(callsTo(fetchMock, 'GET /api/v1/audit')[0]!.url.searchParams)).toEqual({ entity: 'regions', limit: '1' });
  });

  it('finds a region by name and opens it', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.type(screen.getByLabelText('Cari wilayah'), 'banjar');
    await user.click(screen.getByRole('button', { name: 'Cari' }));
    const result = await within(await screen.findByTestId('region-search-results')).findByRole('link', {
      name: 'Banjarsari › Ngajum › Kabupaten Malang › Jawa Timur',
    });
    expect(result).toHaveAttribute('href', '/regions/35.07.20.2004');
  });

  it('says so when the address holds no region code', async () => {
    renderPage('/regions/abc');
    expect(await screen.findByRole('alert')).toHaveTextContent('Data yang dicari tidak ditemukan.');
  });
});
