import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { todayIso } from '../../../lib/format';
import { callsTo, fill, page, routeFetch } from '../../../test/fixtures';
import { groupView, materialPost, PURCHASE } from '../../../test/groups';
import { openSectionForm, renderWorkspace } from '../../../test/groups-render';
import { jsonResponse, sentJson } from '../../../test/render';
import type { GroupView } from '../types';
import type { MaterialInput, MaterialsView } from '../types/cooperation';
import { weekAfter } from '../types/cooperation';

let fetchMock: ReturnType<typeof routeFetch>;
let board: MaterialsView;

/** Sulastri offers 80 kg of cassava; Painem asks for 50 kg (a match) and 2 sacks (none). */
function serve(group: GroupView) {
  board = {
    items: [
      materialPost(1, 11, 'Sulastri'),
      materialPost(2, 14, 'Painem', { kind: 'request', material: 'singkong', quantity: 50, price: null }),
      materialPost(3, 14, 'Painem', { kind: 'request', unit: 'karung', quantity: 2, price: null }),
    ],
    matches: [{ request_id: 2, offer_id: 1, quantity: 50 }],
  };
  fetchMock = routeFetch({
    'GET /api/v1/groups/1': () => jsonResponse(group),
    'GET /api/v1/groups/1/materials': () => jsonResponse(board),
    'GET /api/v1/groups/1/purchases': () => page([PURCHASE], 1, 20),
    'POST /api/v1/groups/1/materials': (_url, init) => {
      const body = sentJson<MaterialInput>(init?.body);
      const post = materialPost(9, group.member_id ?? 0, 'Anda', { ...body, price: body.price ?? null });
      board = { ...board, items: [...board.items, post] };
      return jsonResponse(post, 201);
    },
    'POST /api/v1/groups/1/materials/3/close': () => {
      const closed = { ...board.items[2]!, closed: true };
      board = { ...board, items: board.items.filter((p) => p.id !== 3) };
      return jsonResponse(closed);
    },
    'POST /api/v1/groups/1/purchases': () => jsonResponse({ ...PURCHASE, id: 2 }, 201),
  });
}

beforeEach(() => serve(groupView({ writes: ['posts'], member_id: 14 })));

const clean = (text: string | null) => (text ?? '').replace(/\u00a0/g, ' ');

describe('the raw material tab', () => {
  it('shows offers and requests apart, with the matching pair highlighted and linked to each other', async () => {
    renderWorkspace('/groups/1/materials');
    const offers = await screen.findByTestId('materials-offer');
    const requests = screen.getByTestId('materials-request');
    expect(within(offers).getByTestId('material-1')).toHaveClass('record-card--match');
    expect(within(requests).getByTestId('material-2')).toHaveClass('record-card--match');
    expect(within(requests).getByTestId('material-3')).not.toHaveClass('record-card--match');
    expect(screen.getByTestId('match-1-2')).toHaveTextContent('Dicari Painem: 50 kg');
    expect(screen.getByTestId('match-2-1')).toHaveTextContent('Ditawarkan Sulastri: 50 kg');
    expect(clean(screen.getByTestId('material-1').textContent)).toContain('Rp 2.500 per kg');
    expect(screen.getByTestId('match-summary')).toHaveTextContent('1 pasangan permintaan dan tawaran cocok.');
  });

  it('lets a member close only her own posts, after asking', async () => {
    const user = userEvent.setup();
    renderWorkspace('/groups/1/materials');
    await screen.findByTestId('material-1');
    expect(within(screen.getByTestId('material-1')).queryByRole('button', { name: /^Tutup/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Tutup Singkong dari Painem' }));
    await user.click(within(screen.getByTestId('close-3-confirm')).getByRole('button', { name: 'Ya, tutup' }));
    expect(await screen.findByText('Singkong sudah ditutup.')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/v1/groups/1/materials/3/close')).toHaveLength(1);
    await waitFor(() => expect(screen.queryByTestId('material-3')).not.toBeInTheDocument());
  });

  it('posts her own request, open for a week unless she says otherwise', async () => {
    const user = userEvent.setup();
    const form = await openSectionForm(user, '/groups/1/materials', 'Cari bahan', 'material-form');
    expect(within(form).getByRole('heading')).toHaveTextContent('Cari bahan baku');
    await fill(user, form, { 'Bahan *': 'Gula merah', 'Jumlah *': '10' });
    await user.click(within(form).getByRole('button', { name: 'Pasang' }));
    expect(await screen.findByText('Permintaan Gula merah sudah dipasang.')).toBeInTheDocument();
    const bodies = callsTo(fetchMock, 'POST /api/v1/groups/1/materials').map((c) => sentJson(c.init?.body));
    expect(bodies).toEqual([{ kind: 'request', material: 'Gula merah', unit: 'kg', quantity: 10, until: weekAfter(todayIso()) }]);
  });

  it('shows what buying together saved beside the price members pay alone', async () => {
    renderWorkspace('/groups/1/materials');
    const purchase = await screen.findByTestId('purchase-1');
    const text = clean(purchase.textContent);
    expect(text).toContain('Harga kelompokRp 2.000 per kg');
    expect(text).toContain('Harga sendiri-sendiriRp 2.600 per kg');
    expect(text).toContain('Dibayar kelompok: Rp 1.000.000');
    expect(clean(screen.getByTestId('purchase-1-saving').textContent)).toBe('Hemat Rp 300.000');
    expect(screen.queryByRole('button', { name: 'Catat pembelian bersama' })).not.toBeInTheDocument();
  });

  it('lets the treasurer record a collective purchase, with the saving shown as she types', async () => {
    const user = userEvent.setup();
    serve(groupView({ writes: ['ledger', 'assets', 'materials', 'orders', 'posts'], member_id: 13 }));
    const form = await openSectionForm(user, '/groups/1/materials', 'Catat pembelian bersama', 'purchase-form');
    await fill(user, form, {
      'Pemasok *': 'Pak Slamet, Kepanjen',
      'Bahan *': 'singkong',
      'Jumlah *': '500',
      'Harga kelompok *': '2.000',
      'Harga sendiri-sendiri *': '2.600',
    });
    expect(clean(screen.getByTestId('draft-saving').textContent)).toBe('Hemat Rp 300.000 dibanding membeli sendiri-sendiri.');
    await user.click(within(form).getByRole('button', { name: 'Simpan pembelian' }));
    expect(await screen.findByText('Pembelian bersama sudah dicatat: hemat Rp 300.000.', { normalizer: clean })).toBeInTheDocument();
    const bodies = callsTo(fetchMock, 'POST /api/v1/groups/1/purchases').map((c) => sentJson(c.init?.body));
    expect(bodies).toEqual([
      { supplier: 'Pak Slamet, Kepanjen', material: 'singkong', unit: 'kg', quantity: 500, group_price: 2_000, alone_price: 2_600, purchased_on: todayIso() },
    ]);
  });

  it('offers no posting to an account that is no member, and the keeper of materials may close any post', async () => {
    serve(groupView({ writes: ['materials'], member_id: null }));
    renderWorkspace('/groups/1/materials');
    await screen.findByTestId('material-1');
    expect(screen.queryByRole('button', { name: 'Tawarkan bahan' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tutup Singkong dari Sulastri' })).toBeInTheDocument();
  });
});
