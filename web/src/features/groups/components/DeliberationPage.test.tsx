import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { callsTo, page, problem, routeFetch } from '../../../test/fixtures';
import { deliberationView, groupView, MEMBERS } from '../../../test/groups';
import { renderWorkspace } from '../../../test/groups-render';
import { jsonResponse, sentJson, urlOf } from '../../../test/render';
import type { DeliberationView, GroupView, VoteInput } from '../types';

let fetchMock: ReturnType<typeof routeFetch>;
let current: DeliberationView;

/** A server that counts votes as they come and decides by majority. */
function serve(group: GroupView, start: DeliberationView) {
  current = start;
  fetchMock = routeFetch({
    'GET /api/v1/groups/1': () => jsonResponse(group),
    'GET /api/v1/groups/1/members': () => page(MEMBERS, 4, 200),
    'GET /api/v1/groups/1/deliberations/3': () => jsonResponse(current),
    'POST /api/v1/groups/1/deliberations/3/votes': (_url, init) => {
      const body = sentJson<VoteInput>(init?.body);
      const memberId = body.member_id ?? group.member_id!;
      const name = MEMBERS.find((m) => m.id === memberId)!.person.name;
      current = {
        ...current,
        options: current.options.map((o) => (o.id === body.option_id ? { ...o, votes: o.votes + 1 } : o)),
        votes_against: current.votes_against + (body.option_id === null ? 1 : 0),
        votes_cast: current.votes_cast + 1,
        votes: [...current.votes, { member_id: memberId, name, option_id: body.option_id }],
      };
      return jsonResponse(current, 201);
    },
    'POST /api/v1/groups/1/deliberations/3/decide': () => {
      current = {
        ...current,
        decided: true,
        outcome: 'agreed',
        option_id: 31,
        decided_on: '2026-03-05',
        norm: { id: 1, deliberation_id: 3, topic: 'market_areas', text: current.options[0]!.label, adopted_on: '2026-03-05' },
      };
      return jsonResponse(current);
    },
  });
}

beforeEach(() => serve(groupView(), deliberationView()));

const voter = (memberId: number) => screen.getByTestId(`voter-${memberId}`);
const voteBodies = () =>
  callsTo(fetchMock, 'POST /api/v1/groups/1/deliberations/3/votes').map((c) => sentJson(c.init?.body));

describe('recording votes on a proposal', () => {
  it("lets the leader tap each member's choice and save it, and the count follows", async () => {
    const user = userEvent.setup();
    renderWorkspace('/groups/1/deliberations/3');
    await screen.findByTestId('voter-12');
    const choices = within(voter(12)).getByRole('group', { name: 'Pilihan Sutini' });
    expect(within(choices).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Bu Sulastri: Pasar Ngajum; Bu Sutini: Pasar Kepanjen',
      'Semua anggota bebas di semua pasar',
      'Tidak setuju',
    ]);
    await user.click(within(choices).getByRole('button', { name: 'Bu Sulastri: Pasar Ngajum; Bu Sutini: Pasar Kepanjen' }));
    await user.click(within(voter(12)).getByRole('button', { name: 'Simpan suara Sutini' }));

    expect(await screen.findByText('Suara Sutini sudah dicatat.')).toBeInTheDocument();
    expect(voteBodies()).toEqual([{ member_id: 12, option_id: 31 }]);
    expect(voter(12)).toHaveTextContent('Sudah memilih: Bu Sulastri: Pasar Ngajum; Bu Sutini: Pasar Kepanjen');
    expect(within(voter(12)).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByTestId('tally')).toHaveTextContent('1 suara (100%)');
  });

  it('records a vote against the proposal as option null', async () => {
    const user = userEvent.setup();
    renderWorkspace('/groups/1/deliberations/3');
    await screen.findByTestId('voter-14');
    await user.click(within(voter(14)).getByRole('button', { name: 'Tidak setuju' }));
    await user.click(within(voter(14)).getByRole('button', { name: 'Simpan suara Painem' }));
    await screen.findByText('Suara Painem sudah dicatat.');
    expect(voteBodies()).toEqual([{ member_id: 14, option_id: null }]);
  });

  it('lets a mis-tap be undone before saving, and saves nothing until asked', async () => {
    const user = userEvent.setup();
    renderWorkspace('/groups/1/deliberations/3');
    await screen.findByTestId('voter-13');
    const against = within(voter(13)).getByRole('button', { name: 'Tidak setuju' });
    await user.click(against);
    expect(against).toHaveAttribute('aria-pressed', 'true');
    await user.click(against);
    expect(against).toHaveAttribute('aria-pressed', 'false');
    expect(within(voter(13)).queryByRole('button', { name: 'Simpan suara Suwarni' })).not.toBeInTheDocument();
    expect(voteBodies()).toHaveLength(0);
  });

  it('shows members who voted already with their choice instead of buttons', async () => {
    serve(groupView(), deliberationView({ votes_cast: 1, votes: [{ member_id: 11, name: 'Sulastri', option_id: 32 }] }));
    renderWorkspace('/groups/1/deliberations/3');
    await screen.findByTestId('voter-11');
    expect(voter(11)).toHaveTextContent('Sudah memilih: Semua anggota bebas di semua pasar');
    expect(within(voter(11)).queryByRole('button')).not.toBeInTheDocument();
  });

  it('lets a member cast only her own vote, without naming herself', async () => {
    const user = userEvent.setup();
    serve(groupView({ writes: ['posts'], member_id: 14 }), deliberationView());
    renderWorkspace('/groups/1/deliberations/3');
    const recorder = await screen.findByTestId('vote-recorder');
    expect(within(recorder).getAllByRole('listitem')).toHaveLength(1);
    await user.click(within(voter(14)).getByRole('button', { name: 'Semua anggota bebas di semua pasar' }));
    await user.click(within(voter(14)).getByRole('button', { name: /^Simpan suara/ }));
    await waitFor(() => expect(voteBodies()).toEqual([{ option_id: 32 }]));
    expect(screen.queryByTestId('decide')).not.toBeInTheDocument();
    expect(callsTo(fetchMock, 'GET /api/v1/groups/1/members')).toHaveLength(0);
  });

  it('shows an officer who is no member the votes, with nothing to tap', async () => {
    serve(groupView({ writes: ['profile', 'members'], member_id: null }), deliberationView({ votes: [{ member_id: 11, name: 'Sulastri', option_id: 31 }], votes_cast: 1 }));
    renderWorkspace('/groups/1/deliberations/3');
    const list = await screen.findByTestId('votes-list');
    expect(list).toHaveTextContent('Sulastri');
    expect(screen.queryByTestId('vote-recorder')).not.toBeInTheDocument();
    expect(screen.queryByTestId('decide')).not.toBeInTheDocument();
  });

  it('says beside the member when the server refuses the vote', async () => {
    const user = userEvent.setup();
    serve(groupView(), deliberationView());
    fetchMock.mockImplementation(async (input, init) => {
      const url = new URL(urlOf(input), 'http://localhost');
      if (init?.method === 'POST') return problem('already-exists', 409, [{ field: 'member_id', code: 'already_exists' }]);
      if (url.pathname.endsWith('/members')) return page(MEMBERS, 4, 200);
      if (url.pathname.endsWith('/deliberations/3')) return jsonResponse(current);
      return jsonResponse(groupView());
    });
    renderWorkspace('/groups/1/deliberations/3');
    await screen.findByTestId('voter-12');
    await user.click(within(voter(12)).getByRole('button', { name: 'Tidak setuju' }));
    await user.click(within(voter(12)).getByRole('button', { name: 'Simpan suara Sutini' }));
    expect(await within(voter(12)).findByText('Anggota ini sudah memberi suara.')).toBeInTheDocument();
  });
});

