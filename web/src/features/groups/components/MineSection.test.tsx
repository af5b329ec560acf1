import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { callsTo, page, problem, routeFetch } from '../../../test/fixtures';
import { groupView, memberSummary } from '../../../test/groups';
import { renderWorkspace } from '../../../test/groups-render';
import { jsonResponse, urlOf } from '../../../test/render';
import type { GroupView } from '../types';
import type { MemberSummary } from '../types/mine';

let fetchMock: ReturnType<typeof routeFetch>;

function serve(group: GroupView, summary: MemberSummary | Response = memberSummary()) {
  fetchMock = routeFetch({
    'GET /api/v1/groups/1': () => jsonResponse(group),
    'GET /api/v1/groups/1/members/14/summary': () => (summary instanceof Response ? summary : jsonResponse(summary)),
    'GET /api/v1/groups/1/compliance': () => jsonResponse({ from: '2026-12', to: '2026-12', sop_meetings_per_month: 1, months: [] }),
    'GET /api/v1/groups/1/norms': () => jsonResponse({ items: [] }),
    'GET /api/v1/groups/1/orders': () => page([], 0, 20),
  });
}

/** Painem, an ordinary member: she writes her own posts only. */
const painem = () => groupView({ writes: ['posts'], member_id: 14 });

beforeEach(() => serve(painem()));

/** Text with the no-break space of "Rp 20.000" read as a space. */
const text = (element: HTMLElement) => element.textContent?.replace(/\u00a0/g, ' ') ?? '';

