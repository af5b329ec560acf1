import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { todayIso } from '../../../lib/format';
import { callsTo, fill, page, problem, routeFetch } from '../../../test/fixtures';
import { fees, groupView, ledgerEntry, MEMBERS, reversalOf, SHOP, statement } from '../../../test/groups';
import { openSectionForm, renderWorkspace } from '../../../test/groups-render';
import { setViewportWidth } from '../../../test/media';
import { jsonResponse, LAZY_CHUNK, sentJson, urlOf } from '../../../test/render';
import type { GroupView } from '../types';
import type { LedgerEntry } from '../types/treasury';

let fetchMock: ReturnType<typeof routeFetch>;
let ledger: LedgerEntry[];
let cash: number;

/** A treasury that keeps its entries: posting adds one, reversing adds the reversal and marks the original. */
function serve(group: GroupView, { postAnswer }: { postAnswer?: () => Response } = {}) {
  ledger = [ledgerEntry({ id: 8, kind: 'expense', memo: 'fotokopi', amount: 5_000, lines: [
    { account: 'expenses', debit: 5_000, credit: 0, member_id: null },
    { account: 'cash', debit: 0, credit: 5_000, member_id: null },
  ], created_by: { id: null, username: 'system' } }), ledgerEntry()];
  cash = 2_190_000;
  fetchMock = routeFetch({
    'GET /api/v1/groups/1': () => jsonResponse(group),
    'GET /api/v1/groups/1/members': () => page(MEMBERS, MEMBERS.length, 200),
    'GET /api/v1/groups/1/statement': () => jsonResponse(statement(cash)),
    'GET /api/v1/groups/1/balances': () =>
      jsonResponse({
        items: [
          { month: '2026-02', cash: 2_000_000, common_assets: 3_000_000 },
          { month: '2026-03', cash, common_assets: 3_000_000 },
        ],
      }),
    'GET /api/v1/groups/1/ledger': () => page(ledger, ledger.length, 20),
    'POST /api/v1/groups/1/ledger': (_url, init) => {
      if (postAnswer) return postAnswer();
      const body = sentJson<{ amount: number; member_id?: number; kind: LedgerEntry['kind'] }>(init?.body);
      const entry = ledgerEntry({ id: 20, kind: body.kind, amount: body.amount });
      ledger = [entry, ...ledger];
      cash += body.amount;
      return jsonResponse(entry, 201);
    },
    'POST /api/v1/groups/1/ledger/7/reverse': () => {
      const reversal = reversalOf(ledger.find((e) => e.id === 7)!, 9);
      ledger = [reversal, ...ledger.map((e) => (e.id === 7 ? { ...e, reversed_by: 9 } : e))];
      cash -= 10_000;
      return jsonResponse(reversal, 201);
    },
    'GET /api/v1/groups/1/fees': () => jsonResponse(fees()),
    'GET /api/v1/groups/1/fee-rules': () => jsonResponse({ items: fees().rules }),
    'GET /api/v1/groups/1/assets': () => jsonResponse({ items: [SHOP] }),
    'GET /api/v1/groups/1/deliberations': () => page([], 0, 200),
  });
}

beforeEach(() => serve(groupView()));

/** Answers POSTs to `path` with `answer` (201) on top of the served treasury; returns the bodies sent. */
function answerPost(path: string, answer: unknown): unknown[] {
  const posted: unknown[] = [];
  const served = fetchMock.getMockImplementation()!;
  fetchMock.mockImplementation(async (input, init) => {
    const url = new URL(urlOf(input), 'http://localhost');
    if (init?.method === 'POST' && url.pathname === path) {
      posted.push(sentJson(init.body));
      return jsonResponse(answer, 201);
    }
    return served(input, init);
  });
  return posted;
}

const entry = (id: number) => screen.getByTestId(`entry-${id}`);
const clean = (text: string | null) => (text ?? '').replace(/\u00a0/g, ' ');

