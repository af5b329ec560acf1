import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ancestorCodes } from '../../../lib/places';
import { placeOf } from '../../../test/fixtures';
import { jsonResponse, renderWithI18n, urlOf } from '../../../test/render';
import type { Region } from '../types';
import { RegionPicker } from './RegionPicker';

// A tiny slice of the Kemendagri tree, enough for two provinces and one full branch.
const NAMES: Record<string, string> = {
  '32': 'Jawa Barat',
  '35': 'Jawa Timur',
  '32.73': 'Kota Bandung',
  '35.07': 'Kabupaten Malang',
  '35.73': 'Kota Malang',
  '35.07.01': 'Donomulyo',
  '35.07.20': 'Ngajum',
  '35.07.20.2001': 'Ngajum',
  '35.07.20.2004': 'Banjarsari',
};
function region(code: string): Region {
  return placeOf([...ancestorCodes(code), code].map((c) => ({ code: c, name: NAMES[c]! })));
}

function childrenOf(parent: string | null): Region[] {
  return Object.keys(NAMES)
    .filter((code) => {
      const parts = code.split('.');
      return parent === null ? parts.length === 1 : parts.slice(0, -1).join('.') === parent;
    })
    .map(region);
}

let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;

function requestedUrls(): URL[] {
  return fetchMock.mock.calls.map(([input]) => new URL(urlOf(input), 'http://localhost'));
}

beforeEach(() => {
  fetchMock = vi.fn<typeof fetch>(async (input) => {
    const url = new URL(urlOf(input), 'http://localhost');
    const single = url.pathname.match(/^\/api\/v1\/regions\/([\d.]+)$/);
    if (single) {
      const code = single[1]!;
      return NAMES[code]
        ? jsonResponse(region(code))
        : jsonResponse({ type: 'urn:gotong:problem:not-found', status: 404, errors: [] }, 404);
    }
    if (url.pathname !== '/api/v1/regions') return new Response(null, { status: 404 });
    const q = url.searchParams.get('q');
    const items = q
      ? Object.keys(NAMES)
          .filter((code) => NAMES[code]!.toLowerCase().includes(q.toLowerCase()))
          .map(region)
      : childrenOf(url.searchParams.get('parent'));
    return jsonResponse({ items, total: items.length, limit: 50, offset: 0 });
  });
  vi.stubGlobal('fetch', fetchMock);
});

async function optionsLoaded(label: string, count: number) {
  const select = screen.getByLabelText<HTMLSelectElement>(label);
  // the first option is the "choose …" prompt
  await waitFor(() => expect(select.options).toHaveLength(count + 1));
  return select;
}

