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
    expect(open).toHaveTextContent('Pembagian wilayah pasar · Suara terbanyak (lebih dari separuh)');
    expect(open).toHaveTextContent('3 suara masuk · kuorum 3');
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
    await user.click(within(form).getByLabelText(/Musyawarah mufakat/));
    expect(within(form).queryByLabelText(/Kuorum/)).not.toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Simpan usulan' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/groups/1/deliberations/9'));
    expect(postBody()).toEqual({
      title: 'Iuran bulanan',
      topic: 'fee_rule',
      rule: 'consensus',
      options: ['Rp 10.000 sebulan', 'Rp 5.000 sebulan', 'Tanpa iuran'],
    });
    expect(await screen.findByText('Usulan sudah dicatat.')).toBeInTheDocument();
  });

  it('lets a member who records nothing propose a learning theme, and names who proposed one', async () => {
    const user = userEvent.setup();
    fetchMock = routeFetch({
      'GET /api/v1/groups/1': () => jsonResponse(groupView({ writes: ['posts'], member_id: 14 })),
      'GET /api/v1/groups/1/members': () => page(MEMBERS, 4, 200),
      'GET /api/v1/groups/1/deliberations': () =>
        page([deliberationView({ title: 'Tema belajar', topic: 'learning_theme', proposed_by: { member_id: 14, name: 'Painem' } })], 1, 20),
      'POST /api/v1/groups/1/deliberations': (_url, init) =>
        jsonResponse(deliberationView({ id: 9, ...sentJson(init?.body), options: [] }), 201),
      'GET /api/v1/groups/1/deliberations/9': () => jsonResponse(deliberationView({ id: 9, title: 'Ecotik' })),
    });
    const form = await openSectionForm(user, '/groups/1/deliberations', 'Usulkan tema belajar', 'deliberation-form');
    expect(screen.getByTestId('proposed-by')).toHaveTextContent('Diusulkan oleh Painem');
    expect(within(form).queryByLabelText(/^Topik/)).not.toBeInTheDocument();
    expect(within(form).queryByTestId('change-fields')).not.toBeInTheDocument();
    await fill(user, form, { 'Judul usulan *': 'Tema belajar bulan depan', 'Pilihan 1': 'Ecotik', 'Pilihan 2': 'Batik tulis' });
    await user.click(within(form).getByRole('button', { name: 'Simpan usulan' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/groups/1/deliberations/9'));
    expect(postBody()).toEqual({
      title: 'Tema belajar bulan depan',
      topic: 'learning_theme',
      rule: 'majority',
      options: ['Ecotik', 'Batik tulis'],
    });
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

  it('sends the rule chosen and a quorum, explaining the default from the active members', async () => {
    const user = userEvent.setup();
    const form = await openSectionForm(user, '/groups/1/deliberations', 'Usulan baru', 'deliberation-form');
    expect(within(form).getByLabelText(/Suara terbanyak/)).toBeChecked();
    const quorum = within(form).getByLabelText('Kuorum: suara yang harus masuk sebelum diputuskan');
    expect(quorum).toHaveAccessibleDescription('Kosongkan: lebih dari separuh anggota aktif, yaitu 3 dari 4 anggota.');
    await fill(user, form, { 'Judul usulan *': 'Harga tape seragam', 'Topik *': 'price', 'Pilihan 1': 'Rp 12.000 per kg' });
    await user.click(within(form).getByLabelText(/Dua pertiga suara/));
    await user.type(quorum, '5');
    await user.click(within(form).getByRole('button', { name: 'Simpan usulan' }));
    expect(quorum).toHaveAccessibleDescription(/Tulis angka 1 sampai 4: kuorum tidak boleh lebih dari jumlah anggota aktif\./);
    expect(callsTo(fetchMock, 'POST /api/v1/groups/1/deliberations')).toHaveLength(0);

    await user.clear(quorum);
    await user.type(quorum, '4');
    await user.click(within(form).getByRole('button', { name: 'Simpan usulan' }));
    await waitFor(() => expect(callsTo(fetchMock, 'POST /api/v1/groups/1/deliberations')).toHaveLength(1));
    expect(postBody()).toEqual({ title: 'Harga tape seragam', topic: 'price', rule: 'two_thirds', quorum: 4, options: ['Rp 12.000 per kg'] });
  });

  it('puts a change of the monthly fee from a month, without options or a topic to choose', async () => {
    const user = userEvent.setup();
    const form = await openSectionForm(user, '/groups/1/deliberations', 'Usulan baru', 'deliberation-form');
    await user.type(within(form).getByLabelText('Judul usulan *'), 'Iuran bulanan naik menjadi Rp 15.000');
    await user.click(within(form).getByLabelText('Usulan ini mengubah pengaturan kelompok'));
    expect(within(form).queryByLabelText('Topik *')).not.toBeInTheDocument();
    expect(within(form).queryByLabelText('Pilihan 1')).not.toBeInTheDocument();
    await user.selectOptions(within(form).getByLabelText('Pengaturan yang diubah *'), 'monthly_fee');
    await user.type(within(form).getByLabelText('Iuran baru per anggota per bulan *'), '15.000');
    const month = within(form).getByLabelText('Berlaku mulai bulan *');
    expect(month).toHaveAttribute('type', 'month');
    await user.clear(month);
    await user.type(month, '2027-01');
    await user.click(within(form).getByRole('button', { name: 'Simpan usulan' }));

    await waitFor(() => expect(callsTo(fetchMock, 'POST /api/v1/groups/1/deliberations')).toHaveLength(1));
    expect(postBody()).toEqual({
      title: 'Iuran bulanan naik menjadi Rp 15.000',
      topic: 'fee_rule',
      rule: 'majority',
      change: { setting: 'monthly_fee', amount: 15_000, effective_on: '2027-01-01' },
    });
  });

  it("puts a member's market area from a day, choosing her from the members", async () => {
    const user = userEvent.setup();
    const form = await openSectionForm(user, '/groups/1/deliberations', 'Usulan baru', 'deliberation-form');
    await user.type(within(form).getByLabelText('Judul usulan *'), 'Bu Painem berjualan di Pasar Kepanjen');
    await user.click(within(form).getByLabelText('Usulan ini mengubah pengaturan kelompok'));
    await user.selectOptions(within(form).getByLabelText('Pengaturan yang diubah *'), 'market_area');
    const who = within(form).getByLabelText('Anggota *');
    await within(who).findByRole('option', { name: 'Painem' });
    await user.selectOptions(who, 'Painem');
    await user.type(within(form).getByLabelText('Wilayah pasar *'), 'Pasar Kepanjen');
    const day = within(form).getByLabelText('Berlaku mulai tanggal *');
    expect(day).toHaveAttribute('type', 'date');
    await user.clear(day);
    await user.type(day, '2026-12-15');
    await user.click(within(form).getByRole('button', { name: 'Simpan usulan' }));

    await waitFor(() => expect(callsTo(fetchMock, 'POST /api/v1/groups/1/deliberations')).toHaveLength(1));
    expect(postBody()).toMatchObject({
      topic: 'market_areas',
      change: { setting: 'market_area', member_id: 14, area: 'Pasar Kepanjen', effective_on: '2026-12-15' },
    });
  });

  it("shows the server's error about the change beside its field, worded from the code", async () => {
    const user = userEvent.setup();
    routeFetch({
      'GET /api/v1/groups/1': () => jsonResponse(groupView()),
      'GET /api/v1/groups/1/deliberations': () => page([], 0, 20),
      'POST /api/v1/groups/1/deliberations': () =>
        problem('invalid-input', 400, [
          { field: 'change.effective_on', code: 'not_first_of_month', message: 'must be the first day of a month' },
          { field: 'topic', code: 'mismatch', message: 'topic must be rule' },
        ]),
    });
    renderWorkspace('/groups/1/deliberations');
    await user.click(await screen.findByRole('button', { name: 'Usulan baru' }));
    const form = screen.getByTestId('deliberation-form');
    await user.type(within(form).getByLabelText('Judul usulan *'), 'Pertemuan dua kali sebulan');
    await user.click(within(form).getByLabelText('Usulan ini mengubah pengaturan kelompok'));
    await user.selectOptions(within(form).getByLabelText('Pengaturan yang diubah *'), 'sop_meetings');
    await user.type(within(form).getByLabelText('Pertemuan wajib sebulan *'), '2');
    await user.click(within(form).getByRole('button', { name: 'Simpan usulan' }));

    await waitFor(() =>
      expect(within(form).getByLabelText('Berlaku mulai bulan *')).toHaveAccessibleDescription(
        'Iuran dan pertemuan wajib berlaku mulai tanggal 1 suatu bulan.',
      ),
    );
    // The topic is not on the form for a change: its message stands above it.
    expect(within(form).getByRole('alert')).toHaveTextContent('Topik tidak cocok dengan pengaturan yang diubah.');
    expect(screen.queryByText(/first day|topic must/)).not.toBeInTheDocument();
  });
});
