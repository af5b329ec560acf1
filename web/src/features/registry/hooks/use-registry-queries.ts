// The registry's reads through TanStack Query, keyed by `registryKeys`.
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { nextOffset } from '../../../lib/page';
import { useDebounced } from '../../../lib/use-debounced';
import { enterpriseAreas, enterpriseHistory, getEnterprise, getPerson, listEnterprises, listSectors, listStewards, searchPeople } from '../api/registry';
import { registryKeys } from '../api/keys';
import type { EnterpriseFilters } from '../types/filters';
import { areasQuery, isSearchable, listQuery } from '../types/filters';

/** A page of enterprises; `keepPrevious` (the default) keeps the last page on screen while the next loads. */
export function useEnterprises(filters: EnterpriseFilters, options: { limit?: number; enabled?: boolean; keepPrevious?: boolean } = {}) {
  return useQuery({
    queryKey: registryKeys.list(listQuery(filters, options.limit)),
    queryFn: ({ signal }) => listEnterprises(filters, signal, options.limit),
    enabled: options.enabled ?? true,
    placeholderData: options.keepPrevious === false ? undefined : keepPreviousData,
  });
}

export function useEnterpriseAreas(filters: EnterpriseFilters, region: string | null) {
  return useQuery({
    queryKey: registryKeys.areas(areasQuery(filters, region)),
    queryFn: ({ signal }) => enterpriseAreas(filters, region, signal),
    placeholderData: keepPreviousData,
  });
}

/** One enterprise (null or not `enabled`: nothing to load). */
export function useEnterprise(id: number | null, enabled = true) {
  return useQuery({
    queryKey: registryKeys.enterprise(id ?? 0),
    queryFn: ({ signal }) => getEnterprise(id!, signal),
    enabled: enabled && id !== null,
  });
}

const HISTORY_PAGE = 20;

/** Who changed the record and when, newest first, a page at a time ("more" loads the next). */
export function useEnterpriseHistory(id: number) {
  return useInfiniteQuery({
    queryKey: registryKeys.history(id),
    queryFn: ({ signal, pageParam }) => enterpriseHistory(id, pageParam, HISTORY_PAGE, signal),
    initialPageParam: 0,
    getNextPageParam: nextOffset,
  });
}

export function useSectorList() {
  return useQuery({ queryKey: registryKeys.sectors(), queryFn: ({ signal }) => listSectors(signal), staleTime: Infinity });
}

export function useStewards(enabled: boolean) {
  return useQuery({ queryKey: registryKeys.stewards(), queryFn: ({ signal }) => listStewards(signal), enabled });
}

export function usePerson(id: number) {
  return useQuery({ queryKey: registryKeys.person(id), queryFn: ({ signal }) => getPerson(id, signal) });
}

/**
 * People by name for the owner picker, asked once typing pauses for `delayMs`. While the next
 * answer loads the last one stays listed; too short a query lists nobody.
 */
export function usePeopleSearch(q: string, delayMs: number) {
  const settled = useDebounced(q, delayMs);
  const search = useQuery({
    queryKey: registryKeys.peopleSearch(settled),
    queryFn: ({ signal }) => searchPeople(settled, signal),
    enabled: isSearchable(settled) && isSearchable(q),
    placeholderData: keepPreviousData,
  });
  if (!isSearchable(q)) return { status: 'idle' as const, items: [], total: 0, error: null };
  const status = search.isError ? 'error' : search.isFetching ? 'loading' : search.isSuccess ? 'done' : 'idle';
  return { status, items: search.data?.items ?? [], total: search.data?.total ?? 0, error: search.error };
}
