import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../../lib/api-client';
import { formatDay, todayIso } from '../../../lib/format';
import { callsTo, page, problem, renderAt, routeFetch, type Handler } from '../../../test/fixtures';
import { groupView } from '../../../test/groups';
import { CASSAVA, cycle, evaluation, LEARNING_MEMBERS, learningOutcomes, mentorship, PATHS, summary, TAPE_COMPETENCIES, YEAST } from '../../../test/learning';
import { jsonResponse, sentJson } from '../../../test/render';
import type { GroupView, Mentorship } from '../types/cycles';
import { LearningSection } from './LearningSection';

const LEADER = groupView({ member_id: 11 });
const PAINEM = groupView({ member_id: 14, writes: ['posts'] });

const UNDER_WAY = cycle({
  id: 4,
  status: 'implementation',
  next_status: 'evaluation',
  theme: 'Tape singkong madu',
  evaluations: [evaluation(14, YEAST), evaluation(14, CASSAVA), evaluation(16, YEAST)],
});
const OLDER = cycle({ id: 2, title: 'Belajar kemasan', status: 'closed', next_status: null, mentor_name: 'Dr. Bambang', mentor_member_id: null, mentor_origin: 'external', theme: null });

let mentorships: Mentorship[];
let fetchMock: ReturnType<typeof routeFetch>;

function serve(writes: Record<string, Handler> = {}) {
  mentorships = [mentorship(), mentorship({ id: 2, mentee_member_id: 16, mentee_name: 'Tukini', started_on: '2025-01-01', ended_on: '2025-06-30', note: null })];
  fetchMock = routeFetch({
    'GET /api/v1/cycles': () => page([summary(UNDER_WAY, 3), summary(OLDER, 5)], 2, 200),
    'GET /api/v1/mentorships': () => page(mentorships, mentorships.length, 200),
    'GET /api/v1/groups/1/members': () => page(LEARNING_MEMBERS, LEARNING_MEMBERS.length, 200),
    'GET /api/v1/competencies': () => page(TAPE_COMPETENCIES, TAPE_COMPETENCIES.length, 200),
    'GET /api/v1/groups/1/deliberations': () => page([], 0, 200),
    'GET /api/v1/groups/1/learning-outcomes': () => jsonResponse(learningOutcomes()),
    ...writes,
  });
}

function openTab(group: GroupView = LEADER) {
  return renderAt(<LearningSection group={group} cycleId={null} paths={PATHS} />, {
    path: '/groups/:id/learning',
    at: '/groups/1/learning',
    others: { '/groups/:id/learning/:cycleId': <p>{'cycle page'}</p> },
  });
}

const sentTo = (key: string) => callsTo(fetchMock, key).map((call) => sentJson(call.init?.body));

beforeEach(() => {
  api.setCsrfToken('csrf-1');
});

