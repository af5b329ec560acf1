import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { callsTo, fill, page, problem, routeFetch } from '../../../test/fixtures';
import { groupView, meetingView, MEMBERS } from '../../../test/groups';
import { openSectionForm, renderWorkspace } from '../../../test/groups-render';
import { jsonResponse, sentJson } from '../../../test/render';

let fetchMock: ReturnType<typeof routeFetch>;

const MEETINGS = [
  meetingView({ id: 6, held_on: '2026-03-19', present: 3, excused: 1, absent: 0 }),
  meetingView({ id: 7, held_on: '2026-04-02', status: 'planned', venue: null }),
];

beforeEach(() => {
  fetchMock = routeFetch({
    'GET /api/v1/groups/1': () => jsonResponse(groupView()),
    'GET /api/v1/groups/1/members': () => page(MEMBERS, 4, 200),
    'GET /api/v1/groups/1/meetings': () => page(MEETINGS, 2, 20),
    'POST /api/v1/groups/1/meetings': (_url, init) => jsonResponse(meetingView({ id: 8, ...sentJson(init?.body) }), 201),
    'GET /api/v1/groups/1/meetings/8': () => jsonResponse(meetingView({ id: 8 })),
  });
});

describe('the meetings section', () => {
  it('lists meetings with their day, state, venue and attendance', async () => {
    renderWorkspace('/groups/1/meetings');
    const held = await screen.findByTestId('meeting-6');
    expect(within(held).getByRole('link', { name: '19 Maret 2026' })).toHaveAttribute('href', '/groups/1/meetings/6');
    expect(held).toHaveTextContent('Sudah berlangsung');
    expect(held).toHaveTextContent('Tempat: rumah Bu Sulastri');
    expect(held).toHaveTextContent('Hadir 3 · Izin 1 · Absen 0');
    expect(screen.getByTestId('meeting-7')).toHaveTextContent('Direncanakan');
  });

  it('records a meeting and goes straight to its attendance', async () => {
    const user = userEvent.setup();
    const form = await openSectionForm(user, '/groups/1/meetings', 'Catat pertemuan', 'meeting-form');
    await user.clear(within(form).getByLabelText('Tanggal *'));
    await fill(user, form, { 'Tanggal *': '2026-03-05', 'Jenis pertemuan': 'informal', 'Tempat': 'rumah Bu Sutini' });
    await user.click(within(form).getByRole('button', { name: 'Simpan pertemuan' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/groups/1/meetings/8'));
    expect(await screen.findByText('Pertemuan sudah dicatat.')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Semua hadir' })).toBeInTheDocument();
    const [call] = callsTo(fetchMock, 'POST /api/v1/groups/1/meetings');
    expect(sentJson(call!.init?.body)).toEqual({ held_on: '2026-03-05', kind: 'informal', venue: 'rumah Bu Sutini' });
  });

  it("shows the server's date error beside the date", async () => {
    const user = userEvent.setup();
    routeFetch({
      'GET /api/v1/groups/1': () => jsonResponse(groupView()),
      'GET /api/v1/groups/1/meetings': () => page([], 0, 20),
      'POST /api/v1/groups/1/meetings': () => problem('invalid-input', 400, [{ field: 'status', code: 'in_future' }]),
    });
    renderWorkspace('/groups/1/meetings');
    await user.click(await screen.findByRole('button', { name: 'Catat pertemuan' }));
    await user.click(screen.getByRole('button', { name: 'Simpan pertemuan' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Tanggal *')).toHaveAccessibleDescription(
        expect.stringContaining('Pertemuan ini belum berlangsung'),
      ),
    );
  });

  it('says so plainly when the group is dissolved', async () => {
    const user = userEvent.setup();
    routeFetch({
      'GET /api/v1/groups/1': () => jsonResponse(groupView()),
      'GET /api/v1/groups/1/meetings': () => page([], 0, 20),
      'POST /api/v1/groups/1/meetings': () => problem('group-dissolved', 409),
    });
    renderWorkspace('/groups/1/meetings');
    await user.click(await screen.findByRole('button', { name: 'Catat pertemuan' }));
    await user.click(screen.getByRole('button', { name: 'Simpan pertemuan' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Kelompok ini sudah bubar; catatannya tidak dapat diubah lagi.');
  });
});
