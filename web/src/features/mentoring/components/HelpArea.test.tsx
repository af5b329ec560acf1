import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../../lib/api-client';
import { callsTo, page, problem, renderAt, routeFetch } from '../../../test/fixtures';
import { LEARNING_MEMBERS } from '../../../test/learning';
import { jsonResponse, sentJson } from '../../../test/render';
import type { HelpActor, HelpGroup, HelpRequestDetail } from '../types/help';
import { HelpArea } from './HelpArea';

const painem: HelpActor = { user_id: 7, username: 'painem', member: { id: 5, name: 'Painem' } };
const darmi: HelpActor = { user_id: 5, username: 'darmi', member: { id: 4, name: 'Ibu Darmi' } };
const GROUP: HelpGroup = { id: 1, name: 'Komunitas Batik', sector: 'batik', status: 'active', member_id: 4 };

function detail(overrides: Partial<HelpRequestDetail> = {}): HelpRequestDetail {
  return {
    id: 9,
    group_id: 1,
    member: { id: 5, name: 'Painem' },
    competency: { id: 4, name: 'Ecotik' },
    title: 'Warna ecotik luntur',
    description: 'Daun jati tidak mencetak.',
    status: 'open',
    reported_by: painem,
    closed_by: null,
    close_note: null,
    knowledge_post_id: null,
    advice_count: 0,
    attempt_count: 0,
    photo: { url: '/api/v1/help-requests/9/photo', thumbnail_url: '/api/v1/help-requests/9/thumbnail' },
    created_at: '2026-01-05T01:00:00Z',
    updated_at: '2026-01-05T01:00:00Z',
    first_advice_at: null,
    closed_at: null,
    seconds_to_first_advice: null,
    seconds_to_resolution: null,
    advice: [],
    attempts: [],
    can: { advise: true, attempt: false, resolve: false, abandon: true, share: false, photo: false },
    ...overrides,
  };
}

const ADVICE = { id: 1, author: darmi, text: 'Rendam di air tawas semalam.', created_at: '2026-01-05T04:00:00Z' };

beforeEach(() => {
  api.setCsrfToken('csrf-1');
});

const at = (requestId: number | null, onShared?: (groupId: number) => void) =>
  renderAt(<HelpArea group={GROUP} requestId={requestId} creating={false} onShared={onShared} />, {
    path: '/groups/:id/help/*',
    at: requestId === null ? '/groups/1/help' : `/groups/1/help/${requestId}`,
  });

