import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { todayIso } from '../../../lib/format';
import { callsTo, page, problem, routeFetch } from '../../../test/fixtures';
import { groupView, meetingView, member, MEMBERS } from '../../../test/groups';
import { renderWorkspace } from '../../../test/groups-render';
import { jsonResponse, sentJson } from '../../../test/render';
import type { AttendanceInput, GroupView, MeetingView } from '../types';

let fetchMock: ReturnType<typeof routeFetch>;

function serve(group: GroupView, meeting: MeetingView) {
  fetchMock = routeFetch({
    'GET /api/v1/groups/1': () => jsonResponse(group),
    // a newcomer who joined after the meeting is a member now, but was not on the day
    'GET /api/v1/groups/1/members': () => page([...MEMBERS, member(15, 'Sumi', { joined_on: '2026-03-06' })], 5, 200),
    'GET /api/v1/groups/1/meetings/5': () => jsonResponse(meeting),
    'PUT /api/v1/groups/1/meetings/5/attendance': (_url, init) => {
      const body = sentJson<AttendanceInput>(init?.body);
      const names = new Map(MEMBERS.map((m) => [m.id, m.person.name]));
      const count = (p: string) => body.attendance.filter((line) => line.presence === p).length;
      return jsonResponse({
        ...meeting,
        present: count('present'),
        excused: count('excused'),
        absent: count('absent'),
        attendance: body.attendance.map((line) => ({ ...line, name: names.get(line.member_id) ?? '' })),
      });
    },
    'PATCH /api/v1/groups/1/meetings/5': (_url, init) => jsonResponse({ ...meeting, ...sentJson<object>(init?.body) }),
  });
}

beforeEach(() => serve(groupView(), meetingView()));

const row = (memberId: number) => screen.getByTestId(`attendance-${memberId}`);
const toggle = (memberId: number, name: string) => within(row(memberId)).getByRole('button', { name });
const sentBodies = () =>
  callsTo(fetchMock, 'PUT /api/v1/groups/1/meetings/5/attendance').map((c) => sentJson<AttendanceInput>(c.init?.body));

