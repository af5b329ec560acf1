import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../../lib/api-client';
import { callsTo, page, problem, renderAt, routeFetch } from '../../../test/fixtures';
import { member, MEMBERS } from '../../../test/groups';
import { jsonResponse, LAZY_CHUNK, sentJson } from '../../../test/render';
import { BENEFITS, PERCEPTION, response, surveyView } from '../../../test/surveys';
import type { SurveyGroup } from '../types';
import { SurveysArea } from './SurveysArea';

/** Painem (14) is a member; Sulastri (11) leads; Tukini (16) has no account; Sri (17) has one. */
const PAINEM_GROUP: SurveyGroup = { id: 1, name: 'Komunitas Batik', status: 'active', member_id: 14 };
const LEADER_GROUP: SurveyGroup = { ...PAINEM_GROUP, member_id: 11 };
const GROUP_MEMBERS = [...MEMBERS, member(16, 'Tukini'), member(17, 'Sri', { user_id: 30 })];

beforeEach(() => {
  api.setCsrfToken('csrf-1');
});

const at = (group: SurveyGroup, surveyId: number | null, coding = false) =>
  renderAt(<SurveysArea group={group} surveyId={surveyId} coding={coding} />, {
    path: '/groups/:id/surveys/*',
    at: surveyId === null ? '/groups/1/surveys' : `/groups/1/surveys/${surveyId}${coding ? '/coding' : ''}`,
  });

