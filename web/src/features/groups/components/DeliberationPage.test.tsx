import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { callsTo, page, problem, routeFetch } from '../../../test/fixtures';
import { deliberationView, groupView, MEMBERS, vote } from '../../../test/groups';
import { renderWorkspace } from '../../../test/groups-render';
import { jsonResponse, sentJson } from '../../../test/render';
import type { DeliberationView, GroupView, Member, VoteInput, VoteLine, VoteSheetInput } from '../types';

// Sulastri (11) leads and is signed in with her own account; Painem (14) has an account too.
// Sutini (12) and Suwarni (13) have none: the leader enters their votes on the sheet.
const PEOPLE: Member[] = [{ ...MEMBERS[0]!, user_id: 21 }, MEMBERS[1]!, MEMBERS[2]!, { ...MEMBERS[3]!, user_id: 24 }];
const OPTION_A = 'Bu Sulastri: Pasar Ngajum; Bu Sutini: Pasar Kepanjen';
const OPTION_B = 'Semua anggota bebas di semua pasar';

let fetchMock: ReturnType<typeof routeFetch>;
let current: DeliberationView;

/** The proposal with `votes`, its counts worked out from them. */
function withVotes(start: DeliberationView, votes: VoteLine[]): DeliberationView {
  return {
    ...start,
    votes,
    options: start.options.map((o) => ({ ...o, votes: votes.filter((v) => v.option_id === o.id).length })),
    votes_against: votes.filter((v) => v.option_id === null).length,
    votes_cast: votes.length,
  };
}

/** A server that records votes (one by one, or a sheet replacing lines) and decides by majority. */
function serve(group: GroupView, start: DeliberationView) {
  current = withVotes(start, start.votes);
  const nameOf = (id: number) => PEOPLE.find((m) => m.id === id)!.person.name;
  fetchMock = routeFetch({
    'GET /api/v1/groups/1': () => jsonResponse(group),
    'GET /api/v1/groups/1/members': () => page(PEOPLE, PEOPLE.length, 200),
    'GET /api/v1/groups/1/deliberations/3': () => jsonResponse(current),
    'GET /api/v1/groups/1/deliberations': () => page([current], 1, 20),
    'POST /api/v1/groups/1/deliberations/3/votes': (_url, init) => {
      const body = sentJson<VoteInput>(init?.body);
      const memberId = body.member_id ?? group.member_id!;
      current = withVotes(current, [...current.votes, vote(memberId, body.option_id, { name: nameOf(memberId), own: true, recorded_by: 'painem' })]);
      return jsonResponse(current, 201);
    },
    'DELETE /api/v1/groups/1/deliberations/3/votes/14': () => {
      current = withVotes(current, current.votes.filter((v) => v.member_id !== 14));
      return jsonResponse(current);
    },
    'PUT /api/v1/groups/1/deliberations/3/votes': (_url, init) => {
      const body = sentJson<VoteSheetInput>(init?.body);
      const replaced = new Set(body.votes.map((line) => line.member_id));
      const kept = current.votes.filter((v) => !replaced.has(v.member_id));
      const entered = body.votes.map((line) => vote(line.member_id, line.option_id, { name: nameOf(line.member_id) }));
      current = withVotes(current, [...kept, ...entered]);
      return jsonResponse(current);
    },
    'POST /api/v1/groups/1/deliberations/3/decide': () => {
      current = {
        ...current,
        decided: true,
        outcome: 'agreed',
        option_id: 31,
        decided_on: '2026-03-05',
        norm: { id: 1, deliberation_id: 3, topic: 'market_areas', text: `Pembagian wilayah pasar: ${OPTION_A}`, adopted_on: '2026-03-05', change: null },
      };
      return jsonResponse(current);
    },
  });
}

beforeEach(() => serve(groupView(), deliberationView()));

const row = (memberId: number) => screen.getByTestId(`voter-${memberId}`);
const puts = () => callsTo(fetchMock, 'PUT /api/v1/groups/1/deliberations/3/votes').map((c) => sentJson(c.init?.body));
const posts = () => callsTo(fetchMock, 'POST /api/v1/groups/1/deliberations/3/votes').map((c) => sentJson(c.init?.body));
const decides = () => callsTo(fetchMock, 'POST /api/v1/groups/1/deliberations/3/decide').map((c) => sentJson(c.init?.body));

