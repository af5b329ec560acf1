import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../../lib/api-client';
import { callsTo, page, problem, renderAt, routeFetch } from '../../../test/fixtures';
import { jsonResponse, sentJson } from '../../../test/render';
import type { MatchingRunView } from '../types/matching';
import { MatchingPage } from './MatchingPage';
import { MatchingRunPage } from './MatchingRunPage';

const WEIGHTS = { values: 40, coverage: 40, proximity: 15, community: 10 };

function view(overrides: Partial<MatchingRunView> = {}): MatchingRunView {
  return {
    id: 9,
    status: 'queued',
    input: { group_ids: [1, 2], default_capacity: 2, top_k: null, capacities: [] },
    progress: { stage: null, done: 0, total: 0 },
    error: null,
    total_score: null,
    created_by: 3,
    created_at: '2026-12-02T03:00:00Z',
    started_at: null,
    finished_at: null,
    published_by: null,
    published_at: null,
    weights: WEIGHTS,
    result: null,
    ...overrides,
  };
}

/** Both pairs' mentor, Ibu Darmi of the community, and the competency she covers for each mentee. */
const DARMI = {
  mentor_person_id: 30,
  mentor_member_id: 10,
  mentor_name: 'Ibu Darmi',
  mentor_origin: 'community',
  covered_competencies: [{ id: 4, name: 'Ecoprint (ecotik)' }],
} as const satisfies Partial<NonNullable<MatchingRunView['result']>['pairs'][number]>;

const RESULT: NonNullable<MatchingRunView['result']> = {
  pairs: [
    {
      mentee_member_id: 11,
      mentee_name: 'Painem',
      group_id: 1,
      ...DARMI,
      score: { total: 105, values: 40, values_answered: true, coverage: 40, proximity: 15, proximity_kind: 'same_group', community: 10 },
    },
    {
      mentee_member_id: 21,
      mentee_name: 'Sutini',
      group_id: 2,
      ...DARMI,
      score: { total: 70, values: 20, values_answered: false, coverage: 40, proximity: 0, proximity_kind: 'none', community: 10 },
    },
  ],
  unplaced: [
    { member_id: 22, name: 'Suwarni', group_id: 2, reason: 'no_mentor_covers', uncovered_competencies: [{ id: 6, name: 'Mondeng' }] },
    { member_id: 12, name: 'Tukini', group_id: 1, reason: 'capacity', uncovered_competencies: [] },
  ],
};

const GROUPS = [
  { id: 1, name: 'Citra Gendhis' },
  { id: 2, name: 'Batik Tulis Jambangan' },
];

let answers: MatchingRunView[];
/** Which of `answers` the server gives now: the test moves the run on once it has read a state. */
let step: number;
let publishAnswer: () => Response;
let fetchMock: ReturnType<typeof routeFetch>;

beforeEach(() => {
  api.setCsrfToken('csrf-1');
  answers = [];
  step = 0;
  publishAnswer = () => jsonResponse(view({ status: 'published', published_at: '2026-12-02T04:00:00Z', result: RESULT, total_score: 175 }));
  fetchMock = routeFetch({
    'GET /api/v1/matching/runs/9': () => jsonResponse(answers[Math.min(step, answers.length - 1)]),
    'POST /api/v1/matching/runs/9/publish': () => publishAnswer(),
    'GET /api/v1/groups/1': () => jsonResponse(GROUPS[0]),
    'GET /api/v1/groups/2': () => jsonResponse(GROUPS[1]),
    'GET /api/v1/groups': () => page(GROUPS, 2, 200),
    'GET /api/v1/groups/1/members': () =>
      page([{ id: 10, person: { id: 30, name: 'Ibu Darmi' }, mentor: true }, { id: 11, person: { id: 31, name: 'Painem' }, mentor: false }], 2, 200),
    'GET /api/v1/groups/2/members': () => page([{ id: 40, person: { id: 30, name: 'Ibu Darmi' }, mentor: true }], 1, 200),
    'GET /api/v1/matching/runs': () => page([view({ status: 'succeeded' })], 1, 20),
    'POST /api/v1/matching/runs': () => jsonResponse(view(), 202),
  });
});

