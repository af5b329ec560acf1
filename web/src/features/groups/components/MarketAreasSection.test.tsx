import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { todayIso } from '../../../lib/format';
import { callsTo, page, problem, routeFetch } from '../../../test/fixtures';
import { areasView, deliberationView, groupView, marketArea, MEMBERS } from '../../../test/groups';
import { openSectionForm, renderWorkspace } from '../../../test/groups-render';
import { jsonResponse, sentJson } from '../../../test/render';
import type { DeliberationView, GroupView } from '../types';
import type { AreaInput, AreasView } from '../types/cooperation';

let fetchMock: ReturnType<typeof routeFetch>;
let view: AreasView;

const AGREED = deliberationView({ id: 3, title: 'Berbagi Pasar Ngajum', decided: true, outcome: 'agreed' });

/** Areas as the server keeps them: a claim on an area another member holds needs an agreed deliberation. */
function serve(group: GroupView, deliberations: DeliberationView[] = [AGREED]) {
  view = areasView();
  fetchMock = routeFetch({
    'GET /api/v1/groups/1': () => jsonResponse(group),
    'GET /api/v1/groups/1/members': () => page(MEMBERS, MEMBERS.length, 200),
    'GET /api/v1/groups/1/market-areas': () => jsonResponse(view),
    'GET /api/v1/groups/1/deliberations': () => page(deliberations, deliberations.length, 200),
    'POST /api/v1/groups/1/market-areas': (_url, init) => {
      const body = sentJson<AreaInput>(init?.body);
      const held = view.items.some((a) => a.area.toLowerCase() === body.area.toLowerCase() && a.member.id !== body.member_id);
      if (held && body.deliberation_id === undefined) {
        const message = `${body.area} is claimed by Sulastri; agree on sharing it in a deliberation first`;
        return problem('conflict', 409, [{ field: 'area', code: 'claimed_by_other', message }]);
      }
      const name = MEMBERS.find((m) => m.id === body.member_id)!.person.name;
      const claim = marketArea(10, body.member_id, name, body.area, { deliberation_id: body.deliberation_id ?? null });
      view = { ...view, items: [...view.items, claim] };
      return jsonResponse(claim, 201);
    },
    'POST /api/v1/groups/1/market-areas/2/end': () => {
      const ended = { ...view.items[1]!, ended_on: '2026-03-10' };
      view = { ...view, items: view.items.filter((a) => a.id !== 2) };
      return jsonResponse(ended);
    },
  });
}

beforeEach(() => serve(groupView()));

const claimBodies = () => callsTo(fetchMock, 'POST /api/v1/groups/1/market-areas').map((c) => sentJson(c.init?.body));

