import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../../lib/api-client';
import { callsTo, FakeRegionPicker, KOTA_BATU, page, problem, renderAt, routeFetch } from '../../../test/fixtures';
import { decision, OFFICER, OWNER_PARTNER, programmeView, targetingRound } from '../../../test/programmes';
import { jsonResponse, sentJson } from '../../../test/render';
import type { ProgrammeView } from '../types';
import type { MySelections, TargetingCandidate, TargetingRound, TargetingRoundView } from '../types/targeting';
import { ProgrammesPages, type ProgrammesView } from './programmes-pages';

const PROGRAMME = programmeView({ name: 'Modal Usaha Mikro', follow_up_months: [], partners: [OWNER_PARTNER] });

const CANDIDATE: TargetingCandidate = {
  rank: 1,
  id: 31,
  name: 'Tape Bu Sri',
  facts: { village_code: '35.07.20.2004', sector: 'food_processing', scale: 'micro', founded_year: 2020, homogeneous: null, categories: ['poor'], received: { count: 0, value: 0, providers: 0, last_on: null } },
  score: 75,
  terms: [
    { code: 'scale', points: 20, params: { scale: 'micro' }, label: 'usaha mikro +20' },
    { code: 'household', points: 25, params: { categories: 'poor' }, label: 'rumah tangga miskin (DTKS) +25' },
    { code: 'never_assisted', points: 30, params: {}, label: 'belum pernah menerima bantuan +30' },
  ],
  eligibility: { eligible: true, checks: [{ criterion: 'sector', met: true, found: 'food_processing' }] },
};

function round(o: Partial<TargetingRoundView> = {}): TargetingRoundView {
  return { ...targetingRound({ criteria: PROGRAMME.criteria }), can_manage: true, ...o };
}

/** A round as lists carry it: without the caller's right to manage it. */
function plainRound({ can_manage: _canManage, ...rest }: TargetingRoundView): TargetingRound {
  return rest;
}

const DECISION = decision({ position: 1, score: 75, terms: CANDIDATE.terms, cut_score: 75, eligibility: CANDIDATE.eligibility });

let fetchMock: ReturnType<typeof routeFetch>;
let programme: ProgrammeView;

beforeEach(() => {
  api.setCsrfToken('csrf-1');
  programme = PROGRAMME;
  fetchMock = routeFetch({
    'GET /api/v1/programmes/7': () => jsonResponse(programme),
    'GET /api/v1/programmes/7/candidates': () => page([CANDIDATE], 1, 20),
    'GET /api/v1/programmes/7/rounds': () => page([round()], 1, 10),
    'GET /api/v1/regions/35.79': () => jsonResponse(KOTA_BATU),
    'POST /api/v1/programmes/7/rounds': () =>
      problem('conflict', 409, [
        { field: 'opens_on', code: 'overlapping_round', params: { round_id: '4', opens_on: '2026-02-01', closes_on: '2026-03-31' } },
      ]),
    'GET /api/v1/programmes/7/rounds/4': () => jsonResponse(round()),
    'GET /api/v1/programmes/7/rounds/4/beneficiaries': () =>
      page([{ position: 1, id: 31, name: 'Tape Bu Sri', facts: CANDIDATE.facts, score: 75, terms: CANDIDATE.terms, eligibility: CANDIDATE.eligibility }], 1, 20),
    'GET /api/v1/programmes/7/rounds/4/decision': () => jsonResponse(DECISION),
    'POST /api/v1/programmes/7/rounds/4/confirm': (_url, init) => {
      const { count } = sentJson<{ count: number }>(init?.body);
      return count === 1
        ? jsonResponse(round({ status: 'confirmed', enrolled_count: 1, decided_at: '2026-02-02T02:00:00Z' }))
        : problem('invalid-input', 400, [{ field: 'count', code: 'count_mismatch', params: { expected: '1', given: String(count) } }]);
    },
  });
});

const renderView = (view: ProgrammesView, at: string, path = '/programmes/:id/:tab?') =>
  renderAt(<ProgrammesPages view={view} user={OFFICER} RegionPicker={FakeRegionPicker} />, { path, at });

