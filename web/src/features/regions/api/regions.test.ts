import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, urlOf } from '../../../test/render';
import type { Region } from '../types';
import { listChildren } from './regions';

function village(n: number): Region {
  const code = `95.06.03.${2000 + n}`;
  return { code, name: `Desa ${n}`, level: 'village', parent_code: '95.06.03', has_children: false, path: [] };
}

describe('listChildren', () => {
  it('reads page after page until it has the total', async () => {
    const all = Array.from({ length: 250 }, (_, i) => village(i));
    const fetchMock = vi.fn<typeof fetch>(async (input) => {
      const url = new URL(urlOf(input), 'http://localhost');
      const offset = Number(url.searchParams.get('offset'));
      const limit = Number(url.searchParams.get('limit'));
      return jsonResponse({ items: all.slice(offset, offset + limit), total: all.length, limit, offset });
    });
    vi.stubGlobal('fetch', fetchMock);

    const children = await listChildren('95.06.03');

    expect(children).toHaveLength(250);
    expect(children.at(-1)!.code).toBe('95.06.03.2249');
    const offsets = fetchMock.mock.calls.map(([input]) => new URL(urlOf(input), 'http://localhost').searchParams.get('offset'));
    expect(offsets).toEqual(['0', '200']);
  });

  it('stops when the server returns an empty page even if the total says more', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => jsonResponse({ items: [], total: 10, limit: 200, offset: 0 }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(listChildren('35')).resolves.toEqual([]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
