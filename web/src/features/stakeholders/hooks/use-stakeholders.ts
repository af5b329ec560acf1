// The stakeholders feature's reads and writes through TanStack Query, keyed by `stakeholderKeys`.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sendSave, type Save } from '../../../lib/save';
import { createStakeholder, getStakeholder, listStakeholders, updateStakeholder } from '../api/stakeholders';
import { stakeholderKeys } from '../api/keys';
import type { Stakeholder, StakeholderInput } from '../types';

export function useStakeholders(q: string) {
  return useQuery({ queryKey: stakeholderKeys.list(q), queryFn: ({ signal }) => listStakeholders(q, signal) });
}

/** One stakeholder, or nothing while `id` is null (e.g. the one an officer works for). */
export function useStakeholder(id: number | null) {
  return useQuery({
    queryKey: stakeholderKeys.one(id ?? 0),
    queryFn: ({ signal }) => getStakeholder(id!, signal),
    enabled: id !== null,
    staleTime: 10 * 60_000,
  });
}

export type StakeholderSave = Save<Stakeholder, StakeholderInput>;

/**
 * Adds or edits a stakeholder (an edit that changes nothing sends nothing). The lists on screen
 * show the answer at once, and are marked stale so a search asks the server again.
 */
export function useSaveStakeholder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (save: StakeholderSave) => sendSave(save, createStakeholder, updateStakeholder),
    onSuccess: (saved) => {
      client.setQueriesData<Stakeholder[]>({ queryKey: stakeholderKeys.lists() }, (items) =>
        items ? [...items.filter((s) => s.id !== saved.id), saved] : items,
      );
      client.setQueryData(stakeholderKeys.one(saved.id), saved);
      void client.invalidateQueries({ queryKey: stakeholderKeys.lists(), refetchType: 'none' });
    },
  });
}
