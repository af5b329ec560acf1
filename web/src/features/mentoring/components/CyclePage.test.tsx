import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../../lib/api-client';
import { todayIso } from '../../../lib/format';
import { callsTo, page, problem, renderAt, routeFetch, type Handler } from '../../../test/fixtures';
import { groupView } from '../../../test/groups';
import { CASSAVA, cycle, evaluation, LEARNING_MEMBERS, PATHS, TAPE_COMPETENCIES, YEAST } from '../../../test/learning';
import { setViewportWidth } from '../../../test/media';
import { jsonResponse, sentJson } from '../../../test/render';
import type { Cycle, GroupView } from '../types/cycles';
import { LearningSection } from './LearningSection';

const LEADER = groupView({ member_id: 11 });
const PAINEM = groupView({ member_id: 14, writes: ['posts'] });

let current: Cycle;
let fetchMock: ReturnType<typeof routeFetch>;

/** The server: the cycle as it stands, the group's members and catalogue, and the writes' answers. */
function serve(start: Cycle, writes: Record<string, Handler> = {}) {
  current = start;
  fetchMock = routeFetch({
    'GET /api/v1/cycles/4': () => jsonResponse(current),
    'GET /api/v1/groups/1/members': () => page(LEARNING_MEMBERS, LEARNING_MEMBERS.length, 200),
    'GET /api/v1/competencies': () => page(TAPE_COMPETENCIES, TAPE_COMPETENCIES.length, 200),
    'GET /api/v1/groups/1/deliberations': () => page([], 0, 200),
    ...writes,
  });
}

/** A write the server takes: the cycle changes as `change` says and is answered whole. */
function answer(change: (body: Record<string, unknown>) => Partial<Cycle>, status = 200): Handler {
  return (_url, init) => {
    current = cycle({ ...current, ...change(sentJson(init?.body)) });
    return jsonResponse(current, status);
  };
}

function open(group: GroupView = LEADER, language: 'id' | 'en' = 'id') {
  return renderAt(<LearningSection group={group} cycleId={4} paths={PATHS} />, {
    path: '/groups/:id/learning/:cycleId',
    at: '/groups/1/learning/4',
    language,
  });
}

const sentTo = (key: string) => callsTo(fetchMock, key).map((call) => sentJson(call.init?.body));

beforeEach(() => {
  api.setCsrfToken('csrf-1');
});


/** A theme proposal the group agreed on, whose option names cassava at level 3. */
const AGREED_THEME = {
  deliberation_id: 7,
  title: 'Tema belajar',
  decided: true,
  outcome: 'agreed' as const,
  agreed_option: 'Tape singkong madu',
  agreed_targets: [{ competency_id: CASSAVA, code: 'tape.singkong', name: 'Memilih singkong', name_en: 'Choosing cassava', level: 3 }],
};