describe('deciding a proposal', () => {
  it('counts the votes on request and shows the norm the agreed option became', async () => {
    const user = userEvent.setup();
    serve(
      groupView(),
      deliberationView({
        options: [
          { id: 31, label: 'Bu Sulastri: Pasar Ngajum; Bu Sutini: Pasar Kepanjen', votes: 3 },
          { id: 32, label: 'Semua anggota bebas di semua pasar', votes: 1 },
        ],
        votes_cast: 4,
      }),
    );
    renderWorkspace('/groups/1/deliberations/3');
    const decide = await screen.findByTestId('decide');
    await user.type(within(decide).getByLabelText('Catatan'), 'dicatat di buku kelompok');
    await user.click(within(decide).getByRole('button', { name: 'Hitung suara dan putuskan' }));

    expect(await screen.findByText('Usulan sudah diputuskan.')).toBeInTheDocument();
    const [call] = callsTo(fetchMock, 'POST /api/v1/groups/1/deliberations/3/decide');
    expect(sentJson(call!.init?.body)).toEqual({ note: 'dicatat di buku kelompok' });
    expect(screen.getByTestId('deliberation')).toHaveTextContent('Disepakati pada 5 Maret 2026');
    expect(screen.getByTestId('norm')).toHaveTextContent('Bu Sulastri: Pasar Ngajum; Bu Sutini: Pasar Kepanjen (sejak 5 Maret 2026)');
    expect(screen.queryByTestId('decide')).not.toBeInTheDocument();
    expect(screen.queryByTestId('vote-recorder')).not.toBeInTheDocument();
  });

  it('records a consensus with its outcome and the option agreed on', async () => {
    const user = userEvent.setup();
    serve(groupView(), deliberationView({ method: 'consensus', topic: 'fee_rule' }));
    renderWorkspace('/groups/1/deliberations/3');
    const decide = await screen.findByTestId('decide');
    expect(screen.queryByTestId('vote-recorder')).not.toBeInTheDocument();
    await user.click(within(decide).getByRole('button', { name: 'Simpan keputusan' }));
    expect(within(decide).getByText('Pilih hasil musyawarah.')).toBeInTheDocument();
    await user.click(within(decide).getByLabelText('Disepakati'));
    await user.selectOptions(within(decide).getByLabelText('Pilihan yang disepakati'), '32');
    await user.click(within(decide).getByRole('button', { name: 'Simpan keputusan' }));
    await screen.findByText('Usulan sudah diputuskan.');
    const [call] = callsTo(fetchMock, 'POST /api/v1/groups/1/deliberations/3/decide');
    expect(sentJson(call!.init?.body)).toEqual({ outcome: 'agreed', option_id: 32 });
  });

  it('shows a decided proposal that was not agreed, without a norm', async () => {
    serve(
      groupView(),
      deliberationView({ decided: true, outcome: 'not_agreed', decided_on: '2026-01-05', note: 'anggota ingin harga sendiri-sendiri', votes_against: 2, votes_cast: 3 }),
    );
    renderWorkspace('/groups/1/deliberations/3');
    const card = await screen.findByTestId('deliberation');
    expect(card).toHaveTextContent('Tidak disepakati pada 5 Januari 2026');
    expect(card).toHaveTextContent('anggota ingin harga sendiri-sendiri');
    expect(screen.queryByTestId('norm')).not.toBeInTheDocument();
    expect(screen.queryByTestId('decide')).not.toBeInTheDocument();
  });
});