describe('the treasury tab', () => {
  it('shows cash in hand, whether the books balance, and the year in figures', async () => {
    renderWorkspace('/groups/1/treasury');
    expect(clean((await screen.findByTestId('cash-balance')).textContent)).toBe('Rp 2.190.000');
    const card = screen.getByTestId('statement');
    expect(card).toHaveTextContent('Pembukuan seimbang');
    expect(clean(screen.getByTestId('assets-balance').textContent)).toBe('Rp 3.000.000');
    expect(clean(card.textContent)).toContain('Sisa hasil (surplus)Rp 190.000');
    expect(await screen.findByTestId('balance-chart', {}, LAZY_CHUNK)).toHaveTextContent('Saldo akhir bulan');
  });

  it('says plainly when the books do not balance', async () => {
    routeFetch({
      'GET /api/v1/groups/1': () => jsonResponse(groupView()),
      'GET /api/v1/groups/1/statement': () => jsonResponse(statement(0, { balanced: false })),
    });
    renderWorkspace('/groups/1/treasury');
    expect(await screen.findByText('Pembukuan tidak seimbang: periksa catatan kas')).toBeInTheDocument();
  });

  it('lists entries as compact rows with money in and out and whose fee each was; a tap opens the lines', async () => {
    const user = userEvent.setup();
    renderWorkspace('/groups/1/treasury');
    await screen.findByTestId('entry-7');
    const row = within(entry(7)).getByRole('button', { expanded: false });
    expect(clean(row.textContent)).toBe('Iuran Painem4 Mar 2026+Rp 10.000');
    expect(clean(screen.getByTestId('entry-7-amount').textContent)).toBe('+Rp 10.000');
    expect(clean(screen.getByTestId('entry-8-amount').textContent)).toBe('\u2212Rp 5.000');
    expect(entry(8)).toHaveTextContent('fotokopi');
    expect(entry(8)).not.toHaveTextContent('Dicatat oleh');

    await user.click(within(entry(8)).getByRole('button', { expanded: false }));
    const detail = screen.getByTestId('entry-8-detail');
    expect(within(entry(8)).getByRole('button', { expanded: true })).toHaveAttribute('aria-controls', detail.id);
    expect(detail).toHaveTextContent('No. 8 · 4 Maret 2026');
    const lines = within(detail).getAllByRole('row').slice(1).map((r) => clean(r.textContent));
    expect(lines).toEqual(['PengeluaranRp 5.000', 'KasRp 5.000']);
    await user.click(within(entry(8)).getByRole('button', { expanded: true }));
    expect(screen.queryByTestId('entry-8-detail')).not.toBeInTheDocument();

    await user.click(within(entry(7)).getByRole('button', { expanded: false }));
    expect(screen.getByTestId('entry-7-detail')).toHaveTextContent('Dicatat oleh suwarni');
  });

  it('says an entry posted with no account (the demo data, the console) was recorded by the system, in words', async () => {
    const user = userEvent.setup();
    renderWorkspace('/groups/1/treasury');
    await screen.findByTestId('entry-8');
    await user.click(within(entry(8)).getByRole('button', { expanded: false }));
    expect(screen.getByTestId('entry-8-detail')).toHaveTextContent('Dicatat oleh sistem');
    expect(entry(8)).not.toHaveTextContent('system');
  });

  it('records a fee payment typed as "1.500.000" as an integer amount for the chosen member', async () => {
    const user = userEvent.setup();
    const form = await openSectionForm(user, '/groups/1/treasury', 'Catat transaksi', 'entry-form');
    await fill(user, form, { 'Iuran siapa *': 'Painem', 'Jumlah *': '1.500.000' });
    await user.click(within(form).getByRole('button', { name: 'Simpan transaksi' }));

    expect(await screen.findByText('Transaksi Rp 1.500.000 sudah dicatat.', { normalizer: clean })).toBeInTheDocument();
    const bodies = callsTo(fetchMock, 'POST /api/v1/groups/1/ledger').map((c) => sentJson(c.init?.body));
    expect(bodies).toEqual([{ kind: 'fee_payment', amount: 1_500_000, date: todayIso(), member_id: 14 }]);
    await waitFor(() => expect(clean(screen.getByTestId('cash-balance').textContent)).toBe('Rp 3.690.000'));
    expect(screen.queryByTestId('entry-form')).not.toBeInTheDocument();
  });

  it('names the group shop for a shop sale, and checks the amount before sending', async () => {
    const user = userEvent.setup();
    const form = await openSectionForm(user, '/groups/1/treasury', 'Catat transaksi', 'entry-form');
    await user.selectOptions(within(form).getByLabelText('Jenis transaksi'), 'shop_sale');
    expect(within(form).queryByLabelText('Iuran siapa *')).not.toBeInTheDocument();
    expect(within(form).getByLabelText('Untuk aset')).toHaveValue('2');
    await user.type(within(form).getByLabelText('Jumlah *'), '1,5');
    await user.click(within(form).getByRole('button', { name: 'Simpan transaksi' }));
    expect(within(form).getByText('Tulis dalam rupiah penuh, tanpa sen.')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/v1/groups/1/ledger')).toHaveLength(0);

    await user.clear(within(form).getByLabelText('Jumlah *'));
    await user.type(within(form).getByLabelText('Jumlah *'), '250000');
    await user.click(within(form).getByRole('button', { name: 'Simpan transaksi' }));
    await waitFor(() => expect(callsTo(fetchMock, 'POST /api/v1/groups/1/ledger')).toHaveLength(1));
    expect(sentJson(callsTo(fetchMock, 'POST /api/v1/groups/1/ledger')[0]!.init?.body)).toEqual({
      kind: 'shop_sale',
      amount: 250_000,
      date: todayIso(),
      asset_id: 2,
    });
  });

  it("shows the server's objection beside the field it names", async () => {
    const user = userEvent.setup();
    serve(groupView(), { postAnswer: () => problem('invalid-input', 400, [{ field: 'amount', code: 'out_of_range' }]) });
    const form = await openSectionForm(user, '/groups/1/treasury', 'Catat transaksi', 'entry-form');
    await fill(user, form, { 'Jenis transaksi': 'aid_received', 'Jumlah *': '9.000.000.000.000' });
    await user.click(within(form).getByRole('button', { name: 'Simpan transaksi' }));
    expect(await within(form).findByText('Jumlahnya terlalu besar. Periksa lagi angkanya.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Jumlah *')).toHaveAttribute('aria-invalid', 'true');
  });

  it('pages ten rows on a phone and twenty on a wider screen', async () => {
    setViewportWidth(360);
    const phone = renderWorkspace('/groups/1/treasury');
    await screen.findByTestId('entry-7');
    expect(callsTo(fetchMock, 'GET /api/v1/groups/1/ledger').map((c) => c.url.searchParams.get('limit'))).toEqual(['10']);
    phone.unmount();
    setViewportWidth(1280);
    renderWorkspace('/groups/1/treasury');
    await waitFor(() => expect(callsTo(fetchMock, 'GET /api/v1/groups/1/ledger').map((c) => c.url.searchParams.get('limit'))).toContain('20'));
  });

  it('corrects an entry by reversing it, after asking, and marks both', async () => {
    const user = userEvent.setup();
    renderWorkspace('/groups/1/treasury');
    await screen.findByTestId('entry-7');
    await user.click(within(entry(7)).getByRole('button', { expanded: false }));
    await user.click(within(entry(7)).getByRole('button', { name: 'Koreksi catatan No. 7' }));
    const confirm = screen.getByTestId('reverse-7-confirm');
    expect(confirm).toHaveTextContent('Batalkan catatan Rp 10.000 ini?', { normalizeWhitespace: true });
    expect(callsTo(fetchMock, 'POST /api/v1/groups/1/ledger/7/reverse')).toHaveLength(0);
    await user.type(within(confirm).getByLabelText('Alasan koreksi'), 'salah catat');
    await user.click(within(confirm).getByRole('button', { name: 'Ya, koreksi' }));

    expect(await screen.findByText('Catatan No. 7 sudah dikoreksi dengan catatan No. 9.')).toBeInTheDocument();
    expect(sentJson(callsTo(fetchMock, 'POST /api/v1/groups/1/ledger/7/reverse')[0]!.init?.body)).toEqual({ memo: 'salah catat' });
    await waitFor(() => expect(screen.getByTestId('entry-9')).toBeInTheDocument());
    expect(entry(7)).toHaveTextContent('Sudah dikoreksi');
    expect(entry(7)).toHaveTextContent('dibatalkan oleh catatan No. 9');
    await user.click(within(entry(9)).getByRole('button', { expanded: false }));
    expect(entry(9)).toHaveTextContent('membatalkan catatan No. 7');
    expect(clean(screen.getByTestId('entry-9-amount').textContent)).toBe('\u2212Rp 10.000');
    // Neither the corrected entry nor its correction can be corrected again.
    expect(within(entry(7)).queryByRole('button', { name: 'Koreksi catatan No. 7' })).not.toBeInTheDocument();
    expect(within(entry(9)).queryByRole('button', { name: 'Koreksi catatan No. 9' })).not.toBeInTheDocument();
    await waitFor(() => expect(clean(screen.getByTestId('cash-balance').textContent)).toBe('Rp 2.180.000'));
  });

  it('lets a correction be called off before anything is sent', async () => {
    const user = userEvent.setup();
    renderWorkspace('/groups/1/treasury');
    await screen.findByTestId('entry-7');
    await user.click(within(entry(7)).getByRole('button', { expanded: false }));
    await user.click(within(entry(7)).getByRole('button', { name: 'Koreksi catatan No. 7' }));
    await user.click(within(screen.getByTestId('reverse-7-confirm')).getByRole('button', { name: 'Tidak jadi' }));
    expect(screen.queryByTestId('reverse-7-confirm')).not.toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/v1/groups/1/ledger/7/reverse')).toHaveLength(0);
  });

  it('shows the fees per member with those in arrears first and marked', async () => {
    renderWorkspace('/groups/1/treasury');
    const table = await screen.findByTestId('fees-table');
    const names = within(table).getAllByRole('row').slice(1, -1).map((row) => row.querySelector('th')!.textContent);
    expect(names).toEqual(['Painem', 'Suwarni', 'Sulastri', 'Sutini']);
    expect(screen.getByTestId('fees-14')).toHaveClass('fees-row--arrears');
    expect(clean(screen.getByTestId('arrears-14').textContent)).toBe('Rp 40.000 (menunggak)');
    expect(screen.getByTestId('fees-11')).not.toHaveClass('fees-row--arrears');
    expect(screen.getByTestId('fees-11')).toHaveTextContent('Lunas');
    expect(clean(screen.getByTestId('fees-12').textContent)).toContain('Lebih Rp 10.000');
    expect(clean(screen.getByTestId('fees-summary').textContent)).toBe('Tunggakan iuran sampai Maret 2026: Rp 50.000.');
    expect(clean(screen.getByTestId('fee-rules').textContent)).toContain('Rp 10.000 per bulan sejak November 2025');
  });

  it('sets a new fee rule from a month', async () => {
    const user = userEvent.setup();
    const posted = answerPost('/api/v1/groups/1/fee-rules', { id: 2, amount: 15_000, from: '2026-04', deliberation_id: null, created_at: '' });
    const form = await openSectionForm(user, '/groups/1/treasury', 'Atur iuran', 'fee-rule-form');
    await user.type(within(form).getByLabelText('Iuran per anggota per bulan *'), '15.000');
    await user.clear(within(form).getByLabelText('Berlaku mulai bulan *'));
    await user.type(within(form).getByLabelText('Berlaku mulai bulan *'), '2026-04');
    await user.click(within(form).getByRole('button', { name: 'Simpan aturan iuran' }));
    expect(await screen.findByText('Aturan iuran sudah disimpan.')).toBeInTheDocument();
    expect(posted).toEqual([{ amount: 15_000, from: '2026-04' }]);
  });

  it('lists the common assets with what the shop sold and bought', async () => {
    renderWorkspace('/groups/1/treasury');
    const shop = await screen.findByTestId('asset-2');
    expect(clean(shop.textContent)).toContain('Nilai Rp 3.000.000');
    expect(clean(shop.textContent)).toContain('Penjualan Rp 250.000 · Pembelian Rp 100.000');
  });

  it("shows a member the books but none of the treasurer's buttons", async () => {
    serve(groupView({ writes: ['posts'], member_id: 14 }));
    const user = userEvent.setup();
    renderWorkspace('/groups/1/treasury');
    await screen.findByTestId('entry-7');
    await user.click(within(entry(7)).getByRole('button', { expanded: false }));
    expect(entry(7)).toHaveTextContent('Dicatat oleh suwarni');
    await screen.findByTestId('asset-2');
    expect(screen.queryByRole('button', { name: 'Catat transaksi' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Koreksi/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Atur iuran' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tambah aset' })).not.toBeInTheDocument();
  });

  it('follows each write part: the ledger without assets, and assets without the ledger', async () => {
    serve(groupView({ writes: ['ledger'] }));
    const user = userEvent.setup();
    const first = renderWorkspace('/groups/1/treasury');
    await screen.findByTestId('entry-7');
    await user.click(within(entry(7)).getByRole('button', { expanded: false }));
    expect(screen.getByRole('button', { name: 'Catat transaksi' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Koreksi catatan No. 7' })).toBeInTheDocument();
    await screen.findByTestId('asset-2');
    expect(screen.queryByRole('button', { name: 'Tambah aset' })).not.toBeInTheDocument();
    first.unmount();

    serve(groupView({ writes: ['assets'] }));
    renderWorkspace('/groups/1/treasury');
    await screen.findByTestId('asset-2');
    expect(screen.getByRole('button', { name: 'Tambah aset' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Catat transaksi' })).not.toBeInTheDocument();
  });

  it('adds the group shop as a common asset', async () => {
    const user = userEvent.setup();
    const posted = answerPost('/api/v1/groups/1/assets', { ...SHOP, id: 3, name: 'Dandang besar', kind: 'equipment' });
    const form = await openSectionForm(user, '/groups/1/treasury', 'Tambah aset', 'asset-form');
    await fill(user, form, { 'Nama aset *': 'Dandang besar', 'Jenis aset': 'equipment', 'Asal dana': 'fees', 'Nilai *': '400.000' });
    await user.click(within(form).getByRole('button', { name: 'Simpan aset' }));
    expect(await screen.findByText('Dandang besar sudah dicatat sebagai aset bersama.')).toBeInTheDocument();
    expect(posted).toEqual([{ name: 'Dandang besar', kind: 'equipment', source: 'fees', value: 400_000, acquired_on: todayIso() }]);
  });
});

describe('recording a fee safely on a bad connection', () => {
  const keysSent = () =>
    callsTo(fetchMock, 'POST /api/v1/groups/1/ledger').map((c) => (c.init?.headers as Record<string, string>)['Idempotency-Key']);

  async function fillFee(amount: string) {
    const user = userEvent.setup();
    const form = await openSectionForm(user, '/groups/1/treasury', 'Catat transaksi', 'entry-form');
    await user.selectOptions(within(form).getByLabelText('Iuran siapa *'), 'Painem');
    await user.type(within(form).getByLabelText('Jumlah *'), amount);
    return { user, form };
  }

  it('a double submit records the fee with one request', async () => {
    const { form } = await fillFee('10000');
    const element = form.querySelector('form')!;
    fireEvent.submit(element);
    fireEvent.submit(element);
    expect(await screen.findByText('Transaksi Rp 10.000 sudah dicatat.', { normalizer: clean })).toBeInTheDocument();
    expect(keysSent()).toHaveLength(1);
    expect(keysSent()[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a retry after a lost connection sends the same key; changed values get a new one', async () => {
    let failures = 2;
    serve(groupView(), {
      postAnswer: () => {
        if (failures-- > 0) throw new TypeError('Failed to fetch');
        return jsonResponse(ledgerEntry({ id: 20, kind: 'fee_payment', amount: 12_000 }), 201);
      },
    });
    const { user, form } = await fillFee('10000');
    const save = within(form).getByRole('button', { name: 'Simpan transaksi' });
    await user.click(save);
    await waitFor(() => expect(keysSent()).toHaveLength(1));
    await waitFor(() => expect(save).toBeEnabled());
    await user.click(save);
    await waitFor(() => expect(keysSent()).toHaveLength(2));
    expect(keysSent()[1]).toBe(keysSent()[0]);

    await waitFor(() => expect(save).toBeEnabled());
    await user.clear(within(form).getByLabelText('Jumlah *'));
    await user.type(within(form).getByLabelText('Jumlah *'), '12000');
    await user.click(save);
    await waitFor(() => expect(keysSent()).toHaveLength(3));
    expect(keysSent()[2]).not.toBe(keysSent()[0]);
    expect(await screen.findByText('Transaksi Rp 12.000 sudah dicatat.', { normalizer: clean })).toBeInTheDocument();
  });
});
