import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  callsTo,
  enterprise,
  FakeRegionPicker,
  page,
  problem,
  renderAt,
  routeFetch,
  stubDownloads,
} from '../../../test/fixtures';
import { setViewportWidth } from '../../../test/media';
import { jsonResponse } from '../../../test/render';
import type { Role } from '../../../lib/user';
import { RegistryPage } from './RegistryPage';

const ITEMS = [
  enterprise(),
  enterprise({
    id: 8,
    name: 'Keripik Apel Bu Rini',
    sector: 'food_processing',
    owner: { id: 13, name: 'Rini Lestari', gender: 'female' },
    stale: false,
    verified_at: '2026-06-01T00:00:00Z',
    turnover: null,
    scale: 'small',
    scale_criterion: 'capital',
  }),
];

let fetchMock: ReturnType<typeof routeFetch>;

beforeEach(() => {
  fetchMock = routeFetch({
    'GET /api/v1/sectors': () => jsonResponse({ items: [{ code: 'batik', kbli: '13134' }, { code: 'food_processing', kbli: '10' }] }),
    'GET /api/v1/enterprises': () => page(ITEMS, 1234),
    'GET /api/v1/enterprises/export': () =>
      new Response('\ufeffid;name\r\n', {
        headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="gotong-enterprises-20261123.csv"' },
      }),
  });
});

function renderList(at = '/registry', role: Role = 'officer') {
  return renderAt(<RegistryPage role={role} view="list" RegionPicker={FakeRegionPicker} />, { path: '/registry', at });
}

const listCalls = () => callsTo(fetchMock, 'GET /api/v1/enterprises').map((c) => c.url.searchParams);

