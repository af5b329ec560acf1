import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callsTo, page, problem, routeFetch } from '../../../test/fixtures';
import { compliance, complianceMonth, groupView, MEMBERS } from '../../../test/groups';
import { renderWorkspace } from '../../../test/groups-render';
import { jsonResponse, sentJson, urlOf } from '../../../test/render';
import type { GroupView } from '../types';

let fetchMock: ReturnType<typeof routeFetch>;

function serve(group: GroupView) {
  fetchMock = routeFetch({
    'GET /api/v1/groups/1': () => jsonResponse(group),
    'GET /api/v1/groups/1/compliance': () =>
      jsonResponse(compliance([complianceMonth('2026-02', 1, 3, 4), complianceMonth('2026-03', 2, 6, 8)])),
    'GET /api/v1/groups/1/norms': () =>
      jsonResponse({
        items: [
          {
            id: 1,
            deliberation_id: 3,
            topic: 'market_areas',
            text: 'Bu Sulastri: Pasar Ngajum; Bu Sutini: Pasar Kepanjen',
            adopted_on: '2026-01-05',
            change: null,
          },
          {
            id: 2,
            deliberation_id: 5,
            topic: 'fee_rule',
            text: 'Iuran bulanan naik menjadi Rp 15.000',
            adopted_on: '2026-12-03',
            change: { setting: 'monthly_fee', amount: 15_000, meetings: null, member_id: null, area: null, effective_on: '2027-01-01' },
          },
        ],
      }),
    'GET /api/v1/groups/1/members': () => page(MEMBERS, MEMBERS.length, 200),
    'GET /api/v1/groups/1/meetings': () => page([], 0, 20),
    'GET /api/v1/groups/1/deliberations': () => page([], 0, 20),
    'PATCH /api/v1/groups/1': (_url, init) => jsonResponse({ ...group, ...sentJson<object>(init?.body) }),
  });
}

beforeEach(() => serve(groupView()));