describe('a help request', () => {
  it('shows the mentor the photo and the story, and takes her advice into the history at once', async () => {
    const user = userEvent.setup();
    const fetchMock = routeFetch({
      'GET /api/v1/help-requests/9': () => jsonResponse(detail()),
      'POST /api/v1/help-requests/9/advice': () =>
        jsonResponse(
          detail({
            status: 'advised',
            advice: [ADVICE],
            advice_count: 1,
            first_advice_at: ADVICE.created_at,
            seconds_to_first_advice: 10_800,
            can: { advise: true, attempt: false, resolve: true, abandon: true, share: false, photo: false },
          }),
          201,
        ),
    });
    at(9);
    const card = await screen.findByTestId('help-request');
    expect(within(card).getByRole('heading', { name: 'Warna ecotik luntur' })).toBeInTheDocument();
    expect(within(card).getByTestId('help-status')).toHaveTextContent('Menunggu saran');
    expect(within(card).getByRole('img', { name: 'Foto: Warna ecotik luntur' })).toHaveAttribute('src', '/api/v1/help-requests/9/thumbnail');
    expect(card).toHaveTextContent('Tentang: Ecotik');
    // A mentor advises; logging reworks is the mentee's.
    expect(screen.queryByTestId('help-attempt-form')).not.toBeInTheDocument();

    const form = screen.getByTestId('help-advice-form');
    await user.click(within(form).getByRole('button', { name: 'Kirim saran' }));
    expect(within(form).getByText('Tulis sarannya.')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/v1/help-requests/9/advice')).toHaveLength(0);

    await user.type(within(form).getByLabelText('Saran Anda'), 'Rendam di air tawas semalam.');
    await user.click(within(form).getByRole('button', { name: 'Kirim saran' }));
    expect(await within(form).findByText('Saran terkirim.')).toBeInTheDocument();
    const [sent] = callsTo(fetchMock, 'POST /api/v1/help-requests/9/advice');
    expect(sentJson(sent!.init?.body)).toEqual({ text: 'Rendam di air tawas semalam.' });
    expect(within(screen.getByTestId('help-timeline')).getByText('Saran dari Ibu Darmi')).toBeInTheDocument();
    expect(screen.getByTestId('help-durations')).toHaveTextContent('Saran pertama datang setelah 3 jam');
    expect(screen.getByTestId('help-status')).toHaveTextContent('Sudah diberi saran');
  });

  it('lets her share a resolved answer as knowledge once, with the latest advice as its text', async () => {
    const user = userEvent.setup();
    let shared = false;
    const resolved = () =>
      detail({
        status: 'resolved',
        advice: [ADVICE],
        advice_count: 1,
        closed_at: '2026-01-08T01:00:00Z',
        closed_by: painem,
        seconds_to_resolution: 3 * 86_400,
        knowledge_post_id: shared ? 31 : null,
        can: { advise: false, attempt: false, resolve: false, abandon: false, share: !shared, photo: false },
      });
    const onShared = vi.fn();
    const fetchMock = routeFetch({
      'GET /api/v1/help-requests/9': () => jsonResponse(resolved()),
      'POST /api/v1/help-requests/9/share': (_url, init) => {
        shared = true;
        const body = sentJson<{ title: string; body: string; kind: string }>(init?.body);
        return jsonResponse({ id: 31, member: { id: 5, name: 'Painem' }, kind: body.kind, title: body.title, body: body.body, tags: [], useful: 0, share_link: 'https://wa.me/?text=x', created_at: '2026-01-08T02:00:00Z' }, 201);
      },
    });
    at(9, onShared);
    const share = await screen.findByTestId('help-share');
    expect(screen.getByTestId('help-durations')).toHaveTextContent('Selesai dalam 3 hari');
    expect(within(share).getByLabelText('Judul')).toHaveValue('Warna ecotik luntur');
    expect(within(share).getByLabelText('Isi')).toHaveValue('Rendam di air tawas semalam.');
    await user.clear(within(share).getByLabelText('Judul'));
    await user.type(within(share).getByLabelText('Judul'), 'Agar ecotik tidak luntur');
    await user.click(within(share).getByRole('button', { name: 'Bagikan sebagai pengetahuan' }));

    expect(await screen.findByText('Jawaban ini sudah dibagikan sebagai pengetahuan kelompok.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Lihat di Berbagi ilmu' })).toHaveAttribute('href', '/groups/1/knowledge');
    expect(screen.queryByTestId('help-share')).not.toBeInTheDocument();
    const [sent] = callsTo(fetchMock, 'POST /api/v1/help-requests/9/share');
    expect(sentJson(sent!.init?.body)).toEqual({ title: 'Agar ecotik tidak luntur', body: 'Rendam di air tawas semalam.', kind: 'fix' });
    expect(onShared).toHaveBeenCalledWith(1);
  });

  it('says a refusal in words, not the server’s English', async () => {
    const user = userEvent.setup();
    routeFetch({
      'GET /api/v1/help-requests/9': () => jsonResponse(detail({ status: 'advised', advice: [ADVICE], can: { advise: false, attempt: true, resolve: true, abandon: true, share: false, photo: true } })),
      'POST /api/v1/help-requests/9/transitions': () =>
        problem('conflict', 409, [{ field: 'status', code: 'resolved', message: 'a closed request stays closed' }]),
    });
    at(9);
    const close = await screen.findByTestId('help-close');
    await user.click(within(close).getByRole('button', { name: 'Tandai selesai' }));
    expect(await within(close).findByText('Permintaan ini sudah selesai.')).toBeInTheDocument();
  });
});

