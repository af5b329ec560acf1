import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { callsTo, fill, page, problem, routeFetch } from '../../../test/fixtures';
import { groupView, jointOrder, MEMBERS } from '../../../test/groups';
import { openSectionForm, renderWorkspace } from '../../../test/groups-render';
import { jsonResponse, sentJson } from '../../../test/render';
import type { GroupView } from '../types';
import type { JointOrder, OrderInput, ShareInput } from '../types/cooperation';

let fetchMock: ReturnType<typeof routeFetch>;
let order: JointOrder;

/** Orders as the server splits them: refused with a shortfall when the capacities are not enough. */
function serve(group: GroupView, start: JointOrder = jointOrder()) {
  order = start;
  fetchMock = routeFetch({
    'GET /api/v1/groups/1': () => jsonResponse(group),
    'GET /api/v1/groups/1/members': () => page(MEMBERS, MEMBERS.length, 200),
    'GET /api/v1/groups/1/orders': () => page([order], 1, 20),
    'GET /api/v1/groups/1/orders/4': () => jsonResponse(order),
    'POST /api/v1/groups/1/orders': (_url, init) => {
      const body = sentJson<OrderInput>(init?.body);
      const can = body.capacities.reduce((sum, c) => sum + c.capacity, 0);
      if (can < body.quantity) {
        const message = `members can make ${can} of ${body.quantity}; ${body.quantity - can} short`;
        return jsonResponse(
          {
            type: 'urn:gotong:problem:conflict',
            title: 'Conflict',
            status: 409,
            detail: message,
            errors: [{ field: 'quantity', code: 'insufficient_capacity', message }],
          },
          409,
        );
      }
      return jsonResponse(jointOrder(), 201);
    },
    'PATCH /api/v1/groups/1/orders/4/shares/12': (_url, init) => {
      const body = sentJson<ShareInput>(init?.body);
      order = {
        ...order,
        delivered: order.delivered + (body.delivered ?? 0),
        shares: order.shares.map((s) =>
          s.member.id === 12 ? { ...s, delivered: body.delivered ?? s.delivered, paid_out: body.paid_out ?? s.paid_out } : s,
        ),
      };
      return jsonResponse(order);
    },
    'POST /api/v1/groups/1/orders/4/cancel': () => {
      order = { ...order, status: 'cancelled' };
      return jsonResponse(order);
    },
  });
}

beforeEach(() => serve(groupView()));

const clean = (text: string | null) => (text ?? '').replace(/\u00a0/g, ' ');

