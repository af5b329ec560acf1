import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { callsTo, FakeRegionPicker, problem, renderAt, routeFetch } from '../../../test/fixtures';
import { jsonResponse, LAZY_CHUNK } from '../../../test/render';
import type { AreaCount, AreaReport } from '../types';
import { RegistryPage } from './RegistryPage';

function area(code: string, name: string, level: AreaCount['level'], total: number, stale: number): AreaCount {
  return { code, name, level, total, stale, by_scale: { micro: total - 2, small: 1, medium: 1, large: 0, unknown: 0 } };
}

/** An area's report: its counts are its areas' added up. */
function report(region: AreaReport['region'], areas: AreaCount[]): AreaReport {
  return {
    region,
    total: areas.reduce((sum, a) => sum + a.total, 0),
    stale: areas.reduce((sum, a) => sum + a.stale, 0),
    areas,
  };
}

const REPORTS: Record<string, AreaReport> = {
  '': report(null, [area('35', 'JAWA TIMUR', 'province', 14_579, 2100), area('11', 'ACEH', 'province', 0, 0)]),
  '35': report({ code: '35', name: 'JAWA TIMUR', level: 'province' }, [area('35.79', 'KOTA BATU', 'regency', 14_579, 2100)]),
  '35.79': report({ code: '35.79', name: 'KOTA BATU', level: 'regency' }, [
    area('35.79.01', 'BATU', 'district', 5000, 700),
    area('35.79.03', 'BUMIAJI', 'district', 9579, 1400),
  ]),
  '35.79.01': report({ code: '35.79.01', name: 'BATU', level: 'district' }, [area('35.79.01.2001', 'SISIR', 'village', 5000, 700)]),
};

let fetchMock: ReturnType<typeof routeFetch>;

beforeEach(() => {
  fetchMock = routeFetch({
    'GET /api/v1/sectors': () => jsonResponse({ items: [] }),
    'GET /api/v1/enterprises/areas': (url) => {
      const report = REPORTS[url.searchParams.get('region') ?? ''];
      return report ? jsonResponse(report) : problem('invalid-input', 400, [{ field: 'region', code: 'invalid_value' }]);
    },
    'GET /api/v1/regions/35.79.01': () =>
      jsonResponse({
        code: '35.79.01',
        name: 'BATU',
        path: [
          { code: '35', name: 'JAWA TIMUR' },
          { code: '35.79', name: 'KOTA BATU' },
          { code: '35.79.01', name: 'BATU' },
        ],
      }),
  });
});

function renderAreas(at = '/registry/areas') {
  return renderAt(<RegistryPage role="officer" view="areas" RegionPicker={FakeRegionPicker} />, {
    path: '/registry/areas',
    at,
    others: { '/registry': <p>list page</p> },
  });
}

const areaCalls = () => callsTo(fetchMock, 'GET /api/v1/enterprises/areas').map((c) => c.url.searchParams);
const breadcrumbText = () =>
  within(screen.getByTestId('breadcrumb'))
    .getAllByRole('listitem')
    .map((li) => li.textContent);

describe('area drill-down', () => {
  it('starts with the provinces: totals, stale counts and shares, scales, and a total row', async () => {
    renderAreas();
    const table = await screen.findByTestId('area-table');
    const row = within(table).getByRole('row', { name: /JAWA TIMUR/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '14.579',
      '2.100',
      '14,4%',
      '14.577',
      '1',
      '1',
      '0',
      '0',
      'Daftar',
    ]);
    // an area without enterprises is listed, with no share to speak of
    expect(within(table).getByRole('row', { name: /ACEH/ })).toHaveTextContent('–');
    expect(within(table).getByRole('row', { name: /Semua wilayah/ })).toHaveTextContent('14.579');
    expect(screen.getByText('14.579 usaha, 2.100 perlu diperbarui (14,4%).')).toBeInTheDocument();
    expect(breadcrumbText()).toEqual(['Seluruh Indonesia']);
    expect(Object.fromEntries(areaCalls()[0]!)).toEqual({});
  });

  it('draws the chart beside the table', async () => {
    renderAreas();
    const chart = await screen.findByTestId('area-chart', {}, LAZY_CHUNK);
    expect(chart).toHaveTextContent('Per provinsi: Jumlah usaha dan data yang perlu diperbarui');
  });

  it('drills province → regency → district and climbs back up by the breadcrumb', async () => {
    const user = userEvent.setup();
    renderAreas();
    await user.click(await screen.findByRole('button', { name: 'Rinci JAWA TIMUR' }));
    await user.click(await screen.findByRole('button', { name: 'Rinci KOTA BATU' }));
    await user.click(await screen.findByRole('button', { name: 'Rinci BATU' }));
    await screen.findByRole('row', { name: /SISIR/ });
    expect(breadcrumbText()).toEqual(['Seluruh Indonesia', 'JAWA TIMUR', 'KOTA BATU', 'BATU']);
    expect(screen.getByTestId('location')).toHaveTextContent('/registry/areas?region=35.79.01');
    expect(areaCalls().map((p) => p.get('region'))).toEqual([null, '35', '35.79', '35.79.01']);

    await user.click(within(screen.getByTestId('breadcrumb')).getByRole('button', { name: 'JAWA TIMUR' }));
    await screen.findByRole('button', { name: 'Rinci KOTA BATU' });
    expect(breadcrumbText()).toEqual(['Seluruh Indonesia', 'JAWA TIMUR']);
    await user.click(within(screen.getByTestId('breadcrumb')).getByRole('button', { name: 'Seluruh Indonesia' }));
    await screen.findByRole('button', { name: 'Rinci JAWA TIMUR' });
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/registry\/areas$/);
  });

  it('cannot drill into a village: its row has no drill button, and its list is one click away', async () => {
    const user = userEvent.setup();
    renderAreas('/registry/areas?region=35.79.01&sector=batik');
    const row = await screen.findByRole('row', { name: /SISIR/ });
    expect(within(row).queryByRole('button', { name: /Rinci/ })).not.toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: 'Lihat daftar usaha di SISIR' }));
    expect(screen.getByTestId('location')).toHaveTextContent('/registry?region=35.79.01.2001&sector=batik');
  });

  it('fills the breadcrumb names after a reload deep in the tree', async () => {
    renderAreas('/registry/areas?region=35.79.01');
    await waitFor(() => expect(breadcrumbText()).toEqual(['Seluruh Indonesia', 'JAWA TIMUR', 'KOTA BATU', 'BATU']));
    expect(callsTo(fetchMock, 'GET /api/v1/regions/35.79.01')).toHaveLength(1);
  });

  it('shows a village from the list as its district, never asking the server for a village', async () => {
    renderAreas('/registry/areas?region=35.79.01.2001');
    await screen.findByRole('row', { name: /SISIR/ });
    expect(areaCalls().map((p) => p.get('region'))).toEqual(['35.79.01']);
  });

  it('sends the area counts only the filters they accept', async () => {
    renderAreas('/registry/areas?region=35&sector=batik&stale=true&sort=-name&page=3&q=sekar');
    await screen.findByRole('button', { name: 'Rinci KOTA BATU' });
    expect(Object.fromEntries(areaCalls()[0]!)).toEqual({ region: '35', sector: 'batik', q: 'sekar' });
  });

  it('keeps the filters when switching between the two views', async () => {
    renderAreas('/registry/areas?region=35&sector=batik');
    await screen.findByRole('button', { name: 'Rinci KOTA BATU' });
    expect(screen.getByRole('link', { name: 'Daftar usaha' })).toHaveAttribute('href', '/registry?region=35&sector=batik');
  });
});