describe('the market areas tab', () => {
  it("lists each member's areas and marks the one two members share, with the agreement that allows it", async () => {
    renderWorkspace('/groups/1/markets');
    const sutini = await screen.findByTestId('member-areas-12');
    expect(within(sutini).getByRole('heading')).toHaveTextContent('Sutini');
    expect(screen.getByTestId('claim-2')).not.toHaveClass('claim--shared');
    const shared = screen.getByTestId('claim-3');
    expect(shared).toHaveClass('claim--shared');
    expect(shared).toHaveTextContent('Dipakai bersama');
    expect(shared).toHaveTextContent('Bersama Sulastri');
    await waitFor(() => expect(within(shared).getByRole('link', { name: 'Berbagi Pasar Ngajum' })).toHaveAttribute('href', '/groups/1/deliberations/3'));
    expect(screen.getByTestId('claim-1')).toHaveTextContent('Bersama Sutini');
    expect(within(screen.getByTestId('claim-1')).getByRole('link', { name: 'Berbagi Pasar Ngajum' })).toBeInTheDocument();
    expect(within(screen.getByTestId('claim-2')).queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getByTestId('overlaps')).toHaveTextContent('1 wilayah dipakai bersama: Pasar Ngajum');
  });

  it('records a claim on a free area for the chosen member', async () => {
    const user = userEvent.setup();
    const form = await openSectionForm(user, '/groups/1/markets', 'Klaim wilayah', 'claim-form');
    await user.selectOptions(await within(form).findByLabelText('Anggota *'), 'Painem');
    await user.type(within(form).getByLabelText('Wilayah *'), 'Pasar Sumberpucung');
    await user.click(within(form).getByRole('button', { name: 'Simpan wilayah' }));
    expect(await screen.findByText('Pasar Sumberpucung sudah dicatat sebagai wilayah Painem.')).toBeInTheDocument();
    expect(claimBodies()).toEqual([{ member_id: 14, area: 'Pasar Sumberpucung', claimed_on: todayIso() }]);
    expect(await screen.findByTestId('member-areas-14')).toHaveTextContent('Pasar Sumberpucung');
  });

  it('explains a 409 on a held area and claims it again under the agreed deliberation picked', async () => {
    const user = userEvent.setup();
    const form = await openSectionForm(user, '/groups/1/markets', 'Klaim wilayah', 'claim-form');
    await user.selectOptions(await within(form).findByLabelText('Anggota *'), 'Painem');
    await user.type(within(form).getByLabelText('Wilayah *'), 'Pasar Ngajum');
    await user.click(within(form).getByRole('button', { name: 'Simpan wilayah' }));

    const taken = await within(form).findByTestId('claimed-by-other');
    expect(taken).toHaveTextContent('Pasar Ngajum sudah menjadi wilayah Sulastri.');
    expect(taken).toHaveTextContent('Satu wilayah hanya boleh dipakai bersama bila sudah disepakati dalam musyawarah');
    const submit = within(form).getByRole('button', { name: 'Klaim dengan kesepakatan ini' });
    expect(submit).toBeDisabled();
    await user.selectOptions(within(taken).getByLabelText('Musyawarah yang menyepakatinya'), 'Berbagi Pasar Ngajum');
    await user.click(submit);

    expect(await screen.findByText('Pasar Ngajum sudah dicatat sebagai wilayah Painem.')).toBeInTheDocument();
    expect(claimBodies()).toEqual([
      { member_id: 14, area: 'Pasar Ngajum', claimed_on: todayIso() },
      { member_id: 14, area: 'Pasar Ngajum', claimed_on: todayIso(), deliberation_id: 3 },
    ]);
  });

  it('offers only agreed market-area deliberations, and says where to propose one when there is none', async () => {
    const user = userEvent.setup();
    serve(groupView(), [
      deliberationView({ id: 4, title: 'Ditolak', decided: true, outcome: 'not_agreed' }),
      deliberationView({ id: 5, title: 'Harga seragam', topic: 'price', decided: true, outcome: 'agreed' }),
    ]);
    const form = await openSectionForm(user, '/groups/1/markets', 'Klaim wilayah', 'claim-form');
    await user.selectOptions(await within(form).findByLabelText('Anggota *'), 'Painem');
    await user.type(within(form).getByLabelText('Wilayah *'), 'pasar ngajum');
    await user.click(within(form).getByRole('button', { name: 'Simpan wilayah' }));
    const taken = await within(form).findByTestId('claimed-by-other');
    expect(taken).toHaveTextContent('Belum ada musyawarah pembagian wilayah pasar yang disepakati.');
    expect(within(taken).getByRole('link', { name: 'Buat usulan di Musyawarah' })).toHaveAttribute('href', '/groups/1/deliberations');
    expect(within(taken).queryByRole('combobox')).not.toBeInTheDocument();
    expect(within(form).getByRole('button', { name: 'Klaim dengan kesepakatan ini' })).toBeDisabled();
  });

  it('ends a claim after asking', async () => {
    const user = userEvent.setup();
    renderWorkspace('/groups/1/markets');
    await screen.findByTestId('claim-2');
    await user.click(screen.getByRole('button', { name: 'Akhiri wilayah Pasar Kepanjen milik Sutini' }));
    const confirm = screen.getByTestId('end-2-confirm');
    expect(confirm).toHaveTextContent('Akhiri wilayah Pasar Kepanjen milik Sutini?');
    await user.click(within(confirm).getByRole('button', { name: 'Ya, akhiri' }));
    expect(await screen.findByText('Wilayah Pasar Kepanjen milik Sutini sudah diakhiri.')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/v1/groups/1/market-areas/2/end')).toHaveLength(1);
    await waitFor(() => expect(screen.queryByTestId('claim-2')).not.toBeInTheDocument());
  });

  it('asks for ended claims too when wanted', async () => {
    const user = userEvent.setup();
    renderWorkspace('/groups/1/markets');
    await screen.findByTestId('claim-2');
    await user.click(screen.getByLabelText('Tampilkan juga yang sudah berakhir'));
    await waitFor(() =>
      expect(callsTo(fetchMock, 'GET /api/v1/groups/1/market-areas').at(-1)!.url.searchParams.get('include_ended')).toBe('true'),
    );
  });

  it('shows a member the areas without claim or end buttons', async () => {
    serve(groupView({ writes: ['posts'], member_id: 14 }));
    renderWorkspace('/groups/1/markets');
    await screen.findByTestId('claim-2');
    expect(screen.queryByRole('button', { name: 'Klaim wilayah' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Akhiri/ })).not.toBeInTheDocument();
  });
});
