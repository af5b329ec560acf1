import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { callsTo, fill, page, problem, routeFetch } from '../../../test/fixtures';
import { deliberationView, groupView, MEMBERS } from '../../../test/groups';
import { openSectionForm, renderWorkspace } from '../../../test/groups-render';
import { jsonResponse, sentJson } from '../../../test/render';

let fetchMock: ReturnType<typeof routeFetch>;

beforeEach(() => {
  fetchMock = routeFetch({
    'GET /api/v1/groups/1': () => jsonResponse(groupView()),
    'GET /api/v1/groups/1/members': () => page(MEMBERS, 4, 200),
    'GET /api/v1/groups/1/deliberations': () =>
      page(
        [
          deliberationView({ votes_cast: 3 }),
          deliberationView({ id: 4, title: 'Harga tape seragam', topic: 'price', decided: true, outcome: 'not_agreed', decided_on: '2026-01-05' }),
        ],
        2,
        20,
      ),
    'POST /api/v1/groups/1/deliberations': (_url, init) =>
      jsonResponse(deliberationView({ id: 9, ...sentJson(init?.body), options: [] }), 201),
    'GET /api/v1/groups/1/deliberations/9': () => jsonResponse(deliberationView({ id: 9, title: 'Iuran bulanan' })),
  });
});

const postBody = () => sentJson(callsTo(fetchMock, 'POST /api/v1/groups/1/deliberations')[0]!.init?.body);

describe('the deliberations section', () => {
  it('lists proposals with their state, topic and votes', async () => {
    renderWorkspace('/groups/1/deliberations');
    const open = await screen.findByTestId('deliberation-3');
    expect(open).toHaveTextContent('Masih dibahas');
    expect(open).toHaveTextContent('Pembagian wilayah pasar · Pemungutan suara');
    expect(open).toHaveTextContent('3 suara masuk');
    const decided = screen.getByTestId('deliberation-4');
    expect(decided).toHaveTextContent('Tidak disepakati');
    expect(decided).toHaveTextContent('5 Jan 2026');
    expect(within(decided).getByRole('link', { name: 'Harga tape seragam' })).toHaveAttribute('href', '/groups/1/deliberations/4');
  });

  it('puts a proposal with its options to the group and opens it', async () => {
    const user = userEvent.setup();
    const form = await openSectionForm(user, '/groups/1/deliberations', 'Usulan baru', 'deliberation-form');
    await fill(user, form, {
      'Judul usulan *': 'Iuran bulanan',
      'Topik *': 'fee_rule',
      'Pilihan 1': 'Rp 10.000 sebulan',
      'Pilihan 2': 'Rp 5.000 sebulan',
    });
    await user.click(within(form).getByRole('button', { name: 'Tambah pilihan' }));
    await user.type(within(form).getByLabelText('Pilihan 3'), 'Tanpa iuran');
    await user.click(within(form).getByLabelText(/Mufakat/));
    await user.click(within(form).getByRole('button', { name: 'Simpan usulan' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/groups/1/deliberations/9'));
    expect(postBody()).toEqual({
      title: 'Iuran bulanan',
      topic: 'fee_rule',
      method: 'consensus',
      options: ['Rp 10.000 sebulan', 'Rp 5.000 sebulan', 'Tanpa iuran'],
    });
    expect(await screen.findByText('Usulan sudah dicatat.')).toBeInTheDocument();
  });

  it('marks a repeated option in its own box before sending', async () => {
    const user = userEvent.setup();
    renderWorkspace('/groups/1/deliberations');
    await user.click(await screen.findByRole('button', { name: 'Usulan baru' }));
    await fill(user, document.body, {
      'Judul usulan *': 'Iuran',
      'Topik *': 'fee_rule',
      'Pilihan 1': 'Iuran Rp 10.000',
      'Pilihan 2': 'iuran  rp 10.000',
    });
    await user.click(screen.getByRole('button', { name: 'Simpan usulan' }));
    expect(screen.getByLabelText('Pilihan 2')).toHaveAccessibleDescription('Pilihan ini sama dengan pilihan sebelumnya.');
    expect(callsTo(fetchMock, 'POST /api/v1/groups/1/deliberations')).toHaveLength(0);
  });

  it("puts the server's error about an option beside the box it came from", async () => {
    const user = userEvent.setup();
    routeFetch({
      'GET /api/v1/groups/1': () => jsonResponse(groupView()),
      'GET /api/v1/groups/1/deliberations': () => page([], 0, 20),
      'POST /api/v1/groups/1/deliberations': () => problem('invalid-input', 400, [{ field: 'options[1]', code: 'too_long' }]),
    });
    renderWorkspace('/groups/1/deliberations');
    await user.click(await screen.findByRole('button', { name: 'Usulan baru' }));
    await fill(user, document.body, { 'Judul usulan *': 'Jadwal', 'Topik *': 'schedule' });
    // the first box stays empty: the server's options[1] is the third box
    await user.type(screen.getByLabelText('Pilihan 2'), 'Setiap Kamis');
    await user.click(screen.getByRole('button', { name: 'Tambah pilihan' }));
    await user.type(screen.getByLabelText('Pilihan 3'), 'Setiap Jumat');
    await user.click(screen.getByRole('button', { name: 'Simpan usulan' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Pilihan 3')).toHaveAccessibleDescription('Pilihan paling banyak 200 huruf.'),
    );
  });
});