async function openSheet() {
  renderWorkspace('/groups/1/deliberations/3');
  return screen.findByTestId('vote-sheet');
}

describe('the vote sheet', () => {
  it('saves every choice tapped with one PUT, and then shows the votes recorded', async () => {
    const user = userEvent.setup();
    const sheet = await openSheet();
    await within(sheet).findByTestId('voter-12');
    const choices = within(row(12)).getByRole('group', { name: 'Pilihan Sutini' });
    expect(within(choices).getAllByRole('button').map((b) => b.textContent)).toEqual([OPTION_A, OPTION_B, 'Tidak setuju']);

    await user.click(within(choices).getByRole('button', { name: OPTION_A }));
    await user.click(within(row(13)).getByRole('button', { name: 'Tidak setuju' }));
    expect(screen.getByTestId('unsaved-count')).toHaveTextContent('2 pilihan belum disimpan');
    expect(puts()).toHaveLength(0);
    await user.click(within(sheet).getByRole('button', { name: 'Simpan 2 suara' }));

    expect(await within(sheet).findByText('2 suara sudah disimpan.')).toBeInTheDocument();
    expect(puts()).toEqual([
      {
        votes: [
          { member_id: 12, option_id: 31 },
          { member_id: 13, option_id: null },
        ],
      },
    ]);
    expect(posts()).toHaveLength(0);
    expect(row(12)).toHaveTextContent(`Sudah memilih: ${OPTION_A}`);
    expect(row(13)).toHaveTextContent('Sudah memilih: Tidak setuju');
    expect(screen.getByTestId('unsaved-count')).toHaveTextContent('Belum ada pilihan baru.');
    expect(within(sheet).getByRole('button', { name: 'Simpan suara' })).toBeDisabled();
    expect(screen.getByTestId('tally')).toHaveTextContent('1 suara (50%)');
  });

  it('gives members with an account of their own no buttons: they vote from their phones', async () => {
    const sheet = await openSheet();
    await within(sheet).findByTestId('voter-11');
    expect(row(14)).toHaveTextContent('Painemmemilih sendiri dari ponselnya');
    expect(row(11)).toHaveTextContent('Anda memilih di bagian "Suara Anda".');
    for (const id of [11, 14]) expect(within(row(id)).queryByRole('button')).not.toBeInTheDocument();
    // The leader's own vote has its own box above the sheet.
    expect(within(screen.getByTestId('own-vote')).getByRole('button', { name: 'Simpan suara saya' })).toBeDisabled();
  });

  it('shows the vote a member cast from her phone on her row', async () => {
    serve(groupView(), deliberationView({ votes: [vote(14, 32, { own: true, recorded_by: 'painem' })] }));
    const sheet = await openSheet();
    await within(sheet).findByTestId('voter-14');
    expect(row(14)).toHaveTextContent(`Sudah memilih: ${OPTION_B}`);
    expect(within(row(14)).queryByRole('button')).not.toBeInTheDocument();
  });

  it('changes a recorded vote after "Ubah", sending only the new choice', async () => {
    const user = userEvent.setup();
    serve(groupView(), deliberationView({ votes: [vote(13, 32)] }));
    const sheet = await openSheet();
    await within(sheet).findByTestId('voter-13');
    expect(within(row(13)).queryByRole('group')).not.toBeInTheDocument();
    await user.click(within(row(13)).getByRole('button', { name: 'Ubah suara Suwarni' }));
    expect(row(13)).toHaveTextContent(`Tercatat: ${OPTION_B}`);
    expect(within(row(13)).getByRole('button', { name: OPTION_B })).toHaveAttribute('aria-pressed', 'true');
    await user.click(within(row(13)).getByRole('button', { name: 'Tidak setuju' }));
    await user.click(within(sheet).getByRole('button', { name: 'Simpan 1 suara' }));
    await within(sheet).findByText('1 suara sudah disimpan.');
    expect(puts()).toEqual([{ votes: [{ member_id: 13, option_id: null }] }]);
    expect(row(13)).toHaveTextContent('Sudah memilih: Tidak setuju');
  });

  it('undoes a mis-tap by tapping again, and saves nothing until asked', async () => {
    const user = userEvent.setup();
    const sheet = await openSheet();
    const against = within(await within(sheet).findByTestId('voter-13')).getByRole('button', { name: 'Tidak setuju' });
    await user.click(against);
    expect(against).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('unsaved-count')).toHaveTextContent('1 pilihan belum disimpan');
    await user.click(against);
    expect(against).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByTestId('unsaved-count')).toHaveTextContent('Belum ada pilihan baru.');
    expect(within(sheet).getByRole('button', { name: 'Simpan suara' })).toBeDisabled();
    expect(puts()).toHaveLength(0);
  });

  it("shows each line the server refused on its member's row, worded from the code, and keeps the taps", async () => {
    const user = userEvent.setup();
    const sheet = await openSheet();
    await within(sheet).findByTestId('voter-12');
    fetchMock.mockImplementationOnce(async () =>
      problem('invalid-input', 400, [
        { field: 'votes[1].member_id', code: 'has_account', message: 'member 13 votes herself' },
        { field: 'votes[0].member_id', code: 'not_member_now', message: 'member 12 left' },
      ]),
    );
    await user.click(within(row(12)).getByRole('button', { name: OPTION_B }));
    await user.click(within(row(13)).getByRole('button', { name: OPTION_A }));
    await user.click(within(sheet).getByRole('button', { name: 'Simpan 2 suara' }));

    expect(await within(row(13)).findByText('Anggota ini punya akun sendiri dan memilih dari ponselnya.')).toBeInTheDocument();
    expect(within(row(12)).getByText('Sudah bukan anggota kelompok; suaranya tidak dapat dicatat.')).toBeInTheDocument();
    expect(within(row(12)).getByRole('group', { name: 'Pilihan Sutini' })).toHaveAccessibleDescription(
      'Sudah bukan anggota kelompok; suaranya tidak dapat dicatat.',
    );
    expect(within(sheet).getByRole('alert')).toHaveTextContent('Belum ada suara yang disimpan: perbaiki 2 anggota yang ditandai, lalu simpan lagi.');
    expect(screen.queryByText(/votes herself|left/)).not.toBeInTheDocument();
    expect(screen.getByTestId('unsaved-count')).toHaveTextContent('2 pilihan belum disimpan');
  });

  it('asks before leaving with choices not saved: stays, or leaves when told', async () => {
    const user = userEvent.setup();
    const sheet = await openSheet();
    await user.click(within(await within(sheet).findByTestId('voter-12')).getByRole('button', { name: OPTION_A }));
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(true);

    await user.click(screen.getByRole('link', { name: 'Semua musyawarah' }));
    const guard = await screen.findByTestId('leave-guard');
    expect(guard).toHaveTextContent('1 pilihan suara belum disimpan. Bila halaman ini ditinggalkan, pilihan itu hilang.');
    await user.click(within(guard).getByRole('button', { name: 'Tetap di halaman ini' }));
    expect(screen.getByTestId('location')).toHaveTextContent('/groups/1/deliberations/3');
    expect(screen.queryByTestId('leave-guard')).not.toBeInTheDocument();
    expect(within(row(12)).getByRole('button', { name: OPTION_A })).toHaveAttribute('aria-pressed', 'true');

    await user.click(screen.getByRole('link', { name: 'Semua musyawarah' }));
    await user.click(within(await screen.findByTestId('leave-guard')).getByRole('button', { name: 'Tinggalkan tanpa menyimpan' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/groups\/1\/deliberations$/));
    expect(unload()).toBe(false);
    expect(puts()).toHaveLength(0);
  });

  it('lets the page go without a question once the choices are saved', async () => {
    const user = userEvent.setup();
    const sheet = await openSheet();
    await user.click(within(await within(sheet).findByTestId('voter-12')).getByRole('button', { name: OPTION_A }));
    await user.click(within(sheet).getByRole('button', { name: 'Simpan 1 suara' }));
    await within(sheet).findByText('1 suara sudah disimpan.');
    await user.click(screen.getByRole('link', { name: 'Semua musyawarah' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/groups\/1\/deliberations$/));
    expect(screen.queryByTestId('leave-guard')).not.toBeInTheDocument();
  });
});

