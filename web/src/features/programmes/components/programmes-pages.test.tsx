import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../../lib/api-client';
import { callsTo, FakeRegionPicker, page, problem, renderAt, routeFetch } from '../../../test/fixtures';
import { OFFICER, programmeView } from '../../../test/programmes';
import { jsonResponse, sentJson } from '../../../test/render';
import type { Eligibility, LoanDetail } from '../types';
import { ProgrammesPages, type ProgrammesView } from './programmes-pages';

const LOAN: LoanDetail = {
  id: 40,
  programme_id: 7,
  programme_name: 'Pinjaman Lunak Usaha Muda',
  provider_id: 5,
  provider_name: 'Bank Jatim',
  enterprise_id: null,
  group_id: 9,
  recipient_name: 'Tape Manis',
  kind: 'soft_loan',
  value: 3_000_000,
  given_on: '2026-01-01',
  until_on: null,
  disbursed_on: '2026-01-01',
  status: 'disbursed',
  description: null,
  over_budget_reason: null,
  loan: { annual_rate_bp: 0, term_months: 3, method: 'flat', first_due_on: '2026-02-01' },
  duplicate_of: [],
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  schedule: {
    total_principal: 3_000_000,
    total_interest: 0,
    total_due: 3_000_000,
    instalments: [1, 2, 3].map((n) => ({
      number: n,
      due_on: `2026-0${n + 1}-01`,
      principal: 1_000_000,
      interest: 0,
      amount: 1_000_000,
      balance_after: 3_000_000 - n * 1_000_000,
      paid_principal: 0,
      paid_interest: 0,
      paid_on: null,
    })),
  },
  position: { paid_principal: 0, paid_interest: 0, outstanding_principal: 3_000_000, outstanding_interest: 0, closed_on: null },
  repayments: [],
  arrears: {
    as_of: '2026-12-03',
    disbursed: true,
    closed: false,
    overdue_instalments: 3,
    overdue_principal: 3_000_000,
    overdue_interest: 0,
    oldest_unpaid_due_on: '2026-02-01',
    days_past_due: 305,
    outstanding_principal: 3_000_000,
    outstanding_interest: 0,
  },
};

let fetchMock: ReturnType<typeof routeFetch>;
let eligibility: Eligibility;

beforeEach(() => {
  api.setCsrfToken('csrf-1');
  eligibility = { eligible: false, checks: [{ criterion: 'sector', met: false, found: 'batik' }] };
  fetchMock = routeFetch({
    'GET /api/v1/programmes/7': () => jsonResponse(programmeView()),
    'GET /api/v1/programmes/7/enrolments': () => page([], 0, 200),
    'GET /api/v1/programmes/7/eligibility': () => jsonResponse(eligibility),
    'POST /api/v1/programmes/7/enrolments': () =>
      problem('invalid-input', 400, [{ field: 'outside_criteria_reason', code: 'required_outside_criteria', params: { unmet: 'sector' } }]),
    'GET /api/v1/groups': () => page([{ id: 9, name: 'Batik Jambangan', village: null }], 1, 20),
    'GET /api/v1/loans/40': () => jsonResponse(LOAN),
    'POST /api/v1/loans/40/repayments': () => problem('invalid-input', 400, [{ field: 'amount', code: 'exceeds_outstanding', params: { outstanding: '3000000' } }]),
    'GET /api/v1/programmes': () => page([programmeView()], 1, 25),
  });
});

function renderView(view: ProgrammesView, at: string, path: string) {
  return renderAt(<ProgrammesPages view={view} user={OFFICER} RegionPicker={FakeRegionPicker} />, { path, at });
}