describe('a learning cycle’s page', () => {
  it('shows a member where the cycle stands and what it plans, and offers her nothing to change', async () => {
    serve(cycle({ status: 'implementation', next_status: 'evaluation', theme: 'Tape singkong madu', can_guide: false }));
    open(PAINEM);
    const stepper = await screen.findByTestId('cycle-stepper');
    const steps = within(stepper).getAllByRole('listitem');
    expect(steps.map((step) => step.textContent)).toEqual(['✓Perencanaan(sudah dilalui)', '2Pelaksanaan', '3Evaluasi', '4Selesai']);
    expect(steps[1]).toHaveAttribute('aria-current', 'step');
    expect(screen.getByTestId('cycle-theme')).toHaveTextContent('Tape singkong madu');
    expect(screen.getByTestId('cycle-mentor')).toHaveTextContent('Darmi Mentor komunitas');
    expect(screen.getByTestId('cycle-targets')).toHaveTextContent('Fermentasi dengan ragi · Tingkat 2: mandiri');
    expect(screen.getByTestId('cycle-targets')).toHaveTextContent('Memilih singkong · Tingkat 3: bisa mengajari');
    expect(screen.getByTestId('cycle-venue')).toHaveTextContent('rumah Bu Sulastri: dapur luas (tuan rumah: Sulastri)');
    expect(screen.getByTestId('cycle-read-only')).toHaveTextContent(/^Anda membaca siklus ini/);
    expect(screen.queryByTestId('stage-button')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ubah tempat dan waktu' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Catat sesi' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Nilai/ })).not.toBeInTheDocument();
  });

  it('offers nothing to change in a dissolved group, whoever reads it', async () => {
    serve(cycle({ status: 'implementation', next_status: 'evaluation' }));
    open(groupView({ member_id: 11, status: 'dissolved', writes: [] }));
    expect(await screen.findByTestId('cycle-read-only')).toBeInTheDocument();
    expect(screen.queryByTestId('stage-button')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Catat sesi' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Nilai/ })).not.toBeInTheDocument();
  });

  it('asks before starting, and a refusal says in words what the cycle lacks', async () => {
    const user = userEvent.setup();
    serve(
      cycle({ deliberation_id: 7, decision: { deliberation_id: 7, title: 'Tema belajar', decided: false, outcome: null, agreed_option: null, agreed_targets: [] } }),
      { 'POST /api/v1/cycles/4/transitions': () => problem('conflict', 409, [{ field: 'deliberation_id', code: 'not_held' }]) },
    );
    open();
    expect(await screen.findByTestId('cycle-proposal')).toHaveTextContent('Masih dibahas');
    expect(within(screen.getByTestId('cycle-proposal')).getByRole('link')).toHaveAttribute('href', '/groups/1/deliberations/7');
    await user.click(screen.getByRole('button', { name: 'Mulai pelaksanaan' }));
    const question = screen.getByTestId('stage-button-confirm');
    expect(question).toHaveTextContent(/^Mulai pelaksanaan\? Setelah ini tema, mentor, kompetensi sasaran, dan peserta tidak dapat diubah lagi/);
    expect(callsTo(fetchMock, 'POST /api/v1/cycles/4/transitions')).toHaveLength(0);
    await user.click(within(question).getByRole('button', { name: 'Ya, mulai pelaksanaan' }));
    const refusal = await screen.findByTestId('stage-refusal');
    expect(refusal).toHaveTextContent('Siklus belum dapat masuk tahap Pelaksanaan:');
    expect(within(refusal).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Usulan tema belum diputuskan di Musyawarah.']);
    expect(sentTo('POST /api/v1/cycles/4/transitions')).toEqual([{ to: 'implementation' }]);
  });

  it('refuses to close while a mentee is not evaluated, naming her and the competency, then closes at 100%', async () => {
    const user = userEvent.setup();
    const evaluated = [evaluation(14, YEAST), evaluation(14, CASSAVA), evaluation(16, YEAST)];
    let tries = 0;
    serve(cycle({ status: 'evaluation', next_status: 'closed', theme: 'Tape singkong madu', evaluations: evaluated }), {
      'POST /api/v1/cycles/4/transitions': (url, init) => {
        tries += 1;
        if (tries === 1) {
          return problem('conflict', 409, [
            {
              field: 'evaluations',
              code: 'missing_evaluation',
              params: { member_id: '16', member: 'Tukini', competency_id: String(CASSAVA), competency: 'Memilih singkong' },
            },
          ]);
        }
        return answer(() => ({ status: 'closed', next_status: null, evaluations: [...evaluated, evaluation(16, CASSAVA)] }))(url, init);
      },
    });
    open();
    await user.click(await screen.findByRole('button', { name: 'Tutup siklus' }));
    await user.click(screen.getByRole('button', { name: 'Ya, tutup siklus' }));
    const refusal = await screen.findByTestId('stage-refusal');
    expect(within(refusal).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Tukini — Memilih singkong: belum dievaluasi']);
    expect(screen.getByTestId('completion')).toHaveTextContent('3 dari 4 kompetensi tercapai (75%)');

    await user.click(screen.getByRole('button', { name: 'Tutup siklus' }));
    await user.click(screen.getByRole('button', { name: 'Ya, tutup siklus' }));
    expect(await screen.findByText('Siklus sudah ditutup.')).toBeInTheDocument();
    expect(screen.queryByTestId('stage-refusal')).not.toBeInTheDocument();
    const bar = within(screen.getByTestId('completion')).getByRole('progressbar', { name: 'Ketercapaian kompetensi' });
    expect(bar).toHaveAttribute('aria-valuenow', '100');
    expect(bar).toHaveAttribute('aria-valuetext', '4 dari 4 kompetensi tercapai (100%)');
    expect(screen.getByTestId('cycle-stage')).toHaveTextContent('Selesai');
    expect(screen.queryByTestId('stage-button')).not.toBeInTheDocument();
  });

  it('charts each mentee’s completion as a bar with its figures', async () => {
    serve(cycle({ status: 'evaluation', next_status: 'closed', evaluations: [evaluation(14, YEAST), evaluation(14, CASSAVA), evaluation(16, YEAST, { achieved: false, level: 1 })] }));
    open();
    const chart = await screen.findByTestId('completion-chart');
    expect(within(chart).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Painem2 dari 2 kompetensi (100%)',
      'Tukini0 dari 2 kompetensi (0%)',
    ]);
    expect(screen.getByTestId('completion-14').querySelector('.tally__fill')).toHaveStyle({ width: '100%' });
    expect(screen.getByTestId('completion-16').querySelector('.tally__fill')).toHaveStyle({ width: '0%' });
    expect(screen.getByTestId('completion-evaluated')).toHaveTextContent('3 dari 4 penilaian sudah dicatat.');
  });
});