describe('RegionPicker', () => {
  it('walks the cascade province → regency → district → village and reports the village', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderWithI18n(<RegionPicker onChange={onChange} searchDelayMs={0} />);

    await user.selectOptions(await optionsLoaded('Provinsi', 2), '35');
    expect(onChange).toHaveBeenLastCalledWith('35', expect.objectContaining({ name: 'Jawa Timur' }));
    await user.selectOptions(await optionsLoaded('Kabupaten/Kota', 2), '35.07');
    await user.selectOptions(await optionsLoaded('Kecamatan', 2), '35.07.20');
    await user.selectOptions(await optionsLoaded('Desa/Kelurahan', 2), '35.07.20.2004');

    expect(onChange).toHaveBeenLastCalledWith(
      '35.07.20.2004',
      expect.objectContaining({ code: '35.07.20.2004', name: 'Banjarsari', level: 'village' }),
    );
    const parents = requestedUrls().map((u) => u.searchParams.get('parent'));
    expect(parents).toEqual([null, '35', '35.07', '35.07.20']);
  });

  it('keeps the lower levels disabled until their parent is chosen', async () => {
    renderWithI18n(<RegionPicker onChange={() => {}} searchDelayMs={0} />);
    await optionsLoaded('Provinsi', 2);
    expect(screen.getByLabelText('Kabupaten/Kota')).toBeDisabled();
    expect(screen.getByLabelText('Kecamatan')).toBeDisabled();
    expect(screen.getByLabelText('Desa/Kelurahan')).toBeDisabled();
  });

  it('clears the deeper choices when a higher level changes', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderWithI18n(<RegionPicker onChange={onChange} searchDelayMs={0} />);
    await user.selectOptions(await optionsLoaded('Provinsi', 2), '35');
    await user.selectOptions(await optionsLoaded('Kabupaten/Kota', 2), '35.07');
    await optionsLoaded('Kecamatan', 2);

    await user.selectOptions(screen.getByLabelText('Provinsi'), '32');
    const regency = await optionsLoaded('Kabupaten/Kota', 1);
    expect(regency).toHaveValue('');
    expect(within(regency).getByRole('option', { name: 'Kota Bandung' })).toBeInTheDocument();
    expect(screen.getByLabelText('Kecamatan')).toBeDisabled();
    expect(onChange).toHaveBeenLastCalledWith('32', expect.objectContaining({ name: 'Jawa Barat' }));
  });

  it('reports the parent when a level is set back to "choose"', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderWithI18n(<RegionPicker onChange={onChange} searchDelayMs={0} />);
    await user.selectOptions(await optionsLoaded('Provinsi', 2), '35');
    await user.selectOptions(await optionsLoaded('Kabupaten/Kota', 2), '35.07');
    await user.selectOptions(screen.getByLabelText('Kabupaten/Kota'), '');
    expect(onChange).toHaveBeenLastCalledWith('35', expect.objectContaining({ code: '35' }));
  });

  it('shows search results with the full path, village first, and fills the cascade on choosing', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderWithI18n(<RegionPicker onChange={onChange} searchDelayMs={0} />);
    await optionsLoaded('Provinsi', 2);

    await user.type(screen.getByLabelText('Cari wilayah'), 'banjar');
    const result = await screen.findByRole('button', { name: /Banjarsari › Ngajum › Kabupaten Malang › Jawa Timur/ });
    expect(result).toHaveTextContent('35.07.20.2004');
    // The results of a shorter query stay listed while the last one loads: wait for its count.
    expect(await screen.findByText('1 wilayah ditemukan.')).toBeInTheDocument();
    const searches = requestedUrls().filter((u) => u.searchParams.has('q'));
    expect(searches.at(-1)!.searchParams.get('q')).toBe('banjar');

    await user.click(result);

    await waitFor(() => expect(screen.getByLabelText('Desa/Kelurahan')).toHaveValue('35.07.20.2004'));
    expect(screen.getByLabelText('Provinsi')).toHaveValue('35');
    expect(screen.getByLabelText('Kabupaten/Kota')).toHaveValue('35.07');
    expect(screen.getByLabelText('Kecamatan')).toHaveValue('35.07.20');
    expect(onChange).toHaveBeenLastCalledWith('35.07.20.2004', expect.objectContaining({ name: 'Banjarsari' }));
    expect(screen.getByLabelText('Cari wilayah')).toHaveValue('');
  });

  it('waits for typing to pause and then searches once', async () => {
    const user = userEvent.setup();
    renderWithI18n(<RegionPicker onChange={() => {}} searchDelayMs={150} />);
    await optionsLoaded('Provinsi', 2);
    await user.type(screen.getByLabelText('Cari wilayah'), 'banjar');
    await screen.findByRole('button', { name: /Banjarsari/ });
    const searches = requestedUrls().filter((u) => u.searchParams.has('q'));
    expect(searches.map((u) => u.searchParams.get('q'))).toEqual(['banjar']);
  });

  it('does not search for fewer than 2 letters', async () => {
    const user = userEvent.setup();
    renderWithI18n(<RegionPicker onChange={() => {}} searchDelayMs={0} />);
    await optionsLoaded('Provinsi', 2);
    await user.type(screen.getByLabelText('Cari wilayah'), 'b');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requestedUrls().some((u) => u.searchParams.has('q'))).toBe(false);
  });

  it('says so when no region matches', async () => {
    const user = userEvent.setup();
    renderWithI18n(<RegionPicker onChange={() => {}} searchDelayMs={0} />);
    await optionsLoaded('Provinsi', 2);
    await user.type(screen.getByLabelText('Cari wilayah'), 'zzz');
    expect(await screen.findByText('Tidak ada wilayah yang cocok.')).toBeInTheDocument();
  });

  it('opens on a saved code given as value, filling every level', async () => {
    const onChange = vi.fn();
    renderWithI18n(<RegionPicker value="35.07.20.2004" onChange={onChange} searchDelayMs={0} />);
    await waitFor(() => expect(screen.getByLabelText('Desa/Kelurahan')).toHaveValue('35.07.20.2004'));
    expect(screen.getByLabelText('Kecamatan')).toHaveValue('35.07.20');
    expect(requestedUrls().some((u) => u.pathname === '/api/v1/regions/35.07.20.2004')).toBe(true);
  });

  it('tells the user when the list cannot be loaded', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse({ type: 'urn:gotong:problem:unavailable', status: 503, errors: [] }, 503),
    );
    renderWithI18n(<RegionPicker onChange={() => {}} searchDelayMs={0} />);
    expect(await screen.findByText('Daftar wilayah tidak dapat dimuat.')).toBeInTheDocument();
  });

  it('labels every control in English when the language is English', async () => {
    renderWithI18n(<RegionPicker onChange={() => {}} searchDelayMs={0} />, 'en');
    await optionsLoaded('Province', 2);
    for (const label of ['Regency/City', 'District', 'Village', 'Search regions']) {
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    }
  });
});
