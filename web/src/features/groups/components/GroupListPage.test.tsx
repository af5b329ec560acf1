import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../../lib/user';
import { callsTo, page, problem, renderAt, routeFetch } from '../../../test/fixtures';
import { groupView } from '../../../test/groups';
import type { Group } from '../types';
import { GroupListPage } from './GroupListPage';

function group(overrides: Partial<Group>): Group {
  const { writes: _writes, member_id: _member, ...plain } = groupView(overrides);
  return plain;
}

const GROUPS = [
  group({}),
  group({ id: 2, name: 'Batik Sekar Jagad', kind: 'learning_community', sector: 'batik', status: 'embryo', active_members: 1, business_centre: null }),
];

let fetchMock: ReturnType<typeof routeFetch>;

beforeEach(() => {
  fetchMock = routeFetch({ 'GET /api/v1/groups': () => page(GROUPS, 2, 20) });
});

function renderList(role: Role = 'officer', at = '/groups') {
  return renderAt(<GroupListPage role={role} />, { path: '/groups', at });
}

const lastQuery = () => callsTo(fetchMock, 'GET /api/v1/groups').at(-1)!.url.searchParams;

describe('GroupListPage', () => {
  it('shows one card per group with its name, village, kind, status and active members', async () => {
    renderList();
    const card = await screen.findByTestId('group-card-1');
    expect(within(card).getByRole('link', { name: 'Harapan Sejahtera' })).toHaveAttribute('href', '/groups/1');
    expect(card).toHaveTextContent('BANJARSARI, NGAJUM, KABUPATEN MALANG');
    expect(card).toHaveTextContent('Kelompok Usaha Bersama (KUB) · Olahan pangan · sentra tape Ngajum');
    expect(within(card).getByTestId('group-status')).toHaveTextContent('Aktif');
    expect(card).toHaveTextContent('4 anggota aktif');
    const second = screen.getByTestId('group-card-2');
    expect(second).toHaveTextContent('Komunitas belajar · Batik');
    expect(within(second).getByTestId('group-status')).toHaveTextContent('Rintisan');
    expect(screen.getByTestId('group-total')).toHaveTextContent('2 kelompok');
  });

  it('offers "new group" to admins and officers only', async () => {
    renderList('officer');
    expect(await screen.findByRole('link', { name: 'Kelompok baru' })).toHaveAttribute('href', '/groups/new');
  });

  it('hides "new group" from a facilitator', async () => {
    renderList('facilitator');
    await screen.findByTestId('group-card-1');
    expect(screen.queryByRole('link', { name: 'Kelompok baru' })).not.toBeInTheDocument();
  });

  it('leads offices and programmes to the SOP compliance of a whole region', async () => {
    for (const role of ['admin', 'officer', 'facilitator'] as const) {
      const { unmount } = renderList(role);
      expect(await screen.findByRole('link', { name: 'Kepatuhan SOP per wilayah' })).toHaveAttribute(
        'href',
        '/groups/compliance',
      );
      unmount();
    }
  });

  it("hides the region's compliance from a group member's account", async () => {
    renderList('member');
    await screen.findByTestId('group-card-1');
    expect(screen.queryByRole('link', { name: 'Kepatuhan SOP per wilayah' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Kelompok baru' })).not.toBeInTheDocument();
  });

  it('searches by name and filters by status, keeping both in the address', async () => {
    const user = userEvent.setup();
    renderList();
    await screen.findByTestId('group-card-1');
    await user.type(screen.getByLabelText('Cari nama kelompok'), 'harapan');
    await user.click(screen.getByRole('button', { name: 'Cari' }));
    await waitFor(() => expect(lastQuery().get('q')).toBe('harapan'));
    await user.selectOptions(screen.getByLabelText('Status kelompok'), 'inactive');
    await waitFor(() => expect(lastQuery().get('status')).toBe('inactive'));
    expect(lastQuery().get('q')).toBe('harapan');
    expect(screen.getByTestId('location')).toHaveTextContent('/groups?q=harapan&status=inactive');
  });

  it('opens with the filters the address carries', async () => {
    renderList('officer', '/groups?status=embryo&kind=cooperative&page=2');
    await screen.findByTestId('group-card-1');
    expect(Object.fromEntries(lastQuery())).toEqual({ status: 'embryo', kind: 'cooperative', limit: '20', offset: '20' });
    expect(screen.getByLabelText('Status kelompok')).toHaveValue('embryo');
  });

  it('says so when nothing matches', async () => {
    routeFetch({ 'GET /api/v1/groups': () => page([], 0, 20) });
    renderList();
    expect(await screen.findByText('Tidak ada kelompok yang cocok.')).toBeInTheDocument();
  });

  it('shows the failure in words when the list cannot be loaded', async () => {
    routeFetch({ 'GET /api/v1/groups': () => problem('forbidden', 403) });
    renderList();
    expect(await screen.findByRole('alert')).toHaveTextContent('Anda tidak punya izin untuk melakukan ini.');
  });
});
