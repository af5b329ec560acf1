import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { routeFetch } from '../../../test/fixtures';
import { member } from '../../../test/groups';
import { createTestQueryClient, jsonResponse } from '../../../test/render';
import { groupKeys } from '../api/keys';
import { useAddMember, useCreateMeeting, useDecide, usePostEntry, useRecordVotes } from './use-group-mutations';

function setup() {
  const client = createTestQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  // What the workspace had loaded before the write.
  client.setQueryData(groupKeys.view(1), { id: 1 });
  client.setQueryData(groupKeys.memberList(1, false), []);
  client.setQueryData(groupKeys.memberList(1, true), []);
  client.setQueryData(groupKeys.statement(1), {});
  client.setQueryData(groupKeys.ledger(1, 20, 0), { items: [], total: 0 });
  client.setQueryData(groupKeys.memberList(2, false), []);
  client.setQueryData(groupKeys.meetingPage(1, 20, 0), { items: [], total: 0 });
  client.setQueryData(groupKeys.compliance(1, { from: null, to: null, sop: 2 }), {});
  client.setQueryData(groupKeys.regionCompliance({ region: '35.79' }), {});
  client.setQueryData(groupKeys.norms(1), []);
  const invalidated = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;
  return { client, wrapper, invalidated };
}

beforeEach(() => {
  routeFetch({
    'POST /api/v1/groups/1/members': () => jsonResponse(member(20, 'Sumi'), 201),
    'POST /api/v1/groups/1/ledger': () => jsonResponse({ id: 9 }, 201),
    'POST /api/v1/groups/1/meetings': () => jsonResponse({ id: 5 }, 201),
    'POST /api/v1/groups/1/deliberations/3/decide': () => jsonResponse({ id: 3 }),
    'PUT /api/v1/groups/1/deliberations/3/votes': () => jsonResponse({ id: 3, votes_cast: 1 }),
  });
});

describe('group writes invalidate what they change', () => {
  it('adding a member marks both member lists and the group (its count) for loading again, not the treasury', async () => {
    const { wrapper, invalidated } = setup();
    const { result } = renderHook(() => useAddMember(1), { wrapper });
    await act(() => result.current.mutateAsync({ body: { person_id: 12, role: 'member' } as never }));
    expect(invalidated(groupKeys.memberList(1, false))).toBe(true);
    expect(invalidated(groupKeys.memberList(1, true))).toBe(true);
    expect(invalidated(groupKeys.view(1))).toBe(true);
    expect(invalidated(groupKeys.statement(1))).toBe(false);
    expect(invalidated(groupKeys.memberList(2, false))).toBe(false);
  });

  it('a ledger entry marks the statement and every ledger page, not the members', async () => {
    const { wrapper, invalidated } = setup();
    const { result } = renderHook(() => usePostEntry(1), { wrapper });
    await act(() => result.current.mutateAsync({ body: { kind: 'expense', amount: 5_000, date: '2026-03-01' } as never }));
    expect(invalidated(groupKeys.statement(1))).toBe(true);
    expect(invalidated(groupKeys.ledger(1, 20, 0))).toBe(true);
    expect(invalidated(groupKeys.memberList(1, false))).toBe(false);
  });

  it('a new meeting marks the meeting pages and the compliance of the group and of its region', async () => {
    const { wrapper, invalidated } = setup();
    const { result } = renderHook(() => useCreateMeeting(1), { wrapper });
    await act(() => result.current.mutateAsync({ body: { kind: 'formal', held_on: '2026-03-01' } as never }));
    expect(invalidated(groupKeys.meetingPage(1, 20, 0))).toBe(true);
    expect(invalidated(groupKeys.compliance(1, { from: null, to: null, sop: 2 }))).toBe(true);
    expect(invalidated(groupKeys.regionCompliance({ region: '35.79' }))).toBe(true);
    expect(invalidated(groupKeys.statement(1))).toBe(false);
  });

  it('a decision marks the norms, the members, the group, the treasury and compliance: an agreed change may touch any', async () => {
    const { wrapper, invalidated } = setup();
    const { result } = renderHook(() => useDecide(1, 3), { wrapper });
    await act(() => result.current.mutateAsync({ body: {} }));
    expect(invalidated(groupKeys.norms(1))).toBe(true);
    expect(invalidated(groupKeys.memberList(1, false))).toBe(true);
    expect(invalidated(groupKeys.view(1))).toBe(true);
    expect(invalidated(groupKeys.statement(1))).toBe(true);
    expect(invalidated(groupKeys.compliance(1, { from: null, to: null, sop: 2 }))).toBe(true);
    expect(invalidated(groupKeys.memberList(2, false))).toBe(false);
  });

  it("a sheet of votes shows the server's answer on the proposal at once, and marks its list, not the members", async () => {
    const { client, wrapper, invalidated } = setup();
    client.setQueryData(groupKeys.deliberationPage(1, 20, 0), { items: [], total: 0 });
    const { result } = renderHook(() => useRecordVotes(1, 3), { wrapper });
    await act(() => result.current.mutateAsync({ body: { votes: [{ member_id: 12, option_id: null }] } }));
    expect(client.getQueryData(groupKeys.deliberation(1, 3))).toEqual({ id: 3, votes_cast: 1 });
    expect(invalidated(groupKeys.deliberationPage(1, 20, 0))).toBe(true);
    expect(invalidated(groupKeys.memberList(1, false))).toBe(false);
  });

  it('a refused sheet loads the proposal again, as the server holds it now', async () => {
    const { client, wrapper, invalidated } = setup();
    client.setQueryData(groupKeys.deliberation(1, 4), { id: 4, votes_cast: 0 });
    const { result } = renderHook(() => useRecordVotes(1, 4), { wrapper });
    await act(async () => {
      await expect(result.current.mutateAsync({ body: { votes: [{ member_id: 12, option_id: null }] } })).rejects.toThrow();
    });
    expect(invalidated(groupKeys.deliberation(1, 4))).toBe(true);
  });
});