describe('the group workspace summary', () => {
  it("shows the group's status, SOP, active members and this month's compliance", async () => {
    renderWorkspace('/groups/1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Harapan Sejahtera' })).toBeInTheDocument();
    const profile = screen.getByTestId('group-profile');
    expect(profile).toHaveTextContent('Aktif sejak 1 Feb 2026');
    expect(profile).toHaveTextContent('1 kali pertemuan sebulan');
    expect(within(profile).getByRole('link', { name: '4 anggota aktif' })).toHaveAttribute('href', '/groups/1/members');
    expect(profile).toHaveTextContent('Keputusan Kepala Desa Banjarsari No. 12/2019, 1 Maret 2019');
    expect(profile).toHaveTextContent('BANJARSARI › NGAJUM › KABUPATEN MALANG › JAWA TIMUR');

    // The section shows before its compliance has loaded: wait for the month's figures.
    const month = await screen.findByTestId('this-month');
    expect(await within(month).findByRole('heading', { name: 'Bulan ini: Maret 2026' })).toBeInTheDocument();
    expect(month).toHaveTextContent('2 dari 1 pertemuan wajib');
    expect(within(month).getByRole('progressbar', { name: 'Kepatuhan SOP' })).toHaveAttribute('aria-valuetext', 'Kepatuhan SOP: 200%');
    expect(within(month).getByRole('progressbar', { name: 'Kehadiran anggota' })).toHaveAttribute('aria-valuenow', '75');
  });

  it('lists what the group agreed as its rules', async () => {
    renderWorkspace('/groups/1');
    const norms = await screen.findByTestId('norms');
    await waitFor(() => expect(norms).toHaveTextContent('Bu Sulastri: Pasar Ngajum; Bu Sutini: Pasar Kepanjen'));
    expect(norms).toHaveTextContent('Pembagian wilayah pasar · disepakati 5 Jan 2026');
  });

  it('shows the setting an agreed norm changed, and from when', async () => {
    renderWorkspace('/groups/1');
    const norm = await screen.findByTestId('norm-2');
    expect(norm).toHaveTextContent('Iuran bulanan naik menjadi Rp 15.000');
    expect(within(norm).getByTestId('norm-2-change').textContent?.replace(/\u00a0/g, ' ')).toBe(
      'Perubahan yang berlaku: Iuran Rp 15.000 per bulan mulai Januari 2027',
    );
    expect(screen.queryByTestId('norm-1-change')).not.toBeInTheDocument();
  });

  it('has a tab per section, the open one marked', async () => {
    renderWorkspace('/groups/1');
    const tabs = await screen.findByRole('navigation', { name: 'Bagian ruang kerja kelompok' });
    expect(within(tabs).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Ringkasan',
      'Milik saya',
      'Bantuan',
      'Anggota',
      'Pertemuan',
      'Musyawarah',
      'Belajar',
      'Kas',
      'Wilayah pasar',
      'Pesanan bersama',
      'Bahan baku',
      'Berbagi ilmu',
      'Kepatuhan SOP',
      'Pengaturan',
    ]);
    expect(within(tabs).getByRole('link', { name: 'Ringkasan' })).toHaveAttribute('aria-current', 'page');
  });

  describe('on a screen narrower than the row of tabs', () => {
    let scrolled = 0;
    beforeEach(() => {
      scrolled = 0;
      const onRow = <T,>(value: T, other: T) =>
        function (this: HTMLElement) {
          return this.classList.contains('tabs') ? value : other;
        };
      vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockImplementation(onRow(1200, 0));
      vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(onRow(360, 0));
      vi.spyOn(Element.prototype, 'scrollLeft', 'get').mockImplementation(function (this: Element) {
        return this.classList.contains('tabs') ? scrolled : 0;
      });
      vi.spyOn(Element.prototype, 'scrollLeft', 'set').mockImplementation(function (this: Element, value: number) {
        if (this.classList.contains('tabs')) scrolled = Math.max(0, Math.min(840, value));
      });
    });
    afterEach(() => vi.restoreAllMocks());

    it('shows an arrow on the side where more tabs lie, and the arrow scrolls to them', async () => {
      const user = userEvent.setup();
      renderWorkspace('/groups/1');
      const frame = await screen.findByTestId('workspace-tabs');
      const more = await within(frame).findByRole('button', { name: 'Bagian lainnya' });
      expect(frame).toHaveClass('tabs-frame--after');
      expect(within(frame).queryByRole('button', { name: 'Bagian sebelumnya' })).not.toBeInTheDocument();

      await user.click(more);
      expect(scrolled).toBeGreaterThan(0);
      fireEvent.scroll(within(frame).getByRole('navigation'));
      expect(await within(frame).findByRole('button', { name: 'Bagian sebelumnya' })).toBeInTheDocument();

      // At the far end only the way back is left.
      scrolled = 840;
      fireEvent.scroll(within(frame).getByRole('navigation'));
      await waitFor(() => expect(within(frame).queryByRole('button', { name: 'Bagian lainnya' })).not.toBeInTheDocument());
      expect(frame).toHaveClass('tabs-frame--before');
    });
  });

  it('states that the books are open to every member, without a tap, and leads a member to her own records', async () => {
    renderWorkspace('/groups/1');
    await screen.findByTestId('group-profile');
    expect(screen.getByTestId('open-books')).toHaveTextContent(
      'Buku kelompok terbuka: semua anggota dapat melihat kas, iuran setiap anggota, pesanan bersama, suara, dan tulisan berbagi ilmu.',
    );
    expect(screen.getByRole('link', { name: 'Lihat iuran, pesanan, suara, dan tulisan saya' })).toHaveAttribute('href', '/groups/1/mine');
  });

  it('gives a caller who is no member (an officer) the rule but no "mine" tab or link', async () => {
    serve(groupView({ member_id: null, writes: ['profile', 'members'] }));
    renderWorkspace('/groups/1');
    const tabs = await screen.findByRole('navigation', { name: 'Bagian ruang kerja kelompok' });
    expect(screen.getByTestId('open-books')).toBeInTheDocument();
    expect(within(tabs).queryByRole('link', { name: 'Milik saya' })).not.toBeInTheDocument();
    expect(screen.queryByTestId('to-mine')).not.toBeInTheDocument();
  });

  it('offers no status change in the summary: it is in the settings', async () => {
    renderWorkspace('/groups/1');
    await screen.findByTestId('group-profile');
    await screen.findByTestId('norms');
    expect(screen.queryByTestId('status-change')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Bubarkan|status/i })).not.toBeInTheDocument();
  });

  it('says when the group cannot be opened', async () => {
    routeFetch({ 'GET /api/v1/groups/1': () => problem('forbidden', 403) });
    renderWorkspace('/groups/1');
    expect(await screen.findByRole('alert')).toHaveTextContent('Anda tidak punya izin untuk melakukan ini.');
  });

  it('treats an address that is not a group as not found, without asking the server', async () => {
    renderWorkspace('/groups/abc');
    expect(await screen.findByRole('alert')).toHaveTextContent('Data yang dicari tidak ditemukan.');
    expect(callsTo(fetchMock, 'GET /api/v1/groups/abc')).toHaveLength(0);
  });

  it('treats an order address that is not an order as not found', async () => {
    renderWorkspace('/groups/1/orders/0');
    expect(await screen.findByRole('alert')).toHaveTextContent('Data yang dicari tidak ditemukan.');
    expect(fetchMock.mock.calls.some(([input]) => urlOf(input).includes('/orders'))).toBe(false);
  });

  it('marks the open tab of the second part of the workspace', async () => {
    serve(groupView());
    renderWorkspace('/groups/1/knowledge');
    const tabs = await screen.findByRole('navigation', { name: 'Bagian ruang kerja kelompok' });
    expect(within(tabs).getByRole('link', { name: 'Berbagi ilmu' })).toHaveAttribute('aria-current', 'page');
    expect(within(tabs).getByRole('link', { name: 'Kas' })).toHaveAttribute('href', '/groups/1/treasury');
  });

  it('gives every reader the learning tab the app hands over, with the cycle the address names and the workspace’s addresses', async () => {
    serve(groupView({ writes: ['posts'], member_id: 14 }));
    const list = renderWorkspace('/groups/1/learning');
    const tabs = await screen.findByRole('navigation', { name: 'Bagian ruang kerja kelompok' });
    expect(within(tabs).getByRole('link', { name: 'Belajar' })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByTestId('learning-cycle')).toHaveTextContent('1:list');
    expect(screen.getByTestId('learning-paths')).toHaveTextContent(
      '/groups/1/learning /groups/1/learning/4 /groups/1/deliberations/7 /groups/1/meetings/9',
    );
    list.unmount();
    renderWorkspace('/groups/1/learning/4');
    expect(await screen.findByTestId('learning-cycle')).toHaveTextContent('1:4');
    expect(within(screen.getByRole('navigation', { name: 'Bagian ruang kerja kelompok' })).getByRole('link', { name: 'Belajar' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('treats a cycle address that is not a cycle as not found, and has no learning tab without the app’s', async () => {
    const bad = renderWorkspace('/groups/1/learning/x');
    expect(await screen.findByRole('alert')).toHaveTextContent('Data yang dicari tidak ditemukan.');
    expect(screen.queryByTestId('learning-slot')).not.toBeInTheDocument();
    bad.unmount();
    renderWorkspace('/groups/1', { LearningSection: undefined });
    const tabs = await screen.findByRole('navigation', { name: 'Bagian ruang kerja kelompok' });
    expect(within(tabs).queryByRole('link', { name: 'Belajar' })).not.toBeInTheDocument();
  });
});

describe('buttons follow what the caller may write', () => {
  beforeEach(() => serve(groupView({ writes: ['posts'], member_id: 14 })));

  it('gives a member no settings tab, and the settings address says who changes them', async () => {
    const first = renderWorkspace('/groups/1');
    const tabs = await screen.findByRole('navigation', { name: 'Bagian ruang kerja kelompok' });
    expect(within(tabs).queryByRole('link', { name: 'Pengaturan' })).not.toBeInTheDocument();
    expect(within(tabs).getAllByRole('link')).toHaveLength(13);
    first.unmount();
    renderWorkspace('/groups/1/settings');
    expect(await screen.findByText(/Pengaturan kelompok hanya dapat diubah oleh ketua kelompok/)).toBeInTheDocument();
    expect(screen.queryByTestId('status-change')).not.toBeInTheDocument();
  });

  it('hides "add member" from a member', async () => {
    renderWorkspace('/groups/1/members');
    await screen.findByTestId('member-list');
    expect(screen.queryByRole('button', { name: 'Tambah anggota' })).not.toBeInTheDocument();
  });

  it('hides "record a meeting" from a member', async () => {
    renderWorkspace('/groups/1/meetings');
    await screen.findByText('Belum ada pertemuan yang dicatat.');
    expect(screen.queryByRole('button', { name: 'Catat pertemuan' })).not.toBeInTheDocument();
  });

  it('hides "new proposal" from a member', async () => {
    renderWorkspace('/groups/1/deliberations');
    await screen.findByText('Belum ada usulan.');
    expect(screen.queryByRole('button', { name: 'Usulan baru' })).not.toBeInTheDocument();
  });

  it('shows all of them to the leader', async () => {
    serve(groupView());
    renderWorkspace('/groups/1/members');
    expect(await screen.findByRole('button', { name: 'Tambah anggota' })).toBeInTheDocument();
  });

  it('says a dissolved group keeps its records and offers no status change', async () => {
    serve(groupView({ status: 'dissolved', writes: [] }));
    renderWorkspace('/groups/1');
    expect(await screen.findByText(/Kelompok ini sudah bubar/)).toBeInTheDocument();
    expect(screen.queryByTestId('status-change')).not.toBeInTheDocument();
  });
});
