// The mentoring feature's reads and writes through TanStack Query, keyed by `mentoringKeys`.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sendSave, type Save } from '../../../lib/save';
import { createCompetency, listCompetencies, updateCompetency } from '../api/competencies';
import { mentoringKeys } from '../api/keys';
import type { Competency } from '../types';
import type { CompetencyInput } from '../types/form';

/** The catalogue changes rarely: it is read once and kept for ten minutes. */
export function useCompetencies() {
  return useQuery({ queryKey: mentoringKeys.catalogue(), queryFn: ({ signal }) => listCompetencies(signal), staleTime: 10 * 60_000 });
}

export type CompetencySave = Save<Competency, CompetencyInput>;

/**
 * Adds or changes a competency (a change of nothing sends nothing). The catalogue on screen shows
 * the answer at once; a retired one leaves it, since the catalogue lists those still taught.
 */
export function useSaveCompetency() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (save: CompetencySave) => sendSave(save, createCompetency, updateCompetency),
    onSuccess: (saved) => {
      client.setQueryData<Competency[]>(mentoringKeys.catalogue(), (items) => {
        if (!items) return items;
        const others = items.filter((c) => c.id !== saved.id);
        return saved.retired ? others : [...others, saved];
      });
      void client.invalidateQueries({ queryKey: mentoringKeys.catalogue(), refetchType: 'none' });
    },
  });
}
