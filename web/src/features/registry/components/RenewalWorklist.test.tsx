import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { callsTo, enterprise, FakeRegionPicker, page, problem, renderAt, routeFetch } from '../../../test/fixtures';
import { setViewportWidth } from '../../../test/media';
import { jsonResponse } from '../../../test/render';
import type { Enterprise } from '../types';
import { RenewalWorklist } from './RenewalWorklist';

let stale: Enterprise[];
let fetchMock: ReturnType<typeof routeFetch>;

beforeEach(() => {
  setViewportWidth(360);
  stale = [
    enterprise({ id: 1, name: 'Warung Bu Sri', verified_at: null, sector: 'culinary' }),
    enterprise({ id: 2, name: 'Batik Sekar Arum', verified_at: '2024-01-10T03:00:00Z' }),
    enterprise({ id: 3, name: 'Keripik Apel', verified_at: '2024-06-01T03:00:00Z', sector: 'food_processing' }),
  ];
  fetchMock = routeFetch({
    'GET /api/v1/enterprises': () => page(stale, stale.length, 50),
    'POST /api/v1/enterprises/1/verify': () => {
      stale = stale.filter((e) => e.id !== 1);
      return jsonResponse(enterprise({ id: 1, stale: false }));
    },
    'POST /api/v1/enterprises/2/verify': () => problem('forbidden', 403),
  });
});

function renderWorklist(at = '/renewal?village=35.79.03.2001') {
  return renderAt(<RenewalWorklist RegionPicker={FakeRegionPicker} />, { path: '/renewal', at });
}

const titles = () =>
  within(screen.getByTestId('worklist'))
    .getAllByRole('heading', { level: 2 })
    .map((h) => h.textContent);

describe('RenewalWorklist', () => {
  it('lists the stale enterprises of the village, the longest unchecked first', async () => {
    renderWorklist();
    await screen.findByTestId('worklist');
    expect(titles()).toEqual(['Warung Bu Sri', 'Batik Sekar Arum', 'Keripik Apel']);
    const params = callsTo(fetchMock, 'GET /api/v1/enterprises')[0]!.url.searchParams;
    expect(Object.fromEntries(params)).toEqual({
      region: '35.79.03.2001',
      stale: 'true',
      sort: 'verified_at',
      limit: '50',
      offset: '0',
    });
    expect(screen.getByTestId('worklist-remaining')).toHaveTextContent('3 usaha perlu diperbarui.');
    expect(screen.getByText('Belum pernah diverifikasi')).toBeInTheDocument();
  });

  it('takes a verified enterprise off the list and moves the focus to the next one', async () => {
    const user = userEvent.setup();
    renderWorklist();
    await screen.findByTestId('worklist');
    await user.click(screen.getByRole('button', { name: 'Warung Bu Sri: data masih benar' }));
    await waitFor(() => expect(titles()).toEqual(['Batik Sekar Arum', 'Keripik Apel']));
    expect(screen.getByText('Warung Bu Sri sudah diverifikasi.')).toBeInTheDocument();
    expect(screen.getByTestId('worklist-remaining')).toHaveTextContent('2 usaha perlu diperbarui.');
    expect(screen.getByRole('heading', { level: 2, name: 'Batik Sekar Arum' })).toHaveFocus();
    expect(callsTo(fetchMock, 'POST /api/v1/enterprises/1/verify')).toHaveLength(1);
  });

  it('keeps the enterprise and explains when verifying fails', async () => {
    const user = userEvent.setup();
    renderWorklist();
    await screen.findByTestId('worklist');
    await user.click(screen.getByRole('button', { name: 'Batik Sekar Arum: data masih benar' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Anda tidak punya izin untuk melakukan ini.');
    expect(titles()).toContain('Batik Sekar Arum');
  });

  it('opens the edit form to correct, coming back to this village afterwards', async () => {
    renderWorklist();
    await screen.findByTestId('worklist');
    expect(screen.getByRole('link', { name: 'Keripik Apel: perbaiki data' })).toHaveAttribute(
      'href',
      '/registry/3/edit?renewal=1&back=%2Frenewal%3Fvillage%3D35.79.03.2001',
    );
  });

  it('thanks the officer when the village is done', async () => {
    const user = userEvent.setup();
    stale = [stale[0]!];
    renderWorklist();
    await screen.findByTestId('worklist');
    await user.click(screen.getByRole('button', { name: 'Warung Bu Sri: data masih benar' }));
    expect(await screen.findByText('Semua data usaha di desa/kelurahan ini sudah mutakhir. Terima kasih!')).toBeInTheDocument();
  });

  it('fetches the next ones when a full page is done and more are waiting', async () => {
    const user = userEvent.setup();
    let round = 0;
    routeFetch({
      'GET /api/v1/enterprises': () => {
        round += 1;
        return round === 1 ? page([stale[0]!], 2, 50) : page([stale[2]!], 1, 50);
      },
      'POST /api/v1/enterprises/1/verify': () => jsonResponse(enterprise({ id: 1, stale: false })),
    });
    renderWorklist();
    await screen.findByTestId('worklist');
    await user.click(screen.getByRole('button', { name: 'Warung Bu Sri: data masih benar' }));
    await waitFor(() => expect(titles()).toEqual(['Keripik Apel']));
  });

  it('asks for a village and loads nothing until one is chosen', async () => {
    const user = userEvent.setup();
    renderWorklist('/renewal');
    expect(screen.getByText('Pilih sampai tingkat desa/kelurahan untuk melihat daftarnya.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'pick regency' }));
    expect(screen.getByText('Pilih sampai tingkat desa/kelurahan untuk melihat daftarnya.')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'GET /api/v1/enterprises')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'pick village' }));
    await screen.findByTestId('worklist');
    expect(screen.getByTestId('location')).toHaveTextContent('/renewal?village=35.79.03.2001');
  });
});
