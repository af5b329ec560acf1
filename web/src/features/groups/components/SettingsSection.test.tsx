import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { todayIso } from '../../../lib/format';
import { callsTo, problem, routeFetch } from '../../../test/fixtures';
import { groupView } from '../../../test/groups';
import { renderWorkspace } from '../../../test/groups-render';
import { jsonResponse, sentJson } from '../../../test/render';
import type { GroupView } from '../types';

let fetchMock: ReturnType<typeof routeFetch>;

function serve(group: GroupView, patchAnswer?: () => Response) {
  fetchMock = routeFetch({
    'GET /api/v1/groups/1': () => jsonResponse(group),
    'PATCH /api/v1/groups/1': (_url, init) =>
      patchAnswer ? patchAnswer() : jsonResponse({ ...group, status_since: todayIso(), ...sentJson<object>(init?.body) }),
  });
}

beforeEach(() => serve(groupView()));

const patches = () => callsTo(fetchMock, 'PATCH /api/v1/groups/1').map((c) => sentJson(c.init?.body));

async function openSettings() {
  const user = userEvent.setup();
  renderWorkspace('/groups/1/settings');
  const card = await screen.findByTestId('status-settings');
  return { user, card };
}

describe("the group's settings", () => {
  it('shows the status now and offers the changes the group can make', async () => {
    const { card } = await openSettings();
    expect(within(card).getByTestId('status-now')).toHaveTextContent('Aktif sejak 1 Feb 2026');
    expect(within(card).getAllByRole('option').map((o) => o.textContent)).toEqual(['Pilih status', 'Tidak aktif', 'Bubar']);
    expect(within(card).queryByRole('button')).not.toBeInTheDocument();
  });

  it('dissolving asks first, naming that it is final; calling it off changes nothing', async () => {
    const { user, card } = await openSettings();
    await user.selectOptions(within(card).getByLabelText('Status baru'), 'dissolved');
    expect(card).toHaveTextContent('Kelompok yang bubar tidak dapat diaktifkan lagi');
    await user.click(within(card).getByRole('button', { name: 'Bubarkan kelompok' }));
    const confirm = screen.getByTestId('status-confirm-confirm');
    expect(confirm).toHaveTextContent(/^Bubarkan Harapan Sejahtera sejak .+\? Ini tidak dapat dibatalkan/);
    expect(patches()).toHaveLength(0);
    await user.click(within(confirm).getByRole('button', { name: 'Tidak jadi' }));
    expect(screen.queryByTestId('status-confirm-confirm')).not.toBeInTheDocument();
    expect(patches()).toHaveLength(0);
    expect(screen.getByTestId('group-status')).toHaveTextContent('Aktif');
  });

  it('dissolving, once confirmed, saves the status from the day given', async () => {
    const { user, card } = await openSettings();
    await user.selectOptions(within(card).getByLabelText('Status baru'), 'dissolved');
    await user.type(within(card).getByLabelText('Berlaku sejak'), '2026-03-01');
    await user.click(within(card).getByRole('button', { name: 'Bubarkan kelompok' }));
    expect(screen.getByTestId('status-confirm-confirm')).toHaveTextContent('Bubarkan Harapan Sejahtera sejak 1 Maret 2026?');
    await user.click(screen.getByRole('button', { name: 'Ya, bubarkan' }));
    expect(await within(card).findByText('Status kelompok sudah diubah.')).toBeInTheDocument();
    expect(patches()).toEqual([{ status: 'dissolved', status_since: '2026-03-01' }]);
    expect(screen.getByTestId('group-status')).toHaveTextContent('Bubar');
  });

  it('another change asks too, and the server refusal stays with the question', async () => {
    serve(groupView({ status: 'embryo' }), () => problem('invalid-input', 400, [{ field: 'status', code: 'invalid_transition' }]));
    const { user, card } = await openSettings();
    await user.selectOptions(within(card).getByLabelText('Status baru'), 'active');
    await user.click(within(card).getByRole('button', { name: 'Ubah status menjadi Aktif' }));
    const confirm = screen.getByTestId('status-confirm-confirm');
    expect(confirm).toHaveTextContent(/^Ubah status Harapan Sejahtera menjadi Aktif sejak /);
    await user.click(within(confirm).getByRole('button', { name: 'Ya, ubah status' }));
    expect(await within(confirm).findByRole('alert')).toBeInTheDocument();
    expect(patches()).toEqual([{ status: 'active' }]);
  });

  it('a day after today is pointed out and offers no change', async () => {
    const { user, card } = await openSettings();
    await user.selectOptions(within(card).getByLabelText('Status baru'), 'inactive');
    await user.type(within(card).getByLabelText('Berlaku sejak'), '2999-01-01');
    expect(within(card).getByText('Tanggal ini belum terjadi.')).toBeInTheDocument();
    expect(within(card).queryByRole('button')).not.toBeInTheDocument();
  });

  it('says a dissolved group stays dissolved', async () => {
    serve(groupView({ status: 'dissolved', writes: [] }));
    const { card } = await openSettings();
    expect(card).toHaveTextContent('Kelompok ini sudah bubar; statusnya tidak dapat diubah lagi.');
    expect(within(card).queryByRole('combobox')).not.toBeInTheDocument();
  });
});
