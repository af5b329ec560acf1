import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { callsTo, page, placeOf, problem, renderAt, routeFetch } from '../../../test/fixtures';
import { jsonResponse } from '../../../test/render';
import type { EquityDashboard, EquityRow, HelixDashboard } from '../types';
import { DashboardsPages, type DashboardView } from './dashboards-pages';

function row(key: string, name: string, o: Partial<EquityRow> = {}): EquityRow {
  return { key, name, enterprises: 0, enterprises_served: 0, groups_served: 0, records: 0, value: 0, share_served: null, value_per_enterprise: null, ...o };
}

const BUMIAJI = row('35.79.02', 'Bumiaji', {
  enterprises: 3,
  enterprises_served: 2,
  groups_served: 1,
  records: 3,
  value: 4_500_000,
  share_served: 2 / 3,
  value_per_enterprise: 1_500_000,
});
const BATU = row('35.79.01', 'Batu', { enterprises: 1, share_served: 0, value_per_enterprise: 0 });

function equity(o: Partial<EquityDashboard> = {}): EquityDashboard {
  return {
    by: 'region',
    level: 'district',
    region: { code: '35.79', name: 'Kota Batu', parent_code: '35' },
    filters: { from: null, to: null, kind: null, helix: null, programme_id: null },
    rows: [BATU, BUMIAJI, row('35.79.03', 'Junrejo')],
    totals: row('total', 'Kota Batu', { enterprises: 4, enterprises_served: 2, groups_served: 1, records: 3, value: 4_500_000, share_served: 0.5, value_per_enterprise: 1_125_000 }),
    never_served: [BATU],
    groups_never_served: { items: [{ id: 12, name: 'Kelompok Apel Batu', village_code: '35.79.01.2007' }], total: 30, limit: 25, offset: 0 },
    counted_from: { assistance: 'tallies', served: 'tallies' },
    ...o,
  };
}

const GENDER: EquityDashboard = equity({
  by: 'gender',
  level: 'gender',
  region: null,
  rows: [
    row('female', 'female', { enterprises: 2, enterprises_served: 1, records: 1, value: 1_500_000, share_served: 0.5, value_per_enterprise: 750_000 }),
    row('male', 'male', { enterprises: 2, share_served: 0, value_per_enterprise: 0 }),
    row('unknown', 'unknown'),
  ],
  never_served: [row('male', 'male', { enterprises: 2, share_served: 0, value_per_enterprise: 0 })],
  groups_never_served: { items: [], total: 0, limit: 25, offset: 0 },
});

const HELIX: HelixDashboard = {
  nodes: [
    { id: 's2', type: 'stakeholder', record_id: 2, name: 'Bank Jatim', helix: 'business', kind: 'bank', status: null },
    { id: 's1', type: 'stakeholder', record_id: 1, name: 'Dinas Koperasi Kota Batu', helix: 'government', kind: 'agency', status: null },
    { id: 'p7', type: 'programme', record_id: 7, name: 'Kredit Usaha Muda', helix: null, kind: null, status: 'active' },
  ],
  edges: [
    { source: 's1', target: 'p7', role: 'owner', helix: 'government', contribution: null },
    { source: 's2', target: 'p7', role: 'partner', helix: 'business', contribution: 'kredit lunak' },
  ],
  programmes_total: 501,
  programmes_shown: 500,
  max_programmes: 500,
  truncated: true,
  helixes: [
    { helix: 'government', programmes_owned: 1, programmes_partnered: 0, contributions_declared: 0, records: 3, value: 4_250_000, by_kind: [{ kind: 'grant', records: 3, value: 4_250_000 }] },
    { helix: 'business', programmes_owned: 0, programmes_partnered: 1, contributions_declared: 1, records: 0, value: 0, by_kind: [] },
    { helix: 'academia', programmes_owned: 0, programmes_partnered: 0, contributions_declared: 0, records: 0, value: 0, by_kind: [] },
    { helix: 'civil_society', programmes_owned: 0, programmes_partnered: 0, contributions_declared: 0, records: 0, value: 0, by_kind: [] },
  ],
};