describe('a member answers the perception scale on her phone', () => {
  it('asks each statement in words, sends one answer, then shows her answers and counts her in the chart', async () => {
    const user = userEvent.setup();
    let answered = false;
    const own = response(40, 14, 'Painem', [
      { question_id: 7, scale: 5 },
      { question_id: 8, scale: 4 },
    ]);
    const fetchMock = routeFetch({
      'GET /api/v1/surveys/5': () =>
        jsonResponse(
          answered
            ? surveyView(PERCEPTION, {
                responses: 1,
                own_response_id: 40,
                summary: [
                  { question_id: 7, answered: 1, scale_counts: [0, 0, 0, 0, 1], mean: 5, checked: 0 },
                  { question_id: 8, answered: 1, scale_counts: [0, 0, 0, 1, 0], mean: 4, checked: 0 },
                ],
              })
            : surveyView(PERCEPTION),
        ),
      'GET /api/v1/surveys/5/responses': () => jsonResponse({ items: answered ? [own] : [] }),
      'POST /api/v1/surveys/5/responses': () => {
        answered = true;
        return jsonResponse(own, 201);
      },
    });
    at(PAINEM_GROUP, 5);
    const form = await screen.findByTestId('survey-answer');
    const statements = within(form).getAllByTestId('scale-question');
    expect(statements).toHaveLength(2);
    expect(within(form).getByRole('group', { name: 'Mentor memberi contoh, lalu kami mempraktikkan' })).toBe(statements[0]);
    expect(within(statements[0]!).getAllByRole('radio').map((r) => r.closest('label')!.textContent)).toEqual([
      '1 · Sangat tidak setuju',
      '2 · Tidak setuju',
      '3 · Ragu-ragu',
      '4 · Setuju',
      '5 · Sangat setuju',
    ]);

    // Nothing chosen: each statement says so, nothing is sent.
    await user.click(within(form).getByRole('button', { name: 'Kirim jawaban' }));
    expect(within(form).getAllByText('Pilih salah satu jawaban.')).toHaveLength(2);
    expect(callsTo(fetchMock, 'POST /api/v1/surveys/5/responses')).toHaveLength(0);

    await user.click(within(statements[0]!).getByRole('radio', { name: '5 · Sangat setuju' }));
    await user.click(within(statements[1]!).getByRole('radio', { name: '4 · Setuju' }));
    await user.click(within(form).getByRole('button', { name: 'Kirim jawaban' }));
    const [sent] = callsTo(fetchMock, 'POST /api/v1/surveys/5/responses');
    expect(sentJson(sent!.init!.body)).toEqual({
      answers: [
        { question_id: 7, scale: 5 },
        { question_id: 8, scale: 4 },
      ],
    });

    const answers = await screen.findByTestId('own-answers');
    expect(answers).toHaveTextContent('Mentor memberi contoh, lalu kami mempraktikkan5 · Sangat setuju');
    expect(answers).toHaveTextContent('Saya bebas bertanya kapan saja4 · Setuju');
    expect(screen.queryByTestId('survey-answer')).not.toBeInTheDocument();
    expect(screen.getByText('Terima kasih, jawaban Anda sudah tersimpan.')).toBeInTheDocument();

    const table = await screen.findByTestId('scale-table', {}, LAZY_CHUNK);
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('1. Mentor memberi contoh, lalu kami mempraktikkan000011');
    expect(screen.getByTestId('survey-respondents')).toHaveTextContent('Dari 1 anggota yang menjawab.');
    // A member does not code answers.
    expect(screen.queryByRole('link', { name: 'Pengodean jawaban terbuka' })).not.toBeInTheDocument();
  });

  it('shows the server’s refusal beside the statement it names, and a second answer above the form', async () => {
    const user = userEvent.setup();
    let second = false;
    routeFetch({
      'GET /api/v1/surveys/5': () => jsonResponse(surveyView(PERCEPTION)),
      'GET /api/v1/surveys/5/responses': () => jsonResponse({ items: [] }),
      'POST /api/v1/surveys/5/responses': () =>
        second
          ? problem('already-exists', 409, [{ field: 'member_id', code: 'already_exists' }])
          : problem('invalid-input', 400, [{ field: 'answers[1].scale', code: 'out_of_range' }]),
    });
    at(PAINEM_GROUP, 5);
    const form = await screen.findByTestId('survey-answer');
    const statements = within(form).getAllByTestId('scale-question');
    await user.click(within(statements[0]!).getByRole('radio', { name: '3 · Ragu-ragu' }));
    await user.click(within(statements[1]!).getByRole('radio', { name: '2 · Tidak setuju' }));
    await user.click(within(form).getByRole('button', { name: 'Kirim jawaban' }));
    expect(await within(statements[1]!).findByText('Pilih jawaban 1 sampai 5.')).toBeInTheDocument();
    expect(within(statements[0]!).queryByRole('list')).not.toBeInTheDocument();

    second = true;
    await user.click(within(form).getByRole('button', { name: 'Kirim jawaban' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('Anggota ini sudah menjawab survei ini.');
  });
});

describe('the benefits checklist', () => {
  it('sends every benefit, those not ticked as not chosen, and charts the share choosing each', async () => {
    const user = userEvent.setup();
    const fetchMock = routeFetch({
      'GET /api/v1/surveys/6': () =>
        jsonResponse(
          surveyView(BENEFITS, {
            id: 6,
            responses: 4,
            summary: [
              { question_id: 12, answered: 4, scale_counts: [], mean: null, checked: 4 },
              { question_id: 13, answered: 4, scale_counts: [], mean: null, checked: 1 },
            ],
          }),
        ),
      'GET /api/v1/surveys/6/responses': () => jsonResponse({ items: [] }),
      'POST /api/v1/surveys/6/responses': () => jsonResponse(response(41, 14, 'Painem', []), 201),
    });
    at(PAINEM_GROUP, 6);
    const form = await screen.findByTestId('survey-answer');
    expect(within(form).getByRole('group', { name: 'Centang semua yang Anda rasakan' })).toBeInTheDocument();
    await user.click(within(form).getByRole('checkbox', { name: 'Pendapatan bulanan naik' }));
    await user.click(within(form).getByRole('button', { name: 'Kirim jawaban' }));
    await waitFor(() => expect(callsTo(fetchMock, 'POST /api/v1/surveys/6/responses')).toHaveLength(1));
    expect(sentJson(callsTo(fetchMock, 'POST /api/v1/surveys/6/responses')[0]!.init!.body)).toEqual({
      answers: [
        { question_id: 12, checked: false },
        { question_id: 13, checked: true },
      ],
    });
    const table = await screen.findByTestId('check-table', {}, LAZY_CHUNK);
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Keterampilan meningkat4 dari 4 anggota100%');
    expect(within(table).getAllByRole('row')[2]).toHaveTextContent('Pendapatan bulanan naik1 dari 4 anggota25%');
  });
});

describe('a guide', () => {
  it('answers for a member without an account, choosing among those who have not answered', async () => {
    const user = userEvent.setup();
    const fetchMock = routeFetch({
      'GET /api/v1/surveys/5': () => jsonResponse(surveyView(PERCEPTION, { can_guide: true, responses: 1 })),
      'GET /api/v1/surveys/5/responses': () => jsonResponse({ items: [response(40, 13, 'Suwarni', [{ question_id: 7, scale: 4 }])] }),
      'GET /api/v1/groups/1/members': () => page(GROUP_MEMBERS, GROUP_MEMBERS.length, 200),
      'POST /api/v1/surveys/5/responses': () => jsonResponse(response(42, 16, 'Tukini', [{ question_id: 7, scale: 5 }, { question_id: 8, scale: 5 }]), 201),
    });
    at(LEADER_GROUP, 5);
    const form = await screen.findByTestId('survey-answer-for');
    const select = within(form).getByRole('combobox', { name: 'Anggota *' });
    // Suwarni answered; Sri answers herself (she has an account).
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Pilih anggota', 'Painem', 'Sulastri', 'Sutini', 'Tukini']);
    await user.selectOptions(select, 'Tukini');
    for (const statement of within(form).getAllByTestId('scale-question')) {
      await user.click(within(statement).getByRole('radio', { name: '5 · Sangat setuju' }));
    }
    await user.click(within(form).getByRole('button', { name: 'Kirim jawaban' }));
    expect(await screen.findByText('Jawaban Tukini sudah tersimpan.')).toBeInTheDocument();
    expect(sentJson(callsTo(fetchMock, 'POST /api/v1/surveys/5/responses')[0]!.init!.body)).toMatchObject({ member_id: 16 });
  });

  it('starts a survey from a template and lands on its page', async () => {
    const user = userEvent.setup();
    const fetchMock = routeFetch({
      'GET /api/v1/surveys': () => page([], 0, 100),
      'GET /api/v1/survey-templates': () => jsonResponse({ items: [PERCEPTION, BENEFITS] }),
      'GET /api/v1/groups/1/members': () => page(GROUP_MEMBERS, GROUP_MEMBERS.length, 200),
      'POST /api/v1/surveys': () => jsonResponse(surveyView(BENEFITS, { id: 9, can_guide: true }), 201),
    });
    at(LEADER_GROUP, null);
    expect(await screen.findByText('Belum ada survei.')).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Mulai survei' }));
    const form = screen.getByTestId('survey-start');
    await user.click(within(form).getByRole('button', { name: 'Mulai' }));
    expect(within(form).getByText('Pilih jenis survei.')).toBeInTheDocument();
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Jenis survei *' }), 'Manfaat menjadi anggota (2 pertanyaan)');
    await user.click(within(form).getByRole('button', { name: 'Mulai' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/groups/1/learning?survey=9'));
    expect(sentJson(callsTo(fetchMock, 'POST /api/v1/surveys')[0]!.init!.body)).toEqual({ group_id: 1, template_id: 3 });
  });

  it('has no button to start a survey for a plain member, who still sees the list', async () => {
    routeFetch({
      'GET /api/v1/surveys': () => {
        const { id, group_id, template_id, template_code, title, opened_on, created_at } = surveyView(PERCEPTION);
        return page([{ id, group_id, template_id, template_code, title, opened_on, responses: 3, created_at }], 1, 100);
      },
      'GET /api/v1/survey-templates': () => jsonResponse({ items: [PERCEPTION] }),
      'GET /api/v1/groups/1/members': () => page(GROUP_MEMBERS, GROUP_MEMBERS.length, 200),
    });
    at(PAINEM_GROUP, null);
    const list = await screen.findByTestId('survey-list');
    expect(within(list).getByRole('link', { name: 'Persepsi model pendampingan' })).toHaveAttribute('href', '/groups/1/learning?survey=5');
    expect(list).toHaveTextContent('3 anggota menjawab');
    expect(screen.queryByRole('button', { name: 'Mulai survei' })).not.toBeInTheDocument();
  });
});
