// Matching runs through TanStack Query, keyed by `matchingKeys`: a run is read again every second
// until it has finished (as an import job is); publishing puts the answer in the cache and marks
// the runs' groups' mentorships stale, so the Belajar tab lists them.
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../lib/api-client';
import {
  getMatchableGroup,
  getMatchingRun,
  listGroupMentors,
  listMatchableGroups,
  listMatchingRuns,
  publishMatchingRun,
  startMatchingRun,
} from '../api/matching';
import { mentoringKeys } from '../api/keys';
import { matchingKeys } from '../api/matching-keys';
import { isRunFinished, type MatchingRun, type MatchingRunInput, type MatchingRunView } from '../types/matching';

export const RUN_POLL_MS = 1000;
export const LIST_POLL_MS = 3000;
export const RUNS_PAGE = 20;

/** When to read the run again: never once it finished or the server refused (4xx); later after each failure. */
export function nextRunPoll(run: MatchingRun | undefined, failures: number, error: unknown, pollMs: number): number | false {
  if (failures > 0) {
    if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
    return pollMs * Math.min(10, 2 ** (failures - 1));
  }
  return run && isRunFinished(run) ? false : pollMs;
}

/** One run, followed every `pollMs` until it has finished; the lists of runs catch up when it does. */
export function useMatchingRun(id: number, pollMs = RUN_POLL_MS) {
  const client = useQueryClient();
  return useQuery({
    queryKey: matchingKeys.run(id),
    queryFn: async ({ signal }) => {
      const run = await getMatchingRun(id, signal);
      if (isRunFinished(run)) void client.invalidateQueries({ queryKey: matchingKeys.runLists() });
      return run;
    },
    retry: false,
    refetchInterval: (q) => nextRunPoll(q.state.data, q.state.fetchFailureCount, q.state.error, pollMs),
    refetchIntervalInBackground: true,
  });
}

/** A page of a group's runs; read again while one of them waits or runs. */
export function useMatchingRuns(groupId: number | null, offset: number) {
  return useQuery({
    queryKey: matchingKeys.runs(groupId ?? 0, offset),
    queryFn: ({ signal }) => listMatchingRuns(groupId!, offset, RUNS_PAGE, signal),
    enabled: groupId !== null,
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some((run) => !isRunFinished(run)) ? LIST_POLL_MS : false),
  });
}

/** The active groups one may match whose name holds `q`. */
export function useMatchableGroups(q: string) {
  return useQuery({
    queryKey: matchingKeys.groups(q),
    queryFn: ({ signal }) => listMatchableGroups(q, signal),
    placeholderData: keepPreviousData,
  });
}

/** The names of the groups of a run, by id (a group not read yet has none). */
export function useGroupNames(ids: readonly number[]): Map<number, string> {
  const groups = useQueries({
    queries: ids.map((id) => ({
      queryKey: matchingKeys.group(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => getMatchableGroup(id, signal),
      staleTime: 5 * 60_000,
    })),
  });
  const names = new Map<number, string>();
  groups.forEach((query, index) => {
    if (query.data) names.set(ids[index]!, query.data.name);
  });
  return names;
}

/** The mentors of the chosen groups, each person once (her first membership among them). */
export function useGroupMentors(groupIds: readonly number[]) {
  const queries = useQueries({
    queries: groupIds.map((id) => ({
      queryKey: matchingKeys.mentors(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => listGroupMentors(id, signal),
    })),
  });
  const seen = new Set<number>();
  const mentors = queries.flatMap((query) => query.data ?? []).filter((member) => {
    if (seen.has(member.person.id)) return false;
    seen.add(member.person.id);
    return true;
  });
  return { mentors, loading: queries.some((query) => query.isPending), error: queries.find((query) => query.isError)?.error ?? null };
}

/** Starts a run: the lists of runs gain it, and its page opens on the queued run. */
export function useStartMatchingRun() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: MatchingRunInput; idempotencyKey?: string | undefined }) =>
      startMatchingRun(body, idempotencyKey),
    onSuccess: () => void client.invalidateQueries({ queryKey: matchingKeys.runLists() }),
  });
}

/**
 * Publishes the run's proposal: the page shows the published run at once, and the mentorships of
 * its groups are read again (the Belajar tab lists the new ones). A refusal reads the run again.
 */
export function usePublishMatchingRun(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => publishMatchingRun(id),
    onSuccess: (view: MatchingRunView) => {
      client.setQueryData(matchingKeys.run(id), view);
      void client.invalidateQueries({ queryKey: matchingKeys.runLists() });
      for (const groupId of view.input.group_ids) {
        void client.invalidateQueries({ queryKey: mentoringKeys.mentorships(groupId) });
        void client.invalidateQueries({ queryKey: mentoringKeys.cycles(groupId) });
      }
    },
    onError: () => void client.invalidateQueries({ queryKey: matchingKeys.run(id) }),
  });
}