let fetchMock: ReturnType<typeof routeFetch>;

beforeEach(() => {
  fetchMock = routeFetch({
    'GET /api/v1/dashboards/equity': (url) => jsonResponse(url.searchParams.get('by') === 'gender' ? GENDER : equity()),
    'GET /api/v1/dashboards/helix': () => jsonResponse(HELIX),
    'GET /api/v1/programmes': () => page([{ id: 7, name: 'Kredit Usaha Muda' }], 1, 200),
    'GET /api/v1/regions/35.79': () =>
      jsonResponse(
        placeOf([
          { code: '35', name: 'Jawa Timur' },
          { code: '35.79', name: 'Kota Batu' },
        ]),
      ),
  });
});

function renderView(view: DashboardView, at: string, role: 'officer' | 'facilitator' = 'officer') {
  return renderAt(<DashboardsPages view={view} role={role} />, { path: `/dashboards/${view}`, at });
}

const lastEquityQuery = () => callsTo(fetchMock, 'GET /api/v1/dashboards/equity').at(-1)!.url.searchParams;

describe('the equity dashboard', () => {
  it('sets each row’s served enterprises against the registry, in numbers, percentages and rupiah', async () => {
    renderView('equity', '/dashboards/equity?region=35.79');
    const bumiaji = await screen.findByTestId('equity-row-35.79.02');
    expect(bumiaji).toHaveTextContent('Bumiaji');
    const cells = within(bumiaji).getAllByRole('cell').map((c) => c.textContent?.replace(/\u00a0/g, ' '));
    expect(cells).toEqual(['3', '2', '66,7%', '1', '3', 'Rp 4.500.000', 'Rp 1.500.000']);
    expect(screen.getByTestId('equity-row-35.79.03')).toHaveTextContent('–');
    expect(screen.getByTestId('equity-summary')).toHaveTextContent(/2 dari 4 UMKM pernah menerima bantuan \(50%\)/);
    const chart = screen.getByTestId('equity-chart');
    expect(chart).toHaveTextContent('2 dari 3 (66,7%)');
    // Junrejo has neither enterprises nor assistance: listed in the table, not drawn.
    expect(chart).not.toHaveTextContent('Junrejo');
    expect(screen.getByText('1 baris tanpa UMKM dan tanpa bantuan tidak digambar.')).toBeInTheDocument();
    expect(screen.getByTestId('never-served-rows')).toHaveTextContent('Batu: 1 UMKM');
    expect(screen.getByTestId('never-served-groups')).toHaveTextContent('Kelompok Apel Batu');
    expect(screen.getByTestId('never-served-groups-total')).toHaveTextContent('30 kelompok');
    expect(lastEquityQuery().get('region')).toBe('35.79');
    expect(await screen.findByRole('button', { name: 'Jawa Timur' })).toBeInTheDocument();
  });

  it('drills into a region row and switches to gender, keeping each step in the address', async () => {
    const user = userEvent.setup();
    renderView('equity', '/dashboards/equity?region=35.79');
    await user.click(await screen.findByRole('button', { name: 'Buka Bumiaji' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/dashboards/equity?region=35.79.02'));
    await waitFor(() => expect(lastEquityQuery().get('region')).toBe('35.79.02'));
    await user.click(screen.getByRole('button', { name: 'Jenis kelamin' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/dashboards/equity?by=gender'));
    expect(await screen.findByTestId('equity-row-female')).toHaveTextContent('Perempuan');
    expect(screen.getByTestId('equity-row-unknown')).toHaveTextContent('Belum diketahui');
    expect(screen.getByRole('button', { name: 'Jenis kelamin' })).toHaveAttribute('aria-pressed', 'true');
    expect(lastEquityQuery().get('region')).toBeNull();
    expect(screen.getByTestId('never-served-rows')).toHaveTextContent('Laki-laki: 2 UMKM');
  });

  it('filters by kind, helix and programme, and pages the groups never served', async () => {
    const user = userEvent.setup();
    renderView('equity', '/dashboards/equity?region=35.79');
    await screen.findByTestId('equity-row-35.79.02');
    await user.selectOptions(screen.getByLabelText('Jenis bantuan'), 'grant');
    await user.selectOptions(screen.getByLabelText('Unsur pemberi'), 'business');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Program' }), '7');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/dashboards/equity?region=35.79&kind=grant&helix=business&programme=7'));
    await waitFor(() => expect(lastEquityQuery().get('programme_id')).toBe('7'));
    expect(lastEquityQuery().get('kind')).toBe('grant');
    expect(lastEquityQuery().get('helix')).toBe('business');
    await user.click(screen.getByRole('button', { name: 'Berikutnya' }));
    await waitFor(() => expect(lastEquityQuery().get('offset')).toBe('25'));
    expect(screen.getByTestId('location')).toHaveTextContent('groups=25');
  });

  it('says when a period ends before it starts, and does not send it', async () => {
    renderView('equity', '/dashboards/equity?from=2024-12-31&to=2024-01-01');
    expect(await screen.findByText('Tanggal akhir tidak boleh sebelum tanggal awal.')).toBeInTheDocument();
    await waitFor(() => expect(callsTo(fetchMock, 'GET /api/v1/dashboards/equity').length).toBeGreaterThan(0));
    expect(lastEquityQuery().get('from')).toBeNull();
  });
});

describe('a refused equity query', () => {
  it('says what the server refused beside the filter it names', async () => {
    routeFetch({
      'GET /api/v1/dashboards/equity': () => problem('invalid-input', 400, [{ field: 'programme_id', code: 'not_found' }]),
      'GET /api/v1/programmes': () => page([], 0, 200),
    });
    renderView('equity', '/dashboards/equity?programme=99');
    const select = await screen.findByRole('combobox', { name: 'Program' });
    await waitFor(() => expect(select).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.queryByTestId('equity-summary')).toBeNull();
  });
});

describe('the helix dashboard', () => {
  it('draws the network and lists each programme’s stakeholders with their roles and helix', async () => {
    renderView('helix', '/dashboards/helix', 'facilitator');
    const card = await screen.findByTestId('helix-programme-7');
    expect(card).toHaveTextContent('Dinas Koperasi Kota Batu — pemilik, sebagai Pemerintah');
    expect(card).toHaveTextContent('Bank Jatim — mitra, sebagai Dunia usaha (menyumbang: kredit lunak)');
    expect(card).toHaveTextContent('Berjalan');
    const network = screen.getByTestId('helix-network');
    expect(network.querySelectorAll('[data-role="owner"]')).toHaveLength(1);
    expect(network.querySelectorAll('[data-role="partner"]')).toHaveLength(1);
    expect(within(network).getByRole('img', { name: /Gambar jaringan/ })).toBeInTheDocument();
    expect(screen.getByText('Menampilkan 500 dari 501 program (yang terbaru).')).toBeInTheDocument();
    // A facilitator sees no equity tab.
    expect(screen.queryByRole('link', { name: 'Pemerataan' })).toBeNull();
  });

  it('charts and tabulates what each helix contributes', async () => {
    renderView('helix', '/dashboards/helix');
    const government = await screen.findByTestId('helix-row-government');
    expect(government.textContent?.replace(/\u00a0/g, ' ')).toBe('Pemerintah1003Rp 4.250.000Hibah: Rp 4.250.000');
    expect(screen.getByTestId('helix-row-business')).toHaveTextContent('Dunia usaha');
    expect(screen.getByTestId('helix-chart-programmes_partnered')).toHaveTextContent('Dunia usaha');
    expect(screen.getByRole('link', { name: 'Pemerataan' })).toHaveAttribute('href', '/dashboards/equity');
  });
});