describe('the joint orders tab', () => {
  it('lists orders with their value and how much was delivered', async () => {
    renderWorkspace('/groups/1/orders');
    const card = await screen.findByTestId('order-4');
    expect(within(card).getByRole('link', { name: 'Kain batik tulis untuk Dinas Pariwisata' })).toHaveAttribute('href', '/groups/1/orders/4');
    expect(clean(card.textContent)).toContain('100 lembar × Rp 350.000 = Rp 35.000.000');
    expect(card).toHaveTextContent('Terkirim 0 dari 100 lembar · dikerjakan 3 anggota');
    expect(card).toHaveTextContent('Berjalan');
  });

  it('marks an order the server says is past due, and only that one', async () => {
    serve(groupView(), jointOrder({ due_on: '2026-01-10', overdue: true }));
    renderWorkspace('/groups/1/orders');
    const card = await screen.findByTestId('order-4');
    expect(within(card).getByTestId('order-overdue')).toHaveTextContent('Lewat tenggat');
    expect(card).toHaveTextContent('Berjalan');
  });

  it('does not mark an order that is not past due', async () => {
    renderWorkspace('/groups/1/orders');
    await screen.findByTestId('order-4');
    expect(screen.queryByTestId('order-overdue')).not.toBeInTheDocument();
  });

  it("shows the split: each member's part, her capacity and her payout in rupiah", async () => {
    renderWorkspace('/groups/1/orders/4');
    const split = await screen.findByTestId('order-split');
    expect(within(split).getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual(['Sulastri', 'Sutini', 'Painem']);
    expect(screen.getByTestId('share-11-part')).toHaveTextContent('Bagian: 42 lembar (sanggup 50)');
    expect(clean(screen.getByTestId('share-11-payout').textContent)).toBe('Upah: Rp 14.700.000');
    expect(screen.getByTestId('share-12-part')).toHaveTextContent('Bagian: 25 lembar (sanggup 30)');
    expect(clean(screen.getByTestId('share-14-payout').textContent)).toBe('Upah: Rp 11.550.000');
    const bar = screen.getByTestId('split-bar');
    expect([...bar.querySelectorAll<HTMLElement>('.split-bar__part')].map((part) => part.style.width)).toEqual(['42%', '25%', '33%']);
    expect(clean(screen.getByTestId('order').textContent)).toContain('Nilai pesananRp 35.000.000');
  });

  it('sends the capacities typed for a new order and opens it once split', async () => {
    const user = userEvent.setup();
    const form = await openSectionForm(user, '/groups/1/orders', 'Pesanan baru', 'order-form');
    await fill(user, form, {
      'Pemesan *': 'Dinas Pariwisata',
      'Barang *': 'Kain batik tulis',
      'Jumlah *': '100',
      'Satuan *': 'lembar',
      'Harga per satuan *': '350.000',
      'Sulastri': '50',
      'Sutini': '30',
    });
    expect(screen.getByTestId('capacity-total')).toHaveTextContent('Kemampuan total 80 dari 100 lembar: kurang 20.');
    await user.type(within(form).getByLabelText('Painem'), '40');
    expect(screen.getByTestId('capacity-total')).toHaveTextContent('Kemampuan total 120 dari 100 lembar: cukup.');
    await user.click(within(form).getByRole('button', { name: 'Bagi dan simpan pesanan' }));

    expect(await screen.findByText('Pesanan sudah dibagi dan disimpan.')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/groups/1/orders/4');
    const bodies = callsTo(fetchMock, 'POST /api/v1/groups/1/orders').map((c) => sentJson(c.init?.body));
    expect(bodies).toEqual([
      {
        customer: 'Dinas Pariwisata',
        product: 'Kain batik tulis',
        quantity: 100,
        unit: 'lembar',
        unit_price: 350_000,
        capacities: [
          { member_id: 11, capacity: 50 },
          { member_id: 12, capacity: 30 },
          { member_id: 14, capacity: 40 },
        ],
      },
    ]);
  });

  it('says the shortfall plainly when the members cannot make the whole order', async () => {
    const user = userEvent.setup();
    const form = await openSectionForm(user, '/groups/1/orders', 'Pesanan baru', 'order-form');
    await fill(user, form, {
      'Pemesan *': 'Dinas Pariwisata',
      'Barang *': 'Kain batik tulis',
      'Jumlah *': '150',
      'Satuan *': 'lembar',
      'Harga per satuan *': '350.000',
      'Sulastri': '50',
      'Sutini': '30',
      'Painem': '40',
    });
    await user.click(within(form).getByRole('button', { name: 'Bagi dan simpan pesanan' }));

    const shortfall = await screen.findByTestId('shortfall');
    expect(shortfall).toHaveTextContent('Anggota hanya sanggup 120 dari 150 lembar; kurang 30.');
    expect(shortfall).toHaveTextContent('Tambah kemampuan anggota');
    expect(shortfall).not.toHaveTextContent('members can make');
    expect(screen.getByTestId('location')).toHaveTextContent('/groups/1/orders');
  });

  it("puts the server's objection to one member's capacity beside her box", async () => {
    const user = userEvent.setup();
    const form = await openSectionForm(user, '/groups/1/orders', 'Pesanan baru', 'order-form');
    const served = fetchMock.getMockImplementation()!;
    fetchMock.mockImplementation(async (input, init) =>
      init?.method === 'POST'
        ? problem('invalid-input', 400, [{ field: 'capacities[1].member_id', code: 'not_member_now' }])
        : served(input, init),
    );
    await fill(user, form, {
      'Pemesan *': 'X',
      'Barang *': 'Y',
      'Jumlah *': '5',
      'Satuan *': 'pcs',
      'Harga per satuan *': '0',
      'Sulastri': '5',
      'Suwarni': '5',
    });
    await user.click(within(form).getByRole('button', { name: 'Bagi dan simpan pesanan' }));
    expect(await within(form).findByText('Sudah bukan anggota kelompok.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Suwarni')).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByLabelText('Sulastri')).not.toHaveAttribute('aria-invalid');
  });

  it("records a member's delivery and payment", async () => {
    const user = userEvent.setup();
    renderWorkspace('/groups/1/orders/4');
    const share = await screen.findByTestId('share-12');
    await user.click(within(share).getByRole('button', { name: 'Catat kiriman dan bayaran Sutini' }));
    await user.clear(within(share).getByLabelText('Sudah dikirim (lembar)'));
    await fill(user, share, { 'Sudah dikirim (lembar)': '25', 'Sudah dibayar kepadanya': '8.750.000' });
    await user.click(within(share).getByRole('button', { name: 'Simpan' }));
    expect(await screen.findByText('Catatan Sutini sudah disimpan.')).toBeInTheDocument();
    const bodies = callsTo(fetchMock, 'PATCH /api/v1/groups/1/orders/4/shares/12').map((c) => sentJson(c.init?.body));
    expect(bodies).toEqual([{ delivered: 25, paid_out: 8_750_000 }]);
    expect(screen.getByTestId('share-12')).toHaveTextContent('Terkirim 25 dari 25 lembar');
    expect(clean(screen.getByTestId('share-12').textContent)).toContain('Sudah dibayar Rp 8.750.000 dari Rp 8.750.000');
  });

  it('refuses a delivery larger than her part before sending', async () => {
    const user = userEvent.setup();
    renderWorkspace('/groups/1/orders/4');
    const share = await screen.findByTestId('share-12');
    await user.click(within(share).getByRole('button', { name: 'Catat kiriman dan bayaran Sutini' }));
    await user.clear(within(share).getByLabelText('Sudah dikirim (lembar)'));
    await user.type(within(share).getByLabelText('Sudah dikirim (lembar)'), '26');
    await user.click(within(share).getByRole('button', { name: 'Simpan' }));
    expect(within(share).getByText('Tulis angka 0 sampai 25.')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'PATCH /api/v1/groups/1/orders/4/shares/12')).toHaveLength(0);
  });

  it('cancels an open order after asking, and then takes no more records', async () => {
    const user = userEvent.setup();
    renderWorkspace('/groups/1/orders/4');
    await user.click(await screen.findByRole('button', { name: 'Batalkan pesanan' }));
    const confirm = screen.getByTestId('cancel-order-confirm');
    expect(confirm).toHaveTextContent('Batalkan pesanan ini?');
    await user.click(within(confirm).getByRole('button', { name: 'Ya, batalkan' }));
    expect(await screen.findByText('Pesanan sudah dibatalkan.')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/v1/groups/1/orders/4/cancel')).toHaveLength(1);
    expect(screen.getByTestId('order')).toHaveTextContent('Dibatalkan');
    expect(screen.queryByRole('button', { name: /Catat kiriman/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Batalkan pesanan' })).not.toBeInTheDocument();
  });

  it('shows a member the orders and the split but no buttons that change them', async () => {
    serve(groupView({ writes: ['posts'], member_id: 14 }));
    renderWorkspace('/groups/1/orders');
    await screen.findByTestId('order-4');
    expect(screen.queryByRole('button', { name: 'Pesanan baru' })).not.toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('link', { name: 'Kain batik tulis untuk Dinas Pariwisata' }));
    await screen.findByTestId('order-split');
    expect(screen.queryByRole('button', { name: /Catat kiriman/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Batalkan pesanan' })).not.toBeInTheDocument();
    await waitFor(() => expect(callsTo(fetchMock, 'GET /api/v1/groups/1/members')).toHaveLength(0));
  });
});