describe('the candidates tab', () => {
  it('lists the ranked candidates with why each qualifies and what moved its rank', async () => {
    renderView('programme', '/programmes/7/candidates');
    const row = await screen.findByTestId('candidate-31');
    expect(row).toHaveTextContent('Tape Bu Sri');
    expect(within(row).getByTestId('candidate-score')).toHaveTextContent('75');
    expect(row).toHaveTextContent('✓ sektor: Olahan pangan');
    const terms = within(row).getByTestId('candidate-terms');
    expect(terms).toHaveTextContent('+20 usaha mikro');
    expect(terms).toHaveTextContent('+25 kategori miskin (DTKS)');
    expect(terms).toHaveTextContent('+30 belum pernah menerima bantuan');
    expect(screen.getByTestId('candidate-total')).toHaveTextContent('1 kandidat');
    expect(screen.getByRole('link', { name: 'Kandidat' })).toHaveAttribute('href', '/programmes/7/candidates');
  });

  it('is not offered to one who does not manage the programme', async () => {
    programme = { ...PROGRAMME, can_manage: false };
    renderView('programme', '/programmes/7');
    await screen.findByRole('heading', { level: 1, name: 'Modal Usaha Mikro' });
    expect(screen.queryByRole('link', { name: 'Kandidat' })).toBeNull();
    expect(callsTo(fetchMock, 'GET /api/v1/programmes/7/candidates')).toHaveLength(0);
  });

  it('freezes a list asking how many first, and says in words when its period overlaps another round', async () => {
    const user = userEvent.setup();
    renderView('programme', '/programmes/7/candidates');
    await user.click(await screen.findByRole('button', { name: 'Bekukan daftar' }));
    await user.type(screen.getByLabelText('Berapa penerima'), '1');
    expect(screen.getByTestId('freeze-question')).toHaveTextContent('Yang dibekukan: 1 usaha teratas.');
    await user.click(screen.getByRole('button', { name: 'Bekukan' }));
    expect(
      await screen.findByText('Periode ini bertumpang tindih dengan putaran #4 (2026-02-01 – 2026-03-31). Pilih periode lain, atau batalkan putaran itu bila masih rancangan.'),
    ).toBeInTheDocument();
    const sent = sentJson<Record<string, unknown>>(callsTo(fetchMock, 'POST /api/v1/programmes/7/rounds')[0]!.init!.body);
    expect(sent).toMatchObject({ kind: 'enterprise', quota: 1, closes_on: '2026-12-31' });
  });
});

describe('narrowing the candidates', () => {
  it('lists only a sector and a region when asked, and a round frozen then carries them and says so', async () => {
    const user = userEvent.setup();
    renderView('programme', '/programmes/7/candidates');
    await screen.findByTestId('candidate-31');
    const narrowing = screen.getByTestId('candidate-narrowing');
    await user.click(within(narrowing).getByText('Persempit daftar'));
    await user.selectOptions(within(narrowing).getByLabelText('Sektor'), 'batik');
    await user.click(within(narrowing).getByRole('button', { name: 'pick regency' }));
    await waitFor(() => {
      const last = callsTo(fetchMock, 'GET /api/v1/programmes/7/candidates').at(-1)!.url.searchParams;
      expect([last.get('sector'), last.get('region'), last.get('offset')]).toEqual(['batik', '35.79', '0']);
    });
    expect(within(narrowing).getByText(/^Persempit daftar: hanya/)).toHaveTextContent('Persempit daftar: hanya KOTA BATU, sektor Batik');

    await user.click(screen.getByRole('button', { name: 'Bekukan daftar' }));
    const form = screen.getByTestId('freeze-form');
    expect(within(form).getByLabelText('Sektor')).toHaveValue('batik');
    expect(await within(form).findByTestId('freeze-question')).toHaveTextContent('Yang dibekukan: semua usaha yang memenuhi syarat. hanya KOTA BATU, sektor Batik.');
    await user.click(within(form).getByRole('button', { name: 'Bekukan' }));
    await waitFor(() => expect(callsTo(fetchMock, 'POST /api/v1/programmes/7/rounds')).toHaveLength(1));
    const sent = sentJson<Record<string, unknown>>(callsTo(fetchMock, 'POST /api/v1/programmes/7/rounds')[0]!.init!.body);
    expect(sent).toMatchObject({ kind: 'enterprise', region: '35.79', sector: 'batik', quota: null });
  });

  it('says "lebih dari 10.000" of a list too long to count, and pages on through it', async () => {
    const user = userEvent.setup();
    fetchMock = routeFetch({
      'GET /api/v1/programmes/7': () => jsonResponse(programme),
      'GET /api/v1/programmes/7/candidates': (url) => {
        const offset = Number(url.searchParams.get('offset') ?? '0');
        const items = Array.from({ length: 20 }, (_, i) => ({ ...CANDIDATE, id: 100 + offset + i, rank: offset + i + 1 }));
        return jsonResponse({ items, total: offset + 10_000, total_capped: true, limit: 20, offset });
      },
      'GET /api/v1/programmes/7/rounds': () => page([], 0, 10),
    });
    renderView('programme', '/programmes/7/candidates');
    expect(await screen.findByTestId('candidate-100')).toBeInTheDocument();
    expect(screen.getByTestId('candidate-total')).toHaveTextContent('(lebih dari 10.000 kandidat)');
    const pager = within(screen.getByTestId('candidates')).getByRole('navigation', { name: 'Kandidat' });
    expect(pager).toHaveTextContent('1–20 dari lebih dari 10.000');
    expect(pager).toHaveTextContent('Halaman 1');
    expect(pager).not.toHaveTextContent(/Halaman 1 dari/);
    await user.click(within(pager).getByRole('button', { name: 'Berikutnya' }));
    expect(await screen.findByTestId('candidate-120')).toBeInTheDocument();
    expect(within(screen.getByTestId('candidates')).getByRole('navigation', { name: 'Kandidat' })).toHaveTextContent('21–40 dari lebih dari 10.020');
  });

  it('shows the rounds a page at a time', async () => {
    const user = userEvent.setup();
    fetchMock = routeFetch({
      'GET /api/v1/programmes/7': () => jsonResponse(programme),
      'GET /api/v1/programmes/7/candidates': () => page([CANDIDATE], 1, 20),
      'GET /api/v1/programmes/7/rounds': (url) =>
        url.searchParams.get('offset') === '10'
          ? page([round({ id: 1 })], 11, 10, 10)
          : page(Array.from({ length: 10 }, (_, i) => round({ id: 11 - i })), 11, 10, 0),
    });
    renderView('programme', '/programmes/7/candidates');
    expect(await screen.findByTestId('round-11')).toBeInTheDocument();
    expect(screen.queryByTestId('round-1')).toBeNull();
    await user.click(within(screen.getByTestId('rounds')).getByRole('button', { name: /berikutnya|selanjutnya/i }));
    expect(await screen.findByTestId('round-1')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'GET /api/v1/programmes/7/rounds').at(-1)!.url.searchParams.get('limit')).toBe('10');
  });
});

