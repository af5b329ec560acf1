// Shared test helpers for the registry, stakeholder and import pages: a routed render, a fetch
// stub that answers by method and path, a stand-in region picker, and sample records.
import { within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { Route, Routes, UNSAFE_createMemoryHistory, unstable_HistoryRouter as HistoryRouter, useLocation } from 'react-router';
import { vi } from 'vitest';
import type { Enterprise } from '../features/registry/types';
import type { Language } from '../lib/i18n';
import { guardHistory, NavigationGuard, NavigationGuardContext } from '../lib/navigation-guard';
import { levelOfCode, type Place, type PlaceRef, type RegionPickerSlotProps } from '../lib/places';
import { jsonResponse, renderWithI18n, urlOf } from './render';

type Answer = Response | Promise<Response>;
export type Handler = (url: URL, init: RequestInit | undefined) => Answer;

/** A fetch stub: `routes` maps "GET /api/v1/enterprises" to a handler; anything else is a 404 problem. */
export function routeFetch(routes: Record<string, Handler>) {
  const mock = vi.fn<typeof fetch>(async (input, init) => {
    const url = new URL(urlOf(input), 'http://localhost');
    const handler = routes[`${init?.method ?? 'GET'} ${url.pathname}`];
    if (handler) return handler(url, init);
    return jsonResponse({ type: 'urn:gotong:problem:not-found', title: 'Not found', status: 404, errors: [] }, 404);
  });
  vi.stubGlobal('fetch', mock);
  return mock;
}

/** The calls made to one "METHOD /path", as URLs with their request. */
export function callsTo(mock: ReturnType<typeof routeFetch>, key: string): { url: URL; init: RequestInit | undefined }[] {
  return mock.mock.calls
    .map(([input, init]) => ({ url: new URL(urlOf(input), 'http://localhost'), init }))
    .filter(({ url, init }) => `${init?.method ?? 'GET'} ${url.pathname}` === key);
}

export function problem(
  slug: string,
  status: number,
  errors: { field: string; code: string; message?: string; params?: Record<string, string> }[] = [],
) {
  return jsonResponse(
    {
      type: `urn:gotong:problem:${slug}`,
      title: slug,
      status,
      detail: '',
      errors: errors.map((e) => ({ message: '', ...e })),
    },
    status,
  );
}

/** Shows where the app navigated to, so tests can read the address. */
function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

/** A memory history guarded as the app's browser history is, and its guard. */
export function guardedMemoryHistory(entries: string[], index = entries.length - 1) {
  const guard = new NavigationGuard();
  const history = guardHistory(UNSAFE_createMemoryHistory({ initialEntries: entries, initialIndex: index, v5Compat: true }), guard);
  return { guard, history };
}

/**
 * Renders `element` at `path` (a route pattern) with the browser at `at`, plus a location probe,
 * in a router guarded as the app's is (a page with unsaved work may stop a navigation).
 */
export function renderAt(
  element: ReactElement,
  {
    path,
    at,
    others = {},
    language = 'id',
  }: { path: string; at: string; others?: Record<string, ReactElement>; language?: Language },
) {
  const { guard, history } = guardedMemoryHistory([at]);
  return renderWithI18n(
    <NavigationGuardContext.Provider value={guard}>
      <HistoryRouter history={history}>
        <Routes>
          <Route path={path} element={element} />
          {Object.entries(others).map(([p, e]) => (
            <Route key={p} path={p} element={e} />
          ))}
          <Route path="*" element={<p>{'elsewhere'}</p>} />
        </Routes>
        <LocationProbe />
      </HistoryRouter>
    </NavigationGuardContext.Provider>,
    language,
  );
}

/** Stands in for the regions feature's picker: two buttons choose a fixed village or regency. */
export function FakeRegionPicker({ value, onChange, label }: RegionPickerSlotProps) {
  return (
    <fieldset>
      <legend>{label ?? 'Wilayah'}</legend>
      <output data-testid="picker-value">{value ?? ''}</output>
      <button type="button" onClick={() => onChange(VILLAGE.code, VILLAGE)}>
        {'pick village'}
      </button>
      <button type="button" onClick={() => onChange(KOTA_BATU.code, KOTA_BATU)}>
        {'pick regency'}
      </button>
    </fieldset>
  );
}

/** A place as the API embeds it, from its path (province first, the place itself last). */
export function placeOf(path: PlaceRef[]): Place {
  const self = path[path.length - 1]!;
  const level = levelOfCode(self.code);
  return { ...self, level, parent_code: path[path.length - 2]?.code ?? null, has_children: level !== 'village', path };
}

export const KOTA_BATU: Place = placeOf([
  { code: '35', name: 'JAWA TIMUR' },
  { code: '35.79', name: 'KOTA BATU' },
]);

export const VILLAGE: Place = placeOf([
  ...KOTA_BATU.path,
  { code: '35.79.03', name: 'BUMIAJI' },
  { code: '35.79.03.2001', name: 'Sisir' },
]);

export function enterprise(overrides: Partial<Enterprise> = {}): Enterprise {
  return {
    id: 7,
    owner: { id: 12, name: 'Siti Aminah', gender: 'female' },
    name: 'Batik Sekar Arum',
    sector: 'batik',
    kbli: '13134',
    products: 'batik tulis, ecoprint',
    business_centre: 'Sentra Batik Bumiaji',
    village_code: '35.79.03.2001',
    village: VILLAGE,
    founded_year: 2015,
    employees: 4,
    capital: 25_000_000,
    turnover: 180_000_000,
    nib: '1234567890123',
    status: 'active',
    scale: 'micro',
    scale_criterion: 'turnover',
    verified_at: '2024-01-10T03:00:00Z',
    verified_by: { id: 2, username: 'dinas1' },
    stale: true,
    steward_id: 3,
    created_at: '2023-05-01T02:00:00Z',
    updated_at: '2024-01-10T03:00:00Z',
    ...overrides,
  };
}

export function page<T>(items: T[], total = items.length, limit = 25, offset = 0) {
  return jsonResponse({ items, total, limit, offset });
}

/** jsdom cannot save files: record what would have been saved instead. */
export function stubDownloads() {
  const created = vi.fn((blob: Blob) => {
    void blob;
    return 'blob:gotong/1';
  });
  URL.createObjectURL = created;
  URL.revokeObjectURL = vi.fn();
  const clicks = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  return { created, clicks };
}

/** Fills a form by its labels, in the order given: picks in a select, types into any other box. */
export async function fill(user: UserEvent, container: HTMLElement, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    const control = within(container).getByLabelText(label);
    if (control instanceof HTMLSelectElement) await user.selectOptions(control, value);
    else await user.type(control, value);
  }
}
