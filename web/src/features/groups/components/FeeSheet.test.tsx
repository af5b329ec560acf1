import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { callsTo, page, problem, routeFetch } from '../../../test/fixtures';
import { groupView, ledgerEntry, meetingView, MEMBERS } from '../../../test/groups';
import { renderWorkspace } from '../../../test/groups-render';
import { jsonResponse, sentJson } from '../../../test/render';
import type { GroupView, MeetingView } from '../types';
import type { FeeSheetInput } from '../types/fee-sheet';
import type { LedgerEntry } from '../types/treasury';

let fetchMock: ReturnType<typeof routeFetch>;
let atMeeting: LedgerEntry[];

const MEETING = meetingView({
  present: 2,
  excused: 1,
  attendance: [
    { member_id: 11, presence: 'present', name: 'Sulastri' },
    { member_id: 12, presence: 'excused', name: 'Sutini' },
    { member_id: 14, presence: 'present', name: 'Painem' },
  ],
});

const feeOf = (id: number, memberId: number, amount: number) =>
  ledgerEntry({
    id,
    amount,
    meeting_id: 5,
    lines: [
      { account: 'cash', debit: amount, credit: 0, member_id: memberId },
      { account: 'member_fees', debit: 0, credit: amount, member_id: memberId },
    ],
  });

/** A meeting whose ledger keeps what the sheet posts; `postAnswer` overrides the answer to the POST. */
function serve(group: GroupView, meeting: MeetingView = MEETING, { postAnswer, rules = [{ from: '2025-11', amount: 10_000 }] }: {
  postAnswer?: () => Response;
  rules?: { from: string; amount: number }[];
} = {}) {
  atMeeting = [];
  fetchMock = routeFetch({
    'GET /api/v1/groups/1': () => jsonResponse(group),
    'GET /api/v1/groups/1/members': () => page(MEMBERS, MEMBERS.length, 200),
    'GET /api/v1/groups/1/meetings/5': () => jsonResponse(meeting),
    'GET /api/v1/groups/1/meetings': () => page([meeting], 1, 20),
    'GET /api/v1/groups/1/fee-rules': () =>
      jsonResponse({ items: rules.map((r, i) => ({ id: i + 1, deliberation_id: null, created_at: '2025-11-01T02:00:00Z', ...r })) }),
    'GET /api/v1/groups/1/ledger': (url) => {
      expect(url.searchParams.get('meeting_id')).toBe('5');
      return page(atMeeting, atMeeting.length, 200);
    },
    'POST /api/v1/groups/1/fees': (_url, init) => {
      if (postAnswer) return postAnswer();
      const body = sentJson<FeeSheetInput>(init?.body);
      const posted = body.payments.map((p, i) => feeOf(30 + i, p.member_id, p.amount));
      atMeeting = [...posted, ...atMeeting];
      return jsonResponse({ items: posted }, 201);
    },
  });
}

beforeEach(() => serve(groupView()));

const sheet = () => screen.getByTestId('fee-sheet');
const line = (memberId: number) => screen.getByTestId(`fee-line-${memberId}`);
const posts = () => callsTo(fetchMock, 'POST /api/v1/groups/1/fees').map((c) => sentJson<FeeSheetInput>(c.init?.body));
const clean = (text: string | null) => (text ?? '').replace(/\u00a0/g, ' ');

async function openSheet() {
  const user = userEvent.setup();
  renderWorkspace('/groups/1/meetings/5');
  await user.click(await within(await screen.findByTestId('fee-sheet')).findByRole('button', { name: 'Catat iuran' }));
  await screen.findByTestId('fee-line-11');
  return user;
}