describe('the learning tab', () => {
  it('lists the group’s cycles with their stage, theme, mentor, sessions and completion', async () => {
    serve();
    openTab(PAINEM);
    const card = await screen.findByTestId('cycle-4');
    expect(within(card).getByRole('link', { name: 'Belajar bersama musim panen' })).toHaveAttribute('href', '/groups/1/learning/4');
    expect(within(card).getByTestId('cycle-stage')).toHaveTextContent('Pelaksanaan');
    expect(card).toHaveTextContent('3 sesi belajar');
    expect(within(card).getByTestId('cycle-4-theme')).toHaveTextContent('Tema: Tape singkong madu');
    expect(card).toHaveTextContent('Mentor: Darmi Mentor komunitas');
    expect(within(card).getByRole('progressbar', { name: 'Ketercapaian kompetensi' })).toHaveAttribute('aria-valuenow', '75');
    expect(card).toHaveTextContent('3 dari 4 kompetensi tercapai (75%)');
    const older = screen.getByTestId('cycle-2');
    expect(within(older).getByTestId('cycle-stage')).toHaveTextContent('Selesai');
    expect(older).toHaveTextContent('Tema belum dipilih');
    expect(older).toHaveTextContent('Mentor: Dr. Bambang Konsultan luar');
    expect(screen.getByRole('heading', { name: 'Siklus belajar (2 siklus)' })).toBeInTheDocument();
  });

  it('shows what the group’s learning achieved after its cycles: the comparison of community and outside mentors', async () => {
    serve();
    openTab(PAINEM);
    const outcomes = await screen.findByTestId('outcomes');
    expect(within(outcomes).getByRole('heading', { name: 'Hasil belajar' })).toBeInTheDocument();
    expect(await within(outcomes).findByTestId('origin-community')).toHaveTextContent('75%');
    expect(within(outcomes).getByTestId('origin-external')).toHaveTextContent('2,3 hari');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('lists who mentors whom and for how long, and offers a member neither a plan nor a pairing', async () => {
    serve();
    openTab(PAINEM);
    const first = await screen.findByTestId('mentorship-1');
    expect(within(first).getByRole('heading')).toHaveTextContent('Darmi → Painem');
    expect(first).toHaveTextContent('Berjalan');
    expect(screen.getByTestId('mentorship-1-period')).toHaveTextContent(`Sejak ${formatDay('2025-07-01', 'id')}`);
    expect(screen.getByTestId('mentorship-2-period')).toHaveTextContent('1 Jan 2025 sampai 30 Jun 2025');
    expect(screen.getByTestId('mentorship-2')).toHaveTextContent('Sudah berakhir');
    await screen.findByTestId('cycle-list');
    expect(screen.queryByRole('button', { name: 'Rencanakan siklus' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tambah pendampingan' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Akhiri/ })).not.toBeInTheDocument();
  });

  it('lets the leader plan a cycle, picking competencies of the group’s sector and its members, and opens it', async () => {
    const user = userEvent.setup();
    serve({ 'POST /api/v1/cycles': (_url, init) => jsonResponse(cycle({ ...sentJson<object>(init?.body) }), 201) });
    openTab();
    await user.click(await screen.findByRole('button', { name: 'Rencanakan siklus' }));
    const form = screen.getByTestId('cycle-form');
    expect(callsTo(fetchMock, 'GET /api/v1/competencies')[0]!.url.searchParams.get('sector')).toBe('food_processing');
    await user.click(within(form).getByRole('button', { name: 'Simpan rencana' }));
    expect(within(form).getByText('Isi judulnya.')).toBeInTheDocument();
    expect(within(form).getByText('Pilih mentornya.')).toBeInTheDocument();

    await user.type(within(form).getByLabelText(/^Judul/), 'Belajar bersama musim panen');
    await user.selectOptions(within(form).getByLabelText(/^Mentor \*/), 'Darmi (mentor kelompok)');
    // The mentor is no mentee of her own cycle.
    expect(within(within(form).getByTestId('plan-mentees')).queryByLabelText('Darmi')).not.toBeInTheDocument();
    await user.click(await within(form).findByLabelText('Fermentasi dengan ragi'));
    await user.click(within(form).getByLabelText('Memilih singkong'));
    await user.selectOptions(within(form).getByLabelText('Tingkat yang dituju untuk Memilih singkong'), '3');
    await user.click(within(form).getByLabelText('Painem'));
    await user.click(within(form).getByLabelText('Tukini'));
    await user.type(within(form).getByLabelText('Tempat'), 'rumah Bu Sulastri');
    await user.selectOptions(within(form).getByLabelText('Tuan rumah'), 'Sulastri');
    await user.click(within(form).getByRole('button', { name: 'Simpan rencana' }));
    expect(await screen.findByTestId('location')).toHaveTextContent('/groups/1/learning/4');
    expect(sentTo('POST /api/v1/cycles')).toEqual([
      {
        group_id: 1,
        title: 'Belajar bersama musim panen',
        theme: null,
        mentor_origin: 'community',
        mentor_member_id: 15,
        mentor_person_id: null,
        deliberation_id: null,
        schedule_deliberation_id: null,
        venue_deliberation_id: null,
        targets: [
          { competency_id: YEAST, level: 2 },
          { competency_id: CASSAVA, level: 3 },
        ],
        mentees: [{ member_id: 14 }, { member_id: 16 }],
        venue: 'rumah Bu Sulastri',
        host_member_id: 11,
        time_allocation: null,
        facilities: null,
        planned_from: null,
        planned_to: null,
      },
    ]);
  });

  it('words the server’s refusal of a plan: a consultant not in the registry, a caller who does not guide', async () => {
    const user = userEvent.setup();
    let calls = 0;
    serve({
      'POST /api/v1/cycles': () => {
        calls += 1;
        return calls === 1 ? problem('invalid-input', 400, [{ field: 'mentor_person_id', code: 'not_found' }]) : problem('forbidden', 403);
      },
    });
    openTab(groupView({ member_id: null, writes: ['profile', 'members'] }));
    await user.click(await screen.findByRole('button', { name: 'Rencanakan siklus' }));
    const form = screen.getByTestId('cycle-form');
    await user.type(within(form).getByLabelText(/^Judul/), 'Belajar ecotik');
    await user.click(within(form).getByLabelText(/^Konsultan luar/));
    await user.type(within(form).getByLabelText(/^Nomor konsultan di registri/), '4040');
    await user.click(within(form).getByRole('button', { name: 'Simpan rencana' }));
    expect(await within(form).findByText('Tidak ada orang dengan nomor ini di registri.')).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Simpan rencana' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'Pembelajaran kelompok diatur oleh ketua kelompok, mentor kelompok, dan pendampingnya (petugas dinas, fasilitator).',
    );
    expect(sentTo('POST /api/v1/cycles')[0]).toMatchObject({ mentor_origin: 'external', mentor_member_id: null, mentor_person_id: 4040 });
  });

  it('lets a mentor pair herself with a mentee, wording a pair that exists already, and end a pairing', async () => {
    const user = userEvent.setup();
    let tries = 0;
    serve({
      'POST /api/v1/mentorships': (_url, init) => {
        tries += 1;
        if (tries === 1) return problem('already-exists', 409, [{ field: 'mentee_member_id', code: 'already_exists' }]);
        const body = sentJson<Partial<Mentorship>>(init?.body);
        const created = mentorship({ id: 3, ...body, mentee_name: 'Tukini' });
        mentorships = [created, ...mentorships];
        return jsonResponse(created, 201);
      },
      'PATCH /api/v1/mentorships/1': (_url, init) => {
        mentorships = mentorships.map((m) => (m.id === 1 ? { ...m, ...sentJson<Partial<Mentorship>>(init?.body) } : m));
        return jsonResponse(mentorships.find((m) => m.id === 1));
      },
    });
    openTab(groupView({ member_id: 15, writes: ['meetings', 'posts'] }));
    await user.click(await screen.findByRole('button', { name: 'Tambah pendampingan' }));
    const form = screen.getByTestId('mentorship-form');
    await user.selectOptions(within(form).getByLabelText(/^Mentor \*/), 'Darmi');
    await user.selectOptions(within(form).getByLabelText(/^Anggota yang dibimbing/), 'Darmi');
    await user.click(within(form).getByRole('button', { name: 'Simpan' }));
    expect(within(form).getByText('Mentor tidak dapat membimbing dirinya sendiri.')).toBeInTheDocument();
    await user.selectOptions(within(form).getByLabelText(/^Anggota yang dibimbing/), 'Tukini');
    await user.click(within(form).getByRole('button', { name: 'Simpan' }));
    expect(await within(form).findByText('Mentor ini sudah membimbing anggota ini pada masa itu.')).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Simpan' }));
    expect(await screen.findByText('Pendampingan Darmi untuk Tukini sudah dicatat.')).toBeInTheDocument();
    expect(sentTo('POST /api/v1/mentorships')[1]).toEqual({
      group_id: 1,
      mentor_origin: 'community',
      mentor_member_id: 15,
      mentor_person_id: null,
      mentee_member_id: 16,
      started_on: todayIso(),
      ended_on: null,
      note: null,
    });

    await user.click(within(await screen.findByTestId('mentorship-1')).getByRole('button', { name: 'Akhiri pendampingan Darmi untuk Painem' }));
    const question = within(screen.getByTestId('mentorship-1')).getByRole('group');
    expect(question).toHaveTextContent(`Akhiri pendampingan Darmi untuk Painem per hari ini, ${formatDay(todayIso(), 'id')}?`);
    await user.click(within(question).getByRole('button', { name: 'Ya, akhiri' }));
    expect(await screen.findByText('Pendampingan Darmi untuk Painem sudah diakhiri.')).toBeInTheDocument();
    expect(sentTo('PATCH /api/v1/mentorships/1')).toEqual([{ ended_on: todayIso() }]);
  });
});