describe("a member's own vote", () => {
  it('lets a member cast only her own vote, without naming herself, and then shows it', async () => {
    const user = userEvent.setup();
    serve(groupView({ writes: ['posts'], member_id: 14 }), deliberationView());
    renderWorkspace('/groups/1/deliberations/3');
    const own = await screen.findByTestId('own-vote');
    expect(screen.queryByTestId('vote-sheet')).not.toBeInTheDocument();
    const save = within(own).getByRole('button', { name: 'Simpan suara saya' });
    expect(save).toBeDisabled();
    await user.click(within(own).getByRole('button', { name: OPTION_B }));
    await user.click(save);

    expect(await within(own).findByText(`Anda sudah memilih: ${OPTION_B}`)).toBeInTheDocument();
    expect(within(own).getByText('Suara Anda sudah disimpan.')).toBeInTheDocument();
    expect(within(own).getAllByRole('button').map((b) => b.textContent)).toEqual(['Tarik suara saya']);
    expect(posts()).toEqual([{ option_id: 32 }]);
    expect(puts()).toHaveLength(0);
    expect(screen.queryByTestId('decide')).not.toBeInTheDocument();
    expect(callsTo(fetchMock, 'GET /api/v1/groups/1/members')).toHaveLength(0);
  });

  it('tells her before she saves that her vote counts in her name and stands once the proposal is decided', async () => {
    serve(groupView({ writes: [], member_id: 14 }), deliberationView());
    renderWorkspace('/groups/1/deliberations/3');
    const counts = await screen.findByTestId('own-vote-counts');
    expect(counts).toHaveTextContent('Satu anggota, satu suara');
    expect(counts).toHaveTextContent('setelah diputuskan, suara tidak dapat diubah');
  });

  it('shows a member who voted already her choice; no choice buttons, only taking it back', async () => {
    serve(groupView({ writes: [], member_id: 14 }), deliberationView({ votes: [vote(14, null, { own: true, recorded_by: 'painem' })] }));
    renderWorkspace('/groups/1/deliberations/3');
    const own = await screen.findByTestId('own-vote');
    expect(own).toHaveTextContent('Anda sudah memilih: Tidak setuju');
    expect(within(own).getAllByRole('button').map((b) => b.textContent)).toEqual(['Tarik suara saya']);
  });

  it('takes her vote back after asking, and offers the choices again', async () => {
    const user = userEvent.setup();
    serve(groupView({ writes: [], member_id: 14 }), deliberationView({ votes: [vote(14, 31, { own: true, recorded_by: 'painem' })] }));
    renderWorkspace('/groups/1/deliberations/3');
    const own = await screen.findByTestId('own-vote');
    await user.click(within(own).getByRole('button', { name: 'Tarik suara saya' }));
    expect(callsTo(fetchMock, 'DELETE /api/v1/groups/1/deliberations/3/votes/14')).toHaveLength(0);
    expect(own).toHaveTextContent('Suara Anda tidak dihitung sampai Anda memilih lagi.');
    await user.click(within(own).getByRole('button', { name: 'Ya, tarik suara' }));

    expect(await within(own).findByRole('button', { name: OPTION_A })).toBeInTheDocument();
    expect(callsTo(fetchMock, 'DELETE /api/v1/groups/1/deliberations/3/votes/14')).toHaveLength(1);
    expect(own).not.toHaveTextContent('Anda sudah memilih');
  });

  it('asks before she leaves with her choice tapped and not saved', async () => {
    const user = userEvent.setup();
    serve(groupView({ writes: [], member_id: 14 }), deliberationView());
    renderWorkspace('/groups/1/deliberations/3');
    await user.click(within(await screen.findByTestId('own-vote')).getByRole('button', { name: OPTION_A }));
    await user.click(screen.getByRole('link', { name: 'Semua musyawarah' }));
    expect(await screen.findByTestId('leave-guard')).toHaveTextContent('1 pilihan suara belum disimpan.');
  });
});