function renderRun() {
  return renderAt(<MatchingRunPage pollMs={5} />, { path: '/matching/:id', at: '/matching/9' });
}

describe('MatchingRunPage', () => {
  it('follows a run’s progress in words, stops asking once it succeeded, and shows the pairs term by term', async () => {
    answers = [
      view(),
      view({ status: 'running', progress: { stage: 'scoring', done: 2, total: 4 } }),
      view({ status: 'succeeded', progress: { stage: 'explaining', done: 4, total: 4 }, result: RESULT, total_score: 175 }),
    ];
    renderRun();
    expect(await screen.findByText(/Menunggu giliran diproses/)).toBeInTheDocument();
    step = 1;
    expect(await screen.findByText(/Menilai kecocokan setiap mentee dengan para mentor: 2 dari 4 mentee/)).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Kemajuan pencocokan' })).toHaveAttribute('aria-valuenow', '25');
    step = 2;

    const pairs = await screen.findAllByTestId('pair');
    expect(pairs).toHaveLength(2);
    expect(pairs[0]).toHaveTextContent('Painem');
    expect(pairs[0]).toHaveTextContent('Citra Gendhis');
    expect(pairs[0]).toHaveTextContent('Mentor: Ibu Darmi');
    expect(pairs[0]).toHaveTextContent('Mentor komunitas');
    expect(within(pairs[0]!).getByTestId('pair-score')).toHaveTextContent('105 dari 105 poin');
    expect(within(pairs[0]!).getByTestId('term-proximity')).toHaveTextContent('Kedekatan15/15Satu kelompok');
    expect(within(pairs[1]!).getByTestId('term-values')).toHaveTextContent('20/40');
    expect(within(pairs[1]!).getByTestId('term-values')).toHaveTextContent('separuh poin');
    expect(pairs[1]).toHaveTextContent('Batik Tulis Jambangan');
    expect(pairs[0]).toHaveTextContent('Kompetensi yang dikuasai mentor: Ecoprint (ecotik)');
    const reasons = screen.getAllByTestId('unplaced-reason').map((p) => p.textContent);
    expect(reasons).toEqual(['Tidak ada mentor yang menguasai Mondeng', 'Semua mentor yang cocok sudah penuh']);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();

    const reads = callsTo(fetchMock, 'GET /api/v1/matching/runs/9').length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(callsTo(fetchMock, 'GET /api/v1/matching/runs/9').length).toBe(reads);
  });

  it('says why a run failed', async () => {
    answers = [view({ status: 'failed', error: 'the solver ran out of memory', progress: { stage: 'solving', done: 0, total: 2 } })];
    renderRun();
    expect(await screen.findByTestId('run-failed')).toHaveTextContent('Pencocokan gagal: the solver ran out of memory');
  });

  it('publishes after asking, and shows the run published with the way to each group’s Belajar tab', async () => {
    const user = userEvent.setup();
    answers = [view({ status: 'succeeded', result: RESULT, total_score: 175 })];
    renderRun();
    await user.click(await screen.findByRole('button', { name: 'Terbitkan pasangan' }));
    expect(screen.getByText('Terbitkan 2 pasangan ini sebagai pendampingan mulai hari ini?')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Ya, terbitkan' }));
    const published = await screen.findByTestId('run-published');
    expect(within(published).getByRole('link', { name: 'Belajar Citra Gendhis' })).toHaveAttribute('href', '/groups/1/learning');
    expect(screen.getByTestId('run-status')).toHaveTextContent('Sudah diterbitkan');
    expect(callsTo(fetchMock, 'POST /api/v1/matching/runs/9/publish')).toHaveLength(1);
  });

  it('lists a stale refusal member by member, and publishes nothing', async () => {
    const user = userEvent.setup();
    answers = [view({ status: 'succeeded', result: RESULT, total_score: 175 })];
    publishAnswer = () =>
      problem('conflict', 409, [
        { field: 'pairs', code: 'stale', params: { member: 'Painem', member_id: '11', mentor: 'Ibu Darmi', reason: 'mentored' } },
        { field: 'pairs', code: 'stale', params: { member: 'Sutini', member_id: '21', mentor: 'Ibu Darmi', reason: 'left' } },
      ]);
    renderRun();
    await user.click(await screen.findByRole('button', { name: 'Terbitkan pasangan' }));
    await user.click(screen.getByRole('button', { name: 'Ya, terbitkan' }));
    const refused = await screen.findByTestId('publish-refused');
    expect(within(refused).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Painem sudah punya mentor (diusulkan dengan Ibu Darmi)',
      'Sutini sudah keluar dari kelompok (diusulkan dengan Ibu Darmi)',
    ]);
    expect(screen.getByTestId('run-status')).toHaveTextContent('Usulan siap diperiksa');
  });
});

