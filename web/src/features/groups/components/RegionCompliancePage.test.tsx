import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { callsTo, FakeRegionPicker, problem, renderAt, routeFetch } from '../../../test/fixtures';
import { regionCompliance } from '../../../test/groups';
import { setViewportWidth } from '../../../test/media';
import { jsonResponse, LAZY_CHUNK } from '../../../test/render';
import { RegionCompliancePage } from './RegionCompliancePage';

let fetchMock: ReturnType<typeof routeFetch>;

beforeEach(() => {
  fetchMock = routeFetch({ 'GET /api/v1/groups/compliance': () => jsonResponse(regionCompliance()) });
});

function renderPage(at = '/groups/compliance', language: 'id' | 'en' = 'id') {
  return renderAt(<RegionCompliancePage RegionPicker={FakeRegionPicker} thisMonth="2026-03" />, {
    path: '/groups/compliance',
    at,
    language,
  });
}

const lastQuery = () => Object.fromEntries(callsTo(fetchMock, 'GET /api/v1/groups/compliance').at(-1)!.url.searchParams);

const cells = (row: HTMLElement) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent);

describe('RegionCompliancePage', () => {
  it('asks for the three months to this one, least compliant first, and says how many groups it counted', async () => {
    renderPage();
    // The total says "working out" until the answer arrives: wait for the count itself.
    await waitFor(() => expect(screen.getByTestId('region-compliance-total')).toHaveTextContent('10 kelompok · Januari 2026 – Maret 2026'));
    expect(lastQuery()).toEqual({ from: '2026-01', to: '2026-03', limit: '25', offset: '0' });
    expect(screen.getByRole('heading', { level: 1, name: 'Kepatuhan SOP per wilayah' })).toBeInTheDocument();
  });

  it('shows every band with its count and share, and draws them in one bar', async () => {
    renderPage();
    const chart = await screen.findByTestId('band-chart', {}, LAZY_CHUNK);
    expect(chart).toHaveTextContent('Sebaran kepatuhan');
    expect(within(chart).getByTestId('band-met')).toHaveTextContent('Memenuhi SOP (100% atau lebih) 5 kelompok · 50%');
    expect(within(chart).getByTestId('band-partial')).toHaveTextContent('Sebagian (50–99%) 2 kelompok · 20%');
    expect(within(chart).getByTestId('band-low')).toHaveTextContent('Rendah (1–49%) 1 kelompok · 10%');
    expect(within(chart).getByTestId('band-none')).toHaveTextContent('Tidak ada pertemuan 2 kelompok · 20%');
    const parts = [...within(chart).getByTestId('band-bar').children] as HTMLElement[];
    expect(parts.map((part) => [part.dataset.band, part.style.flexGrow])).toEqual([
      ['met', '5'],
      ['partial', '2'],
      ['low', '1'],
      ['none', '2'],
    ]);
  });

  it('leaves an empty band out of the bar but keeps it in the key', async () => {
    routeFetch({
      'GET /api/v1/groups/compliance': () => jsonResponse(regionCompliance({ bands: { met: 3, partial: 0, low: 0, none: 1 } })),
    });
    renderPage();
    const chart = await screen.findByTestId('band-chart', {}, LAZY_CHUNK);
    expect([...within(chart).getByTestId('band-bar').children].map((part) => (part as HTMLElement).dataset.band)).toEqual([
      'met',
      'none',
    ]);
    expect(within(chart).getByTestId('band-partial')).toHaveTextContent('0 kelompok · 0%');
  });

  it('lists the groups in a table with a link to each, its village, status, meetings and a coloured percent', async () => {
    renderPage();
    const table = await screen.findByTestId('region-compliance-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(cells)).toEqual([
      ['Kelompok Tani Makmur', '35.07.20.2001', 'Tidak aktif', '0 / 3', '0%'],
      ['Batik Sekar Jagad', '35.07.20.2002', 'Aktif', '2 / 3', '67%'],
      ['Harapan Sejahtera', '35.07.20.2004', 'Aktif', '6 / 3', '200%'],
    ]);
    expect(within(rows[0]!).getByRole('link', { name: 'Kelompok Tani Makmur' })).toHaveAttribute('href', '/groups/2');
    expect(within(rows[2]!).getByRole('link', { name: 'Harapan Sejahtera' })).toHaveAttribute('href', '/groups/1');
    expect(within(table).getAllByTestId('compliance-badge').map((badge) => badge.className)).toEqual([
      'badge badge--band-none',
      'badge badge--band-partial',
      'badge badge--band-met',
    ]);
  });

  it('shows cards instead of a table on a 360 px phone', async () => {
    setViewportWidth(360);
    renderPage();
    const cards = await screen.findByTestId('region-compliance-cards');
    expect(screen.queryByTestId('region-compliance-table')).not.toBeInTheDocument();
    expect(within(cards).getAllByRole('listitem')).toHaveLength(3);
    const card = screen.getByTestId('region-compliance-card-3');
    expect(within(card).getByRole('link', { name: 'Batik Sekar Jagad' })).toHaveAttribute('href', '/groups/3');
    expect(card).toHaveTextContent('Kode desa: 35.07.20.2002');
    expect(card).toHaveTextContent('Pertemuan: 2 dari 3 wajib');
    expect(within(card).getByTestId('compliance-badge')).toHaveTextContent('67%');
    // The filters fold away on a phone, so the bands and the groups come first.
    expect(screen.getByText('Saringan').closest('details')).not.toHaveAttribute('open');
  });

  it('opens with the filters the address carries', async () => {
    renderPage('/groups/compliance?region=35.07&months=6&to=2025-12&sort=-percent&status=inactive&page=2');
    await screen.findByTestId('region-compliance-table');
    expect(lastQuery()).toEqual({
      region: '35.07',
      status: 'inactive',
      from: '2025-07',
      to: '2025-12',
      sort: '-percent',
      limit: '25',
      offset: '25',
    });
    expect(screen.getByLabelText('Rentang waktu')).toHaveValue('6');
    expect(screen.getByLabelText('Sampai bulan')).toHaveValue('2025-12');
    expect(screen.getByLabelText('Urutan')).toHaveValue('-percent');
    expect(screen.getByTestId('picker-value')).toHaveTextContent('35.07');
    expect(screen.getByText('Saringan').closest('details')).toHaveAttribute('open');
    expect(screen.getByText('4 saringan aktif')).toBeInTheDocument();
  });

  it('applies a region, a period and an order at once, from the first page, keeping them in the address', async () => {
    const user = userEvent.setup();
    renderPage('/groups/compliance?page=2');
    await screen.findByTestId('region-compliance-table');
    await user.click(screen.getByRole('button', { name: 'pick regency' }));
    await waitFor(() => expect(lastQuery().region).toBe('35.79'));
    expect(lastQuery().offset).toBe('0');
    await user.selectOptions(screen.getByLabelText('Rentang waktu'), '12');
    await waitFor(() => expect(lastQuery().from).toBe('2025-04'));
    expect(lastQuery().to).toBe('2026-03');
    await user.selectOptions(screen.getByLabelText('Sampai bulan'), '2025-12');
    await waitFor(() => expect(lastQuery()).toMatchObject({ from: '2025-01', to: '2025-12' }));
    await user.selectOptions(screen.getByLabelText('Urutan'), 'name');
    await waitFor(() => expect(lastQuery().sort).toBe('name'));
    expect(screen.getByTestId('location')).toHaveTextContent('/groups/compliance?region=35.79&months=12&to=2025-12&sort=name');
  });

  it('searches by name and includes dissolved groups only when asked', async () => {
    const user = userEvent.setup();
    renderPage();
    await screen.findByTestId('region-compliance-table');
    expect(screen.getByLabelText('Status kelompok')).toHaveDisplayValue('Semua, kecuali yang bubar');
    await user.type(screen.getByLabelText('Cari nama kelompok'), 'tani');
    await user.click(screen.getByRole('button', { name: 'Cari' }));
    await waitFor(() => expect(lastQuery().q).toBe('tani'));
    await user.selectOptions(screen.getByLabelText('Status kelompok'), 'dissolved');
    await waitFor(() => expect(lastQuery().status).toBe('dissolved'));
    expect(lastQuery().q).toBe('tani');
  });

  it('pages through a long list', async () => {
    const user = userEvent.setup();
    fetchMock = routeFetch({ 'GET /api/v1/groups/compliance': () => jsonResponse(regionCompliance({ total: 60 })) });
    renderPage();
    await screen.findByTestId('region-compliance-table');
    await user.click(screen.getByRole('button', { name: 'Berikutnya' }));
    await waitFor(() => expect(lastQuery().offset).toBe('25'));
    expect(screen.getByTestId('location')).toHaveTextContent('/groups/compliance?page=2');
  });

  it('says so when no group matches, instead of drawing an empty bar', async () => {
    routeFetch({
      'GET /api/v1/groups/compliance': () =>
        jsonResponse(regionCompliance({ items: [], total: 0, bands: { met: 0, partial: 0, low: 0, none: 0 } })),
    });
    renderPage();
    expect(await screen.findByText('Tidak ada kelompok yang cocok.')).toBeInTheDocument();
    expect(screen.getByTestId('band-chart')).toHaveTextContent('Belum ada kelompok yang bisa dihitung.');
    expect(screen.queryByTestId('band-bar')).not.toBeInTheDocument();
  });

  it('shows the failure in words when the table cannot be loaded', async () => {
    routeFetch({ 'GET /api/v1/groups/compliance': () => problem('forbidden', 403) });
    renderPage();
    expect(await screen.findByRole('alert')).toHaveTextContent('Anda tidak punya izin untuk melakukan ini.');
  });

  it('speaks English when the reader chose it', async () => {
    renderPage('/groups/compliance', 'en');
    // The total says "working out" until the answer arrives: wait for the count itself.
    await waitFor(() => expect(screen.getByTestId('region-compliance-total')).toHaveTextContent('10 groups · January 2026 – March 2026'));
    expect(screen.getByTestId('band-low')).toHaveTextContent('Low (1–49%) 1 group · 10%');
    expect(screen.getByRole('heading', { level: 1, name: 'SOP compliance by region' })).toBeInTheDocument();
  });
});