describe("a member's own records", () => {
  it('asks for all of them in one request, for her own membership', async () => {
    renderWorkspace('/groups/1/mine');
    await screen.findByTestId('mine-fees');
    const calls = callsTo(fetchMock, 'GET /api/v1/groups/1/members/14/summary');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url.searchParams.get('limit')).toBe('5');
    expect(fetchMock.mock.calls.filter(([input]) => urlOf(input).includes('/api/v1/groups/1/'))).toHaveLength(1);
  });

  it('says her arrears plainly, what was due and paid, and her latest payments', async () => {
    renderWorkspace('/groups/1/mine');
    const fees = await screen.findByTestId('mine-fees');
    expect(text(within(fees).getByTestId('mine-fee-standing'))).toBe('Tunggakan Anda: Rp 20.000');
    expect(text(within(fees).getByTestId('mine-fee-figures'))).toBe('Wajib Rp 120.000, dibayar Rp 100.000, dihitung sampai Desember 2026.');
    expect(text(fees)).toContain('Iuran Anda terbayar sampai Oktober 2026.');
    expect(text(fees)).toContain('Iuran sekarang Rp 10.000 per bulan.');
    expect(text(screen.getByTestId('mine-payment-31'))).toContain('Rp 10.000 · 4 Okt 2026');
    expect(text(screen.getByTestId('mine-payment-30'))).toContain('-Rp 10.000');
    expect(screen.getByTestId('mine-payment-30')).toHaveTextContent('Koreksi · Salah catat');
    expect(screen.getByTestId('mine-payment-29')).toHaveTextContent('Dikoreksi');
    expect(fees).toHaveTextContent('Menampilkan 3 terbaru dari 12.');
    expect(within(fees).getByRole('link', { name: 'Lihat buku kas' })).toHaveAttribute('href', '/groups/1/treasury');
  });

  it('says her fees are paid up to a month when she owes nothing', async () => {
    const summary = memberSummary();
    serve(painem(), { ...summary, fees: { ...summary.fees, paid: 150_000, arrears: -30_000, paid_through: '2027-03' } });
    renderWorkspace('/groups/1/mine');
    const standing = await screen.findByTestId('mine-fee-standing');
    expect(text(standing)).toBe('Iuran Anda lunas sampai Maret 2027');
    expect(text(screen.getByTestId('mine-fees'))).toContain('Anda sudah membayar lebih Rp 30.000.');
  });

  it('shows her share of each joint order, linked to the order, with its day passed marked', async () => {
    renderWorkspace('/groups/1/mine');
    const order = await screen.findByTestId('mine-order-7');
    expect(within(order).getByRole('link', { name: 'Tape singkong untuk Toko Oleh-oleh Batu' })).toHaveAttribute('href', '/groups/1/orders/7');
    expect(text(order)).toContain('Bagian Anda: 20 kg · Rp 240.000');
    expect(text(order)).toContain('Terkirim 5 dari 20 kg · Tenggat 20 Nov 2026');
    expect(text(order)).toContain('Sudah dibayarkan ke Anda: Rp 60.000');
    expect(within(order).getByTestId('order-overdue')).toHaveTextContent('Lewat tenggat');
  });

  it('shows her votes with her choice, and who entered a vote she did not cast herself', async () => {
    renderWorkspace('/groups/1/mine');
    const own = await screen.findByTestId('mine-vote-5');
    expect(within(own).getByRole('link', { name: 'Harga tape seragam' })).toHaveAttribute('href', '/groups/1/deliberations/5');
    expect(own).toHaveTextContent('Pilihan Anda: Rp 13.000 per kg');
    expect(own).toHaveTextContent('Anda memilih 4 Okt 2026');
    expect(own).toHaveTextContent('Disepakati');
    const entered = screen.getByTestId('mine-vote-9');
    expect(entered).toHaveTextContent('Anda tidak setuju usulan ini');
    expect(entered).toHaveTextContent('Dicatat oleh ketua pada 2 Nov 2026');
    expect(entered).toHaveTextContent('Belum diputuskan');
  });

  it('says only when a vote was recorded when nobody knows who entered it', async () => {
    const summary = memberSummary();
    const [first, second] = summary.votes.items;
    serve(painem(), { ...summary, votes: { items: [{ ...first!, recorded_by: null }, second!], total: 2 } });
    renderWorkspace('/groups/1/mine');
    const vote = await screen.findByTestId('mine-vote-9');
    expect(vote).toHaveTextContent('Dicatat pada 2 Nov 2026');
    expect(vote).not.toHaveTextContent('Anda memilih');
  });

  it('shows her posts with how many found them useful', async () => {
    renderWorkspace('/groups/1/mine');
    const post = await screen.findByTestId('mine-post-3');
    expect(within(post).getByRole('link', { name: 'Fermentasi tape 48 jam' })).toHaveAttribute('href', '/groups/1/knowledge');
    expect(post).toHaveTextContent('Teknik · 10 Agu 2026');
    expect(post).toHaveTextContent('3 anggota merasa bermanfaat');
  });

  it('says plainly when a list is empty', async () => {
    const empty = { items: [], total: 0 };
    const summary = memberSummary();
    serve(painem(), {
      ...summary,
      fees: { ...summary.fees, due: 0, paid: 0, arrears: 0, paid_through: null, monthly_fee: null, payments: empty },
      orders: empty,
      votes: empty,
      posts: empty,
    });
    renderWorkspace('/groups/1/mine');
    expect(await screen.findByTestId('mine-fee-standing')).toHaveTextContent('Belum ada iuran yang harus Anda bayar.');
    expect(screen.getByTestId('mine-fees')).toHaveTextContent('Belum ada pembayaran iuran yang tercatat.');
    expect(screen.getByTestId('mine-orders')).toHaveTextContent('Anda belum mendapat bagian pesanan bersama.');
    expect(screen.getByTestId('mine-votes')).toHaveTextContent('Anda belum memberi suara dalam musyawarah.');
    expect(screen.getByTestId('mine-posts')).toHaveTextContent('Anda belum membagikan tulisan.');
  });

  it('states the open-books rule above her records', async () => {
    renderWorkspace('/groups/1/mine');
    await screen.findByTestId('mine-fees');
    expect(screen.getByTestId('open-books')).toHaveTextContent('Buku kelompok terbuka:');
  });

  it('says why when her records cannot be read', async () => {
    serve(painem(), problem('forbidden', 403));
    renderWorkspace('/groups/1/mine');
    expect(await screen.findByRole('alert')).toHaveTextContent('Anda tidak punya izin untuk melakukan ini.');
  });

  it('shows her competencies: where her latest evaluation left her, and what her open cycles aim her at', async () => {
    renderWorkspace('/groups/1/mine');
    const card = await screen.findByTestId('mine-competencies');
    expect(within(card).getByRole('heading', { level: 2 })).toHaveTextContent('Kompetensi saya (2)');
    const yeast = screen.getByTestId('mine-competency-21');
    expect(within(yeast).getByRole('heading', { level: 3 })).toHaveTextContent('Fermentasi dengan ragi');
    expect(screen.getByTestId('mine-competency-21-latest')).toHaveTextContent('Belum tercapai · Tingkat 1 · 20 Okt 2026Dinilai dalam siklus Belajar ragi');
    expect(within(yeast).getByRole('link', { name: 'Belajar ragi' })).toHaveAttribute('href', '/groups/1/learning/4');
    const target = screen.getByTestId('mine-competency-21-target-6');
    expect(target).toHaveTextContent('Target tingkat 2 dalam siklus Tape ketan hitam Pelaksanaan');
    expect(within(target).getByRole('link', { name: 'Tape ketan hitam' })).toHaveAttribute('href', '/groups/1/learning/6');
    expect(screen.getByTestId('mine-competency-20-latest')).toHaveTextContent('Tercapai · Tingkat 2 · 20 Okt 2026');
    expect(within(screen.getByTestId('mine-competency-20')).queryByText(/^Target/)).toBeNull();
  });

  it('names her competencies in English', async () => {
    renderWorkspace('/groups/1/mine', {}, 'en');
    const card = await screen.findByTestId('mine-competencies');
    expect(within(card).getByRole('heading', { level: 3, name: 'Fermentation with yeast' })).toBeInTheDocument();
    expect(screen.getByTestId('mine-competency-21-latest')).toHaveTextContent('Not yet achieved · Level 1');
    expect(screen.getByTestId('mine-competency-21-target-6')).toHaveTextContent('Aiming at level 2 in the cycle Tape ketan hitam Implementation');
  });

  it('says she has no competency on record before a cycle teaches her', async () => {
    serve(painem(), memberSummary({ competencies: [] }));
    renderWorkspace('/groups/1/mine');
    const card = await screen.findByTestId('mine-competencies');
    expect(card).toHaveTextContent('Belum ada penilaian.');
  });

  it('is reached from the group page by the "Milik saya" tab, which is marked open', async () => {
    const user = userEvent.setup();
    renderWorkspace('/groups/1');
    const tabs = await screen.findByRole('navigation', { name: 'Bagian ruang kerja kelompok' });
    await user.click(within(tabs).getByRole('link', { name: 'Milik saya' }));
    expect(await screen.findByTestId('mine-fees')).toBeInTheDocument();
    expect(within(tabs).getByRole('link', { name: 'Milik saya' })).toHaveAttribute('aria-current', 'page');
  });

  it('tells a caller who acts as no member that the page is for members, without asking the server', async () => {
    serve(groupView({ member_id: null }));
    renderWorkspace('/groups/1/mine');
    expect(await screen.findByText(/Halaman ini untuk anggota kelompok/)).toBeInTheDocument();
    expect(fetchMock.mock.calls.some(([input]) => urlOf(input).includes('/summary'))).toBe(false);
  });
});
