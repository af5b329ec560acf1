import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../../lib/api-client';
import { callsTo, page, problem, renderAt, routeFetch, type Handler } from '../../../test/fixtures';
import { groupView } from '../../../test/groups';
import { CASSAVA, cycle, LEARNING_MEMBERS, PATHS, TAPE_COMPETENCIES, YEAST } from '../../../test/learning';
import { setViewportWidth } from '../../../test/media';
import { jsonResponse, sentJson } from '../../../test/render';
import { LearningSection } from './LearningSection';

const BOOKKEEPING = 11;

let fetchMock: ReturnType<typeof routeFetch>;

/** The planning cycle's page, its group's members and catalogue, and what the proposal's POST answers. */
function serve(postProposal: Handler) {
  fetchMock = routeFetch({
    'GET /api/v1/cycles/4': () => jsonResponse(cycle()),
    'GET /api/v1/groups/1/members': () => page(LEARNING_MEMBERS, LEARNING_MEMBERS.length, 200),
    'GET /api/v1/competencies': () => page(TAPE_COMPETENCIES, TAPE_COMPETENCIES.length, 200),
    'GET /api/v1/groups/1/deliberations': () => page([], 0, 200),
    'POST /api/v1/groups/1/deliberations': postProposal,
    'PATCH /api/v1/cycles/4': () => jsonResponse(cycle({ deliberation_id: 7 })),
  });
}

/** The leader opens the cycle on her phone and starts a theme proposal. */
async function openForm(user: UserEvent) {
  setViewportWidth(360);
  renderAt(<LearningSection group={groupView({ member_id: 11 })} cycleId={4} paths={PATHS} />, {
    path: '/groups/:id/learning/:cycleId',
    at: '/groups/1/learning/4',
  });
  await user.click(await screen.findByRole('button', { name: 'Buat usulan tema' }));
  return screen.getByTestId('theme-proposal-form');
}

const sentProposals = () => callsTo(fetchMock, 'POST /api/v1/groups/1/deliberations').map((call) => sentJson(call.init?.body));

beforeEach(() => {
  api.setCsrfToken('csrf-1');
});

