import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { callsTo, fill, page, problem, routeFetch } from '../../../test/fixtures';
import { groupView, member, MEMBERS } from '../../../test/groups';
import { openSectionForm, renderWorkspace } from '../../../test/groups-render';
import { jsonResponse, sentJson } from '../../../test/render';
import type { Member } from '../types';

let fetchMock: ReturnType<typeof routeFetch>;

beforeEach(() => {
  fetchMock = routeFetch({
    'GET /api/v1/groups/1': () => jsonResponse(groupView()),
    'GET /api/v1/groups/1/members': (url) =>
      url.searchParams.get('include_left') === 'true'
        ? page([...MEMBERS, member(16, 'Tukini', { left_on: '2025-12-31', active: false })], 5, 200)
        : page(MEMBERS, 4, 200),
    'POST /api/v1/groups/1/members': (_url, init) => {
      const body = sentJson<{ person?: { name?: string }; role?: Member['role'] }>(init?.body);
      return jsonResponse(member(20, body.person?.name ?? 'Siti Aminah', { role: body.role }), 201);
    },
    'GET /api/v1/people': () =>
      page([{ id: 12, name: 'Siti Aminah', birth_year: 1980, village: null }], 1, 20),
  });
});

const postBodies = () => callsTo(fetchMock, 'POST /api/v1/groups/1/members').map((c) => sentJson<Record<string, unknown>>(c.init?.body));

