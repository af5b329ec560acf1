import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../../lib/api-client';
import { callsTo, FakeRegionPicker, page, problem, renderAt, routeFetch } from '../../../test/fixtures';
import { heroRecord, OFFICER, programmeDashboard, programmeView } from '../../../test/programmes';
import { jsonResponse, LAZY_CHUNK, sentJson } from '../../../test/render';
import type { ExitView, GroupFollowUps, Nomination } from '../types';
import { ProgrammesPages } from './programmes-pages';

const PROGRAMME = programmeView({
  name: 'Pendampingan Kelompok Tape',
  owner: { id: 2, name: 'YBM BRILiaN' },
  starts_on: '2025-09-01',
  ends_on: '2026-08-31',
  budget: 50_000_000,
  partners: [{ stakeholder_id: 2, name: 'YBM BRILiaN', role: 'owner', helix: 'civil_society', contribution: null }],
  criteria: { region_codes: [], sectors: [], scales: [], founded_within_years: null, homogeneous: false, categories: [] },
});

const GROUP = { id: 9, name: 'Harapan Sejahtera' };
const unchecked = { met: false, evidence: null, checked_on: null };

const NOMINATION: Nomination = {
  id: 1,
  member_id: 31,
  hero_name: 'Sulastri',
  nominated_on: '2026-08-01',
  note: 'Pemrakarsa kelompok.',
  checklist: { leads_meetings: { met: true, evidence: 'Memimpin rapat bulanan.', checked_on: '2026-08-10' }, keeps_books: unchecked, outside_network: unchecked },
  unmet: ['keeps_books', 'outside_network'],
  hand_over: null,
  replaced_at: null,
  created_at: '2026-08-01T00:00:00Z',
  updated_at: '2026-08-10T00:00:00Z',
};

const EXIT: ExitView = {
  enrolment_id: 4,
  group: GROUP,
  status: 'nominated',
  current: NOMINATION,
  record: heroRecord({ ledger_entries: 0 }),
  history: [{ ...NOMINATION, id: 0, member_id: 32, hero_name: 'Ibu Darmi', nominated_on: '2026-07-01', replaced_at: '2026-08-01T03:00:00Z' }],
  can_manage: true,
};

const FOLLOW_UPS: GroupFollowUps = {
  enrolment_id: 4,
  group: GROUP,
  schedule: [
    { month: 3, due_on: '2026-11-30', state: 'overdue', follow_up_id: null, visited_on: null },
    { month: 6, due_on: '2027-02-28', state: 'upcoming', follow_up_id: null, visited_on: null },
  ],
  visits: [],
};

const DASHBOARD = programmeDashboard();

let fetchMock: ReturnType<typeof routeFetch>;

beforeEach(() => {
  api.setCsrfToken('csrf-1');
  fetchMock = routeFetch({
    'GET /api/v1/programmes/7': () => jsonResponse(PROGRAMME),
    'GET /api/v1/programmes/7/dashboard': () => jsonResponse(DASHBOARD),
    'GET /api/v1/programmes/7/exits': () => page([{ enrolment_id: 4, group: GROUP, status: 'nominated', current: NOMINATION }], 1, 25),
    'GET /api/v1/programmes/7/exits/9': () => jsonResponse(EXIT),
    'POST /api/v1/programmes/7/exits/9/hand-over': () =>
      problem('conflict', 409, [
        { field: 'checklist.keeps_books', code: 'unmet', params: { item: 'keeps_books' } },
        { field: 'checklist.outside_network', code: 'unmet', params: { item: 'outside_network' } },
      ]),
    'POST /api/v1/programmes/7/exits/9/nominations': () => jsonResponse({ ...EXIT, current: { ...NOMINATION, member_id: 32, hero_name: 'Ibu Darmi' } }, 201),
    'GET /api/v1/groups/9/members': () =>
      page(
        [
          { id: 31, person: { id: 1, name: 'Sulastri' }, role: 'leader', left_on: null },
          { id: 32, person: { id: 2, name: 'Ibu Darmi' }, role: 'treasurer', left_on: null },
          { id: 33, person: { id: 3, name: 'Bu Sri' }, role: 'member', left_on: '2026-01-01' },
        ],
        3,
        200,
      ),
    'GET /api/v1/programmes/7/follow-ups': () => jsonResponse({ items: [FOLLOW_UPS], total: 1, limit: 25, offset: 0, ends_on: '2026-08-31', follow_up_months: [3, 6], ended: true }),
    'POST /api/v1/programmes/7/follow-ups': () =>
      problem('invalid-input', 400, [{ field: 'visited_on', code: 'before_programme_end', params: { ends_on: '2026-08-31' } }]),
  });
});

function renderTab(tab: string) {
  return renderAt(<ProgrammesPages view="programme" user={OFFICER} RegionPicker={FakeRegionPicker} />, { path: '/programmes/:id/:tab?', at: `/programmes/7/${tab}` });
}