describe('a theme proposal’s competencies', () => {
  it('are picked per theme with their level and sent with it; a theme naming none goes as its label alone', async () => {
    const user = userEvent.setup();
    serve((_url, init) => jsonResponse({ id: 7, ...sentJson<object>(init?.body) }, 201));
    const form = await openForm(user);
    await user.type(within(form).getByLabelText('Pilihan 1'), 'Tape ketan hitam');
    await user.type(within(form).getByLabelText('Pilihan 2'), 'Tape singkong madu');
    // Folded until asked for: a phone shows the themes one under the other.
    const second = within(form).getByTestId('option-1');
    expect(within(second).queryByLabelText('Memilih singkong')).not.toBeInTheDocument();
    await user.click(within(second).getByRole('button', { name: 'Pilih kompetensi untuk pilihan 2' }));
    const picker = within(second).getByRole('group', { name: 'Kompetensi yang dipelajari bila pilihan 2 disepakati' });
    // The group's sector's own competencies, then the business skills every sector shares.
    expect(within(picker).getAllByRole('checkbox').map((box) => box.closest('.check')?.textContent)).toEqual([
      'Memilih singkong',
      'Fermentasi dengan ragi',
      'Pembukuan sederhana',
    ]);
    await user.click(within(picker).getByLabelText('Memilih singkong'));
    await user.selectOptions(within(picker).getByLabelText('Tingkat yang dituju untuk Memilih singkong'), '3');
    await user.click(within(picker).getByLabelText('Fermentasi dengan ragi'));
    expect(within(picker).getByLabelText('Tingkat yang dituju untuk Fermentasi dengan ragi')).toHaveValue('2');
    // Folded again, the theme still says what it names.
    await user.click(within(second).getByRole('button', { name: 'Tutup daftar kompetensi pilihan 2' }));
    expect(within(second).getByTestId('option-1-chosen').textContent).toBe(
      'Memilih singkong · Tingkat 3: bisa mengajariFermentasi dengan ragi · Tingkat 2: mandiri',
    );
    // The first theme's list is its own: nothing ticked there.
    await user.click(within(form).getByRole('button', { name: 'Pilih kompetensi untuk pilihan 1' }));
    expect(within(within(form).getByTestId('option-0')).getByLabelText('Memilih singkong')).not.toBeChecked();

    await user.click(within(form).getByRole('button', { name: 'Buat usulan' }));
    expect(await screen.findByText(/Usulan tema sudah dibuat dan ditautkan ke siklus ini/)).toBeInTheDocument();
    expect(sentProposals()).toEqual([
      {
        title: 'Tema belajar: Belajar bersama musim panen',
        topic: 'learning_theme',
        description: null,
        options: [
          { label: 'Tape ketan hitam' },
          {
            label: 'Tape singkong madu',
            targets: [
              { competency_id: CASSAVA, level: 3 },
              { competency_id: YEAST, level: 2 },
            ],
          },
        ],
      },
    ]);
  });

  it('refuses a blank theme that names competencies before sending anything', async () => {
    const user = userEvent.setup();
    serve(() => jsonResponse({ id: 7 }, 201));
    const form = await openForm(user);
    await user.type(within(form).getByLabelText('Pilihan 1'), 'Tape ketan hitam');
    await user.click(within(form).getByRole('button', { name: 'Pilih kompetensi untuk pilihan 2' }));
    await user.click(within(within(form).getByTestId('option-1')).getByLabelText('Pembukuan sederhana'));
    await user.click(within(form).getByRole('button', { name: 'Buat usulan' }));
    expect(within(form).getByLabelText('Pilihan 2')).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByTestId('option-1')).toHaveTextContent('Tulis temanya dulu, atau hapus centang kompetensinya.');
    expect(sentProposals()).toEqual([]);
  });

  it('shows the server’s refusal of a competency on that competency’s line in the theme it was sent with', async () => {
    const user = userEvent.setup();
    serve(() => problem('invalid-input', 400, [{ field: 'options[1].targets[0].competency_id', code: 'not_found' }]));
    const form = await openForm(user);
    // A blank first box is not sent: the server's options[1] is the third box.
    await user.click(within(form).getByRole('button', { name: 'Tambah pilihan' }));
    await user.type(within(form).getByLabelText('Pilihan 2'), 'Tape ketan hitam');
    await user.type(within(form).getByLabelText('Pilihan 3'), 'Tape singkong madu');
    await user.click(within(form).getByRole('button', { name: 'Pilih kompetensi untuk pilihan 2' }));
    await user.click(within(within(form).getByTestId('option-1')).getByLabelText('Fermentasi dengan ragi'));
    const third = within(form).getByTestId('option-2');
    await user.click(within(third).getByRole('button', { name: 'Pilih kompetensi untuk pilihan 3' }));
    await user.click(within(third).getByLabelText('Fermentasi dengan ragi'));
    await user.click(within(third).getByLabelText('Pembukuan sederhana'));
    // Folded before sending: a refusal inside unfolds it.
    await user.click(within(third).getByRole('button', { name: 'Tutup daftar kompetensi pilihan 3' }));
    await user.click(within(form).getByRole('button', { name: 'Buat usulan' }));

    const line = await within(third).findByTestId(`option-2-target-${YEAST}`);
    expect(line).toHaveTextContent('Kompetensi ini tidak ada di katalog.');
    expect(within(line).getByLabelText('Fermentasi dengan ragi')).toHaveAttribute('aria-invalid', 'true');
    expect(within(third).getByTestId(`option-2-target-${BOOKKEEPING}`)).not.toHaveTextContent('Kompetensi ini tidak ada di katalog.');
    expect(within(form).getByTestId(`option-1-target-${YEAST}`)).not.toHaveTextContent('Kompetensi ini tidak ada di katalog.');
    expect(sentProposals()[0]).toMatchObject({
      options: [
        { label: 'Tape ketan hitam', targets: [{ competency_id: YEAST, level: 2 }] },
        { label: 'Tape singkong madu', targets: [{ competency_id: YEAST, level: 2 }, { competency_id: BOOKKEEPING, level: 2 }] },
      ],
    });
    expect(callsTo(fetchMock, 'PATCH /api/v1/cycles/4')).toHaveLength(0);
  });

  it('puts a refusal of the title beside the title, not among the themes', async () => {
    const user = userEvent.setup();
    serve(() => problem('invalid-input', 400, [{ field: 'title', code: 'required' }]));
    const form = await openForm(user);
    await user.type(within(form).getByLabelText('Pilihan 1'), 'Tape ketan hitam');
    await user.click(within(form).getByRole('button', { name: 'Buat usulan' }));
    await waitFor(() => expect(within(form).getByLabelText(/Judul usulan/)).toHaveAttribute('aria-invalid', 'true'));
    expect(within(form).getByLabelText('Pilihan 1')).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('says, beside the themes, that only a learning theme’s options name competencies', async () => {
    const user = userEvent.setup();
    serve(() => problem('invalid-input', 400, [{ field: 'options', code: 'targets_not_allowed' }]));
    const form = await openForm(user);
    await user.type(within(form).getByLabelText('Pilihan 1'), 'Tape ketan hitam');
    await user.click(within(form).getByRole('button', { name: 'Pilih kompetensi untuk pilihan 1' }));
    await user.click(within(within(form).getByTestId('option-0')).getByLabelText('Memilih singkong'));
    await user.click(within(form).getByRole('button', { name: 'Buat usulan' }));
    expect(await within(form).findByText('Hanya usulan tema belajar yang pilihannya boleh memuat kompetensi.')).toBeInTheDocument();
  });
});
