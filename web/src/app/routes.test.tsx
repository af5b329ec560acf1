import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setSessionHint } from '../features/auth/api/session-hint';
import type { Role } from '../lib/user';
import { page, routeFetch } from '../test/fixtures';
import { compliance, groupView, regionCompliance } from '../test/groups';
import { renderApp } from '../test/app';
import { jsonResponse, LAZY_CHUNK } from '../test/render';

function signedInAs(role: Role, scope: { kind: 'stakeholder' | 'programme' | 'group'; id: number } | null = null) {
  setSessionHint(true); // this browser signed in before: the app asks GET /me
  return routeFetch({
    'GET /api/v1/me': () =>
      jsonResponse({
        user: { id: 1, username: 'u', display_name: 'Pengguna Uji', role, scope, disabled: false, created_at: '' },
        csrf_token: 'c',
      }),
    'GET /api/v1/groups': () => page([]),
    'GET /api/v1/groups/7': () => jsonResponse(groupView({ id: 7, name: 'Kelompok Tujuh', writes: [], member_id: 3 })),
    'GET /api/v1/groups/7/compliance': () => jsonResponse(compliance()),
    'GET /api/v1/groups/compliance': () => jsonResponse(regionCompliance()),
    'GET /api/v1/groups/7/norms': () => jsonResponse({ items: [] }),
    'GET /api/v1/sectors': () => jsonResponse({ items: [] }),
    'GET /api/v1/enterprises': () => page([]),
    'GET /api/v1/regions': () => page([]),
    'GET /api/v1/stakeholders': () => page([]),
    'GET /api/v1/imports': () => page([]),
    'GET /api/v1/people': () => page([]),
    'GET /api/v1/programmes': () => page([]),
    'GET /api/v1/dashboards/equity': () => jsonResponse(EMPTY_EQUITY),
    'GET /api/v1/dashboards/helix': () =>
      jsonResponse({ nodes: [], edges: [], programmes_total: 0, programmes_shown: 0, max_programmes: 500, truncated: false, helixes: [] }),
  });
}

const NOTHING = { enterprises: 0, enterprises_served: 0, groups_served: 0, records: 0, value: 0, share_served: null, value_per_enterprise: null };
const EMPTY_EQUITY = {
  by: 'region',
  level: 'province',
  region: null,
  filters: { from: null, to: null, kind: null, helix: null, programme_id: null },
  rows: [],
  totals: { key: 'total', name: 'total', ...NOTHING },
  never_served: [],
  groups_never_served: { items: [], total: 0, limit: 25, offset: 0 },
  counted_from: { assistance: 'tallies', served: 'tallies' },
};

async function navLinks() {
  const nav = await screen.findByTestId('primary-nav');
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent);
}