describe('a group’s help requests', () => {
  it('lists the waiting ones first, and a member’s own on “Milik saya”', async () => {
    const user = userEvent.setup();
    const fetchMock = routeFetch({
      'GET /api/v1/help-requests': (url) =>
        jsonResponse({
          items: url.searchParams.get('mine') === 'true' ? [] : [{ ...detail(), advice: undefined, attempts: undefined, can: undefined }],
          total: url.searchParams.get('mine') === 'true' ? 0 : 1,
          limit: 20,
          offset: 0,
        }),
    });
    at(null);
    const list = await screen.findByTestId('help-request-list');
    expect(within(list).getByRole('link', { name: 'Warna ecotik luntur' })).toHaveAttribute('href', '/groups/1/help/9');
    expect(screen.getByTestId('help-open-note')).toHaveTextContent('terlihat oleh semua anggota kelompok');
    expect(screen.getByRole('button', { name: 'Menunggu' })).toHaveAttribute('aria-pressed', 'true');
    expect(callsTo(fetchMock, 'GET /api/v1/help-requests')[0]!.url.searchParams.get('status')).toBe('open,advised');

    await user.click(screen.getByRole('button', { name: 'Milik saya' }));
    expect(await screen.findByText('Anda belum pernah minta bantuan.')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/groups/1/help?filter=mine');
    expect(screen.getByRole('link', { name: 'Minta bantuan' })).toHaveAttribute('href', '/groups/1/help/new');
  });
});

describe('reporting a failure', () => {
  it('lets the leader report for Tukini, who has no account: she chooses the member, and the report names her', async () => {
    const user = userEvent.setup();
    const leader: HelpGroup = { ...GROUP, sector: 'food', member_id: 11, writes: ['profile', 'members', 'posts'] };
    const fetchMock = routeFetch({
      'GET /api/v1/competencies': () => page([], 0, 200),
      'GET /api/v1/groups/1/members': () => page(LEARNING_MEMBERS, LEARNING_MEMBERS.length, 200),
      'POST /api/v1/help-requests': () => jsonResponse(detail({ id: 12, member: { id: 16, name: 'Tukini' } }), 201),
      'GET /api/v1/help-requests/12': () => jsonResponse(detail({ id: 12, member: { id: 16, name: 'Tukini' } })),
    });
    renderAt(<HelpArea group={leader} requestId={null} creating onShared={undefined} />, {
      path: '/groups/:id/help/*',
      at: '/groups/1/help/new',
    });
    const form = await screen.findByTestId('help-report');
    const who = within(form).getByLabelText(/Untuk anggota/);
    // Tukini is among the members to choose; the leader herself is chosen to start with.
    expect(await within(form).findByRole('option', { name: 'Tukini' })).toBeInTheDocument();
    expect(who).toHaveValue('11');
    await user.selectOptions(who, '16');
    await user.type(within(form).getByLabelText(/Apa yang gagal/), 'Tape terlalu asam');
    await user.click(within(form).getByRole('button', { name: 'Kirim permintaan' }));
    await vi.waitFor(() => expect(callsTo(fetchMock, 'POST /api/v1/help-requests')).toHaveLength(1));
    const [sent] = callsTo(fetchMock, 'POST /api/v1/help-requests');
    expect(sentJson(sent!.init?.body)).toEqual({ group_id: 1, title: 'Tape terlalu asam', description: null, competency_id: null, member_id: 16 });
  });

  it('asks a member only what failed: she reports for herself, with no member to choose', async () => {
    routeFetch({ 'GET /api/v1/competencies': () => page([], 0, 200) });
    renderAt(<HelpArea group={{ ...GROUP, writes: ['posts'] }} requestId={null} creating onShared={undefined} />, {
      path: '/groups/:id/help/*',
      at: '/groups/1/help/new',
    });
    const form = await screen.findByTestId('help-report');
    expect(within(form).queryByLabelText(/Untuk anggota/)).not.toBeInTheDocument();
  });
});