describe('who entered each vote, and the quorum', () => {
  it('says who recorded a vote the member did not cast herself', async () => {
    serve(
      groupView({ writes: ['profile', 'members'], member_id: null }),
      deliberationView({ votes: [vote(11, 31, { own: true, recorded_by: 'sulastri' }), vote(13, 32, { recorded_by: 'sutini' })] }),
    );
    renderWorkspace('/groups/1/deliberations/3');
    const list = await screen.findByTestId('votes-list');
    expect(within(list).getByTestId('vote-13')).toHaveTextContent(`Suwarni${OPTION_B}dicatat oleh sutini`);
    expect(within(list).getByTestId('vote-11')).not.toHaveTextContent('dicatat oleh');
    expect(screen.queryByTestId('vote-sheet')).not.toBeInTheDocument();
    expect(screen.queryByTestId('own-vote')).not.toBeInTheDocument();
    expect(screen.queryByTestId('decide')).not.toBeInTheDocument();
  });

  it('shows how many members have voted against the quorum, with the rule', async () => {
    serve(groupView(), deliberationView({ rule: 'two_thirds', quorum: 3, votes: [vote(12, 31), vote(13, null)] }));
    renderWorkspace('/groups/1/deliberations/3');
    const quorum = await screen.findByTestId('quorum');
    expect(quorum).toHaveTextContent('2 dari 4 anggota sudah memilih · kuorum 3');
    expect(within(quorum).getByRole('progressbar', { name: 'Anggota yang sudah memilih' })).toHaveAttribute('aria-valuenow', '2');
    expect(screen.getByTestId('quorum-state')).toHaveTextContent('Kurang 1 suara lagi untuk kuorum.');
    expect(screen.getByTestId('deliberation-rule')).toHaveTextContent('Cara memutuskan: Dua pertiga suara');
  });
});

