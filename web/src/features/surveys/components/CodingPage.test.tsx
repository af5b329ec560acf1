import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../../lib/api-client';
import { callsTo, problem, renderAt, routeFetch } from '../../../test/fixtures';
import { jsonResponse, LAZY_CHUNK, sentJson } from '../../../test/render';
import { coding, JU_ANSWER, OPEN, response, surveyView } from '../../../test/surveys';
import type { CodeTag, SurveyCoding, SurveyGroup } from '../types';
import { SurveysArea } from './SurveysArea';

const GROUP: SurveyGroup = { id: 1, name: 'Komunitas Batik', status: 'active', member_id: null };
const RESPONSES = [
  response(9, 21, 'JU', [{ question_id: 5, text: JU_ANSWER }]),
  response(10, 22, 'DW', [{ question_id: 5, text: 'Persahabatan dan saling membantu.' }]),
];
const TAG: CodeTag = { id: 70, response_id: 10, question_id: 5, code_id: 3, quote: 'Persahabatan', created_at: '2026-11-04T01:00:00Z' };

beforeEach(() => {
  api.setCsrfToken('csrf-1');
});

const open = () =>
  renderAt(<SurveysArea group={GROUP} surveyId={5} coding />, { path: '/groups/:id/surveys/*', at: '/groups/1/surveys/5/coding' });

/** Selects `text` inside the element, as a finger or a mouse would. */
function select(element: HTMLElement, text: string) {
  const node = [...element.querySelectorAll('span')].map((span) => span.firstChild).find((n) => n?.textContent?.includes(text))!;
  const start = node.textContent!.indexOf(text);
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, start + text.length);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  act(() => {
    document.dispatchEvent(new Event('selectionchange'));
  });
}