describe('the evaluations', () => {
  const evaluating = () =>
    cycle({
      status: 'evaluation',
      next_status: 'closed',
      evaluations: [evaluation(14, YEAST, { notes: 'ragi jadi dalam 2 hari', on_request: true }), evaluation(16, YEAST, { achieved: false, level: 1 })],
    });

  it('are a grid of mentees by target competency on a desktop', async () => {
    serve(evaluating());
    open();
    const grid = await screen.findByTestId('evaluation-grid');
    expect(within(grid).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Peserta', 'Fermentasi dengan ragi', 'Memilih singkong']);
    expect(within(grid).getAllByRole('rowheader').map((th) => th.textContent)).toEqual(['Painem1 dari 2 tercapai', 'Tukini0 dari 2 tercapai']);
    expect(screen.getByTestId(`evaluation-14-${YEAST}`)).toHaveTextContent('Tercapai · Tingkat 2');
    expect(screen.getByTestId(`evaluation-14-${YEAST}`)).toHaveTextContent('dinilai atas permintaan');
    expect(screen.getByTestId(`evaluation-14-${YEAST}`)).toHaveTextContent('ragi jadi dalam 2 hari');
    expect(screen.getByTestId(`evaluation-16-${YEAST}`)).toHaveTextContent('Belum tercapai · Tingkat 1');
    expect(screen.getByTestId(`evaluation-16-${CASSAVA}`)).toHaveTextContent('Belum dinilai');
    expect(within(screen.getByTestId(`evaluation-16-${CASSAVA}`)).getByRole('button', { name: 'Nilai Tukini pada Memilih singkong' })).toBeInTheDocument();
    // A recorded evaluation is corrected, not evaluated again.
    expect(within(screen.getByTestId(`evaluation-14-${YEAST}`)).getByRole('button')).toHaveAccessibleName('Ubah penilaian Painem pada Fermentasi dengan ragi');
    expect(screen.queryByTestId('evaluation-list')).not.toBeInTheDocument();
  });

  it('are a list per mentee on a phone, and a pair is evaluated in place', async () => {
    setViewportWidth(360);
    const user = userEvent.setup();
    serve(evaluating(), {
      'POST /api/v1/cycles/4/evaluations': answer((body) => ({
        evaluations: [...current.evaluations, evaluation(body.member_id as number, body.competency_id as number, body)],
      }), 201),
    });
    open();
    const list = await screen.findByTestId('evaluation-list');
    expect(screen.queryByTestId('evaluation-grid')).not.toBeInTheDocument();
    expect(within(list).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Painem', 'Tukini']);
    const line = screen.getByTestId(`evaluation-16-${CASSAVA}`);
    await user.click(within(line).getByRole('button', { name: 'Nilai Tukini pada Memilih singkong' }));
    const form = within(line).getByTestId('evaluation-form');
    expect(within(form).getByRole('heading')).toHaveTextContent('Tukini — Memilih singkong');

    await user.click(within(form).getByRole('button', { name: 'Simpan penilaian' }));
    expect(within(form).getByText('Pilih tercapai atau belum.')).toBeInTheDocument();
    await user.click(within(form).getByLabelText('Tercapai'));
    await user.click(within(form).getByRole('button', { name: 'Simpan penilaian' }));
    expect(within(form).getByText('Pilih tingkat yang dicapai.')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/v1/cycles/4/evaluations')).toHaveLength(0);

    await user.click(within(form).getByLabelText('Tingkat 3: bisa mengajari'));
    await user.type(within(form).getByLabelText('Catatan'), 'pilih singkong yang baru dicabut');
    await user.click(within(form).getByRole('button', { name: 'Simpan penilaian' }));
    expect(await screen.findByText('Penilaian Tukini — Memilih singkong sudah dicatat.')).toBeInTheDocument();
    expect(sentTo('POST /api/v1/cycles/4/evaluations')).toEqual([
      { member_id: 16, competency_id: CASSAVA, achieved: true, level: 3, notes: 'pilih singkong yang baru dicabut', evaluated_on: todayIso(), on_request: false },
    ]);
    expect(screen.getByTestId(`evaluation-16-${CASSAVA}`)).toHaveTextContent('Tercapai · Tingkat 3');
    expect(screen.queryByTestId('evaluation-form')).not.toBeInTheDocument();
  });

  it('while under way are the mentee’s asking, and the server’s refusal is worded from its code', async () => {
    const user = userEvent.setup();
    serve(cycle({ status: 'implementation', next_status: 'evaluation', theme: 'Tape singkong madu' }), {
      'POST /api/v1/cycles/4/evaluations': () => problem('invalid-input', 400, [{ field: 'evaluated_on', code: 'in_future' }]),
    });
    open();
    expect(await screen.findByText(/hanya peserta yang memintanya yang dinilai sekarang/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Nilai Painem pada Fermentasi dengan ragi' }));
    const form = screen.getByTestId('evaluation-form');
    expect(form).toHaveTextContent('Dicatat sebagai penilaian atas permintaan peserta');
    await user.click(within(form).getByLabelText('Belum tercapai'));
    await user.click(within(form).getByRole('button', { name: 'Simpan penilaian' }));
    expect(await within(form).findByText('Tanggal penilaian tidak boleh setelah hari ini.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Tanggal penilaian')).toHaveAttribute('aria-invalid', 'true');
    expect(sentTo('POST /api/v1/cycles/4/evaluations')[0]).toMatchObject({ member_id: 14, competency_id: YEAST, achieved: false, level: null, on_request: true });
  });

  it('corrects a mistaken evaluation in place: only what may change is sent, and the verdict changes', async () => {
    const user = userEvent.setup();
    serve(evaluating(), {
      'PATCH /api/v1/cycles/4/evaluations/1608': answer((body) => ({
        evaluations: current.evaluations.map((e) => (e.id === 1608 ? { ...e, ...body } : e)),
      })),
    });
    open();
    const cell = await screen.findByTestId(`evaluation-16-${YEAST}`);
    await user.click(within(cell).getByRole('button', { name: 'Ubah penilaian Tukini pada Fermentasi dengan ragi' }));
    const form = screen.getByTestId('evaluation-form');
    expect(within(form).getByRole('heading')).toHaveTextContent('Ubah penilaian: Tukini — Fermentasi dengan ragi');
    // The form starts from what was recorded.
    expect(within(form).getByLabelText('Belum tercapai')).toBeChecked();
    expect(within(form).getByLabelText('Tingkat 1: dengan bimbingan')).toBeChecked();
    await user.click(within(form).getByLabelText('Tercapai'));
    await user.click(within(form).getByLabelText('Tingkat 2: mandiri'));
    await user.click(within(form).getByRole('button', { name: 'Simpan perubahan' }));
    expect(await screen.findByText('Penilaian Tukini — Fermentasi dengan ragi sudah diubah.')).toBeInTheDocument();
    expect(sentTo('PATCH /api/v1/cycles/4/evaluations/1608')).toEqual([{ achieved: true, level: 2, notes: null, evaluated_on: '2026-03-10' }]);
    expect(screen.getByTestId(`evaluation-16-${YEAST}`)).toHaveTextContent('Tercapai · Tingkat 2');
    expect(callsTo(fetchMock, 'POST /api/v1/cycles/4/evaluations')).toHaveLength(0);
  });

  it('says so when the pair was evaluated meanwhile', async () => {
    const user = userEvent.setup();
    serve(cycle({ status: 'evaluation', next_status: 'closed' }), {
      'POST /api/v1/cycles/4/evaluations': () => problem('already-exists', 409, [{ field: 'member_id', code: 'already_exists' }]),
    });
    open();
    await user.click(await screen.findByRole('button', { name: 'Nilai Painem pada Memilih singkong' }));
    const form = screen.getByTestId('evaluation-form');
    await user.click(within(form).getByLabelText('Tercapai'));
    await user.click(within(form).getByLabelText('Tingkat 2: mandiri'));
    await user.click(within(form).getByRole('button', { name: 'Simpan penilaian' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('Peserta ini sudah dinilai pada kompetensi ini.');
  });
});

describe('the sessions', () => {
  it('are recorded with the mentees and the mentor ticked present; an unticked mentee is sent absent', async () => {
    const user = userEvent.setup();
    serve(cycle({ status: 'implementation', next_status: 'evaluation', theme: 'Tape singkong madu' }), {
      'POST /api/v1/cycles/4/sessions': answer(
        (body) => ({
          sessions: [
            { id: 1, meeting_id: 30, held_on: body.held_on as string, venue: current.venue, host_member_id: 11, practice: body.practice as string, present: 2, excused: 0, absent: 1 },
          ],
        }),
        201,
      ),
    });
    open();
    expect(await screen.findByText('Belum ada sesi belajar.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Catat sesi' }));
    const form = screen.getByTestId('session-form');
    const attendance = within(form).getByTestId('session-attendance');
    expect(within(attendance).getByLabelText('Painem · peserta')).toBeChecked();
    expect(within(attendance).getByLabelText('Tukini · peserta')).toBeChecked();
    expect(within(attendance).getByLabelText('Darmi · mentor')).toBeChecked();
    expect(within(attendance).getByLabelText('Sutini')).not.toBeChecked();
    expect(within(form).getByLabelText('Tanggal *')).toHaveValue(todayIso());

    await user.click(within(form).getByRole('button', { name: 'Simpan sesi' }));
    expect(within(form).getByText('Tulis apa yang dipraktikkan.')).toBeInTheDocument();
    await user.type(within(form).getByLabelText(/^Yang dipraktikkan/), 'memilih singkong, mengukus, menaburkan ragi');
    await user.click(within(attendance).getByLabelText('Tukini · peserta'));
    await user.click(within(form).getByRole('button', { name: 'Simpan sesi' }));
    expect(await screen.findByText('Sesi belajar sudah dicatat.')).toBeInTheDocument();
    expect(sentTo('POST /api/v1/cycles/4/sessions')).toEqual([
      {
        held_on: todayIso(),
        practice: 'memilih singkong, mengukus, menaburkan ragi',
        attendance: [
          { member_id: 14, presence: 'present' },
          { member_id: 16, presence: 'absent' },
          { member_id: 15, presence: 'present' },
        ],
      },
    ]);
    expect(screen.getByTestId('session-1')).toHaveTextContent('memilih singkong, mengukus, menaburkan ragi');
    expect(screen.getByTestId('session-1-attendance')).toHaveTextContent('Hadir 2 · izin 0 · tidak hadir 1');
    expect(within(screen.getByTestId('session-1')).getByRole('link', { name: 'Lihat pertemuannya' })).toHaveAttribute('href', '/groups/1/meetings/30');
  });

  it('show a refusal of one member’s attendance beside her name', async () => {
    const user = userEvent.setup();
    serve(cycle({ status: 'implementation', next_status: 'evaluation' }), {
      'POST /api/v1/cycles/4/sessions': () => problem('invalid-input', 400, [{ field: 'attendance[1].member_id', code: 'not_member_then' }]),
    });
    open();
    await user.click(await screen.findByRole('button', { name: 'Catat sesi' }));
    const form = screen.getByTestId('session-form');
    await user.type(within(form).getByLabelText(/^Yang dipraktikkan/), 'mengukus');
    await user.click(within(form).getByRole('button', { name: 'Simpan sesi' }));
    const tukini = await within(form).findByLabelText('Tukini · peserta');
    await waitFor(() => expect(tukini).toHaveAttribute('aria-invalid', 'true'));
    expect(tukini.closest('.check')).toHaveTextContent('Belum atau sudah tidak menjadi anggota pada tanggal itu.');
  });
});

describe('the plan', () => {
  it('is changed while planned, the server’s refusals shown beside the competency and the member they name', async () => {
    const user = userEvent.setup();
    serve(cycle(), {
      'PATCH /api/v1/cycles/4': () =>
        problem('invalid-input', 400, [
          { field: 'targets[2].competency_id', code: 'retired' },
          { field: 'mentees[2].member_id', code: 'not_member_now' },
        ]),
    });
    open();
    await user.click(await screen.findByRole('button', { name: 'Ubah rencana' }));
    const form = screen.getByTestId('cycle-form');
    await user.click(within(form).getByLabelText('Pembukuan sederhana'));
    expect(within(form).getByLabelText('Tingkat yang dituju untuk Pembukuan sederhana')).toHaveValue('2');
    await user.click(within(form).getByLabelText('Sutini'));
    await user.click(within(form).getByRole('button', { name: 'Simpan rencana' }));
    await within(form).findByText('Kompetensi ini tidak lagi diajarkan.');
    expect(within(form).getByTestId('plan-target-11')).toHaveTextContent('Kompetensi ini tidak lagi diajarkan.');
    expect(within(form).getByLabelText('Sutini').closest('.check')).toHaveTextContent('Sudah tidak menjadi anggota kelompok.');
    expect(sentTo('PATCH /api/v1/cycles/4')).toEqual([
      {
        targets: [
          { competency_id: YEAST, level: 2 },
          { competency_id: CASSAVA, level: 3 },
          { competency_id: 11, level: 2 },
        ],
        mentees: [{ member_id: 14 }, { member_id: 16 }, { member_id: 12 }],
      },
    ]);
  });

  it('keeps its theme, mentor, targets and mentees once under way: only the practical details are offered', async () => {
    const user = userEvent.setup();
    serve(cycle({ status: 'implementation', next_status: 'evaluation', theme: 'Tape singkong madu' }), {
      'PATCH /api/v1/cycles/4': answer((body) => body),
    });
    open();
    await user.click(await screen.findByRole('button', { name: 'Ubah tempat dan waktu' }));
    const form = screen.getByTestId('cycle-form');
    expect(form).toHaveTextContent('Siklus sudah berjalan: tema, mentor, kompetensi sasaran, dan peserta tetap seperti yang direncanakan.');
    expect(within(form).queryByLabelText(/^Judul/)).not.toBeInTheDocument();
    expect(within(form).queryByTestId('plan-targets')).not.toBeInTheDocument();
    await user.clear(within(form).getByLabelText('Alokasi waktu'));
    await user.type(within(form).getByLabelText('Alokasi waktu'), 'tiap Sabtu pagi');
    await user.click(within(form).getByRole('button', { name: 'Simpan rencana' }));
    expect(await screen.findByText('Rencana sudah disimpan.')).toBeInTheDocument();
    expect(sentTo('PATCH /api/v1/cycles/4')).toEqual([{ time_allocation: 'tiap Sabtu pagi' }]);
  });

  it('puts a theme proposal to the group and links it, the agreed theme to come from the deliberation', async () => {
    const user = userEvent.setup();
    serve(cycle(), {
      'POST /api/v1/groups/1/deliberations': (_url, init) => jsonResponse({ id: 7, ...sentJson<object>(init?.body) }, 201),
      'PATCH /api/v1/cycles/4': answer(() => ({
        deliberation_id: 7,
        decision: { deliberation_id: 7, title: 'Tema belajar: Belajar bersama musim panen', decided: false, outcome: null, agreed_option: null, agreed_targets: [] },
      })),
    });
    open();
    await user.click(await screen.findByRole('button', { name: 'Buat usulan tema' }));
    const form = screen.getByTestId('theme-proposal-form');
    expect(within(form).getByLabelText(/^Judul usulan/)).toHaveValue('Tema belajar: Belajar bersama musim panen');
    await user.type(within(form).getByLabelText('Pilihan 1'), 'Tape ketan hitam');
    await user.type(within(form).getByLabelText('Pilihan 2'), ' tape ketan  HITAM');
    await user.click(within(form).getByRole('button', { name: 'Buat usulan' }));
    expect(within(form).getByText('Pilihan ini sama dengan pilihan lain.')).toBeInTheDocument();
    await user.clear(within(form).getByLabelText('Pilihan 2'));
    await user.type(within(form).getByLabelText('Pilihan 2'), 'Tape singkong madu');
    await user.click(within(form).getByRole('button', { name: 'Buat usulan' }));
    expect(await screen.findByText(/Usulan tema sudah dibuat dan ditautkan ke siklus ini/)).toBeInTheDocument();
    expect(sentTo('POST /api/v1/groups/1/deliberations')).toEqual([
      { title: 'Tema belajar: Belajar bersama musim panen', topic: 'learning_theme', description: null, options: ['Tape ketan hitam', 'Tape singkong madu'] },
    ]);
    expect(sentTo('PATCH /api/v1/cycles/4')).toEqual([{ deliberation_id: 7 }]);
    expect(screen.getByTestId('cycle-proposal')).toHaveTextContent('Masih dibahas');
    expect(screen.queryByRole('button', { name: 'Buat usulan tema' })).not.toBeInTheDocument();
  });

  it('links the group’s proposals on the venue and the time, shows where each stands, and a refusal names the one not agreed', async () => {
    const user = userEvent.setup();
    const proposals = [
      { id: 21, topic: 'venue', title: 'Tempat belajar', decided: true, outcome: 'not_agreed' },
      { id: 22, topic: 'schedule', title: 'Waktu belajar', decided: true, outcome: 'agreed' },
      { id: 23, topic: 'price', title: 'Harga tape', decided: false, outcome: null },
    ];
    serve(cycle({ theme: 'Ecotik' }), {
      'GET /api/v1/groups/1/deliberations': () => page(proposals, proposals.length, 200),
      'PATCH /api/v1/cycles/4': answer((body) => ({
        ...body,
        venue_decision: { deliberation_id: 21, title: 'Tempat belajar', decided: true, outcome: 'not_agreed', agreed_option: null, agreed_targets: [] },
        schedule_decision: { deliberation_id: 22, title: 'Waktu belajar', decided: true, outcome: 'agreed', agreed_option: 'Selasa dan Jumat', agreed_targets: [] },
      })),
      'POST /api/v1/cycles/4/transitions': () => problem('conflict', 409, [{ field: 'venue_deliberation_id', code: 'not_agreed' }]),
    });
    open();
    await user.click(await screen.findByRole('button', { name: 'Ubah rencana' }));
    const form = screen.getByTestId('cycle-form');
    const venue = await within(form).findByLabelText('Usulan tempat di Musyawarah');
    // Only the proposals on each part are offered for it, with where each stands.
    expect(within(venue).getAllByRole('option').map((o) => o.textContent)).toEqual(['Tidak ada', 'Tempat belajar (tidak disepakati)']);
    const schedule = within(form).getByLabelText('Usulan waktu di Musyawarah');
    expect(within(schedule).getAllByRole('option').map((o) => o.textContent)).toEqual(['Tidak ada', 'Waktu belajar (disepakati)']);
    await user.selectOptions(venue, '21');
    await user.selectOptions(schedule, '22');
    await user.click(within(form).getByRole('button', { name: 'Simpan rencana' }));
    expect(await screen.findByText('Rencana sudah disimpan.')).toBeInTheDocument();
    expect(sentTo('PATCH /api/v1/cycles/4')).toEqual([{ schedule_deliberation_id: 22, venue_deliberation_id: 21 }]);
    expect(screen.getByTestId('cycle-venue-proposal')).toHaveTextContent('Tidak disepakati');
    expect(screen.getByTestId('cycle-schedule-proposal')).toHaveTextContent('Disepakati: Selasa dan Jumat');
    expect(within(screen.getByTestId('cycle-venue-proposal')).getByRole('link')).toHaveAttribute('href', '/groups/1/deliberations/21');

    await user.click(screen.getByRole('button', { name: 'Mulai pelaksanaan' }));
    await user.click(within(screen.getByTestId('stage-button-confirm')).getByRole('button', { name: 'Ya, mulai pelaksanaan' }));
    const refusal = await screen.findByTestId('stage-refusal');
    expect(within(refusal).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Musyawarah tidak menyepakati tempatnya: buat usulan tempat yang baru, atau lepaskan usulannya dan tulis tempatnya.',
    ]);
  });

  it('shows the competencies the agreed theme names, and while planned that they become the targets at the start', async () => {
    const agreed = {
      ...AGREED_THEME,
      agreed_targets: [...AGREED_THEME.agreed_targets, { competency_id: 11, code: 'usaha.pembukuan', name: 'Pembukuan sederhana', name_en: 'Basic bookkeeping', level: 1 }],
    };
    serve(cycle({ deliberation_id: 7, decision: agreed }));
    const { unmount } = open();
    const row = await screen.findByTestId('cycle-agreed-targets');
    expect(within(row).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Memilih singkong · Tingkat 3: bisa mengajari',
      'Pembukuan sederhana · Tingkat 1: dengan bimbingan',
    ]);
    expect(row.previousElementSibling).toHaveTextContent('Kompetensi yang disepakati');
    expect(row).toHaveTextContent('Saat pelaksanaan dimulai, kompetensi ini menjadi kompetensi sasaran siklus');
    unmount();

    // In English, by the catalogue's English names; once under way, no word of what the start does.
    serve(cycle({ deliberation_id: 7, decision: agreed, status: 'implementation', next_status: 'evaluation', theme: 'Tape singkong madu', targets: agreed.agreed_targets }));
    open(LEADER, 'en');
    const english = await screen.findByTestId('cycle-agreed-targets');
    await waitFor(() =>
      expect(within(english).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
        'Choosing cassava · Level 3: can teach others',
        'Basic bookkeeping · Level 1: with guidance',
      ]),
    );
    expect(english).not.toHaveTextContent(/When the implementation starts/);
  });

  it('says in the plan form, once the agreed theme names competencies, that the start replaces the ones ticked there', async () => {
    const user = userEvent.setup();
    serve(cycle({ deliberation_id: 7, decision: AGREED_THEME }));
    open();
    await user.click(await screen.findByRole('button', { name: 'Ubah rencana' }));
    const targets = within(screen.getByTestId('cycle-form')).getByTestId('plan-targets');
    expect(targets).toHaveTextContent('Tema yang disepakati sudah menentukan kompetensi sasaran');
    expect(targets).not.toHaveTextContent('Centang yang akan dipelajari');
  });

  it('shows no agreed competencies while the theme names none', async () => {
    serve(cycle({ deliberation_id: 7, decision: { deliberation_id: 7, title: 'Tema belajar', decided: true, outcome: 'agreed', agreed_option: 'Tape singkong madu', agreed_targets: [] } }));
    open();
    expect(await screen.findByTestId('cycle-proposal')).toHaveTextContent('Disepakati: Tape singkong madu');
    expect(screen.queryByTestId('cycle-agreed-targets')).not.toBeInTheDocument();
  });

  it('offers no theme proposal to a mentor who does not put the group’s proposals', async () => {
    serve(cycle());
    open(groupView({ member_id: 15, writes: ['meetings', 'posts'] }));
    await screen.findByTestId('cycle-plan');
    expect(screen.getByRole('button', { name: 'Ubah rencana' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Buat usulan tema' })).not.toBeInTheDocument();
  });

  it('names the competencies in English for an English reader', async () => {
    serve(cycle({ status: 'evaluation', next_status: 'closed' }));
    open(LEADER, 'en');
    await waitFor(() => expect(screen.getByTestId('cycle-targets')).toHaveTextContent('Fermentation with yeast · Level 2: on her own'));
    expect(screen.getByRole('button', { name: 'Close the cycle' })).toBeInTheDocument();
    expect(within(screen.getByTestId('evaluation-grid')).getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Mentee',
      'Fermentation with yeast',
      'Choosing cassava',
    ]);
  });
});