describe('deciding a proposal', () => {
  const reached = () =>
    deliberationView({ quorum: 3, votes: [vote(11, 31, { own: true }), vote(12, 31), vote(13, 32), vote(14, 31, { own: true })] });

  it('refuses to count short of the quorum, and says so with the numbers', async () => {
    serve(groupView(), deliberationView({ quorum: 3, votes: [vote(12, 31), vote(13, 32)] }));
    renderWorkspace('/groups/1/deliberations/3');
    const decide = await screen.findByTestId('decide');
    expect(within(decide).getByRole('button', { name: 'Kuorum belum tercapai' })).toBeDisabled();
    expect(within(decide).getByTestId('decide-quorum')).toHaveTextContent('Baru 2 dari 4 anggota memilih; perlu 3.');
  });

  it('asks first in the page with the numbers and what will happen, and decides only on yes', async () => {
    const user = userEvent.setup();
    serve(groupView(), reached());
    renderWorkspace('/groups/1/deliberations/3');
    const decide = await screen.findByTestId('decide');
    await user.type(within(decide).getByLabelText('Catatan'), 'dicatat di buku kelompok');
    await user.click(within(decide).getByRole('button', { name: 'Hitung suara dan putuskan' }));

    const confirm = within(decide).getByTestId('decide-confirm');
    expect(confirm).toHaveTextContent('4 dari 4 anggota sudah memilih.');
    expect(confirm).toHaveTextContent('Usulan diputuskan dengan suara terbanyak: pilihan yang mendapat lebih dari separuh suara yang masuk disepakati.');
    expect(within(confirm).getByTestId('decide-forecast')).toHaveTextContent(`Menurut suara sekarang, "${OPTION_A}" disepakati (3 dari 4 suara).`);
    await user.click(within(confirm).getByRole('button', { name: 'Tidak jadi' }));
    expect(decides()).toHaveLength(0);

    await user.click(within(decide).getByRole('button', { name: 'Hitung suara dan putuskan' }));
    await user.click(within(decide).getByRole('button', { name: 'Ya, hitung dan putuskan' }));
    expect(await screen.findByText('Usulan sudah diputuskan.')).toBeInTheDocument();
    expect(decides()).toEqual([{ note: 'dicatat di buku kelompok' }]);
    expect(screen.getByTestId('deliberation')).toHaveTextContent('Disepakati pada 5 Maret 2026');
    expect(screen.getByTestId('norm')).toHaveTextContent(`Pembagian wilayah pasar: ${OPTION_A} (sejak 5 Maret 2026)`);
    expect(screen.queryByTestId('decide')).not.toBeInTheDocument();
    expect(screen.queryByTestId('vote-sheet')).not.toBeInTheDocument();
  });

  it('warns in the question that choices still on the sheet are not counted', async () => {
    const user = userEvent.setup();
    serve(groupView(), deliberationView({ quorum: 2, votes: [vote(11, 31, { own: true }), vote(14, 31, { own: true })] }));
    renderWorkspace('/groups/1/deliberations/3');
    await user.click(within(await screen.findByTestId('voter-12')).getByRole('button', { name: OPTION_B }));
    await user.click(within(screen.getByTestId('decide')).getByRole('button', { name: 'Hitung suara dan putuskan' }));
    expect(screen.getByTestId('decide-confirm')).toHaveTextContent('1 pilihan belum disimpan dan tidak ikut dihitung.');
  });

  it("words the server's refusal short of the quorum from its numbers, not its English", async () => {
    const user = userEvent.setup();
    serve(groupView(), reached());
    renderWorkspace('/groups/1/deliberations/3');
    const decide = await screen.findByTestId('decide');
    fetchMock.mockImplementationOnce(async () =>
      problem('conflict', 409, [
        { field: 'deliberation', code: 'no_quorum', message: '4 of 10 voted; 6 needed', params: { voted: '4', voters: '10', needed: '6' } },
      ]),
    );
    await user.click(within(decide).getByRole('button', { name: 'Hitung suara dan putuskan' }));
    await user.click(within(decide).getByRole('button', { name: 'Ya, hitung dan putuskan' }));
    expect(await within(decide).findByRole('alert')).toHaveTextContent('Baru 4 dari 10 anggota memilih; perlu 6.');
    expect(screen.queryByText(/needed/)).not.toBeInTheDocument();
  });

  it('words other refusals from their codes too', async () => {
    const user = userEvent.setup();
    serve(groupView(), reached());
    renderWorkspace('/groups/1/deliberations/3');
    const decide = await screen.findByTestId('decide');
    fetchMock.mockImplementationOnce(async () => problem('conflict', 409, [{ field: 'deliberation', code: 'decided', message: 'already decided' }]));
    await user.click(within(decide).getByRole('button', { name: 'Hitung suara dan putuskan' }));
    await user.click(within(decide).getByRole('button', { name: 'Ya, hitung dan putuskan' }));
    expect(await within(decide).findByRole('alert')).toHaveTextContent('Usulan ini sudah diputuskan; suara sudah ditutup.');
  });

  it('shows the setting a proposal changes, on the page and in the question', async () => {
    const user = userEvent.setup();
    serve(
      groupView(),
      deliberationView({
        ...reached(),
        title: 'Iuran bulanan naik menjadi Rp 15.000',
        topic: 'fee_rule',
        options: [{ id: 31, label: 'Iuran bulanan naik menjadi Rp 15.000', votes: 0, targets: [] }],
        change: { setting: 'monthly_fee', amount: 15_000, effective_on: '2027-01-01' },
      }),
    );
    renderWorkspace('/groups/1/deliberations/3');
    const card = await screen.findByTestId('deliberation');
    expect(within(card).getByTestId('setting-change').textContent?.replace(/\u00a0/g, ' ')).toBe(
      'Bila disepakati: Iuran Rp 15.000 per bulan mulai Januari 2027',
    );
    await user.click(within(screen.getByTestId('decide')).getByRole('button', { name: 'Hitung suara dan putuskan' }));
    expect(screen.getByTestId('decide-change').textContent?.replace(/\u00a0/g, ' ')).toContain('Iuran Rp 15.000 per bulan mulai Januari 2027');
  });

  it('records a consensus with its outcome and the option agreed on, without a quorum', async () => {
    const user = userEvent.setup();
    serve(groupView(), deliberationView({ method: 'consensus', rule: 'consensus', quorum: null, topic: 'fee_rule' }));
    renderWorkspace('/groups/1/deliberations/3');
    const decide = await screen.findByTestId('decide');
    expect(screen.queryByTestId('vote-sheet')).not.toBeInTheDocument();
    expect(screen.queryByTestId('quorum')).not.toBeInTheDocument();
    await user.click(within(decide).getByRole('button', { name: 'Simpan keputusan' }));
    expect(within(decide).getByText('Pilih hasil musyawarah.')).toBeInTheDocument();
    await user.click(within(decide).getByLabelText('Disepakati'));
    await user.selectOptions(within(decide).getByLabelText('Pilihan yang disepakati'), '32');
    await user.click(within(decide).getByRole('button', { name: 'Simpan keputusan' }));
    await screen.findByText('Usulan sudah diputuskan.');
    expect(decides()).toEqual([{ outcome: 'agreed', option_id: 32 }]);
  });

  it('shows a decided proposal that was not agreed, without a norm', async () => {
    serve(
      groupView(),
      deliberationView({ decided: true, outcome: 'not_agreed', decided_on: '2026-01-05', note: 'anggota ingin harga sendiri-sendiri', votes: [vote(12, null), vote(13, null), vote(14, 31)] }),
    );
    renderWorkspace('/groups/1/deliberations/3');
    const card = await screen.findByTestId('deliberation');
    expect(card).toHaveTextContent('Tidak disepakati pada 5 Januari 2026');
    expect(card).toHaveTextContent('anggota ingin harga sendiri-sendiri');
    expect(screen.queryByTestId('norm')).not.toBeInTheDocument();
    expect(screen.queryByTestId('decide')).not.toBeInTheDocument();
    expect(screen.queryByTestId('quorum')).not.toBeInTheDocument();
  });
});