describe('taking attendance at a meeting', () => {
  it("lists every member of the meeting's day with Hadir / Izin / Absen, none marked yet", async () => {
    renderWorkspace('/groups/1/meetings/5');
    await screen.findByTestId('attendance-11');
    expect(screen.getByTestId('meeting-details')).toHaveTextContent('Pertemuan 5 Maret 2026');
    const rows = within(screen.getByTestId('attendance')).getAllByRole('group');
    expect(rows.map((group) => group.getAttribute('aria-label'))).toEqual([
      'Kehadiran Sulastri',
      'Kehadiran Sutini',
      'Kehadiran Suwarni',
      'Kehadiran Painem',
    ]);
    expect(within(row(11)).getAllByRole('button').map((b) => b.textContent)).toEqual(['Hadir', 'Izin', 'Absen']);
    expect(screen.queryByTestId('attendance-15')).not.toBeInTheDocument();
    expect(screen.getByTestId('attendance-counts')).toHaveTextContent('4 anggota belum ditandai');
  });

  it('marks with a tap, switches with another tap, and clears when the chosen one is tapped again', async () => {
    const user = userEvent.setup();
    renderWorkspace('/groups/1/meetings/5');
    await screen.findByTestId('attendance-12');
    await user.click(toggle(12, 'Hadir'));
    expect(toggle(12, 'Hadir')).toHaveAttribute('aria-pressed', 'true');
    await user.click(toggle(12, 'Izin'));
    expect(toggle(12, 'Hadir')).toHaveAttribute('aria-pressed', 'false');
    expect(toggle(12, 'Izin')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('attendance-counts')).toHaveTextContent('Hadir 0 · Izin 1 · Absen 0');
    await user.click(toggle(12, 'Izin'));
    expect(toggle(12, 'Izin')).toHaveAttribute('aria-pressed', 'false');
  });

  it('"semua hadir" then one change, and one save sends the whole list', async () => {
    const user = userEvent.setup();
    renderWorkspace('/groups/1/meetings/5');
    await user.click(await screen.findByRole('button', { name: 'Semua hadir' }));
    expect(screen.getByTestId('attendance-counts')).toHaveTextContent('Hadir 4 · Izin 0 · Absen 0');
    await user.click(toggle(14, 'Absen'));
    await user.click(screen.getByRole('button', { name: 'Simpan daftar hadir' }));

    expect(await screen.findByText('Daftar hadir sudah disimpan.')).toBeInTheDocument();
    expect(sentBodies()).toEqual([
      {
        attendance: [
          { member_id: 11, presence: 'present' },
          { member_id: 12, presence: 'present' },
          { member_id: 13, presence: 'present' },
          { member_id: 14, presence: 'absent' },
        ],
      },
    ]);
  });

  it('sends only the members marked, and nothing when nothing changed', async () => {
    const user = userEvent.setup();
    renderWorkspace('/groups/1/meetings/5');
    await screen.findByTestId('attendance-11');
    await user.click(screen.getByRole('button', { name: 'Simpan daftar hadir' }));
    expect(screen.getByText('Belum ada yang diubah.')).toBeInTheDocument();
    expect(sentBodies()).toHaveLength(0);
    await user.click(toggle(13, 'Izin'));
    await user.click(screen.getByRole('button', { name: 'Simpan daftar hadir' }));
    await screen.findByText('Daftar hadir sudah disimpan.');
    expect(sentBodies()).toEqual([{ attendance: [{ member_id: 13, presence: 'excused' }] }]);
  });

  it('opens with what was recorded before', async () => {
    serve(
      groupView(),
      meetingView({ present: 1, absent: 1, attendance: [
        { member_id: 11, name: 'Sulastri', presence: 'present' },
        { member_id: 14, name: 'Painem', presence: 'absent' },
      ] }),
    );
    renderWorkspace('/groups/1/meetings/5');
    await screen.findByTestId('attendance-11');
    expect(toggle(11, 'Hadir')).toHaveAttribute('aria-pressed', 'true');
    expect(toggle(14, 'Absen')).toHaveAttribute('aria-pressed', 'true');
    expect(toggle(12, 'Hadir')).toHaveAttribute('aria-pressed', 'false');
  });

  it("shows the server's objection beside the member it is about", async () => {
    const user = userEvent.setup();
    fetchMock = routeFetch({
      'GET /api/v1/groups/1': () => jsonResponse(groupView()),
      'GET /api/v1/groups/1/members': () => page(MEMBERS, 4, 200),
      'GET /api/v1/groups/1/meetings/5': () => jsonResponse(meetingView()),
      'PUT /api/v1/groups/1/meetings/5/attendance': () =>
        problem('invalid-input', 400, [{ field: 'attendance[1].member_id', code: 'not_member_then' }]),
    });
    renderWorkspace('/groups/1/meetings/5');
    await screen.findByTestId('attendance-11');
    await user.click(toggle(11, 'Hadir'));
    await user.click(toggle(13, 'Hadir'));
    await user.click(screen.getByRole('button', { name: 'Simpan daftar hadir' }));
    await waitFor(() =>
      expect(within(row(13)).getByRole('group')).toHaveAccessibleDescription(
        'Belum atau sudah tidak menjadi anggota pada tanggal pertemuan.',
      ),
    );
    expect(row(11)).not.toHaveTextContent('anggota pada tanggal');
    expect(within(screen.getByTestId('attendance')).getByRole('alert')).toHaveTextContent(
      'Daftar hadir belum disimpan: perbaiki 1 anggota yang ditandai, lalu simpan lagi.',
    );
  });

  it('shows the recorded attendance, without buttons, to those who do not keep meetings', async () => {
    serve(
      groupView({ writes: ['posts'], member_id: 14 }),
      meetingView({ present: 1, excused: 1, attendance: [
        { member_id: 11, name: 'Sulastri', presence: 'present' },
        { member_id: 13, name: 'Suwarni', presence: 'excused' },
      ] }),
    );
    renderWorkspace('/groups/1/meetings/5');
    const list = await screen.findByTestId('attendance-list');
    expect(list).toHaveTextContent('Hadir 1 · Izin 1 · Absen 0');
    expect(list).toHaveTextContent('Suwarni');
    expect(within(list).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Semua hadir' })).not.toBeInTheDocument();
  });

  it('takes attendance only once a planned meeting is marked as held', async () => {
    const user = userEvent.setup();
    serve(groupView(), meetingView({ status: 'planned', held_on: todayIso() }));
    renderWorkspace('/groups/1/meetings/5');
    expect(await screen.findByText('Daftar hadir diisi setelah pertemuan berlangsung.')).toBeInTheDocument();
    expect(screen.queryByTestId('attendance')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Pertemuan sudah berlangsung' }));
    expect(await screen.findByRole('button', { name: 'Semua hadir' })).toBeInTheDocument();
    const [call] = callsTo(fetchMock, 'PATCH /api/v1/groups/1/meetings/5');
    expect(sentJson(call!.init?.body)).toEqual({ status: 'held' });
  });
});