describe('a round', () => {
  it('confirms a draft only with the count it holds, and says so in words otherwise', async () => {
    const user = userEvent.setup();
    renderView('programme', '/programmes/7/candidates?round=4');
    expect(await screen.findByTestId('round-summary')).toHaveTextContent('1 terpilih dari 2 yang memenuhi syarat · batas skor 75');
    const count = screen.getByLabelText(/^Jumlah penerima yang Anda konfirmasi/);
    await user.type(count, '3');
    await user.click(screen.getByRole('button', { name: 'Konfirmasi' }));
    expect(await screen.findByText('Daftar ini berisi 1 penerima, bukan 3. Periksa lagi lalu ketik jumlah yang ada di daftar.')).toBeInTheDocument();
    await user.clear(count);
    await user.type(count, '1');
    await user.click(screen.getByRole('button', { name: 'Konfirmasi' }));
    expect(await screen.findByText('Putaran dikonfirmasi: 1 penerima baru diikutkan program.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('round-status')).toHaveTextContent('Dikonfirmasi'));
    expect(screen.queryByTestId('confirm-form')).toBeNull();
  });

  it('explains in words why one on the frozen list was selected', async () => {
    const user = userEvent.setup();
    renderView('programme', '/programmes/7/candidates?round=4');
    await user.click(await screen.findByRole('button', { name: 'Mengapa Tape Bu Sri?' }));
    const decision = await screen.findByTestId('decision');
    expect(decision).toHaveTextContent('Terpilih: urutan ke-1 dengan skor 75.');
    expect(decision).toHaveTextContent('Dijelaskan dari data yang dibekukan bersama putaran.');
    expect(within(decision).getByTestId('decision-terms')).toHaveTextContent('+25 kategori miskin (DTKS)');
    expect(callsTo(fetchMock, 'GET /api/v1/programmes/7/rounds/4/decision')[0]!.url.searchParams.get('enterprise_id')).toBe('31');
  });
});

describe('my programme selections', () => {
  it('lists her enterprises’ decisions with the officer’s confirmation and why', async () => {
    const selections: MySelections = {
      items: [
        {
          programme_name: 'Modal Usaha Mikro',
          round: plainRound(round({ status: 'confirmed', decided_at: '2026-02-02T02:00:00Z', enrolled_count: 1 })),
          decision: { ...DECISION, selected: false, reason: 'below_cut', position: null, score: 40, facts_from: 'registry' },
        },
      ],
    };
    routeFetch({ 'GET /api/v1/me/selections': () => jsonResponse(selections) });
    const user = userEvent.setup();
    renderView('selections', '/selections', '/selections');
    expect(await screen.findByRole('heading', { level: 1, name: 'Pilihan program saya' })).toBeInTheDocument();
    const card = await screen.findByTestId('selection-4-31');
    expect(within(card).getByTestId('selection-verdict')).toHaveTextContent('Tidak terpilih');
    expect(within(card).getByTestId('selection-note')).toHaveTextContent('Petugas program mengonfirmasi putaran ini pada 2 Feb 2026.');
    await user.click(within(card).getByText('Mengapa?'));
    expect(within(card).getByTestId('decision')).toHaveTextContent('skornya 40 tidak di atas batas 75');
  });
});
