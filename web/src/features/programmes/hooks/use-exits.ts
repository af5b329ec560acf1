// The exits, follow-ups and dashboard through TanStack Query, keyed by `programmeKeys`: a write
// refreshes the group's exit, the exits list and the dashboard (a visit: the follow-ups and the
// dashboard).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { programmeKeys } from '../api/keys';
import {
  checkReadiness,
  getDashboard,
  getExit,
  handOver,
  listExits,
  listFollowUps,
  listMembers,
  nominate,
  recordFollowUp,
} from '../api/exits';
import type { ChecklistInput, ExitView, FollowUpInput, HandOverInput, NominationInput } from '../types';

export function useExits(id: number, offset: number) {
  return useQuery({
    queryKey: programmeKeys.exitList(id, offset),
    queryFn: ({ signal }) => listExits(id, offset, signal),
    placeholderData: keepPreviousData,
  });
}

export function useExit(id: number, groupId: number) {
  return useQuery({ queryKey: programmeKeys.exit(id, groupId), queryFn: ({ signal }) => getExit(id, groupId, signal) });
}

export function useFollowUps(id: number, offset: number) {
  return useQuery({
    queryKey: programmeKeys.followUpBoard(id, offset),
    queryFn: ({ signal }) => listFollowUps(id, offset, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDashboard(id: number) {
  return useQuery({ queryKey: programmeKeys.dashboard(id), queryFn: ({ signal }) => getDashboard(id, signal) });
}

export function useGroupMembers(groupId: number, enabled: boolean) {
  return useQuery({ queryKey: programmeKeys.members(groupId), queryFn: ({ signal }) => listMembers(groupId, signal), enabled });
}

/** After a write to a group's exit: its view as answered, the list and the figures refetched. */
function useExitWritten(id: number, groupId: number) {
  const client = useQueryClient();
  return (view: ExitView) => {
    client.setQueryData(programmeKeys.exit(id, groupId), view);
    void client.invalidateQueries({ queryKey: [...programmeKeys.exits(id), 'list'] });
    void client.invalidateQueries({ queryKey: programmeKeys.dashboard(id) });
  };
}

export function useNominate(id: number, groupId: number) {
  const written = useExitWritten(id, groupId);
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: NominationInput; idempotencyKey?: string }) => nominate(id, groupId, body, idempotencyKey),
    onSuccess: written,
  });
}

export function useCheckReadiness(id: number, groupId: number) {
  const written = useExitWritten(id, groupId);
  return useMutation({ mutationFn: (body: ChecklistInput) => checkReadiness(id, groupId, body), onSuccess: written });
}

export function useHandOver(id: number, groupId: number) {
  const client = useQueryClient();
  const written = useExitWritten(id, groupId);
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: HandOverInput; idempotencyKey?: string }) => handOver(id, groupId, body, idempotencyKey),
    onSuccess: (view) => {
      written(view);
      // She is the group's mentor now; a visit may say whether she still coaches.
      void client.invalidateQueries({ queryKey: programmeKeys.members(groupId) });
      void client.invalidateQueries({ queryKey: programmeKeys.followUps(id) });
    },
  });
}

export function useRecordFollowUp(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: FollowUpInput; idempotencyKey?: string }) => recordFollowUp(id, body, idempotencyKey),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: programmeKeys.followUps(id) });
      void client.invalidateQueries({ queryKey: programmeKeys.dashboard(id) });
    },
  });
}