describe('coding the open answers', () => {
  it('tags a selected passage with a code and shows how often the code comes up', async () => {
    const user = userEvent.setup();
    let current: SurveyCoding = coding({ tags: [TAG], frequencies: [{ code_id: 3, tags: 1, responses: 1 }] });
    const fetchMock = routeFetch({
      'GET /api/v1/surveys/5': () => jsonResponse(surveyView(OPEN, { can_guide: true, responses: 2 })),
      'GET /api/v1/surveys/5/responses': () => jsonResponse({ items: RESPONSES }),
      'GET /api/v1/surveys/5/coding': () => jsonResponse(current),
      'POST /api/v1/surveys/5/tags': () => {
        const tag: CodeTag = { id: 71, response_id: 9, question_id: 5, code_id: 1, quote: 'Intinya kerja sama', created_at: '2026-11-05T01:00:00Z' };
        current = coding({
          tags: [TAG, tag],
          frequencies: [
            { code_id: 1, tags: 1, responses: 1 },
            { code_id: 3, tags: 1, responses: 1 },
          ],
        });
        return jsonResponse(tag, 201);
      },
    });
    open();
    const answers = await screen.findAllByTestId('coding-answer');
    expect(answers).toHaveLength(2);
    expect(screen.getByRole('combobox', { name: 'Pertanyaan' })).toHaveValue('5');
    expect(screen.getByTestId('coding-csv')).toHaveAttribute('href', '/api/v1/surveys/5/coding.csv');
    // DW's answer carries a tag already: its passage is marked.
    expect(within(answers[1]!).getByText('Persahabatan', { selector: 'mark' })).toBeInTheDocument();
    expect(within(answers[1]!).getByTestId('coding-tags')).toHaveTextContent('Persahabatan: “Persahabatan”');

    select(answers[0]!, 'Intinya kerja sama');
    await user.click(within(answers[0]!).getByRole('button', { name: 'Beri kode' }));
    const form = within(answers[0]!).getByTestId('tag-form');
    expect(within(form).getByRole('textbox', { name: 'Kutipan' })).toHaveValue('Intinya kerja sama');
    await user.click(within(form).getByRole('button', { name: 'Simpan kode' }));
    expect(within(form).getByText('Pilih kode.')).toBeInTheDocument();
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Kode *' }), 'Kerja sama');
    await user.click(within(form).getByRole('button', { name: 'Simpan kode' }));
    expect(await screen.findByText('Kutipan sudah diberi kode.')).toBeInTheDocument();
    expect(sentJson(callsTo(fetchMock, 'POST /api/v1/surveys/5/tags')[0]!.init!.body)).toEqual({
      response_id: 9,
      question_id: 5,
      code_id: 1,
      quote: 'Intinya kerja sama',
    });
    await waitFor(() => expect(within(answers[0]!).getByText('Intinya kerja sama', { selector: 'mark' })).toBeInTheDocument());

    const table = await screen.findByTestId('frequency-table', {}, LAZY_CHUNK);
    await waitFor(() => expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Kerja sama11'));
    const matrix = screen.getByTestId('co-occurrence-table');
    expect(within(matrix).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Kerja sama', 'Persahabatan']);
  });

  it('removes a tag, and words a passage the server does not find in the answer', async () => {
    const user = userEvent.setup();
    const fetchMock = routeFetch({
      'GET /api/v1/surveys/5': () => jsonResponse(surveyView(OPEN, { can_guide: true, responses: 2 })),
      'GET /api/v1/surveys/5/responses': () => jsonResponse({ items: RESPONSES }),
      'GET /api/v1/surveys/5/coding': () => jsonResponse(coding({ tags: [TAG], frequencies: [{ code_id: 3, tags: 1, responses: 1 }] })),
      'DELETE /api/v1/surveys/5/tags/70': () => new Response(null, { status: 204 }),
      'POST /api/v1/surveys/5/tags': () => problem('invalid-input', 400, [{ field: 'quote', code: 'not_in_answer' }]),
    });
    open();
    const answers = await screen.findAllByTestId('coding-answer');
    await user.click(within(answers[1]!).getByRole('button', { name: 'Hapus kode Persahabatan dari “Persahabatan”' }));
    // Removing asks first.
    expect(within(answers[1]!).getByText('Hapus kode Persahabatan dari “Persahabatan”? Kutipannya tetap ada di jawaban.')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'DELETE /api/v1/surveys/5/tags/70')).toHaveLength(0);
    await user.click(within(answers[1]!).getByRole('button', { name: 'Ya, hapus' }));
    expect(await screen.findByText('Kode sudah dihapus dari kutipan.')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'DELETE /api/v1/surveys/5/tags/70')).toHaveLength(1);

    await user.click(within(answers[1]!).getByRole('button', { name: 'Beri kode' }));
    const form = within(answers[1]!).getByTestId('tag-form');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Kode *' }), 'Saling membantu');
    await user.click(within(form).getByRole('button', { name: 'Simpan kode' }));
    expect(await within(form).findByText('Kutipan ini tidak ada di jawaban. Blok ulang bagian jawabannya.')).toBeInTheDocument();
  });

  it('adds a code to the codebook, its short name made from its label', async () => {
    const user = userEvent.setup();
    const fetchMock = routeFetch({
      'GET /api/v1/surveys/5': () => jsonResponse(surveyView(OPEN, { can_guide: true })),
      'GET /api/v1/surveys/5/responses': () => jsonResponse({ items: RESPONSES }),
      'GET /api/v1/surveys/5/coding': () => jsonResponse(coding()),
      'POST /api/v1/surveys/5/codes': () => jsonResponse({ id: 4, code: 'tidak_pelit_ilmu', label: 'Tidak pelit ilmu' }, 201),
    });
    open();
    const codebook = await screen.findByTestId('codebook');
    await user.click(within(codebook).getByRole('button', { name: 'Tambah kode' }));
    await user.type(within(codebook).getByRole('textbox', { name: 'Nama kode *' }), 'Tidak pelit ilmu');
    await user.click(within(within(codebook).getByTestId('code-form')).getByRole('button', { name: 'Tambah kode' }));
    expect(await within(codebook).findByText('Kode Tidak pelit ilmu sudah ditambahkan.')).toBeInTheDocument();
    expect(sentJson(callsTo(fetchMock, 'POST /api/v1/surveys/5/codes')[0]!.init!.body)).toEqual({ code: 'tidak_pelit_ilmu', label: 'Tidak pelit ilmu' });
  });

  it('tells a member that the coding is for those who guide the group', async () => {
    routeFetch({
      'GET /api/v1/surveys/5': () => jsonResponse(surveyView(OPEN)),
      'GET /api/v1/surveys/5/responses': () => jsonResponse({ items: [] }),
      'GET /api/v1/surveys/5/coding': () => problem('forbidden', 403),
    });
    open();
    expect(await screen.findByRole('alert')).toHaveTextContent('Pengodean jawaban hanya untuk ketua, mentor, dan pendamping kelompok.');
  });
});