describe('the programme dashboard', () => {
  it('says each figure in words, draws it, and keeps its table behind the chart', async () => {
    renderTab('dashboard');
    expect(await screen.findByTestId('dashboard-par30')).toHaveTextContent('33,3%');
    expect(screen.getByTestId('dashboard-loans')).toHaveTextContent('1 dari 2 pinjaman berjalan terlambat lebih dari 30 hari; pokok berisiko Rp 3.000.000 dari Rp 9.000.000.');
    expect(screen.getByTestId('dashboard-exits')).toHaveTextContent('0 diserahkan, 0 siap, 1 dicalonkan, 0 belum ada calon.');
    expect(screen.getByTestId('dashboard-follow-ups')).toHaveTextContent('0 kunjungan selesai, 1 terlambat, 1 akan datang.');
    expect(screen.getByTestId('dashboard-completion')).toHaveTextContent('75% kompetensi sasaran tercapai (6 dari 8)');
    expect(screen.getByTestId('chart-loans-days_61_90')).toHaveTextContent('61–90 hari1');
    expect(within(screen.getByTestId('budget-table')).getByText('Rp 50.000.000')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Dasbor' })).toHaveAttribute('href', '/programmes/7/dashboard');
    await waitFor(() => expect(screen.getByTestId('chart-exits').querySelector('.recharts-wrapper')).not.toBeNull(), LAZY_CHUNK);
  }, 20_000);
});

describe('the exit and follow-ups tab', () => {
  it('shows the hero with her history and what the records say, and words a refused hand-over by its unmet items', async () => {
    const user = userEvent.setup();
    renderTab('exits');
    const card = await screen.findByTestId('exit-group-9');
    expect(within(card).getByTestId('exit-status')).toHaveTextContent('Dicalonkan');
    expect(within(card).getByTestId('schedule-badges')).toHaveTextContent('Bulan ke-3: Terlambat');
    await user.click(within(card).getByRole('button', { name: 'Kelola Harapan Sejahtera' }));
    expect(await within(card).findByTestId('exit-hero')).toHaveTextContent('Pahlawan lokal: SulastriDicalonkan 1 Agu 2026Alasan: Pemrakarsa kelompok.');
    expect(within(card).getByTestId('exit-history')).toHaveTextContent('Ibu Darmi — Dicalonkan 1 Jul 2026, diganti 1 Agu 2026');
    expect(within(card).getByTestId('item-leads_meetings')).toHaveTextContent('Memimpin rapat Terpenuhi diperiksa 10 Agu 2026');
    expect(within(card).getByTestId('record-leads_meetings')).toHaveTextContent('Catatan kelompok: Ketua kelompok; hadir di 5 dari 6 rapat; tuan rumah 2 rapat');
    expect(within(card).getByTestId('record-keeps_books')).toHaveTextContent('mencatat 0 transaksi di buku kas kelompok');
    await user.click(within(card).getByTestId('hand-over-button'));
    await user.click(within(card).getByRole('button', { name: 'Ya, serahkan' }));
    expect(await within(card).findByText('Belum bisa diserahkan. Belum terpenuhi: memegang pembukuan dan punya jaringan di luar kelompok.')).toBeInTheDocument();
  });

  it('nominates from the members now, with the reason', async () => {
    const user = userEvent.setup();
    renderTab('exits');
    const card = await screen.findByTestId('exit-group-9');
    await user.click(within(card).getByRole('button', { name: 'Kelola Harapan Sejahtera' }));
    await user.click(await within(card).findByRole('button', { name: 'Ganti calon' }));
    const form = within(card).getByTestId('nominate-form');
    const select = within(form).getByLabelText(/^Anggota/);
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(3));
    expect(within(select).queryByRole('option', { name: 'Bu Sri' })).toBeNull();
    await user.selectOptions(select, 'Ibu Darmi (Bendahara)');
    await user.type(within(form).getByLabelText(/^Alasan/), 'Rapi memegang buku kas.');
    await user.click(within(form).getByRole('button', { name: 'Simpan' }));
    expect(await within(card).findByText('Ibu Darmi dicalonkan sebagai pahlawan lokal.')).toBeInTheDocument();
    const sent = sentJson<Record<string, unknown>>(callsTo(fetchMock, 'POST /api/v1/programmes/7/exits/9/nominations')[0]!.init!.body);
    expect(sent).toMatchObject({ member_id: 32, note: 'Rapi memegang buku kas.' });
  });

  it('records a visit, saying in words why the server refuses its day', async () => {
    const user = userEvent.setup();
    renderTab('exits');
    const card = await screen.findByTestId('exit-group-9');
    await user.click(within(card).getByRole('button', { name: 'Kelola Harapan Sejahtera' }));
    expect(await within(card).findByTestId('visit-month-3')).toHaveTextContent('Bulan ke-3 sesudah program (jatuh tempo 30 Nov 2026)Terlambat');
    await user.click(within(card).getByRole('button', { name: 'Catat kunjungan' }));
    const form = within(card).getByTestId('visit-form');
    const day = within(form).getByLabelText(/^Tanggal kunjungan/);
    await user.clear(day);
    await user.type(day, '2026-08-15');
    await user.selectOptions(within(form).getByLabelText(/^Keadaan kelompok/), 'Kesulitan');
    await user.type(within(form).getByLabelText(/^Anggota yang masih aktif/), '4');
    await user.selectOptions(within(form).getByLabelText('Kunjungan untuk'), 'Bulan ke-3');
    await user.click(within(form).getByRole('button', { name: 'Simpan' }));
    expect(await within(form).findByText('Kunjungan tindak lanjut baru bisa dicatat sesudah program berakhir (2026-08-31).')).toBeInTheDocument();
    const sent = sentJson<Record<string, unknown>>(callsTo(fetchMock, 'POST /api/v1/programmes/7/follow-ups')[0]!.init!.body);
    expect(sent).toEqual({ group_id: 9, visited_on: '2026-08-15', status: 'struggling', active_members: 4, meets_sop: true, note: null, follow_up_month: 3 });
  });
});