describe('MatchingPage', () => {
  it('lists the runs of a group and starts a run over the chosen groups with a mentor on leave', async () => {
    const user = userEvent.setup();
    answers = [view()];
    renderAt(<MatchingPage />, { path: '/matching', at: '/matching', others: { '/matching/:id': <p>{'run page'}</p> } });
    const runs = await screen.findAllByTestId('matching-run');
    expect(runs[0]).toHaveTextContent('Pencocokan nomor 9');
    expect(runs[0]).toHaveTextContent('Usulan siap diperiksa');
    expect(callsTo(fetchMock, 'GET /api/v1/matching/runs')[0]!.url.searchParams.get('group_id')).toBe('1');

    await user.click(screen.getByRole('button', { name: 'Mulai pencocokan' }));
    const form = screen.getByTestId('matching-form');
    expect(within(form).getByLabelText('Citra Gendhis')).toBeChecked();
    await user.click(within(form).getByLabelText('Batik Tulis Jambangan'));
    // Ibu Darmi mentors in both groups: asked once.
    const darmi = await within(form).findByLabelText('Ibu Darmi');
    expect(within(form).getAllByLabelText('Ibu Darmi')).toHaveLength(1);
    await user.clear(within(form).getByLabelText(/Mentee per mentor/));
    await user.type(within(form).getByLabelText(/Mentee per mentor/), '2');
    await user.type(darmi, '0');
    await user.click(within(form).getByRole('button', { name: 'Mulai' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/matching/9'));
    const [call] = callsTo(fetchMock, 'POST /api/v1/matching/runs');
    expect(sentJson(call!.init?.body)).toEqual({ group_ids: [1, 2], default_capacity: 2, capacities: [{ member_id: 10, capacity: 0 }] });
  });

  it('says in words why a start was refused', async () => {
    const user = userEvent.setup();
    fetchMock = routeFetch({
      'GET /api/v1/groups': () => page(GROUPS, 2, 200),
      'GET /api/v1/groups/1/members': () => page([], 0, 200),
      'GET /api/v1/matching/runs': () => page([], 0, 20),
      'POST /api/v1/matching/runs': () => problem('invalid-input', 400, [{ field: 'group_ids', code: 'no_mentees' }]),
    });
    renderAt(<MatchingPage />, { path: '/matching', at: '/matching' });
    expect(await screen.findByText('Belum ada pencocokan untuk kelompok ini.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Mulai pencocokan' }));
    await user.click(within(screen.getByTestId('matching-form')).getByRole('button', { name: 'Mulai' }));
    expect(await screen.findByText(/Semua anggota aktif kelompok ini sudah punya mentor/)).toBeInTheDocument();
  });
});