describe("a meeting's fee sheet", () => {
  it("ticks those present with the month's fee, counts the total, and one save posts every ticked line", async () => {
    const user = await openSheet();
    expect(within(sheet()).getByRole('checkbox', { name: /^Sulastri/ })).toBeChecked();
    expect(within(sheet()).getByRole('checkbox', { name: /^Painem/ })).toBeChecked();
    expect(within(sheet()).getByRole('checkbox', { name: /^Sutini/ })).not.toBeChecked();
    expect(within(sheet()).getByLabelText('Iuran Painem')).toHaveValue('10.000');
    expect(within(sheet()).getByLabelText('Iuran Sutini')).toBeDisabled();
    expect(clean(screen.getByTestId('fee-sheet-total').textContent)).toBe('Jumlah: Rp 20.000 dari 2 anggota');

    // Painem pays three months; Sulastri did not pay after all; Sutini, excused, sent hers.
    await user.clear(within(sheet()).getByLabelText('Iuran Painem'));
    await user.type(within(sheet()).getByLabelText('Iuran Painem'), '30.000');
    await user.click(within(sheet()).getByRole('checkbox', { name: /^Sulastri/ }));
    await user.click(within(sheet()).getByRole('checkbox', { name: /^Sutini/ }));
    expect(clean(screen.getByTestId('fee-sheet-total').textContent)).toBe('Jumlah: Rp 40.000 dari 2 anggota');
    expect(posts()).toHaveLength(0);

    await user.click(within(sheet()).getByRole('button', { name: 'Simpan' }));
    expect(await within(sheet()).findByText('Iuran 2 anggota sudah dicatat: Rp 40.000.', { normalizer: clean })).toBeInTheDocument();
    expect(posts()).toEqual([
      { date: '2026-03-05', meeting_id: 5, payments: [{ member_id: 12, amount: 10_000 }, { member_id: 14, amount: 30_000 }] },
    ]);
    expect(callsTo(fetchMock, 'POST /api/v1/groups/1/fees')[0]!.init?.headers).toHaveProperty('Idempotency-Key');

    // The meeting now holds them: they are shown as recorded and not offered again.
    await waitFor(() => expect(clean(screen.getByTestId('fee-sheet-recorded').textContent)).toBe('Sudah dicatat: iuran 2 anggota, Rp 40.000.'));
    await user.click(within(sheet()).getByRole('button', { name: 'Catat iuran' }));
    expect(clean(line(14).textContent)).toBe('PainemSudah dicatat Rp 30.000');
    expect(within(line(14)).queryByRole('checkbox')).not.toBeInTheDocument();
    expect(within(sheet()).getByRole('checkbox', { name: /^Sulastri/ })).toBeChecked();
  });

  it('checks the amounts before sending, and names the row', async () => {
    const user = await openSheet();
    await user.clear(within(sheet()).getByLabelText('Iuran Painem'));
    await user.type(within(sheet()).getByLabelText('Iuran Painem'), '1,5');
    await user.click(within(sheet()).getByRole('button', { name: 'Simpan' }));
    expect(within(line(14)).getByText('Tulis dalam rupiah penuh, tanpa sen.')).toBeInTheDocument();
    expect(within(sheet()).getByLabelText('Iuran Painem')).toHaveAttribute('aria-invalid', 'true');
    expect(within(sheet()).getByRole('alert')).toHaveTextContent('Belum ada iuran yang disimpan: perbaiki 1 anggota yang ditandai, lalu simpan lagi.');
    expect(posts()).toHaveLength(0);

    // Nobody ticked: the save is not offered.
    await user.click(within(sheet()).getByRole('checkbox', { name: /^Painem/ }));
    await user.click(within(sheet()).getByRole('checkbox', { name: /^Sulastri/ }));
    expect(within(sheet()).getByRole('button', { name: 'Simpan' })).toBeDisabled();
  });

  it("shows the server's refusal on the member's row, and nothing is saved", async () => {
    serve(groupView(), MEETING, {
      postAnswer: () => problem('invalid-input', 400, [{ field: 'payments[1].member_id', code: 'already_recorded' }]),
    });
    const user = await openSheet();
    await user.click(within(sheet()).getByRole('button', { name: 'Simpan' }));
    expect(await within(line(14)).findByText('Iurannya di pertemuan ini sudah dicatat.')).toBeInTheDocument();
    expect(within(line(11)).queryByRole('list')).not.toBeInTheDocument();
    expect(within(sheet()).getByRole('alert')).toHaveTextContent('perbaiki 1 anggota yang ditandai');
    expect(within(sheet()).getByRole('checkbox', { name: /^Painem/ })).toBeChecked();
  });

  it('without a fee rule the amounts are left for the leader to write', async () => {
    serve(groupView(), MEETING, { rules: [] });
    await openSheet();
    expect(sheet()).toHaveTextContent('Belum ada aturan iuran: centang yang membayar dan tulis jumlahnya.');
    expect(within(sheet()).getByLabelText('Iuran Painem')).toHaveValue('');
  });

  it('asks before leaving with the sheet open, and not once it is closed', async () => {
    const user = await openSheet();
    await user.click(screen.getByRole('link', { name: 'Semua pertemuan' }));
    const guard = await screen.findByTestId('leave-guard');
    expect(guard).toHaveTextContent('Iuran 2 anggota belum disimpan. Bila halaman ini ditinggalkan, catatan itu hilang.');
    await user.click(within(guard).getByRole('button', { name: 'Tetap di halaman ini' }));
    expect(screen.getByTestId('location')).toHaveTextContent('/groups/1/meetings/5');

    await user.click(within(sheet()).getByRole('button', { name: 'Batal' }));
    await user.click(screen.getByRole('link', { name: 'Semua pertemuan' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/groups\/1\/meetings$/));
    expect(screen.queryByTestId('leave-guard')).not.toBeInTheDocument();
    expect(posts()).toHaveLength(0);
  });

  it('is not shown to those who do not keep the treasury, nor before the meeting is held', async () => {
    serve(groupView({ writes: ['meetings'] }));
    renderWorkspace('/groups/1/meetings/5');
    await screen.findByTestId('attendance');
    expect(screen.queryByTestId('fee-sheet')).not.toBeInTheDocument();
    expect(callsTo(fetchMock, 'GET /api/v1/groups/1/fee-rules')).toHaveLength(0);
  });
});
