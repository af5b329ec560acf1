// The mentoring feature's reads through TanStack Query, keyed by `mentoringKeys`.
import { useQuery } from '@tanstack/react-query';
import { listCompetencies } from '../api/competencies';
import { mentoringKeys } from '../api/keys';

/** The catalogue changes rarely: it is read once and kept for ten minutes. */
export function useCompetencies() {
  return useQuery({ queryKey: mentoringKeys.catalogue(), queryFn: ({ signal }) => listCompetencies(signal), staleTime: 10 * 60_000 });
}