describe('a learning theme’s options', () => {
  const CASSAVA = { competency_id: 9, code: 'tape.singkong', name: 'Memilih singkong', name_en: 'Choosing cassava', level: 3 };

  /** A learning-theme proposal whose first option names `targets` and whose second names none. */
  function serveTheme(targets: DeliberationView['options'][number]['targets']) {
    serve(
      groupView(),
      deliberationView({
        title: 'Tema belajar: musim panen',
        topic: 'learning_theme',
        options: [
          { id: 31, label: 'Tape singkong madu', votes: 0, targets },
          { id: 32, label: 'Tape ketan hitam', votes: 0, targets: [] },
        ],
      }),
    );
  }

  /** The lines under the first option of the tally. */
  async function firstOptionTargets(): Promise<HTMLElement> {
    const rows = [...(await screen.findByTestId('tally')).children] as HTMLElement[];
    return within(rows[0]!).getByTestId('option-targets');
  }

  it('list under each option the competencies the group would learn with it, so members know what they vote for', async () => {
    serveTheme([CASSAVA, { competency_id: 8, code: 'tape.ragi', name: 'Fermentasi dengan ragi', name_en: 'Fermentation with yeast', level: 2 }]);
    renderWorkspace('/groups/1/deliberations/3');
    const honey = await firstOptionTargets();
    expect(honey).toHaveTextContent(/^Yang dipelajari bila pilihan ini disepakati:/);
    expect(within(honey).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Memilih singkong · tingkat 3, bisa mengajari',
      'Fermentasi dengan ragi · tingkat 2, mandiri',
    ]);
    // An option naming none, and the votes against, list nothing.
    const rows = [...screen.getByTestId('tally').children] as HTMLElement[];
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).queryByTestId('option-targets')).not.toBeInTheDocument();
    expect(rows[2]).toHaveTextContent('Tidak setuju');
    expect(within(rows[2]!).queryByTestId('option-targets')).not.toBeInTheDocument();
  });

  it('name the competencies in English for an English reader, in Indonesian where the catalogue has no English name', async () => {
    serveTheme([CASSAVA, { competency_id: 12, code: 'tape.madu', name: 'Tape madu', name_en: null, level: 2 }]);
    renderWorkspace('/groups/1/deliberations/3', {}, 'en');
    const names = within(await firstOptionTargets()).getAllByRole('listitem').map((li) => li.textContent);
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/^Choosing cassava · /);
    expect(names[1]).toMatch(/^Tape madu · /);
  });
});