describe('the members section', () => {
  it('lists members with office, mentor and local-hero badges, and marks the caller', async () => {
    renderWorkspace('/groups/1/members');
    const sulastri = await screen.findByTestId('member-11');
    const badges = within(sulastri).getByTestId('member-badges-11');
    expect(badges).toHaveTextContent('Ketua');
    expect(badges).toHaveTextContent('Pendamping');
    expect(badges).toHaveTextContent('Tokoh lokal');
    expect(badges).toHaveTextContent('Anda');
    expect(sulastri).toHaveTextContent('Usaha: Tape Bu Sulastri');
    expect(sulastri).toHaveTextContent('Bergabung 1 Jun 2018');
    expect(screen.getByTestId('member-12')).toHaveTextContent('Sekretaris');
    expect(screen.getByTestId('member-13')).toHaveTextContent('Bendahara');
    expect(screen.queryByText('Tukini')).not.toBeInTheDocument();
  });

  it("shows a member's year of birth and occupation as the registry knows them, and nothing invented when it does not", async () => {
    fetchMock = routeFetch({
      'GET /api/v1/groups/1': () => jsonResponse(groupView()),
      'GET /api/v1/groups/1/members': () =>
        page(
          [
            member(11, 'JA', { person: { id: 111, name: 'JA', birth_year: 1973, occupation: 'ibu rumah tangga' } }),
            member(12, 'KU'),
          ],
          2,
          200,
        ),
    });
    renderWorkspace('/groups/1/members');
    expect(within(await screen.findByTestId('member-11')).getByTestId('member-person')).toHaveTextContent('lahir 1973 · ibu rumah tangga');
    expect(within(screen.getByTestId('member-12')).queryByTestId('member-person')).not.toBeInTheDocument();
  });

  it('shows those who left when asked', async () => {
    const user = userEvent.setup();
    renderWorkspace('/groups/1/members');
    await screen.findByTestId('member-11');
    await user.click(screen.getByLabelText('Tampilkan juga yang sudah keluar'));
    const tukini = await screen.findByTestId('member-16');
    expect(tukini).toHaveTextContent('Sudah keluar');
    expect(tukini).toHaveTextContent('Keluar 31 Des 2025');
  });

  it("adds someone new as the group's local hero and loads the list again", async () => {
    const user = userEvent.setup();
    const form = await openSectionForm(user, '/groups/1/members', 'Tambah anggota', 'member-form');
    await fill(user, form, { 'Nama lengkap *': 'Sumi', 'Jenis kelamin': 'female', 'Nomor HP': '0812-3456-7890' });
    await user.click(within(form).getByLabelText('Tokoh lokal (local hero) kelompok'));
    await user.click(within(form).getByRole('button', { name: 'Simpan anggota' }));

    expect(await screen.findByText('Sumi sudah ditambahkan.')).toBeInTheDocument();
    const body = postBodies()[0]!;
    expect(body).toMatchObject({
      person: { name: 'Sumi', gender: 'female', phone: '0812-3456-7890' },
      role: 'member',
      mentor: false,
      local_hero: true,
    });
    expect(body.joined_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(screen.queryByTestId('member-form')).not.toBeInTheDocument();
    // the list and the group (its count of active members) are loaded again
    await waitFor(() => expect(callsTo(fetchMock, 'GET /api/v1/groups/1/members').length).toBeGreaterThan(1));
    expect(callsTo(fetchMock, 'GET /api/v1/groups/1').length).toBeGreaterThan(1);
  });

  it('says beside the office when the group already has a leader', async () => {
    const user = userEvent.setup();
    routeFetch({
      'GET /api/v1/groups/1': () => jsonResponse(groupView()),
      'GET /api/v1/groups/1/members': () => page(MEMBERS, 4, 200),
      'POST /api/v1/groups/1/members': () =>
        problem('conflict', 409, [
          { field: 'role', code: 'office_taken' },
          { field: 'person.phone', code: 'invalid_format' },
        ]),
    });
    renderWorkspace('/groups/1/members');
    await user.click(await screen.findByRole('button', { name: 'Tambah anggota' }));
    await fill(user, document.body, { 'Nama lengkap *': 'Ngatini', 'Nomor HP': '12', 'Jabatan': 'leader' });
    await user.click(screen.getByRole('button', { name: 'Simpan anggota' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Jabatan')).toHaveAccessibleDescription(
        'Kelompok sudah punya pengurus dengan jabatan ini. Ubah dulu jabatan pengurus yang lama.',
      ),
    );
    expect(screen.getByLabelText('Nomor HP')).toHaveAccessibleDescription(expect.stringContaining('Nomor HP tidak dikenali.'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('asks for the name before sending', async () => {
    const user = userEvent.setup();
    renderWorkspace('/groups/1/members');
    await user.click(await screen.findByRole('button', { name: 'Tambah anggota' }));
    await user.click(screen.getByRole('button', { name: 'Simpan anggota' }));
    expect(screen.getByLabelText('Nama lengkap *')).toHaveAccessibleDescription('Tulis nama anggota.');
    expect(postBodies()).toHaveLength(0);
  });

  it('lets an officer add someone already in the registry, by id', async () => {
    const user = userEvent.setup();
    renderWorkspace('/groups/1/members', { canSearchPeople: true });
    await user.click(await screen.findByRole('button', { name: 'Tambah anggota' }));
    await user.click(screen.getByLabelText('Sudah ada di registri UMKM'));
    await user.type(screen.getByLabelText('Cari nama di registri'), 'siti');
    await user.click(screen.getByRole('button', { name: 'Cari' }));
    await user.click(await screen.findByRole('button', { name: 'Pilih Siti Aminah' }));
    expect(screen.getByText('Terpilih: Siti Aminah')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Simpan anggota' }));
    await screen.findByText('Siti Aminah sudah ditambahkan.');
    expect(postBodies()[0]).toMatchObject({ person_id: 12, role: 'member' });
    expect(postBodies()[0]).not.toHaveProperty('person');
    expect(callsTo(fetchMock, 'GET /api/v1/people')[0]!.url.searchParams.get('q')).toBe('siti');
  });

  it('offers no registry search to group roles, who cannot read it', async () => {
    const user = userEvent.setup();
    renderWorkspace('/groups/1/members', { canSearchPeople: false });
    await user.click(await screen.findByRole('button', { name: 'Tambah anggota' }));
    expect(screen.queryByLabelText('Sudah ada di registri UMKM')).not.toBeInTheDocument();
  });
});