describe('navigation and route guards by role', () => {
  it('gives an officer the registry, renewal, import and stakeholder pages', async () => {
    signedInAs('officer');
    renderApp('/');
    expect(await navLinks()).toEqual(
      expect.arrayContaining(['Registri UMKM', 'Pemutakhiran data', 'Impor data', 'Pemangku kepentingan']),
    );
  });

  it('gives a facilitator the registry to read, but no renewal or import', async () => {
    signedInAs('facilitator');
    renderApp('/');
    const links = await navLinks();
    expect(links).toContain('Registri UMKM');
    expect(links).not.toContain('Pemutakhiran data');
    expect(links).not.toContain('Impor data');
  });

  it('gives a group member none of the registry pages, only stakeholders', async () => {
    signedInAs('member');
    renderApp('/');
    const links = await navLinks();
    expect(links).not.toContain('Registri UMKM');
    expect(links).toContain('Pemangku kepentingan');
  });

  it('says in words that a page is not for the role, and links the pages the role can open', async () => {
    signedInAs('facilitator');
    renderApp('/imports');
    expect(await screen.findByRole('heading', { level: 1, name: 'Halaman ini bukan untuk peran Anda' })).toBeInTheDocument();
    expect(screen.getByTestId('forbidden')).toHaveTextContent('Anda masuk sebagai Fasilitator, dan halaman ini dipakai peran lain.');
    const links = within(screen.getByTestId('forbidden-links')).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual(
      expect.arrayContaining([
        ['Beranda', '/'],
        ['Registri UMKM', '/registry'],
        ['Kelompok', '/groups'],
        ['Akun', '/account'],
      ]),
    );
    expect(links.map((link) => link.textContent)).not.toContain('Impor data');
  });

  it('gives a group member the way back to her group from the registry', async () => {
    signedInAs('member', { kind: 'group', id: 7 });
    renderApp('/registry');
    expect(await screen.findByRole('heading', { level: 1, name: 'Halaman ini bukan untuk peran Anda' })).toBeInTheDocument();
    const links = within(screen.getByTestId('forbidden-links')).getAllByRole('link').map((link) => link.textContent);
    expect(links).toEqual(['Beranda', 'Pemangku kepentingan', 'Kelompok', 'Kompetensi', 'Pilihan program saya', 'Akun']);
  });

  it('opens the dashboards at the equity page for an officer and at the helix page for a facilitator', async () => {
    signedInAs('officer');
    const officer = renderApp('/dashboards');
    expect(await screen.findByRole('heading', { level: 1, name: 'Dasbor pemerataan' }, LAZY_CHUNK)).toBeInTheDocument();
    officer.unmount();
    signedInAs('facilitator');
    renderApp('/dashboards');
    expect(await screen.findByRole('heading', { level: 1, name: 'Quadruple helix' }, LAZY_CHUNK)).toBeInTheDocument();
    expect(await navLinks()).toContain('Dasbor');
  });

  it('opens the registry for an officer', async () => {
    signedInAs('officer');
    renderApp('/registry');
    expect(await screen.findByRole('heading', { level: 1, name: 'Registri UMKM' })).toBeInTheDocument();
    expect(await screen.findByText('0 usaha ditemukan')).toBeInTheDocument();
  });

  it('opens the group list for an officer, with the new-group button', async () => {
    signedInAs('officer', { kind: 'stakeholder', id: 1 });
    renderApp('/groups');
    expect(await screen.findByRole('heading', { level: 1, name: 'Kelompok' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Kelompok baru' })).toHaveAttribute('href', '/groups/new');
  });

  it("takes a group's own account straight to its group's workspace", async () => {
    signedInAs('group_leader', { kind: 'group', id: 7 });
    renderApp('/groups');
    expect(await screen.findByRole('heading', { level: 1, name: 'Kelompok Tujuh' }, LAZY_CHUNK)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Semua kelompok' })).not.toBeInTheDocument();
  });

  it("opens a region's SOP compliance for a facilitator, not as a group's page", async () => {
    signedInAs('facilitator', { kind: 'programme', id: 1 });
    renderApp('/groups/compliance');
    expect(await screen.findByRole('heading', { level: 1, name: 'Kepatuhan SOP per wilayah' })).toBeInTheDocument();
    expect(await screen.findByTestId('band-chart', {}, LAZY_CHUNK)).toHaveTextContent('Sebaran kepatuhan');
    expect(screen.getByRole('link', { name: 'Kelompok Tani Makmur' })).toHaveAttribute('href', '/groups/2');
  });

  it("keeps a region's SOP compliance from a group member", async () => {
    signedInAs('member', { kind: 'group', id: 7 });
    renderApp('/groups/compliance');
    expect(await screen.findByRole('heading', { level: 1, name: 'Halaman ini bukan untuk peran Anda' })).toBeInTheDocument();
  });

  it('keeps the new-group form from a facilitator', async () => {
    signedInAs('facilitator', { kind: 'programme', id: 1 });
    renderApp('/groups/new');
    expect(await screen.findByRole('heading', { level: 1, name: 'Halaman ini bukan untuk peran Anda' })).toBeInTheDocument();
  });

  it('gives a facilitator the business owners to read', async () => {
    signedInAs('facilitator', { kind: 'programme', id: 1 });
    renderApp('/people');
    expect(await screen.findByRole('heading', { level: 1, name: 'Pemilik usaha' }, LAZY_CHUNK)).toBeInTheDocument();
    expect(await navLinks()).toContain('Pemilik usaha');
  });

  it('keeps the business owners’ edit form from a facilitator', async () => {
    signedInAs('facilitator', { kind: 'programme', id: 1 });
    renderApp('/people/12/edit');
    expect(await screen.findByRole('heading', { level: 1, name: 'Halaman ini bukan untuk peran Anda' })).toBeInTheDocument();
  });

  it('keeps the business owners from a group member', async () => {
    signedInAs('member', { kind: 'group', id: 7 });
    renderApp('/people');
    expect(await screen.findByRole('heading', { level: 1, name: 'Halaman ini bukan untuk peran Anda' })).toBeInTheDocument();
    expect(await navLinks()).not.toContain('Pemilik usaha');
  });
});