describe('RegistryPage list', () => {
  it('loads the list with the filters from the address and shows the total', async () => {
    renderList('/registry?sector=batik&stale=true&page=2');
    expect(await screen.findByText('1.234 usaha ditemukan')).toHaveAttribute('data-testid', 'enterprise-total');
    const params = listCalls().at(-1)!;
    expect(params.get('sector')).toBe('batik');
    expect(params.get('stale')).toBe('true');
    expect(params.get('sort')).toBe('name');
    expect(params.get('limit')).toBe('25');
    expect(params.get('offset')).toBe('25');
    expect(screen.getByText('26–50 dari 1.234')).toBeInTheDocument();
  });

  it('shows a table on a wide screen, with rupiah, scale, staleness and a link to each enterprise', async () => {
    renderList();
    const table = await screen.findByTestId('enterprise-table');
    const row = within(table).getByRole('row', { name: /Batik Sekar Arum/ });
    expect(within(row).getByRole('link', { name: 'Batik Sekar Arum' })).toHaveAttribute('href', '/registry/7');
    expect(row).toHaveTextContent('Rp 180.000.000');
    expect(row).toHaveTextContent('Mikro');
    expect(row).toHaveTextContent('Perlu diperbarui');
    expect(within(table).getByRole('row', { name: /Keripik Apel/ })).toHaveTextContent('Olahan pangan');
  });

  it('shows cards instead of a table on a 360 px phone', async () => {
    setViewportWidth(360);
    renderList();
    const cards = await screen.findByTestId('enterprise-cards');
    expect(screen.queryByTestId('enterprise-table')).not.toBeInTheDocument();
    expect(within(cards).getAllByRole('listitem')).toHaveLength(2);
    expect(cards).toHaveTextContent('Pemilik: Siti Aminah');
    expect(cards).toHaveTextContent('Kecil (menurut modal)');
  });

  it('applies a chosen filter at once, from the first page, and keeps it in the address', async () => {
    const user = userEvent.setup();
    renderList('/registry?page=3');
    await screen.findByTestId('enterprise-table');
    await user.selectOptions(screen.getByLabelText('Skala usaha'), 'micro');
    await waitFor(() => expect(listCalls().at(-1)!.get('scale')).toBe('micro'));
    expect(listCalls().at(-1)!.get('offset')).toBe('0');
    expect(screen.getByTestId('location')).toHaveTextContent('/registry?scale=micro');
  });

  it('filters by a region chosen at any level', async () => {
    const user = userEvent.setup();
    renderList();
    await screen.findByTestId('enterprise-table');
    await user.click(screen.getByRole('button', { name: 'pick regency' }));
    await waitFor(() => expect(listCalls().at(-1)!.get('region')).toBe('35.79'));
  });

  it('searches on "Cari" and refuses a one-letter search without asking the server', async () => {
    const user = userEvent.setup();
    renderList();
    await screen.findByTestId('enterprise-table');
    const before = listCalls().length;
    await user.type(screen.getByLabelText('Cari nama usaha, nama pemilik, atau NIB'), 'b');
    await user.click(screen.getByRole('button', { name: 'Cari' }));
    expect(screen.getByText('Tulis minimal 2 huruf untuk mencari.')).toBeInTheDocument();
    expect(listCalls()).toHaveLength(before);
    await user.type(screen.getByLabelText('Cari nama usaha, nama pemilik, atau NIB'), 'atik');
    await user.click(screen.getByRole('button', { name: 'Cari' }));
    await waitFor(() => expect(listCalls().at(-1)!.get('q')).toBe('batik'));
  });

  it('goes to the next page with the big pagination button', async () => {
    const user = userEvent.setup();
    renderList();
    await screen.findByTestId('enterprise-table');
    await user.click(screen.getByRole('button', { name: 'Berikutnya' }));
    await waitFor(() => expect(listCalls().at(-1)!.get('offset')).toBe('25'));
    expect(screen.getByTestId('location')).toHaveTextContent('/registry?page=2');
  });

  it('says plainly when nothing matches, and when the list cannot be loaded', async () => {
    fetchMock = routeFetch({ 'GET /api/v1/enterprises': () => page([], 0) });
    const { unmount } = renderList();
    expect(await screen.findByText('Tidak ada usaha yang cocok dengan saringan ini.')).toBeInTheDocument();
    unmount();
    routeFetch({ 'GET /api/v1/enterprises': () => problem('unavailable', 503) });
    renderList();
    expect(await screen.findByRole('alert')).toHaveTextContent('Server sedang tidak dapat melayani');
  });

  it('downloads a CSV of the current filters, with the NIK only when asked for', async () => {
    const user = userEvent.setup();
    const downloads = stubDownloads();
    renderList('/registry?sector=batik&sort=-turnover');
    await screen.findByTestId('enterprise-table');
    await user.click(screen.getByLabelText('Sertakan NIK lengkap pemilik'));
    await user.click(screen.getByRole('button', { name: 'Unduh CSV' }));
    expect(await screen.findByText('Berkas gotong-enterprises-20261123.csv sudah diunduh.')).toBeInTheDocument();
    const params = callsTo(fetchMock, 'GET /api/v1/enterprises/export')[0]!.url.searchParams;
    expect(Object.fromEntries(params)).toEqual({ format: 'csv', include_nik: 'true', sector: 'batik', sort: '-turnover' });
    expect(downloads.clicks).toHaveBeenCalledTimes(1);
    expect((downloads.clicks.mock.contexts[0] as HTMLAnchorElement).download).toBe('gotong-enterprises-20261123.csv');
  });

  it('asks for Excel with format=xlsx and explains a refusal in words', async () => {
    const user = userEvent.setup();
    stubDownloads();
    routeFetch({
      'GET /api/v1/sectors': () => jsonResponse({ items: [] }),
      'GET /api/v1/enterprises': () => page(ITEMS, 2),
      'GET /api/v1/enterprises/export': (url) =>
        url.searchParams.get('format') === 'xlsx' ? problem('forbidden', 403) : new Response(''),
    });
    renderList();
    await screen.findByTestId('enterprise-table');
    await user.click(screen.getByRole('button', { name: 'Unduh Excel' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Anda tidak punya izin untuk melakukan ini.');
  });

  it('offers the NIK option and the add button only to roles that may use them', async () => {
    renderList('/registry', 'facilitator');
    await screen.findByTestId('enterprise-table');
    expect(screen.queryByLabelText('Sertakan NIK lengkap pemilik')).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Tambah usaha' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Unduh CSV' })).toBeInTheDocument();
  });

  it('speaks English when the language is English', async () => {
    renderAt(<RegistryPage role="admin" view="list" RegionPicker={FakeRegionPicker} />, {
      path: '/registry',
      at: '/registry',
      language: 'en',
    });
    expect(await screen.findByText('1,234 businesses found')).toHaveAttribute('data-testid', 'enterprise-total');
    expect(screen.getByRole('button', { name: 'Download Excel' })).toBeInTheDocument();
    expect(screen.getByLabelText('Business scale')).toBeInTheDocument();
  });
});