describe('the programme page', () => {
  it('shows the design in words: factors, budget in rupiah, partners by helix and the criteria', async () => {
    renderView('programme', '/programmes/7', '/programmes/:id/:tab?');
    expect(await screen.findByRole('heading', { level: 1, name: 'Pinjaman Lunak Usaha Muda' })).toBeInTheDocument();
    expect(screen.getByTestId('overview-budget')).toHaveTextContent('Rp 150.000.000');
    expect(screen.getByTestId('overview-factors')).toHaveTextContent('Akses permodalan');
    expect(screen.getByTestId('overview-partners')).toHaveTextContent('Bank Jatim (mitra): pinjaman lunak');
    expect(screen.getByTestId('overview-criteria')).toHaveTextContent('Sektor Olahan pangan');
    expect(screen.getByRole('navigation', { name: 'Bagian program' })).toBeInTheDocument();
  });

  it('checks a candidate against the criteria with what the registry holds, and asks why it is enrolled outside them', async () => {
    const user = userEvent.setup();
    renderView('programme', '/programmes/7/enrolments', '/programmes/:id/:tab?');
    await user.click(await screen.findByRole('button', { name: 'Ikutkan peserta' }));
    await user.type(screen.getByLabelText('Cari nama'), 'Batik');
    await user.click(await screen.findByRole('button', { name: 'Pilih Batik Jambangan' }));
    const check = await screen.findByTestId('check-sector');
    expect(check).toHaveTextContent('✗ sektor: Tidak memenuhi — Di registri: Batik');
    expect(screen.getByTestId('eligibility-verdict')).toHaveTextContent('Tidak memenuhi semua syarat');
    await user.click(screen.getByRole('button', { name: 'Ikutkan' }));
    expect(await screen.findByText('Calon ini tidak memenuhi syarat sektor. Tulis alasan mengapa tetap diikutkan.')).toBeInTheDocument();
    const sent = sentJson<Record<string, unknown>>(callsTo(fetchMock, 'POST /api/v1/programmes/7/enrolments')[0]!.init!.body);
    expect(sent.group_id).toBe(9);
    expect(sent).not.toHaveProperty('outside_criteria_reason');
  });
});

describe('the loan page', () => {
  it('shows the schedule, the arrears in days, and what the loan owes in rupiah when a repayment is more', async () => {
    const user = userEvent.setup();
    renderView('loan', '/loans/40', '/loans/:id');
    expect(await screen.findByRole('heading', { level: 1, name: 'Pinjaman lunak: Tape Manis' })).toBeInTheDocument();
    const schedule = screen.getByTestId('loan-schedule');
    expect(within(schedule).getAllByRole('row')).toHaveLength(5);
    expect(screen.getByTestId('schedule-principal')).toHaveTextContent('Rp 3.000.000');
    expect(screen.getByTestId('days-past-due')).toHaveTextContent('3 angsuran menunggak; 305 hari lewat jatuh tempo');
    await user.click(screen.getByRole('button', { name: 'Catat pembayaran' }));
    await user.type(screen.getByLabelText(/^Jumlah/), '5.000.000');
    await user.click(screen.getByRole('button', { name: 'Simpan' }));
    expect(await screen.findByText('Jumlah ini melebihi sisa pinjaman yang harus dibayar: Rp 3.000.000.')).toBeInTheDocument();
    await waitFor(() => expect(sentJson<{ amount: number }>(callsTo(fetchMock, 'POST /api/v1/loans/40/repayments')[0]!.init!.body).amount).toBe(5_000_000));
  });
});

describe('the programme list', () => {
  it('keeps the status filter in the address and offers the design to an officer', async () => {
    const user = userEvent.setup();
    renderView('list', '/programmes', '/programmes');
    expect(await screen.findByTestId('programme-card-7')).toHaveTextContent('Pemilik: Dinas Koperasi Kota Batu');
    expect(screen.getByRole('link', { name: 'Rancang program' })).toHaveAttribute('href', '/programmes/new');
    await user.selectOptions(screen.getByLabelText('Status'), 'closed');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/programmes?status=closed'));
    await waitFor(() => expect(callsTo(fetchMock, 'GET /api/v1/programmes').at(-1)!.url.searchParams.get('status')).toBe('closed'));
  });
});
