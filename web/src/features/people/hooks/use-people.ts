// The people feature's reads and writes through TanStack Query, keyed by `peopleKeys`.
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { nextOffset } from '../../../lib/page';
import { peopleKeys } from '../api/keys';
import { getPerson, listPeople, personHistory, stewardName } from '../api/people';
import { listQuery, type PeopleFilters } from '../types/filters';
import type { Person } from '../types';

/** Names of stakeholders change rarely: a page asks again after five minutes. */
const NAMES_STALE_MS = 5 * 60 * 1000;
const HISTORY_PAGE = 20;

/** A page of people; the last page stays on screen while the next loads. */
export function usePeople(filters: PeopleFilters) {
  return useQuery({
    queryKey: peopleKeys.list(listQuery(filters)),
    queryFn: ({ signal }) => listPeople(filters, signal),
    placeholderData: keepPreviousData,
  });
}

/** One person (null: nothing to load, e.g. a bad id in the address). */
export function usePerson(id: number | null) {
  return useQuery({ queryKey: peopleKeys.person(id ?? 0), queryFn: ({ signal }) => getPerson(id!, signal), enabled: id !== null });
}

/** Who changed the record and when, newest first, a page at a time (null: nothing to load). */
export function usePersonHistory(id: number | null) {
  return useInfiniteQuery({
    queryKey: peopleKeys.history(id ?? 0),
    queryFn: ({ signal, pageParam }) => personHistory(id!, pageParam, HISTORY_PAGE, signal),
    initialPageParam: 0,
    getNextPageParam: nextOffset,
    enabled: id !== null,
  });
}

/** The name of the stakeholder keeping a record (null: the record has none). */
export function useStewardName(id: number | null) {
  return useQuery({
    queryKey: peopleKeys.steward(id ?? 0),
    queryFn: ({ signal }) => stewardName(id!, signal),
    enabled: id !== null,
    staleTime: NAMES_STALE_MS,
  });
}

/**
 * A record saved: its page shows the server's answer at once (never the old values under
 * "saved"); its history, every list and search of people, and the enterprises that carry the
 * owner's name and gender are read again.
 */
export function usePersonSaved() {
  const client = useQueryClient();
  return (person: Person) => {
    client.setQueryData(peopleKeys.person(person.id), person);
    void client.invalidateQueries({ queryKey: peopleKeys.history(person.id) });
    void client.invalidateQueries({
      queryKey: peopleKeys.all,
      // The record itself is the server's answer, just put there; its history is read above.
      predicate: (query) => query.queryKey[1] !== person.id,
    });
    void client.invalidateQueries({ queryKey: peopleKeys.enterprises });
  };
}
